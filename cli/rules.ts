import { allRules } from '../language/rules/registry.js';

/** The rule registry as a table: the README's rules table is generated from it. */
export function formatRules(format: 'text' | 'markdown' | 'json'): string {
    if (format === 'json') {
        return JSON.stringify(allRules.map(({ id, defaultSeverity, area, summary, sources }) => ({ id, defaultSeverity, area, summary, sources })), null, 2);
    }
    if (format === 'markdown') {
        return ['| Rule | Area | Default severity | What it checks |', '| --- | --- | --- | --- |',
            ...allRules.map(rule => `| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.area} | ${rule.defaultSeverity} | ${rule.summary.replace(/\|/g, '\\|')} |`)].join('\n');
    }
    const width = Math.max(...allRules.map(rule => rule.id.length));
    return allRules.map(rule => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(11)}  ${rule.summary}`).join('\n');
}
