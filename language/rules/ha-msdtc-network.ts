import { isComputerMsdtc } from '../generated/ast.js';
import { defineRule } from './rule.js';
import { biztalkComputers, sqlComputers } from './helpers.js';

export const haMsdtcNetwork = defineRule({
    id: 'HA-MSDTC-NETWORK',
    defaultSeverity: 'error',
    area: 'accounts',
    summary: 'Network DTC access must be enabled on every BizTalk and SQL computer.',
    sources: ['biztalk/core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2.md', 'biztalk/install-and-config-guides/install-biztalk-server-in-a-multi-computer-environment.md'],
    check({ group, report, at }) {
        const biztalk = biztalkComputers(group);
        const sql = sqlComputers(group);
        for (const computer of group.computers.values()) {
            if (!computer.msdtcOff) continue;
            const roles = [biztalk.includes(computer.name) ? 'BizTalk Server' : '', sql.includes(computer.name) ? 'SQL Server' : ''].filter(Boolean);
            if (roles.length === 0) continue;
            report({
                node: at(computer), property: computer.local ? 'name' : undefined,
                message: `${computer.name} runs ${roles.join(' and ')} but has network DTC access disabled (\`msdtc off\`): BizTalk's distributed transactions between its hosts, databases and SSO fail. Enable network DTC access (\`msdtc on\`) with the same RPC authentication level on every BizTalk and SQL computer.`,
                related: [{ message: `${computer.name} declared here`, source: computer.source }],
                data: { computer: computer.name }
            });
        }
    },
    fix(context) {
        const computer = context.group.computers.get(String(context.data.computer));
        if (!computer || !computer.local) return [];
        const property = computer.node.properties.find(isComputerMsdtc);
        return property ? [{ title: `Enable network DTC access on ${computer.name}`, edits: context.editor.replace(property.$cstNode, 'msdtc on'), preferred: true }] : [];
    }
});
