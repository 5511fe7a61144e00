import { defineRule } from './rule.js';
import { accountScope, allAccounts, biztalkComputers, domainOf, sqlComputers } from './helpers.js';
import { accountText } from '../model/roles.js';

export const haDomGroups = defineRule({
    id: 'HA-DOM-GROUPS',
    defaultSeverity: 'error',
    area: 'accounts',
    summary: 'A multi-computer group needs domain groups and domain service accounts.',
    sources: ['biztalk/core/creating-a-highly-available-biztalk-server-environment.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md', 'biztalk/core/windows-groups-and-user-accounts-in-biztalk-server.md', 'biztalk/core/domain-groups.md'],
    check({ group, report }) {
        const computers = new Set([...biztalkComputers(group), ...sqlComputers(group)]);
        if (computers.size < 2) return;
        for (const account of allAccounts(group)) {
            if (accountScope(account, group) !== 'local') continue;
            report({
                node: account.node, property: 'account',
                message: `${account.value} is a local account, but this group spans ${computers.size} computers: a multi-computer BizTalk group supports only Active Directory domain groups and domain service accounts, which every computer can resolve. Use a domain ${account.role === 'host account' ? 'service account' : 'global group'}, e.g. CONTOSO\\${account.value.slice(account.value.indexOf('\\') + 1)}.`,
                data: { account: account.value }
            });
        }
    },
    fix(context) {
        const account = String(context.data.account);
        const domain = domainOf(context.group);
        const name = account.slice(account.indexOf('\\') + 1);
        const range = context.diagnostic.range;
        // A quoted account (`"BizTalk Application Users"`) stays quoted.
        return [{ title: `Use the domain account ${domain}\\${name}`, edits: [{ range, newText: accountText(`${domain}\\${name}`) }], preferred: true }];
    }
});
