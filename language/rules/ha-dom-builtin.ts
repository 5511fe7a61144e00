import { defineRule } from './rule.js';
import { accountScope, allAccounts, biztalkComputers, domainOf, sqlComputers } from './helpers.js';

export const haDomBuiltin = defineRule({
    id: 'HA-DOM-BUILTIN',
    defaultSeverity: 'error',
    area: 'accounts',
    summary: 'Built-in identities (LocalSystem, NetworkService, LocalService) are not supported in multi-computer groups.',
    sources: ['biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, report }) {
        const computers = new Set([...biztalkComputers(group), ...sqlComputers(group)]);
        if (computers.size < 2) return;
        for (const account of allAccounts(group)) {
            if (accountScope(account, group) !== 'built-in') continue;
            report({
                node: account.node, property: 'account',
                message: `The ${account.role} is the built-in identity ${account.value}: in a multi-computer group (${computers.size} computers) BizTalk does not support built-in identities, which differ per computer and cannot be granted SQL and SSO rights across them. Use a domain account such as CONTOSO\\svc-biztalk.`,
                data: { account: account.value }
            });
        }
    },
    fix(context) {
        const { group, diagnostic } = context;
        const domain = domainOf(group);
        // The host whose account this is names the placeholder (svc-web for host Web); the user picks the real name.
        const line = diagnostic.range.start.line;
        const host = [...group.hosts.values()].find(h => h.accounts.some(a => a.node.$cstNode?.range.start.line === line));
        const name = `svc-${(host?.name ?? 'biztalk').toLowerCase()}`;
        const newText = `${domain}\\${name}`;
        return [{
            title: `Use a domain account (${newText}: type its name)`,
            edits: [{ range: diagnostic.range, newText }],
            preferred: true,
            placeholder: { edit: 0, start: domain.length + 1, end: newText.length }
        }];
    }
});
