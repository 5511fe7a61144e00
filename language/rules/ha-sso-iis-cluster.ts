import { defineRule } from './rule.js';
import { listText } from './helpers.js';

export const haSsoIisCluster = defineRule({
    id: 'HA-SSO-IIS-CLUSTER',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'When SSO is clustered on BizTalk computers that run isolated hosts, cluster IIS in the same cluster group.',
    sources: ['biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1.md'],
    check({ group, report, at }) {
        const mss = group.sso?.masterSecretServer;
        if (mss?.kind !== 'cluster') return;
        const cluster = group.clusters.get(mss.name);
        if (!cluster || cluster.iis) return;
        const isolated = [...group.hosts.values()].filter(host => host.type === 'isolated'
            && host.instances.some(i => !i.disabled && cluster.nodes.includes(i.computer)));
        if (isolated.length === 0) return;
        const nodes = cluster.nodes.filter(node => isolated.some(host => host.instances.some(i => !i.disabled && i.computer === node)));
        report({
            node: at(cluster), property: cluster.local ? 'name' : undefined,
            message: `The master secret server is clustered on ${cluster.name}, and isolated host${isolated.length === 1 ? '' : 's'} ${listText(isolated.map(h => h.name))} run${isolated.length === 1 ? 's' : ''} in IIS on ${listText(nodes)}, but IIS is not clustered with it: an isolated host instance needs the local SSO service, so HTTP and SOAP receiving on a node fails while SSO is active on the other node. Cluster the IIS web service (W3SVC) in the SSO cluster group so that the isolated hosts always run where SSO runs: add \`iis\` to ${cluster.name}.`,
            related: [
                { message: `master secret server clustered here`, source: group.sso!.source },
                ...isolated.map(host => ({ message: `isolated host ${host.name} declared here`, source: host.source }))
            ],
            data: { cluster: cluster.name }
        });
    },
    fix(context) {
        const cluster = context.group.clusters.get(String(context.data.cluster));
        if (!cluster?.local) return [];
        return [{ title: `Cluster IIS (W3SVC) on ${cluster.name}: add \`iis\``, edits: context.editor.addToBlock(cluster.node, 'iis'), preferred: true }];
    }
});
