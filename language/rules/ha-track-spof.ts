import { defineRule } from './rule.js';
import { biztalkComputers, listText, plural } from './helpers.js';
import { addInstanceFixes } from './fixes-common.js';

export const haTrackSpof = defineRule({
    id: 'HA-TRACK-SPOF',
    defaultSeverity: 'error',
    area: 'tracking',
    summary: 'Run tracking on at least two computers, with N+1 tracking instances for N MessageBoxes.',
    sources: ['biztalk/technical-guides/checklist-providing-high-availability-with-fault-tolerance-or-load-balancing.md', 'biztalk/technical-guides/configuring-a-dedicated-tracking-host.md', 'biztalk/core/scaled-out-databases.md'],
    check({ group, report, fn }) {
        const tracking = fn('tracking');
        const hosts = [...group.hosts.values()].filter(h => h.tracking && h.type === 'in-process');
        if (!tracking || hosts.length === 0 || tracking.providers.length === 0) return;
        const messageBoxes = Math.max(1, group.databases.filter(d => d.kind === 'messagebox').length);
        const needed = Math.max(2, messageBoxes + 1);
        const candidates = biztalkComputers(group).filter(c => !tracking.providers.includes(c));
        if (tracking.providers.length < 2) {
            report({
                node: hosts[0].tracking!, severity: 'error',
                message: `Tracking runs only on ${tracking.providers[0]}: when it fails, tracking and BAM data stop moving out of the MessageBox, which grows until BizTalk throttles. Run the tracking host on a second computer${candidates.length > 0 ? ` (${listText(candidates)})` : ''}.`,
                data: { host: hosts[0].name, candidates, needed }
            });
            return;
        }
        // N+1 counts instances that drain MessageBoxes at once (the analysis' active placements): a
        // clustered host has one active instance whatever its number of nodes; its standby nodes
        // can only be the spare.
        const active = tracking.placements.filter(p => p.role === 'active').length;
        const standby = tracking.placements.some(p => p.role === 'standby') ? 1 : 0;
        const clustered = hosts.some(h => h.clusteredOn);
        if (active + standby >= needed) return;
        const scaledOutHost = hosts.find(h => !h.clusteredOn) ?? hosts[0];
        report({
            node: hosts[0].tracking!, severity: 'warning',
            message: `Tracking has ${plural(active, 'active instance')}${clustered ? ` (a clustered host counts once: one node is active, the others stand by)` : ''}, but with ${messageBoxes} MessageBox databases Microsoft recommends at least ${needed} (N+1): each MessageBox is drained by one tracking instance, and the extra one takes over a failure. Add tracking instances${candidates.length > 0 ? ` on ${listText(candidates.slice(0, needed - active - standby))}` : ''}.`,
            data: { host: scaledOutHost.name, candidates, needed }
        });
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        return host ? addInstanceFixes(context, host, (context.data.candidates as string[] | undefined) ?? []) : [];
    }
});
