import { defineRule } from './rule.js';

export const haSsoBackup = defineRule({
    id: 'HA-SSO-BACKUP',
    defaultSeverity: 'warning',
    area: 'SSO',
    summary: 'Back up the SSO master secret; without it, losing the master secret server loses all SSO data.',
    sources: ['biztalk/core/high-availability-for-enterprise-single-sign-on.md', 'biztalk/technical-guides/high-availability-for-the-master-secret-server.md', 'biztalk/core/how-to-cluster-the-master-secret-server1.md'],
    check({ group, report }) {
        const sso = group.sso;
        if (!sso || sso.backup !== undefined) return;
        report({
            node: sso.node,
            message: `The SSO master secret has no declared backup: if the master secret server is lost, every SSO-encrypted credential and adapter setting is lost with it. Back it up as soon as it is created and record where with \`backup\`, e.g. a share such as \\\\server\\share${sso.masterSecretServer?.kind === 'cluster' ? ' (and restore it on every node of the cluster)' : ''}.`,
            data: {}
        });
    },
    fix(context) {
        const sso = context.group.sso;
        if (!sso) return [];
        return [{ title: 'Record where the master secret is backed up', edits: context.editor.addToBlock(sso.node, 'backup "\\\\\\\\fileserver\\\\sso-backup"'), preferred: true }];
    }
});
