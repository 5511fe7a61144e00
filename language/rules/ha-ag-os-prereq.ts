import { AstUtils } from 'langium';
import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { biztalkComputers, listText, sqlInstancesHoldingDatabases, computersOfSql } from './helpers.js';

/** What MSDTC with availability groups needs on each Windows Server release (none from 2019). */
const prerequisites: Array<{ year: number; r2: boolean; release: string; needs: string; update: string }> = [
    { year: 2012, r2: true, release: 'Windows Server 2012 R2', needs: 'hotfix KB3090973', update: 'KB3090973' },
    { year: 2016, r2: false, release: 'Windows Server 2016', needs: 'the MSDTC `RemoteAccessEnabled` registry setting of KB3182294', update: 'KB3182294' }
];

export const haAgOsPrereq = defineRule({
    id: 'HA-AG-OS-PREREQ',
    defaultSeverity: 'warning',
    area: 'availability groups',
    summary: 'MSDTC with availability groups needs KB3090973 on Windows Server 2012 R2 and the RemoteAccessEnabled setting (KB3182294) on Windows Server 2016.',
    sources: ['biztalk/core/high-availability-using-sql-server-always-on-availability-groups.md'],
    check({ group, report }) {
        const ag = [...group.availabilityGroups.values()].find(a => group.databases.some(d => d.container?.kind === 'availability-group' && d.container.name === a.name));
        if (!ag) return;
        // Every computer of the distributed transactions: the BizTalk computers and the SQL computers.
        const sqlComputers = sqlInstancesHoldingDatabases(group).flatMap(sql => computersOfSql(group, sql));
        const computers = [...new Set([...biztalkComputers(group), ...sqlComputers])].map(name => group.computers.get(name)).filter(c => !!c);
        for (const { year, r2, release, needs, update } of prerequisites) {
            // `os 2016 (KB3182294)` declares the prerequisite in place.
            const affected = computers.filter(c => c.os?.year === year && c.os.r2 === r2 && !c.os.updates.includes(update)).map(c => c.name);
            if (affected.length === 0) continue;
            report({
                node: ag.node, property: 'name',
                message: `${listText(affected)} ${affected.length === 1 ? 'runs' : 'run'} ${release}, where MSDTC transactions with databases in availability group ${ag.name} need ${needs} on every BizTalk and SQL Server computer; without it, BizTalk's distributed transactions fail after a failover. Install it on ${affected.length === 1 ? 'it' : 'them'} and declare it (\`os ${year}${r2 ? ' r2' : ''} (${update})\`), or move to Windows Server 2019 or later.`,
                data: { ag: ag.name, os: release, update, computers: affected }
            });
        }
        const undeclared = computers.filter(c => !c.os).map(c => c.name);
        if (undeclared.length > 0) {
            report({
                node: ag.node, property: 'name', severity: 'information',
                message: `${listText(undeclared)} ${undeclared.length === 1 ? 'declares' : 'declare'} no \`os\`: MSDTC with availability group ${ag.name} needs hotfix KB3090973 on Windows Server 2012 R2 and the RemoteAccessEnabled setting (KB3182294) on Windows Server 2016. Declare each computer's release (\`os 2019\`) so bizha can check.`,
                data: { ag: ag.name }
            });
        }
    },
    fix(context) {
        const update = typeof context.data.update === 'string' ? context.data.update : undefined;
        const names = Array.isArray(context.data.computers) ? context.data.computers.filter((n): n is string => typeof n === 'string') : [];
        if (!update || names.length === 0) return [];
        const edits = names.flatMap(name => {
            const os = context.group.computers.get(name)?.node.properties.filter(ast.isComputerOs).at(-1);
            const cst = os?.$cstNode;
            // A computer of another file (an inventory) is declared there.
            if (!os || !cst || AstUtils.getDocument(os) !== context.document) return [];
            // Inside an existing list of updates, or a new one after the release.
            const close = os.updates.length > 0 ? cst.text.lastIndexOf(')') : -1;
            return close >= 0 ? [context.editor.insert(cst.offset + close, `, ${update}`)] : [context.editor.insert(cst.end, ` (${update})`)];
        });
        // Not preferred: it records that the update is installed, which only the administrator knows.
        return [{ title: `Declare ${update} installed on ${listText(names)} (after installing it)`, edits, preferred: false }];
    }
});
