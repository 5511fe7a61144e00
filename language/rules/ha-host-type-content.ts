import type { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import type { HostModel } from '../model/topology.js';
import type { Fix, FixContext } from './fix.js';
import { defineRule } from './rule.js';
import { itemNodes, newBalancer, removeHandlerEdits, titleOf, twoBiztalkComputers } from './fixes-common.js';
import { listText } from './helpers.js';

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
    },
    fix(context) {
        const host = context.group.hosts.get(String(context.data.host));
        if (!host?.local) return [];
        const item = String(context.data.item);
        if (item === 'clustered') return host.clusteredNode?.$cstNode ? [{ title: `Remove \`clustered on\` from isolated host ${host.name}`, edits: context.editor.removeNode(host.clusteredNode.$cstNode), preferred: true }] : [];
        if (item === 'orchestrations' || item === 'tracking') {
            const node = item === 'orchestrations' ? host.orchestrations : host.tracking;
            return node?.$cstNode ? moveToHost(context, host, item, item, context.editor.removeNode(node.$cstNode), 'in-process') : [];
        }
        const handler = host.handlers.find(h => h.node.$cstNode?.range.start.line === context.diagnostic.range.start.line && h.node.$cstNode.range.start.character === context.diagnostic.range.start.character);
        if (!handler) return [];
        const text = `${handler.direction} ${context.editor.textOf(handler.node.$cstNode)}`;
        return moveToHost(context, host, text, `${handler.direction} ${handler.adapter}`, removeHandlerEdits(context, handler), host.type === 'isolated' ? 'in-process' : 'isolated');
    }
});

/**
 * Moves an item (a handler line, `orchestrations`, `tracking`) to a host of the right type: an
 * existing one on the same computers, else a new one there (an isolated one behind a load
 * balancer once it runs on two computers).
 */
function moveToHost(context: FixContext, from: HostModel, itemText: string, what: string, remove: TextEdit[], type: 'in-process' | 'isolated'): Fix[] {
    let computers = [...new Set(from.instances.filter(i => !i.disabled).map(i => i.computer))];
    const sameComputers = (h: HostModel) => computers.every(c => h.instances.some(i => i.computer === c && !i.disabled));
    const target = [...context.group.hosts.values()].find(h => h !== from && h.local && h.type === type && !h.clusteredOn && sameComputers(h));
    if (target) {
        const [keyword] = itemText.split(' ');
        const list = target.node.properties.find(p => keyword === 'receive' ? ast.isReceiveHandlers(p) : keyword === 'send' ? ast.isSendHandlers(p) : false);
        const add = list
            ? context.editor.appendToList(itemNodes(list, 'handlers').at(-1), itemText.slice(keyword.length + 1))
            : (keyword === 'orchestrations' && target.orchestrations) || (keyword === 'tracking' && target.tracking) ? [] : context.editor.addToBlock(target.node, itemText);
        return [{ title: `Move ${what} from ${from.name} to ${type} host ${target.name}`, edits: [...remove, ...add], preferred: true }];
    }
    const name = context.names.next([], type === 'isolated' ? `${from.name}Isolated` : `${from.name}InProcess`);
    // The new host must not be a single point of failure of its own: two computers, a new one if needed.
    const two = twoBiztalkComputers(context, computers);
    computers = two.computers;
    const members = [itemText, `instances on ${computers.join(', ')}`];
    const header = type === 'isolated' ? `host ${name} isolated` : `host ${name}`;
    const edits = [...two.edits, ...remove, ...context.editor.addGroupMember(context.group.node, 'host', context.editor.block(header, members))];
    const model: HostModel = { ...from, name };
    const balancer = type === 'isolated' ? newBalancer(context, model, computers) : undefined;
    return [{
        title: titleOf(`Move ${what} from ${from.name} to a new ${type} host ${name} on ${listText(computers)}`, two, balancer),
        edits: [...edits, ...(balancer?.edits ?? [])],
        preferred: true
    }];
}
