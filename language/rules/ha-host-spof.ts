import { defineRule } from './rule.js';
import type { FunctionResult } from '../analysis/types.js';
import { biztalkComputers, computerRelated, computerSingleFailures, enterpriseFirstAdvice, hasWork, hostFunctions, listText, needsClusteredHost, singleComputerEdition } from './helpers.js';
import { addInstanceFixes, moveToClusteredHostFix, setGroupSettingEdits } from './fixes-common.js';

export const haHostSpof = defineRule({
    id: 'HA-HOST-SPOF',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'A host that does work needs enabled instances on two or more computers (or, for adapters that need it, a clustered host).',
    sources: ['biztalk/core/providing-high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/high-availability-for-biztalk-hosts.md', 'biztalk/core/scaled-out-receiving-hosts.md'],
    check({ group, analysis, report }) {
        for (const host of group.hosts.values()) {
            if (host.clusteredOn || !hasWork(host)) continue;
            // A receive with instances on several computers but no load balancer is HA-RECV-NLB's.
            const failing = hostFunctions(analysis, host).filter(fn => fn.mechanism !== 'unbalanced' && fn.ownRedundancy === 1 && computerSingleFailures(fn).length > 0);
            if (failing.length === 0) continue;
            // Every failing function is reported, whatever adapter rule also applies; the advice
            // differs for handlers whose answer is a clustered host (their adapter rule says how).
            const clusterBound = failing.filter(fn => {
                const handler = host.handlers.find(h => h.source === fn.source);
                return !!handler && needsClusteredHost(handler);
            });
            const scalable = failing.filter(fn => !clusterBound.includes(fn));
            const computer = computerSingleFailures(failing[0])[0];
            const disabled = host.instances.filter(i => i.disabled && i.computer !== computer).map(i => i.computer);
            // A host in the perimeter network gets its second instance there too, not on an internal computer.
            const zone = group.computers.get(computer)?.zone;
            const candidates = biztalkComputers(group).filter(c => !host.instances.some(i => i.computer === c) && group.computers.get(c)?.zone === zone);
            const edition = candidates.length === 0 ? singleComputerEdition(group) : undefined;
            const label = (fn: FunctionResult) => fn.kind === 'processing' ? 'processing (orchestrations)' : `${fn.kind} ${fn.adapter}`;
            const advice: string[] = [];
            if (scalable.length > 0) {
                advice.push(`${edition ? `${enterpriseFirstAdvice(edition)} Then add` : 'Add'} an instance of ${host.name} on a second computer${candidates.length > 0 ? ` (${listText(candidates)})` : zone === 'perimeter' ? ' in the perimeter network' : ''}.`);
            }
            if (clusterBound.length > 0) {
                const one = clusterBound.length === 1;
                advice.push(`${listText(clusterBound.map(label))} ${one ? 'needs' : 'need'} a clustered host rather than a second active instance: move ${one ? 'it' : 'them'} to a clustered host.`);
            }
            report({
                node: host.instanceLists[0] ?? host.node, property: host.instanceLists[0] ? undefined : 'name',
                message: `${host.name} runs only on ${computer}: ${listText(failing.map(label))} stop${failing.length === 1 ? 's' : ''} when ${computer} fails.`
                    + (disabled.length > 0 ? ` Its instance on ${listText(disabled)} is disabled and does not count.` : '')
                    + ` ${advice.join(' ')}`,
                related: computerRelated(group, [computer], 'runs the only enabled instance'),
                data: { host: host.name, computer, candidates, disabled }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host) return [];
        const candidates = (context.data.candidates as string[] | undefined) ?? [];
        const clusterBound = host.handlers.filter(needsClusteredHost);
        if (clusterBound.length === 0) {
            // No second BizTalk computer exists to use: a new one needs Enterprise edition first.
            if (candidates.length > 0 || !singleComputerEdition(context.group)) return addInstanceFixes(context, host, candidates);
            const edition = setGroupSettingEdits(context, context.group.editionNode, 'edition enterprise');
            return addInstanceFixes(context, host, candidates).map(fix => ({
                ...fix, title: `Set edition enterprise, ${fix.title[0].toLowerCase()}${fix.title.slice(1)}`, edits: [...edition, ...fix.edits]
            }));
        }
        // A second instance would leave these handlers at risk (or read twice): move them to a
        // clustered host instead. Several of them are moved one at a time by their adapter rules.
        if (clusterBound.length > 1) return [];
        const [handler] = clusterBound;
        const moves = moveToClusteredHostFix(context, host, handler);
        const keepsWork = !!host.orchestrations || host.handlers.length > 1;
        if (!keepsWork) return moves;
        return moves.map(move => {
            // The second instance goes on a node of the cluster the move uses (which may be new), and its
            // load balancer must then be a hardware one: Windows NLB does not run on cluster nodes.
            const nodes = move.clusterNodes.filter(n => !host.instances.some(i => i.computer === n));
            const [addition] = addInstanceFixes(context, host, nodes.length > 0 ? nodes.slice(0, 1) : candidates, move.clusterNodes);
            return {
                title: `${move.title}; ${addition.title[0].toLowerCase()}${addition.title.slice(1)}`,
                edits: [...move.edits, ...addition.edits],
                preferred: move.preferred
            };
        });
    }
});
