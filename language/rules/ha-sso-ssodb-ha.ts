import { defineRule } from './rule.js';
import { componentText, listText } from './helpers.js';

export const haSsoSsodbHa = defineRule({
    id: 'HA-SSO-SSODB-HA',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'The master secret server depends on SSODB: a highly available SSO needs a highly available SSODB.',
    sources: ['biztalk/technical-guides/clustering-the-master-secret-server.md'],
    check({ group, analysis, report }) {
        const mss = group.sso?.masterSecretServer;
        if (!mss) return;
        const ssodb = group.databases.find(d => d.kind === 'sso');
        if (!ssodb?.container) return;
        const result = analysis.functions.find(f => f.id === `database:${ssodb.name}`);
        if (!result || result.ownRedundancy !== 1) return;
        report({
            node: mss.node, property: 'server',
            message: `The master secret server depends on ${ssodb.name}, which stops when ${listText(result.ownSingleFailures.map(componentText))} fails: clustering SSO does not help while its database is a single point of failure. Put ${ssodb.name} on a SQL failover cluster instance or in an availability group.`,
            related: [{ message: `${ssodb.name} placed here`, source: ssodb.source }],
            data: { database: ssodb.name }
        });
    }
});
