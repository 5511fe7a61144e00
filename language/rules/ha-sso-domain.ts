import { defineRule } from './rule.js';
import { accountScope, domainOf } from './helpers.js';

export const haSsoDomain = defineRule({
    id: 'HA-SSO-DOMAIN',
    defaultSeverity: 'error',
    area: 'SSO',
    summary: 'A clustered SSO needs domain groups and accounts.',
    sources: ['biztalk/core/how-to-cluster-the-master-secret-server1.md', 'biztalk/technical-guides/clustering-the-master-secret-server.md', 'biztalk/core/domain-groups.md'],
    check({ group, report }) {
        const sso = group.sso;
        const administrators = sso?.administrators;
        if (sso?.masterSecretServer?.kind !== 'cluster' || !administrators) return;
        const scope = accountScope(administrators, group);
        if (scope === 'domain') return;
        report({
            node: administrators.node, property: 'account',
            message: `SSO is clustered on ${sso.masterSecretServer.name}, but the SSO administrators are ${scope === 'local' ? `a local group (${administrators.value})` : `a built-in identity (${administrators.value})`}: every cluster node must see the same group, so clustered SSO needs domain groups and a domain service account. Use a domain group such as CONTOSO\\SSOAdmins.`,
            data: { account: administrators.value }
        });
    },
    fix(context) {
        const account = String(context.data.account);
        const name = account.includes('\\') ? account.slice(account.indexOf('\\') + 1) : 'SSOAdmins';
        const newText = `${domainOf(context.group)}\\${name}`;
        return [{ title: `Use the domain group ${newText}`, edits: [{ range: context.diagnostic.range, newText }], preferred: true }];
    }
});
