import { defineRule } from './rule.js';
import { distinctEnabledComputers, listText } from './helpers.js';

/** Above this many host instances on one computer, the rule suggests consolidating hosts. */
export const maxHostInstancesPerComputer = 10;

export const haHostTooMany = defineRule({
    id: 'HA-HOST-TOO-MANY',
    defaultSeverity: 'information',
    area: 'hosts',
    summary: `Do not over-split hosts: more than ${maxHostInstancesPerComputer} host instances on one computer.`,
    sources: ['biztalk/technical-guides/high-availability-for-biztalk-hosts.md', 'biztalk/technical-guides/configuring-hosts-and-host-instances.md'],
    check({ group, report, at }) {
        // Hosts with an enabled instance, per computer: a disabled instance is a service that never starts.
        const hostsOn = new Map<string, string[]>();
        for (const host of group.hosts.values()) {
            for (const computer of distinctEnabledComputers(host)) {
                const hosts = hostsOn.get(computer);
                if (hosts) hosts.push(host.name);
                else hostsOn.set(computer, [host.name]);
            }
        }
        for (const [name, hosts] of hostsOn) {
            if (hosts.length <= maxHostInstancesPerComputer) continue;
            const computer = group.computers.get(name);
            if (!computer) continue;
            report({
                node: at(computer), property: computer.local ? 'name' : undefined,
                message: `${name} runs ${hosts.length} host instances (${listText(hosts)}): each is a separate Windows service with its own memory, threads and MessageBox work queue, and polling receive adapters in many hosts add database polling, so every host on ${name} is slowed by the others. Host separation is not redundancy: merge hosts that need no separate security boundary or throttling, keeping about ${maxHostInstancesPerComputer} or fewer per computer, and get availability from instances on several computers instead.`,
                related: [{ message: `${name} declared here`, source: computer.source }],
                data: { computer: name, hosts }
            });
        }
    }
});
