import { accountKind } from '../model/roles.js';
import type { GroupModel } from '../model/topology.js';
import { defineRule } from './rule.js';
import { allAccounts } from './helpers.js';

/** The DNS domain an account names (`contoso.com` of `user@contoso.com` or `contoso.com\user`) and the user part. */
function parts(value: string): { dns: string; user: string } {
    const at = value.indexOf('@');
    if (at >= 0) return { dns: value.slice(at + 1), user: value.slice(0, at) };
    const slash = value.indexOf('\\');
    return { dns: value.slice(0, slash), user: value.slice(slash + 1) };
}

/** The NetBIOS domain to suggest: one the group already writes, else the first label of the DNS name. */
function netbiosDomain(group: GroupModel, dns: string): string {
    const written = allAccounts(group).map(a => a.value).find(v => accountKind(v, group.computers) === 'domain');
    return written ? written.slice(0, written.indexOf('\\')) : dns.split('.')[0].toUpperCase();
}

export const haDomNameFormat = defineRule({
    id: 'HA-DOM-NAME-FORMAT',
    defaultSeverity: 'warning',
    area: 'accounts',
    summary: 'BizTalk accepts accounts and groups only as NetBIOS-domain\\name, not user@domain or dns.domain\\name.',
    sources: ['biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md', 'biztalk/core/domain-groups.md'],
    check({ group, report }) {
        for (const account of allAccounts(group)) {
            const kind = accountKind(account.value, group.computers);
            if (kind !== 'upn' && kind !== 'fqdn-domain') continue;
            const { dns, user } = parts(account.value);
            const suggestion = `${netbiosDomain(group, dns)}\\${user}`;
            report({
                node: account.node, property: 'account',
                message: `${account.value} (${account.role}) is written ${kind === 'upn' ? 'as a user principal name' : 'with the DNS domain name'}: BizTalk Server configuration accepts accounts and groups only as NetBIOS domain\\name, so configuring this ${account.role === 'host Windows group' || account.role === 'SSO administrators' ? 'group' : 'account'} fails. Write it as ${suggestion} (the domain's NetBIOS name).`,
                data: { suggestion }
            });
        }
    },
    fix(context) {
        const suggestion = String(context.data.suggestion ?? '');
        if (!suggestion) return [];
        return [{ title: `Write the account as ${suggestion}`, edits: [{ range: context.diagnostic.range, newText: suggestion }], preferred: true }];
    }
});
