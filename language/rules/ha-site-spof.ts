import { defineRule } from './rule.js';
import { isSite } from '../analysis/types.js';
import { functionsStoppedBy, listText, logShippingTargets } from './helpers.js';

export const haSiteSpof = defineRule({
    id: 'HA-SITE-SPOF',
    defaultSeverity: 'information',
    area: 'sites',
    summary: 'Every provider of a function is in one site: losing that site stops it.',
    sources: ['biztalk/technical-guides/planning-for-high-availability-and-disaster-recovery.md', 'biztalk/technical-guides/what-is-biztalk-server-log-shipping.md'],
    check({ group, analysis, report, at }) {
        if (![...group.computers.values()].some(c => c.site)) return;
        // Databases and the master secret server survive a site loss by BizTalk log shipping to a
        // standby elsewhere (the catalog's disaster-recovery answer), not by a provider there.
        const targets = logShippingTargets(group);
        const siteOf = (computer: string) => group.computers.get(computer)?.site;
        for (const [node, { component: site, functions }] of functionsStoppedBy(group, analysis, at, isSite)) {
            const recoveredByLogShipping = functions.every(fn => fn.kind === 'database' || fn.kind === 'master-secret-server');
            let advice = 'Place a provider in another site if the group must survive a site failure.';
            if (recoveredByLogShipping) {
                const elsewhere = targets.find(t => !t.production && t.computers.length > 0 && t.computers.every(c => !!siteOf(c) && siteOf(c) !== site));
                if (elsewhere) continue;
                const sameSite = targets.filter(t => t.computers.some(c => siteOf(c) === site)).map(t => t.sql);
                const noSite = targets.filter(t => t.computers.some(c => !siteOf(c))).map(t => t.sql);
                advice = 'Microsoft\'s answer to losing the database site is BizTalk log shipping to a standby SQL instance in another site, restored there with the master secret: '
                    + (sameSite.length > 0 ? `${listText(sameSite)} ${sameSite.length === 1 ? 'is' : 'are'} in site ${site} too, so move the standby to another site.`
                        : noSite.length > 0 ? `declare the site of ${listText(noSite)}'s computers, in another site.`
                            : 'add `log-shipping to <standby>` in the backup-job, with the standby on a computer in another site.');
            }
            report({
                node,
                message: `Every computer that provides ${listText(functions.map(f => f.label))} is in site ${site}: losing the site stops ${functions.length === 1 ? 'it' : 'them'}. ${advice}`,
                data: { site }
            });
        }
    }
});
