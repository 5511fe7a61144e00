import * as fs from 'node:fs';
import * as path from 'node:path';

/** The `.bizha` files of `<root>/examples/<name>/`, as `<name>/<file>` with their text, in order. */
export function exampleFiles(root = process.cwd()): Array<{ readonly path: string; readonly text: string }> {
    const dir = path.join(root, 'examples');
    const files: Array<{ path: string; text: string }> = [];
    for (const name of fs.readdirSync(dir).sort()) {
        const folder = path.join(dir, name);
        if (!fs.statSync(folder).isDirectory()) continue;
        for (const file of fs.readdirSync(folder).sort()) {
            if (file.endsWith('.bizha')) files.push({ path: `${name}/${file}`, text: fs.readFileSync(path.join(folder, file), 'utf8') });
        }
    }
    return files;
}

/**
 * A small, highly available group that bizha reports nothing on: rule tests start from it and
 * change one thing, so each case shows exactly what triggers (or does not trigger) a rule.
 */
export const cleanGroup = `group Prod {
    version 2020 cu 6
    edition enterprise
    receive-location-fault-tolerance on

    computer BTS01, BTS02
    computer SQL01, SQL02

    cluster SQLCL {
        nodes SQL01, SQL02
        storage SAN01
        msdtc
        witness disk
        network-name SQLCLSSO
    }

    sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }

    sso {
        master-secret-server on SQLCL
        backup "\\\\\\\\fs01\\\\sso"
        administrators CONTOSO\\SSOAdmins
    }

    host ReceiveHost { receive FILE (path "\\\\\\\\fs-cluster\\\\in")  instances on BTS01, BTS02  account CONTOSO\\svc-bts }
    host ProcessingHost { orchestrations  instances on BTS01, BTS02 }
    host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }
    host TrackingHost { tracking  instances on BTS01, BTS02 }
    host WebReceive isolated { receive WCF-BasicHttp  instances on BTS01, BTS02 }

    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }

    backup-job {
        destination "\\\\\\\\fs01\\\\btsbackup"
        log-shipping to DRSQL
    }

    computer DR01
    sql DRSQL on DR01
}
`;

/** The clean group with one textual change; fails loudly if the text to replace is not there. */
export function variant(replacements: Array<[string, string]>, base: string = cleanGroup): string {
    let text = base;
    for (const [from, to] of replacements) {
        if (!text.includes(from)) throw new Error(`fixture does not contain: ${from}`);
        text = text.replace(from, to);
    }
    return text;
}

/** The 1-based line of the only occurrence of `needle` (throws when it is missing or repeated). */
export function lineOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`needle must occur exactly once: ${needle}`);
    return text.slice(0, at).split('\n').length;
}

/** The 1-based number of the first line that contains `needle`. */
export function firstLineWith(text: string, needle: string): number {
    const index = text.split('\n').findIndex(line => line.includes(needle));
    if (index < 0) throw new Error(`no line contains ${needle}`);
    return index + 1;
}

/** The 1-based line a diagnostic starts on. */
export const startLine = (diagnostic: { range: { start: { line: number } } }): number => diagnostic.range.start.line + 1;

/** The clean group using BAM: its databases, the portal on both BizTalk computers behind the web farm, the event bus on both, a BAM backup. */
export const bamGroup = variant([
    ['databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb', 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb, BAMPrimaryImport, BAMStarSchema, BAMArchive'],
    ['    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n', '    nlb WebFarm { members BTS01, BTS02  fronts WebReceive, bam-portal }\n\n    bam {\n        portal on BTS01, BTS02\n        event-bus on BTS01, BTS02\n        backup "\\\\\\\\fs01\\\\bam"\n    }\n']
]);

/** The clean group with one more host (declared before the load balancer). */
export const withHost = (host: string, base = cleanGroup): string => variant([['    nlb WebFarm', `    ${host}\n    nlb WebFarm`]], base);

/** The clean group plus a cluster of its two BizTalk computers (the NLB becomes a hardware one, as cluster nodes require). */
export const clusteredBase = variant([
    ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  witness file-share  msdtc  msmq }\n'],
    ['nlb WebFarm {', 'nlb WebFarm { kind hardware ']
]);

const sqlBlock = `sql BTSSQL on SQLCL {
        edition enterprise
        version 2019
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`;

/** The clean group with its databases in an availability group of two synchronous replicas on the SQL cluster nodes. */
export const agGroup = variant([[sqlBlock, `sql SQLA on SQL01 { edition enterprise version 2019 }
    sql SQLB on SQL02 { edition enterprise version 2019 }
    availability-group BTSAG {
        replicas SQLA, SQLB
        listener BTSLSN port 1433
        dtc-support per-database
        databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb
    }`]]);

/** 0-based [line, character] of `word` on the first line that contains `lineNeedle`. */
export function startOf(text: string, lineNeedle: string, word: string): [number, number] {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(lineNeedle));
    if (line < 0 || !lines[line].includes(word)) throw new Error(`no ${word} on the line of ${lineNeedle}`);
    return [line, lines[line].indexOf(word)];
}

/** 0-based [line, character] where a diagnostic starts. */
export const rangeStart = (diagnostic: { range: { start: { line: number; character: number } } }): [number, number] =>
    [diagnostic.range.start.line, diagnostic.range.start.character];

/**
 * Microsoft's "SSO and a BizTalk host in the same cluster group" design on the clean group: the
 * master secret server and every in-process host clustered in one group on the two BizTalk
 * computers, IIS clustered with them so the isolated host runs where SSO runs (no load balancer).
 */
export const ssoHostClusterGroup = variant([
    ['computer BTS01, BTS02\n', 'computer BTS01, BTS02\n    cluster BTSCL { nodes BTS01, BTS02  network-name BTSCLNAME  witness file-share  msdtc  iis }\n'],
    ['master-secret-server on SQLCL', 'master-secret-server on BTSCL'],
    ['fs-cluster\\\\in")  instances on', 'fs-cluster\\\\in")  clustered on BTSCL  instances on'],
    ['orchestrations  instances on', 'orchestrations  clustered on BTSCL  instances on'],
    ['send FILE, SMTP  instances on', 'send FILE, SMTP  clustered on BTSCL  instances on'],
    ['tracking  instances on', 'tracking  clustered on BTSCL  instances on'],
    ['    nlb WebFarm { members BTS01, BTS02  fronts WebReceive }\n', '']
]);
