import type { AstNode } from 'langium';
import { defineRule } from './rule.js';
import { componentName, isSite, type FunctionResult } from '../analysis/types.js';
import { listText } from './helpers.js';

export const haSiteSpof = defineRule({
    id: 'HA-SITE-SPOF',
    defaultSeverity: 'information',
    area: 'sites',
    summary: 'Every provider of a function is in one site: losing that site stops it.',
    sources: ['biztalk/technical-guides/planning-for-high-availability-and-disaster-recovery.md'],
    check({ group, analysis, report, at }) {
        if (![...group.computers.values()].some(c => c.site)) return;
        const byAnchor = new Map<AstNode, { site: string; functions: FunctionResult[] }>();
        for (const fn of analysis.functions) {
            const site = fn.ownSingleFailures.find(isSite);
            if (!site || fn.ownSingleFailures.some(c => !isSite(c))) continue;
            const anchor = anchorOf(fn);
            if (!anchor) continue;
            const entry = byAnchor.get(anchor) ?? { site: componentName(site), functions: [] };
            entry.functions.push(fn);
            byAnchor.set(anchor, entry);
        }
        for (const [node, { site, functions }] of byAnchor) {
            report({
                node,
                message: `Every computer that provides ${listText(functions.map(f => f.label))} is in site ${site}: losing the site stops ${functions.length === 1 ? 'it' : 'them'}. Place a provider in another site if the group must survive a site failure.`,
                data: { site }
            });
        }

        function anchorOf(fn: FunctionResult): AstNode | undefined {
            if (fn.host) {
                const host = group.hosts.get(fn.host);
                return host?.instanceLists[0] ?? host?.node;
            }
            if (fn.kind === 'database') {
                const database = group.databases.find(d => d.name === fn.database);
                const container = database?.container;
                const element = container?.kind === 'sql' ? group.sqlInstances.get(container.name) : container ? group.availabilityGroups.get(container.name) : undefined;
                return element ? at(element) : undefined;
            }
            if (fn.kind === 'master-secret-server') return group.sso?.masterSecretServer?.node;
            if (fn.kind === 'tracking') {
                return [...group.hosts.values()].find(h => h.tracking && h.type === 'in-process')?.tracking;
            }
            return undefined;
        }
    }
});
