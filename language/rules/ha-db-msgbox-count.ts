import { defineRule } from './rule.js';
import { databaseOptionNode } from './helpers.js';
import { setDatabaseOptionEdits } from './fixes-common.js';

export const haDbMsgboxCount = defineRule({
    id: 'HA-DB-MSGBOX-COUNT',
    defaultSeverity: 'information',
    area: 'databases',
    summary: 'Scale out MessageBoxes to three or more, with new message publication disabled on the master.',
    sources: ['biztalk/core/scaled-out-databases.md', 'biztalk/technical-guides/scaling-out-the-biztalk-server-databases.md'],
    check({ group, report }) {
        const messageBoxes = group.databases.filter(d => d.kind === 'messagebox');
        const master = messageBoxes.find(d => d.master);
        if (!master) return;
        if (messageBoxes.length === 2) {
            const second = messageBoxes.find(d => d !== master)!;
            report({
                node: second.node, property: 'name',
                message: `The group has two MessageBox databases (${master.name}, the master, and ${second.name}): with two, the master still takes new publications and routes between both, and that overhead cancels what the second one adds, so message throughput does not improve. Microsoft recommends one MessageBox or at least three, with new message publication disabled on the master (\`${master.name} (publication off)\`). Add a third MessageBox, or go back to one.`,
                related: [{ message: `master MessageBox ${master.name} declared here`, source: master.source }],
                data: {}
            });
            return;
        }
        if (messageBoxes.length < 3 || master.publication === false) return;
        const option = databaseOptionNode(master, o => o.publication !== undefined);
        report({
            node: option ?? master.node, property: option ? 'publication' : 'name',
            message: `${master.name} is the master of ${messageBoxes.length} MessageBox databases but still accepts new messages: the master also routes subscriptions for all of them, so publishing there makes it the bottleneck of the group's message throughput. Disable new message publication on the master in the BizTalk Administration console and declare \`publication off\`.`,
            data: { master: master.name }
        });
    },
    fix(context) {
        const master = context.group.databases.find(d => d.master && d.name === context.data.master);
        if (!master) return [];
        return [{ title: `Disable new message publication on ${master.name}`, edits: setDatabaseOptionEdits(context, master, o => o.publication !== undefined, 'publication off'), preferred: true }];
    }
});
