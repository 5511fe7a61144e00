import { defineRule } from './rule.js';
import { justifiesClustering } from './helpers.js';

export const haClhostUnneeded = defineRule({
    id: 'HA-CLHOST-UNNEEDED',
    defaultSeverity: 'information',
    area: 'clustered hosts',
    summary: 'Cluster a host only for adapters that must not run in several instances; scale out the rest.',
    sources: ['biztalk/core/considerations-for-running-adapter-handlers-within-a-clustered-host1.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, report }) {
        // Where SSO is clustered on BizTalk computers, every host there must be clustered in its
        // group (HA-SSO-NONCLUSTERED-HOST-ON-NODE): advising to uncluster them would contradict it.
        const mss = group.sso?.masterSecretServer;
        const ssoCluster = mss?.kind === 'cluster' ? mss.name : undefined;
        for (const host of group.hosts.values()) {
            if (!host.clusteredNode || host.type === 'isolated' || host.clusteredOn === ssoCluster) continue;
            if (host.orchestrations) {
                report({
                    node: host.orchestrations,
                    message: `${host.name} is clustered and runs orchestrations: only one instance works at a time, while orchestration state in the MessageBox lets several scaled-out instances share the work. Run orchestrations in a scaled-out processing host.`,
                    data: { host: host.name }
                });
            }
            if (host.handlers.some(justifiesClustering)) continue;
            // An ordered send is the likely reason for this cluster: HA-ORDERED-SEND says why it is not needed.
            if (host.handlers.some(h => h.direction === 'send' && h.ordered)) continue;
            // A clustered host with no justifying handler; orchestrations alone are reported above.
            const trackingOnly = host.handlers.length === 0 && !!host.tracking && !host.orchestrations;
            if (host.handlers.length > 0 || trackingOnly) {
                report({
                    node: host.clusteredNode,
                    message: trackingOnly
                        ? `${host.name} is clustered but only does tracking, which does not need a single active instance: scaled-out tracking instances (N+1 for N MessageBoxes) give the same availability. Remove \`clustered on\` and keep instances on two or more computers.`
                        : `${host.name} is clustered, but none of its handlers needs a single active instance (clustering is meant for FTP, SFTP, POP3, MSMQ, WCF-NetMsmq, SAP, SQL, ordered receives and, optionally, WCF-NetTcp or WCF-Custom): several scaled-out instances give the same availability and more throughput. Remove \`clustered on\` and keep instances on two or more computers.`,
                    data: { host: host.name }
                });
            }
        }
    }
});
