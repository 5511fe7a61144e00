import { defineRule } from './rule.js';
import { computersText, declareComputersEdits, newComputerNames, titleOf } from './fixes-common.js';
import { biztalkComputers as biztalkOf } from './helpers.js';

export const haTrackNone = defineRule({
    id: 'HA-TRACK-NONE',
    defaultSeverity: 'error',
    area: 'tracking',
    summary: 'An in-process host must have tracking enabled, or tracking data piles up in the MessageBox.',
    sources: ['biztalk/technical-guides/configuring-a-dedicated-tracking-host.md'],
    check({ group, report }) {
        if ([...group.hosts.values()].some(h => h.tracking && h.type === 'in-process')) return;
        report({
            node: group.node, property: 'name',
            message: `No in-process host of group ${group.name} has tracking enabled: the tracking service (TDDS) never moves tracking and BAM data out of the MessageBox, which cannot purge it and keeps growing until BizTalk throttles. Add a dedicated tracking host (\`host TrackingHost { tracking instances on <two computers> }\`).`,
            data: {}
        });
    },
    fix(context) {
        const name = context.names.next([], 'TrackingHost');
        const candidates = biztalkOf(context.group).slice(0, 2);
        const added = newComputerNames(context, 'biztalk', 2 - candidates.length);
        return [{
            title: titleOf(`Add a dedicated tracking host ${name} on ${[...candidates, ...added].join(' and ')}`, added.length > 0 ? `declare ${computersText(added)}` : undefined),
            edits: [...(added.length > 0 ? declareComputersEdits(context, added, candidates) : []), ...context.editor.addGroupMember(context.group.node, 'host', context.editor.block(`host ${name}`, ['tracking', `instances on ${[...candidates, ...added].join(', ')}`]))],
            preferred: true
        }];
    }
});
