import { isMasterSecretServer } from '../generated/ast.js';
import { defineRule } from './rule.js';
import { networkNameChange, titleOf } from './fixes-common.js';

export const haSsoMssUndeclared = defineRule({
    id: 'HA-SSO-MSS-UNDECLARED',
    defaultSeverity: 'warning',
    area: 'SSO',
    summary: 'Declare where the SSO master secret server runs, so its availability can be checked.',
    sources: ['biztalk/core/high-availability-for-enterprise-single-sign-on.md'],
    check({ group, report }) {
        if (group.sso?.masterSecretServer) return;
        // A `master-secret-server on X` whose X does not resolve is declared: the linker reports the unknown name.
        const properties = group.sso?.node.properties ?? [];
        if (properties.some(isMasterSecretServer)) return;
        report({
            node: group.sso?.node ?? group.node, property: group.sso ? undefined : 'name',
            message: `Group ${group.name} does not say where the SSO master secret server runs: without it no SSO service or host instance can start, and bizha cannot tell whether it is highly available. Add \`sso { master-secret-server on <cluster> }\`.`,
            data: {}
        });
    },
    fix(context) {
        const { group, editor } = context;
        // The recommended place: a cluster that holds the BizTalk SQL Server (no extra BizTalk licence).
        const sqlClusters = [...group.clusters.values()].filter(c => c.nodes.length >= 2 && [...group.sqlInstances.values()].some(s => s.server?.kind === 'cluster' && s.server.name === c.name));
        const target = sqlClusters[0] ?? [...group.clusters.values()].find(c => c.nodes.length >= 2);
        if (!target) return [];
        const line = `master-secret-server on ${target.name}`;
        const networkName = networkNameChange(context, target);
        return [{
            title: titleOf(`Declare the master secret server on cluster ${target.name}`, networkName),
            edits: [...(group.sso ? editor.addToBlock(group.sso.node, line) : editor.addGroupMember(group.node, 'sso', editor.block('sso', [line]))), ...networkName.edits],
            preferred: true
        }];
    }
});
