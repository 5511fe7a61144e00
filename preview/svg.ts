import { simulateFailures } from '../language/analysis/simulate.js';
import { escapeXml } from './escape.js';
import { mechanismText, targetText, redundancyLevel, redundancyText, roleText, shortLabel, stateText } from './labels.js';
import { groupKey, type FailedSets, type PreviewGroup } from './protocol.js';
import { columnsOf, failedComputers, rowsOf } from './render.js';

/**
 * A static SVG of the matrices (for slides, wikis and tickets): the same rows, columns, marks,
 * badges and states as the preview, in light colours, text on every mark.
 */

const font = 'system-ui, -apple-system, Segoe UI, Ubuntu, sans-serif';
const charWidth = 6.6;
const rowHeight = 22;
const computerWidth = 86;
const colours = {
    text: '#3b3b3b', muted: '#6b6b6b', border: '#d4d4d4', header: '#f3f3f3', failed: '#fbe3e0',
    error: '#c72e0f', warning: '#8a6100', ok: '#2a7a28', info: '#1a6fc7'
};
const levelColour = { missing: colours.error, spof: colours.error, one: colours.ok, two: colours.ok } as const;
const stateColour = { up: colours.ok, degraded: colours.warning, down: colours.error } as const;

function fit(text: string, width: number): string {
    const max = Math.max(Math.floor((width - 8) / charWidth), 3);
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function text(x: number, y: number, value: string, options: { width?: number; colour?: string; weight?: number; anchor?: 'start' | 'middle' } = {}): string {
    const shown = options.width !== undefined ? fit(value, options.width) : value;
    const title = shown !== value ? `<title>${escapeXml(value)}</title>` : '';
    return `<text x="${x}" y="${y}" fill="${options.colour ?? colours.text}"${options.weight ? ` font-weight="${options.weight}"` : ''}${options.anchor === 'middle' ? ' text-anchor="middle"' : ''}>${title}${escapeXml(shown)}</text>`;
}

export function renderMatrixSvg(groups: readonly PreviewGroup[], failedSets: FailedSets = {}): string {
    const parts: string[] = [];
    let y = 0;
    let width = 400;
    for (const group of groups) {
        const failed = failedSets[groupKey(group)] ?? [];
        const simulation = simulateFailures(group, failed);
        const tiers = columnsOf(group);
        const computers = tiers.flatMap(t => t.computers);
        const down = failedComputers(group, failed);
        const rows = rowsOf(group);
        const labelWidth = Math.min(Math.max(...group.functions.map(fn => shortLabel(fn).length * charWidth + 24), 160), 340);
        const mechanismWidth = 190;
        const badgeWidth = 170;
        const stateWidth = 90;
        const gridLeft = labelWidth;
        const tailLeft = gridLeft + computers.length * computerWidth;
        const groupWidth = tailLeft + mechanismWidth + badgeWidth + stateWidth;
        width = Math.max(width, groupWidth + 1);

        y += 24;
        parts.push(text(0, y, `Group ${group.group}`, { weight: 600 }));
        y += 18;
        const failedNames = failed.map(id => group.components.find(c => c.id === id)?.name ?? id);
        parts.push(text(0, y, failed.length > 0 ? `Simulated failure of ${failedNames.join(', ')}: ${simulation.stopped.length} stopped, ${simulation.degraded.length} degraded` : `${targetText(group.availability)}, no failure simulated`, { colour: colours.muted }));
        y += 10;

        // header: tiers, then computers
        parts.push(`<rect x="0" y="${y}" width="${groupWidth}" height="${rowHeight * 2}" fill="${colours.header}"/>`);
        let x = gridLeft;
        for (const tier of tiers) {
            const w = tier.computers.length * computerWidth;
            parts.push(text(x + w / 2, y + 15, tier.title, { width: w, weight: 600, anchor: 'middle' }));
            parts.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + rowHeight * 2}" stroke="${colours.border}"/>`);
            x += w;
        }
        for (const [i, title] of ['Mechanism', 'Redundancy', 'State'].entries()) {
            const left = tailLeft + [0, mechanismWidth, mechanismWidth + badgeWidth][i];
            parts.push(text(left + 6, y + 26, title, { weight: 600 }));
        }
        computers.forEach((computer, i) => {
            const left = gridLeft + i * computerWidth;
            if (down.has(computer.id)) parts.push(`<rect x="${left}" y="${y + rowHeight}" width="${computerWidth}" height="${rowHeight}" fill="${colours.failed}"/>`);
            parts.push(text(left + computerWidth / 2, y + rowHeight + 15, down.has(computer.id) ? `${computer.name} ✕` : computer.name, { width: computerWidth, weight: 600, anchor: 'middle', colour: down.has(computer.id) ? colours.error : colours.text }));
        });
        y += rowHeight * 2;

        for (const kindRows of rows) {
            y += rowHeight;
            parts.push(text(4, y - 6, kindRows.title.toUpperCase(), { colour: colours.muted, weight: 600 }));
            for (const fn of kindRows.functions) {
                parts.push(`<line x1="0" y1="${y}" x2="${groupWidth}" y2="${y}" stroke="${colours.border}"/>`);
                const state = simulation.states[fn.id] ?? 'up';
                parts.push(text(8, y + 15, shortLabel(fn), { width: labelWidth - 8 }));
                computers.forEach((computer, i) => {
                    const left = gridLeft + i * computerWidth;
                    if (down.has(computer.id)) parts.push(`<rect x="${left}" y="${y}" width="${computerWidth}" height="${rowHeight}" fill="${colours.failed}"/>`);
                    parts.push(`<line x1="${left}" y1="${y}" x2="${left}" y2="${y + rowHeight}" stroke="${colours.border}"/>`);
                    const placements = fn.placements.filter(p => p.computer === computer.name);
                    const isDown = (down.has(computer.id) || state === 'down') && placements.some(p => p.role !== 'disabled');
                    const words = isDown ? '✕ down' : placements.map(p => roleText[p.role].short).join(', ');
                    if (words) parts.push(text(left + computerWidth / 2, y + 15, words, { width: computerWidth, anchor: 'middle', colour: isDown ? colours.error : colours.text }));
                });
                const level = redundancyLevel(fn.redundancy);
                parts.push(`<line x1="${tailLeft}" y1="${y}" x2="${tailLeft}" y2="${y + rowHeight}" stroke="${colours.border}"/>`);
                parts.push(text(tailLeft + 6, y + 15, mechanismText[fn.mechanism], { width: mechanismWidth - 6 }));
                parts.push(text(tailLeft + mechanismWidth + 6, y + 15, `${level === 'missing' || level === 'spof' ? '✕' : '✓'} ${redundancyText[level]}`, { width: badgeWidth - 6, colour: levelColour[level] }));
                parts.push(text(tailLeft + mechanismWidth + badgeWidth + 6, y + 15, `${state === 'up' ? '✓' : state === 'degraded' ? '⚠' : '✕'} ${stateText[state]}`, { width: stateWidth - 6, colour: stateColour[state], weight: 600 }));
                y += rowHeight;
            }
        }
        parts.push(`<line x1="0" y1="${y}" x2="${groupWidth}" y2="${y}" stroke="${colours.border}"/>`);
        y += 12;
    }
    const margin = 12;
    const height = y + 8 + margin;
    width += margin * 2;
    const title = groups.length === 1 ? `Redundancy of group ${groups[0].group}` : 'Redundancy of the BizTalk groups';
    return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="${font}" font-size="12" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<g transform="translate(${margin} ${margin / 2})">
${parts.join('\n')}
</g>
</svg>
`;
}
