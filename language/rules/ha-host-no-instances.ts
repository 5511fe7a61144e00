import { defineRule } from './rule.js';
import { biztalkComputers, hasWork, hostFunctions, listText } from './helpers.js';
import { addInstancesEdits, computersText, declareComputersEdits, newComputerNames, titleOf } from './fixes-common.js';

export const haHostNoInstances = defineRule({
    id: 'HA-HOST-NO-INSTANCES',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'A host that has work but no enabled host instance runs nothing.',
    sources: ['biztalk/core/host-instances.md', 'biztalk/core/providing-high-availability-for-biztalk-hosts.md'],
    check({ group, analysis, report }) {
        for (const host of group.hosts.values()) {
            if (!hasWork(host) || host.instances.some(i => !i.disabled)) continue;
            const work = hostFunctions(analysis, host).map(fn => fn.kind === 'processing' ? 'orchestrations' : `${fn.kind} ${fn.adapter}`);
            if (host.tracking) work.push('tracking');
            const candidates = biztalkComputers(group);
            report({
                node: host.node, property: 'name',
                message: host.instances.length > 0
                    ? `Every instance of ${host.name} is disabled: ${listText(work)} never run${work.length === 1 ? 's' : ''}. Enable the instances or add instances on two computers.`
                    : `${host.name} has no host instance: ${listText(work)} never run${work.length === 1 ? 's' : ''}. Add \`instances on\` two computers${candidates.length > 0 ? ` (for example ${listText(candidates.slice(0, 2))})` : ''}.`,
                data: { host: host.name, candidates }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host) return [];
        const candidates = ((context.data.candidates as string[] | undefined) ?? []).slice(0, 2);
        const added = newComputerNames(context, 'biztalk', 2 - candidates.length);
        const computers = [...candidates, ...added];
        return [{
            title: titleOf(added.length > 0 ? `Declare ${computersText(added)}` : `Add instances of ${host.name} on ${listText(computers)}`, added.length > 0 ? `add instances of ${host.name} on ${listText(computers)}` : undefined),
            edits: [...(added.length > 0 ? declareComputersEdits(context, added, candidates) : []), ...addInstancesEdits(context, host, computers)],
            preferred: true
        }];
    }
});
