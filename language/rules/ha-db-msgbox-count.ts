import { defineRule } from './rule.js';

export const haDbMsgboxCount = defineRule({
    id: 'HA-DB-MSGBOX-COUNT',
    defaultSeverity: 'information',
    area: 'databases',
    summary: 'Scale out MessageBoxes to three or more, with new message publication disabled on the master.',
    sources: ['biztalk/core/scaled-out-databases.md', 'biztalk/technical-guides/scaling-out-the-biztalk-server-databases.md'],
    check({ group, report }) {
        const messageBoxes = group.databases.filter(d => d.kind === 'messagebox');
        if (messageBoxes.length !== 2) return;
        const [master, second] = messageBoxes;
        report({
            node: second.node, property: 'name',
            message: `The group has two MessageBox databases (${master.name}, the master, and ${second.name}): with two, the master still takes new publications and routes between both, and that overhead cancels what the second one adds, so message throughput does not improve. Microsoft recommends one MessageBox or at least three, with new message publication disabled on the master (\`${master.name} (publication off)\`). Add a third MessageBox, or go back to one.`,
            related: [{ message: `master MessageBox ${master.name} declared here`, source: master.source }],
            data: { master: master.name }
        });
    }
});
