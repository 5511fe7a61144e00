import { accountKind } from '../model/roles.js';
import { defineRule } from './rule.js';
import { allAccounts, listText } from './helpers.js';

export const haDomLocalScope = defineRule({
    id: 'HA-DOM-LOCAL-SCOPE',
    defaultSeverity: 'warning',
    area: 'accounts',
    summary: 'Avoid Domain Local groups: every BizTalk and SQL Server computer must then be in the group\'s domain.',
    sources: ['biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, report }) {
        const accounts = allAccounts(group);
        // The domains the group's accounts name: the only trace of several domains a topology holds.
        const domains = new Set<string>();
        for (const account of accounts) {
            const kind = accountKind(account.value, group.computers);
            if (kind === 'domain' || kind === 'fqdn-domain') domains.add(account.value.slice(0, account.value.indexOf('\\')).split('.')[0].toUpperCase());
            else if (kind === 'upn') domains.add(account.value.slice(account.value.indexOf('@') + 1).split('.')[0].toUpperCase());
        }
        for (const account of accounts) {
            if (!account.domainLocal) continue;
            const several = domains.size > 1;
            report({
                node: account.node, property: 'account',
                severity: several ? 'warning' : 'information',
                message: several
                    ? `${account.value} is a Domain Local group, but the group's accounts come from ${domains.size} domains (${listText([...domains].sort())}): a Domain Local group can only be used on computers of its own domain, so BizTalk and SQL Server computers in the other domains cannot grant it access. Use a Global (or Universal) group.`
                    : `${account.value} is a Domain Local group: Microsoft does not recommend them for BizTalk, because every BizTalk and SQL Server computer must then stay in that one domain. Prefer a Global group.`,
                data: { account: account.value }
            });
        }
    }
});
