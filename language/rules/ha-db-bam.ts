import * as ast from '../generated/ast.js';
import { defineRule } from './rule.js';
import { computerRelated, computerSingleFailures, listText, biztalkComputers } from './helpers.js';

export const haDbBam = defineRule({
    id: 'HA-DB-BAM',
    defaultSeverity: 'error',
    area: 'BAM',
    summary: 'BAM needs BAMPrimaryImport placed and its event bus on more than one computer.',
    sources: ['biztalk/core/scaled-out-databases.md', 'biztalk/technical-guides/scaling-out-the-biztalk-server-databases.md', 'biztalk/technical-guides/high-availability-for-databases.md', 'biztalk/core/planning-your-platform-for-fault-tolerance.md'],
    check({ group, report, fn }) {
        const bam = group.bam;
        if (!bam) return;
        if (!group.databases.some(d => d.name.toLowerCase() === 'bamprimaryimport')) {
            report({
                node: bam.node,
                message: `The group uses BAM but places no BAMPrimaryImport: the BAM event bus writes every tracked activity there and the portal reads it, so BAM cannot work, and lost events cannot be regenerated. Place BAMPrimaryImport on a highly available SQL instance (a failover cluster instance or an availability group) with the other BizTalk databases.`,
                data: {}
            });
        }
        const eventBus = fn('bam-event-bus');
        if (!eventBus || bam.eventBus.length === 0 || eventBus.ownRedundancy !== 1) return;
        const failures = computerSingleFailures(eventBus);
        if (failures.length === 0) return;
        const candidates = biztalkComputers(group).filter(c => !bam.eventBus.includes(c));
        const list = (bam.node).properties.filter(ast.isBamEventBus).at(-1);
        report({
            node: list ?? bam.node,
            message: `The BAM event bus runs only on ${listText(failures)}: when ${failures.length === 1 ? 'it fails' : 'one of them fails'}, BAM activity data stops moving from the MessageBox into BAMPrimaryImport, and the MessageBox grows until BizTalk throttles. Run the BAM Event Bus Service on a second computer${candidates.length > 0 ? ` (${listText(candidates)})` : ''}.`,
            related: computerRelated(group, failures, 'runs the only event bus'),
            data: {}
        });
    }
});
