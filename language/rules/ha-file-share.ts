import { handlerOf } from './fixes-common.js';
import { defineRule } from './rule.js';
import { distinctEnabledComputers, listText } from './helpers.js';
import { isLocalDrivePath } from '../model/roles.js';

export const haFileShare = defineRule({
    id: 'HA-FILE-SHARE',
    defaultSeverity: 'warning',
    area: 'adapters',
    summary: 'Scaled-out FILE receive needs one shared UNC path, not a local folder on each computer.',
    sources: ['biztalk/core/scaled-out-receiving-hosts.md', 'biztalk/technical-guides/planning-for-high-availability2.md'],
    check({ group, report }) {
        for (const host of group.hosts.values()) {
            const computers = distinctEnabledComputers(host);
            for (const handler of host.handlers) {
                if (handler.direction !== 'receive' || handler.info?.name !== 'FILE' || handler.path === undefined) continue;
                if (isLocalDrivePath(handler.path) && computers.length > 1) {
                    report({
                        node: handler.node, property: 'adapter',
                        message: `receive ${handler.adapter} on ${host.name} watches the local path ${handler.path} on ${listText(computers)}: each instance watches a different folder, so files dropped on a failed computer are not picked up. Point every instance at one UNC share on a clustered file server.`,
                        data: { host: host.name, adapter: handler.adapter }
                    });
                }
            }
        }
    },
    fix(context) {
        const found = handlerOf(context);
        const option = found?.handler.node.options.find(o => o.path !== undefined);
        if (!found || !option?.$cstNode) return [];
        // The share's name is the user's: the placeholder keeps the folder's last part and is selected.
        const folder = found.handler.path!.split(/[\\/]/).filter(Boolean).at(-1)?.replace(/[^\w.-]/g, '') || 'share';
        const server = 'fileserver';
        const value = `\\\\\\\\${server}\\\\${folder}`;
        const newText = `path "${value}"`;
        return [{
            title: `Watch a UNC share instead (\\\\${server}\\${folder}: type the clustered file server's share)`,
            edits: context.editor.replace(option.$cstNode, newText),
            preferred: true,
            placeholder: { edit: 0, start: 'path "'.length, end: newText.length - 1 }
        }];
    }
});
