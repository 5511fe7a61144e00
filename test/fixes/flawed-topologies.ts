/**
 * Small BizTalk groups with the single points of failure real installations start from: one
 * computer doing everything, or one BizTalk computer and one SQL computer, with local and
 * built-in accounts, no SSO backup, mixed hosts. Deterministic (a seeded generator), formatted the
 * way the formatter writes files, with comments in several places so fixes can be checked to keep
 * them.
 */

/** Park-Miller: the same topologies on every run. */
function random(seed: number): () => number {
    let state = seed % 2147483647 || 1;
    return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export interface FlawedTopology {
    readonly name: string;
    readonly text: string;
    /** 'single-server': SQL Server on the only BizTalk computer; 'two-computer': one BizTalk computer, one SQL computer. */
    readonly shape: 'single-server' | 'two-computer';
}

const receiveAdapters = ['FILE', 'FTP', 'WCF-BasicHttp', 'MSMQ', 'SFTP', 'WCF-NetTcp', 'SAP', 'MQSeries', 'HTTP', 'POP3'];
const sendAdapters = ['FILE', 'SMTP', 'WCF-BasicHttp', 'SFTP', 'HTTP', 'MSMQ'];

export function flawedTopology(seed: number): FlawedTopology {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(items)))];
    const shape = next() < 0.5 ? 'single-server' : 'two-computer';
    const bts = pick(['BTS01', 'BTSPRD01', 'APP1']);
    const sqlComputer = shape === 'single-server' ? bts : pick(['SQL01', 'DB01', 'SQLPRD1']);
    const sqlName = pick(['BTSSQL', 'SQLA', 'MAIN']);
    const account = (role: string) => pick([`${bts}\\${role}`, 'NetworkService', 'LocalSystem', `CONTOSO\\${role}`]);
    const lines: string[] = [];
    const member = (text: string) => lines.push(...text.split('\n').map(line => `    ${line}`));
    lines.push(`// Generated flawed topology ${seed} (${shape}).`, `group Flawed${seed} {`);
    member('version 2020 cu 6');
    member(`edition ${pick(['enterprise', 'enterprise', 'standard'])}`);
    lines.push('');
    member(shape === 'single-server' ? `computer ${bts} // everything runs here` : `computer ${bts}\ncomputer ${sqlComputer}`);
    lines.push('');
    member(`/* the only SQL Server */\nsql ${sqlName} on ${sqlComputer} {\n    edition ${pick(['enterprise', 'standard'])}\n    version 2019\n    databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb\n}`);
    lines.push('');
    const sso = [`master-secret-server on ${pick([bts, sqlComputer])}`];
    if (next() < 0.4) sso.push('backup "\\\\\\\\fs01\\\\sso"');
    sso.push(`administrators ${pick([`${bts}\\SSOAdmins`, 'CONTOSO\\SSOAdmins'])}`);
    member(`sso {\n${sso.map(line => `    ${line}`).join('\n')}\n}`);
    lines.push('');
    if (next() < 0.5) {
        member(`// one host does everything\nhost App {\n    receive ${some(receiveAdapters, 3).join(', ')}\n    orchestrations\n    send ${some(sendAdapters, 3).join(', ')}\n    ${next() < 0.7 ? 'tracking\n    ' : ''}instances on ${bts}\n    account ${account('svc-bts')}\n}`);
    } else {
        member(`host Receiving {\n    receive ${some(receiveAdapters, 2).join(', ')}\n    instances on ${bts}\n    account ${account('svc-rcv')}\n}`);
        lines.push('');
        member(`host Processing {\n    orchestrations // business processes\n    instances on ${bts}\n}`);
        lines.push('');
        member(`host Sending { send ${some(sendAdapters, 2).join(', ')}  instances on ${bts} }`);
        if (next() < 0.6) member(`host Tracking { tracking  instances on ${bts} }`);
    }
    if (next() < 0.6) {
        lines.push('');
        member(`host Web isolated {\n    receive WCF-BasicHttp\n    instances on ${bts}\n    account ${account('svc-web')}\n}`);
    }
    if (next() < 0.5) {
        lines.push('');
        member(`backup-job {\n    destination "\\\\\\\\fs01\\\\backup"\n}`);
    }
    lines.push('}', '');
    return { name: `generated ${seed} (${shape})`, text: lines.join('\n'), shape };
}

/** `count` generated topologies, both shapes. */
export function flawedTopologies(count: number, firstSeed = 1): FlawedTopology[] {
    return Array.from({ length: count }, (_, i) => flawedTopology(firstSeed + i * 7919));
}
