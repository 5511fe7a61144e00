import { defineRule } from './rule.js';
import { biztalkComputers, listText } from './helpers.js';
import { setGroupSettingEdits } from './fixes-common.js';

export const haEditionScaleout = defineRule({
    id: 'HA-EDITION-SCALEOUT',
    defaultSeverity: 'error',
    area: 'group',
    summary: 'Standard and Branch editions allow one BizTalk computer, no clustered hosts and one MessageBox: they cannot be highly available. Developer edition is not licensed for a highly available production group.',
    sources: ['biztalk/technical-guides/planning-the-environment-for-biztalk-server.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md', 'biztalk/core/use-windows-cluster-to-provide-high-availability-for-biztalk-hosts.md'],
    check({ group, report }) {
        if (group.edition === 'developer' && group.availability === 'high') {
            // Developer has Enterprise's features, so nothing below applies; its licence is the issue.
            report({
                node: group.editionNode ?? group.node, property: group.editionNode ? 'edition' : 'name', severity: 'warning',
                message: 'BizTalk Server Developer edition has the features of Enterprise edition but is licensed for development and testing only, not for production, while the group is declared highly available (availability high, the default). Use Enterprise edition for production, or declare `availability standard` for a development or test group.',
                data: { edition: group.edition }
            });
            return;
        }
        if (group.edition !== 'standard' && group.edition !== 'branch') return;
        const reasons: string[] = [];
        const computers = biztalkComputers(group);
        if (computers.length > 1) reasons.push(`it runs on ${computers.length} BizTalk computers (${listText(computers)})`);
        const clustered = [...group.hosts.values()].filter(h => h.clusteredOn).map(h => h.name);
        if (clustered.length > 0) reasons.push(`${listText(clustered)} ${clustered.length > 1 ? 'are clustered hosts' : 'is a clustered host'}`);
        const messageBoxes = group.databases.filter(d => d.kind === 'messagebox').length;
        if (messageBoxes > 1) reasons.push(`it has ${messageBoxes} MessageBox databases`);
        // Declaring `availability standard` only helps when the HA intent is the sole reason.
        const intentOnly = reasons.length === 0 && group.availability === 'high';
        if (intentOnly) reasons.push('the group is declared highly available (availability high, the default)');
        if (reasons.length === 0) return;
        const edition = group.edition === 'standard' ? 'Standard' : 'Branch';
        report({
            node: group.editionNode ?? group.node, property: group.editionNode ? 'edition' : 'name',
            message: `BizTalk Server ${edition} edition allows a single BizTalk computer, no clustered hosts and one MessageBox, but ${listText(reasons)}. `
                + (intentOnly
                    ? 'Use Enterprise edition, or declare `availability standard` for a group not meant to be highly available.'
                    : 'Use Enterprise edition (Developer edition has the same features, for non-production use only).'),
            data: { edition: group.edition }
        });
    },
    fix(context) {
        return [{ title: 'Set edition enterprise', edits: setGroupSettingEdits(context, context.group.editionNode, 'edition enterprise'), preferred: true }];
    }
});
