import { defineRule } from './rule.js';

export const haTrackDedicated = defineRule({
    id: 'HA-TRACK-DEDICATED',
    defaultSeverity: 'information',
    area: 'tracking',
    summary: 'Use a dedicated tracking host and turn tracking off on receive, processing and send hosts.',
    sources: ['biztalk/core/scaled-out-databases.md', 'biztalk/technical-guides/configuring-a-dedicated-tracking-host.md', 'biztalk/technical-guides/configuring-hosts-and-host-instances.md'],
    check({ group, report }) {
        const trackingHosts = [...group.hosts.values()].filter(h => h.tracking && h.type === 'in-process');
        const working = trackingHosts.filter(h => h.handlers.length > 0 || h.orchestrations);
        if (working.length === 0) return;
        const noDedicated = working.length === trackingHosts.length;
        for (const host of working) {
            report({
                node: host.tracking!,
                severity: noDedicated ? 'warning' : 'information',
                message: noDedicated
                    ? `Tracking runs only in hosts that also receive, process or send (here ${host.name}): tracking load competes with that work, and stopping ${host.name} stops tracking. Move tracking to a dedicated tracking host and remove it here.`
                    : `${host.name} does tracking besides its other work, although a dedicated tracking host exists: remove \`tracking\` from ${host.name}.`,
                data: { host: host.name }
            });
        }
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host?.tracking?.$cstNode) return [];
        const dedicated = [...context.group.hosts.values()].find(h => h.tracking && h.type === 'in-process' && h.handlers.length === 0 && !h.orchestrations);
        if (dedicated) return [{ title: `Remove tracking from ${host.name} (${dedicated.name} tracks)`, edits: context.editor.removeNode(host.tracking.$cstNode), preferred: true }];
        const name = context.names.next([], 'TrackingHost');
        const computers = [...new Set(host.instances.map(i => i.computer))];
        return [{
            title: `Move tracking from ${host.name} to a new dedicated host ${name}`,
            edits: [...context.editor.removeNode(host.tracking.$cstNode), ...context.editor.addGroupMember(context.group.node, 'host', context.editor.block(`host ${name}`, ['tracking', ...(computers.length > 0 ? [`instances on ${computers.join(', ')}`] : [])]))],
            preferred: true
        }];
    }
});
