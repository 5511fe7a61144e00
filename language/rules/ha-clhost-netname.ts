import { defineRule } from './rule.js';
import { listText } from './helpers.js';
import { newNetworkName } from './fixes-common.js';

export const haClhostNetname = defineRule({
    id: 'HA-CLHOST-NETNAME',
    defaultSeverity: 'error',
    area: 'clustered hosts',
    summary: 'A cluster group that holds clustered hosts or the master secret server needs a Network Name (client access point).',
    sources: ['biztalk/core/how-to-configure-a-biztalk-host-as-a-cluster-resource1.md', 'biztalk/core/how-to-cluster-the-master-secret-server1.md'],
    check({ group, report, at }) {
        const mss = group.sso?.masterSecretServer;
        for (const cluster of group.clusters.values()) {
            if (cluster.networkName !== undefined) continue;
            const hosts = [...group.hosts.values()].filter(h => h.clusteredOn === cluster.name).map(h => h.name);
            const sso = mss?.kind === 'cluster' && mss.name === cluster.name;
            if (hosts.length === 0 && !sso) continue;
            const users = [...(hosts.length > 0 ? [`clustered host${hosts.length === 1 ? '' : 's'} ${listText(hosts)}`] : []), ...(sso ? ['the master secret server'] : [])];
            report({
                node: at(cluster), property: cluster.local ? 'name' : undefined,
                message: `${cluster.name} runs ${listText(users)} but declares no network name: a cluster group needs a client access point (a Network Name and an IP Address resource) that its resources depend on${sso ? ', and the SSO services of the group find the master secret server by that name' : ''}. Without it ${hosts.length > 0 ? `${listText(hosts)} ${hosts.length === 1 ? 'does' : 'do'} not come online correctly on another node` : ''}${hosts.length > 0 && sso ? ', and ' : ''}${sso ? 'the SSO services cannot reach the master secret server after a failover' : ''}. Create the client access point in the cluster group and declare it with \`network-name\`.`,
                related: [{ message: `cluster ${cluster.name} declared here`, source: cluster.source }],
                data: { cluster: cluster.name }
            });
        }
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        if (!cluster?.local) return [];
        const name = newNetworkName(context, cluster.name);
        return [{ title: `Declare the network name ${name} on ${cluster.name}`, edits: context.editor.addToBlock(cluster.node, `network-name ${name}`), preferred: true }];
    }
});
