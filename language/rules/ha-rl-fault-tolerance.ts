import { defineRule } from './rule.js';
import { hostFunctions, listText } from './helpers.js';
import { setGroupSettingEdits } from './fixes-common.js';

export const haRlFaultTolerance = defineRule({
    id: 'HA-RL-FAULT-TOLERANCE',
    defaultSeverity: 'information',
    area: 'adapters',
    summary: 'BizTalk Server 2020 and later: turn on receive location fault tolerance when receive hosts are scaled out.',
    sources: ['biztalk/core/how-to-enable-receive-location-fault-tolerance.md'],
    check({ group, analysis, report }) {
        if (group.version.year < 2020 || group.receiveLocationFaultTolerance === true) return;
        // Scaled-out receive hosts, as the analysis sees them: a clustered host (or an isolated host that fails
        // over with its nodes' clustered IIS) has one active instance, so one failing instance is the whole host anyway.
        const scaledOut = [...group.hosts.values()].filter(host => hostFunctions(analysis, host)
            .some(fn => fn.kind === 'receive' && fn.mechanism !== 'clustered-failover' && fn.providers.length > 1));
        if (scaledOut.length === 0) return;
        const off = group.receiveLocationFaultTolerance === false;
        report({
            node: group.receiveLocationFaultToleranceNode ?? group.node, property: off ? 'state' : 'name',
            message: `${listText(scaledOut.map(h => h.name))} receive${scaledOut.length === 1 ? 's' : ''} on several computers, but receive location fault tolerance is ${off ? 'off' : 'not turned on'}: when a receive location fails in one host instance (for example a share or queue that one computer cannot reach), BizTalk disables it for the whole group, and receiving through it stops on every computer. Turn it on with \`receive-location-fault-tolerance on\` (BizTalk Server 2020 and later): the location is then stopped only in the failing instance and retried there.`,
            data: {}
        });
    },
    fix(context) {
        return [{ title: 'Turn on receive location fault tolerance', edits: setGroupSettingEdits(context, context.group.receiveLocationFaultToleranceNode, 'receive-location-fault-tolerance on'), preferred: true }];
    }
});
