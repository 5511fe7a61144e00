import { defineRule } from './rule.js';

export const haHostTypeContent = defineRule({
    id: 'HA-HOST-TYPE-CONTENT',
    defaultSeverity: 'error',
    area: 'hosts',
    summary: 'Isolated hosts hold only isolated (IIS) receive handlers; in-process hosts hold everything else.',
    sources: ['biztalk/core/hosts.md', 'biztalk/technical-guides/high-availability-for-biztalk-hosts.md', 'biztalk/core/providing-high-availability-for-biztalk-hosts.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            if (host.type === 'isolated') {
                const why = `${host.name} is an isolated host: its instances run in IIS, outside the BizTalk service`;
                if (host.orchestrations) report({ node: host.orchestrations, message: `${why}, so it cannot run orchestrations. Move them to an in-process host.`, data: { host: host.name, item: 'orchestrations' } });
                if (host.tracking) report({ node: host.tracking, message: `${why}, so it cannot do tracking. Enable tracking on an in-process host.`, data: { host: host.name, item: 'tracking' } });
                if (host.clusteredNode) report({ node: host.clusteredNode, message: `${why}; only in-process hosts can be clustered. Scale it out behind a load balancer instead.`, data: { host: host.name, item: 'clustered' } });
                for (const handler of host.handlers) {
                    if (handler.direction === 'send') {
                        report({ node: handler.node, property: 'adapter', message: `${why}, so it cannot send: move send ${handler.adapter} to an in-process host.`, data: { host: host.name, item: 'send', adapter: handler.adapter } });
                    } else if (handler.info?.receiveHostType === 'in-process') {
                        report({ node: handler.node, property: 'adapter', message: `The ${handler.info.name} receive handler runs in the BizTalk service, not in IIS: move receive ${handler.adapter} from isolated host ${host.name} to an in-process host.`, data: { host: host.name, item: 'receive', adapter: handler.adapter } });
                    }
                }
            } else {
                for (const handler of host.handlers) {
                    if (handler.direction === 'receive' && handler.info?.receiveHostType === 'isolated') {
                        report({ node: handler.node, property: 'adapter', message: `The ${handler.info.name} receive handler runs in IIS and needs an isolated host: move receive ${handler.adapter} from in-process host ${host.name} to an isolated host.`, data: { host: host.name, item: 'receive', adapter: handler.adapter } });
                    }
                }
            }
        }
    }
});
