import type { GroupAnalysis, SingleFailure } from '../language/analysis/types.js';
import { componentText } from '../language/rules/helpers.js';
import { mechanismText, redundancyLevel, redundancyText } from '../preview/labels.js';

const colours = { red: '\u001b[31m', yellow: '\u001b[33m', green: '\u001b[32m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** The redundancy table of every group: one row per function, what single failure stops it. */
export function formatExplain(analyses: Array<{ file: string; analysis: GroupAnalysis }>, colour: boolean): string {
    const paint = (text: string, code: string) => colour ? `${code}${text}${colours.reset}` : text;
    const lines: string[] = [];
    for (const { file, analysis } of analyses) {
        lines.push(paint(`Group ${analysis.group}`, colours.bold) + ` (${file}, availability ${analysis.availability})`);
        const byId = new Map(analysis.functions.map(fn => [fn.id, fn]));
        // "SQL01 (via BizTalkMgmtDb)", "FS01 (via file server FS01)", "hypervisor HV1".
        const failureText = (failure: SingleFailure) => {
            const via = failure.via ? byId.get(failure.via) : undefined;
            const through = failure.via ? ` (via ${via?.kind === 'database' ? via.database : via?.label ?? failure.via})` : '';
            return componentText(failure.component) + through;
        };
        const rows = analysis.functions.map(fn => [
            fn.label,
            mechanismText[fn.mechanism],
            fn.providers.join(', ') || '-',
            `${fn.redundancy} ${redundancyText[redundancyLevel(fn.redundancy)]}`,
            fn.singleFailures.map(failureText).join(', ') || '-'
        ]);
        const header = ['function', 'mechanism', 'providers', 'redundancy', 'stopped by a single failure of'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
        const format = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
        lines.push(paint(format(header), colours.bold));
        rows.forEach((row, i) => {
            const redundancy = analysis.functions[i].redundancy;
            const line = format(row);
            lines.push(redundancy <= 1 ? paint(line, redundancy === 0 ? colours.red : colours.yellow) : line);
        });
        const worst = analysis.worstSingleFailure;
        if (worst) {
            const component = analysis.components.find(c => c.id === worst)!;
            lines.push(`Worst single failure: ${componentText(component.id)} stops ${component.stops.length} function${component.stops.length === 1 ? '' : 's'}.`);
        } else {
            lines.push(paint('No single computer failure stops any function.', colours.green));
        }
        lines.push('');
    }
    return lines.join('\n');
}
