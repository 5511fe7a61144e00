import { defineRule } from './rule.js';
import { biztalkComputers, clusterRuleCovers, computerRelated, computerSingleFailures, hasWork, hostFunctions, listText } from './helpers.js';
import { addInstanceFixes } from './fixes-common.js';

export const haHostSpof = defineRule({
    id: 'HA-HOST-SPOF',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'A host that does work needs enabled instances on two or more computers.',
    sources: ['biztalk/core/providing-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/high-availability-for-biztalk-hosts.md', 'biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, analysis, report }) {
        for (const host of group.hosts.values()) {
            if (host.clusteredOn || !hasWork(host)) continue;
            // Handlers whose fix is a clustered host are reported by their adapter rule instead.
            const functions = hostFunctions(analysis, host).filter(fn => {
                const handler = host.handlers.find(h => h.source === fn.source);
                return !handler || !clusterRuleCovers(handler);
            });
            const failing = functions.filter(fn => fn.ownRedundancy === 1 && computerSingleFailures(fn).length > 0);
            if (failing.length === 0) continue;
            const computer = computerSingleFailures(failing[0])[0];
            const disabled = host.instances.filter(i => i.disabled && i.computer !== computer).map(i => i.computer);
            const candidates = biztalkComputers(group).filter(c => !host.instances.some(i => i.computer === c));
            const stops = listText(failing.map(fn => fn.kind === 'processing' ? 'processing (orchestrations)' : `${fn.kind} ${fn.adapter}`));
            report({
                node: host.instanceLists[0] ?? host.node, property: host.instanceLists[0] ? undefined : 'name',
                message: `${host.name} runs only on ${computer}: ${stops} stop${failing.length === 1 ? 's' : ''} when ${computer} fails.`
                    + (disabled.length > 0 ? ` Its instance on ${listText(disabled)} is disabled and does not count.` : '')
                    + ` Add an instance of ${host.name} on a second computer${candidates.length > 0 ? ` (${listText(candidates)})` : ''}.`,
                related: computerRelated(group, [computer], 'runs the only enabled instance'),
                data: { host: host.name, computer, candidates, disabled }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        return host ? addInstanceFixes(context, host, (context.data.candidates as string[] | undefined) ?? []) : [];
    }
});
