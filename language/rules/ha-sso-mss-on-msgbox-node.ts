import { GrammarUtils } from 'langium';
import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haSsoMssOnMsgboxNode = defineRule({
    id: 'HA-SSO-MSS-ON-MSGBOX-NODE',
    defaultSeverity: 'information',
    area: 'SSO',
    summary: 'On a shared SQL cluster, prefer different nodes for the master secret server and the MessageBox instance.',
    sources: ['biztalk/technical-guides/clustering-the-master-secret-server.md'],
    check({ group, report }) {
        const mss = group.sso?.masterSecretServer;
        if (mss?.kind !== 'cluster' || mss.preferredOwner === undefined) return;
        const owner = mss.preferredOwner;
        const messageBoxes = group.databases.filter(d => d.kind === 'messagebox' && d.container?.kind === 'sql');
        const instances = [...new Set(messageBoxes.map(d => d.container!.name))]
            .map(name => group.sqlInstances.get(name))
            .filter(sql => sql?.server?.kind === 'cluster' && sql.server.name === mss.name && sql.preferredOwner === owner);
        if (instances.length === 0) return;
        const names = instances.map(sql => sql!.name);
        const cluster = group.clusters.get(mss.name);
        const otherNodes = (cluster?.nodes ?? []).filter(n => n !== owner && ![...group.sqlInstances.values()].some(sql => sql.server?.name === mss.name && sql.preferredOwner === n && messageBoxes.some(d => d.container!.name === sql.name)));
        report({
            node: mss.node, property: 'preferredOwner',
            message: `The master secret server and SQL instance${names.length === 1 ? '' : 's'} ${listText(names)}, which hold${names.length === 1 ? 's' : ''} the MessageBox, both prefer ${owner} on ${mss.name}: normally one node carries the busiest database and the master secret server together while ${otherNodes.length > 0 ? listText(otherNodes) : 'the other nodes'} carr${otherNodes.length === 1 ? 'ies' : 'y'} less. Prefer another node for the master secret server${otherNodes.length > 0 ? ` (${otherNodes[0]})` : ''} so that each active node runs one of them.`,
            related: instances.map(sql => ({ message: `${sql!.name} prefers ${owner}`, source: sql!.source })),
            data: { candidate: otherNodes[0] }
        });
    },
    fix(context) {
        const candidate = context.data.candidate;
        const mss = context.group.sso?.masterSecretServer;
        const ownerNode = mss ? GrammarUtils.findNodeForProperty(mss.node.$cstNode, 'preferredOwner') : undefined;
        if (typeof candidate !== 'string' || !ownerNode) return [];
        return [{ title: `Prefer ${candidate} for the master secret server`, edits: context.editor.replace(ownerNode, candidate), preferred: true }];
    }
});
