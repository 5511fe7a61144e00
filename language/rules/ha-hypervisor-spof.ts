import { defineRule } from './rule.js';
import { isHypervisor } from '../analysis/types.js';
import { computerRelated, functionsStoppedBy, listText } from './helpers.js';

export const haHypervisorSpof = defineRule({
    id: 'HA-HYPERVISOR-SPOF',
    defaultSeverity: 'error',
    area: 'sites',
    summary: 'Every provider of a function is a virtual machine on one hypervisor: losing that physical host stops it.',
    sources: ['biztalk/core/providing-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/planning-for-high-availability2.md', 'biztalk/technical-guides/install-and-configure-a-hyper-v-virtual-machine-to-use-for-biztalk-server.md'],
    check({ group, analysis, report, at }) {
        if (![...group.computers.values()].some(c => c.hypervisor)) return;
        for (const [node, { component: hypervisor, functions }] of functionsStoppedBy(group, analysis, at, isHypervisor)) {
            const computers = [...new Set(functions.flatMap(fn => fn.providers))];
            report({
                node,
                message: `Every computer that provides ${listText(functions.map(f => f.label))} (${listText(computers)}) runs as a virtual machine on hypervisor ${hypervisor}: when that physical host fails, ${functions.length === 1 ? 'it stops' : 'they stop'}, although no single virtual machine is a single point of failure. Run one of the virtual machines on another hypervisor and keep them apart with an anti-affinity rule.`,
                related: computerRelated(group, computers),
                data: { hypervisor }
            });
        }
    }
});
