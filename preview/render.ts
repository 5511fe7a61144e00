import { simulateFailures, type FunctionState, type SimulationResult } from '../language/analysis/simulate.js';
import type { ComponentResult, Placement, Tier } from '../language/analysis/types.js';
import { escapeHtml, name } from './escape.js';
import { icon, type IconName } from './icons.js';
import {
    kindOrder, kindTitleOf, mechanismText, plural, targetText, redundancyLevel, redundancyText, roleText, shortLabel,
    stateLongText, stateText, tierNoun, tierOrder, tierTitle, type RedundancyLevel
} from './labels.js';
import { groupKey, type FailedSets, type PreviewDiagnostic, type PreviewFunction, type PreviewGroup } from './protocol.js';

/**
 * The redundancy matrix as HTML: pure functions of the analysis result, shared by the preview
 * panel's webview, the exported report and `bizha report`. No DOM is touched here; every name
 * from the topology is escaped. The failure states always come from `simulateFailures`.
 */

export interface TierColumns {
    readonly tier: Tier;
    readonly title: string;
    readonly computers: ComponentResult[];
}

export interface KindRows {
    readonly kind: PreviewFunction['kind'];
    readonly title: string;
    readonly functions: PreviewFunction[];
}

/** Computer columns grouped by tier (BizTalk, SQL, other), in the analysis's order within a tier. */
export function columnsOf(group: Pick<PreviewGroup, 'components'>): TierColumns[] {
    return tierOrder
        .map(tier => ({ tier, title: tierTitle[tier], computers: group.components.filter(c => c.kind === 'computer' && c.tier === tier) }))
        .filter(columns => columns.computers.length > 0);
}

/** Components that hold computers (sites, and whatever kinds the analysis adds, such as hypervisors). */
export function sitesOf(group: Pick<PreviewGroup, 'components'>): ComponentResult[] {
    return group.components.filter(c => c.kind !== 'computer');
}

/** Function rows grouped by kind: the known kinds in their fixed order, then any other kind; analysis order within a kind. */
export function rowsOf(group: Pick<PreviewGroup, 'functions'>): KindRows[] {
    const kinds = [...kindOrder, ...new Set(group.functions.map(fn => fn.kind).filter(kind => !kindOrder.includes(kind)))];
    return kinds
        .map(kind => ({ kind, title: kindTitleOf(kind), functions: group.functions.filter(fn => fn.kind === kind) }))
        .filter(rows => rows.functions.length > 0);
}

/**
 * The regions each computer is in (its site, its hypervisor, ...), read from the analysis's
 * provider paths: a path is a computer followed by what it needs besides itself.
 */
export function regionsOfComputers(group: Pick<PreviewGroup, 'components' | 'functions'>): Map<string, Set<string>> {
    const regions = new Map<string, Set<string>>();
    const add = (computer: string, region: string) => {
        let set = regions.get(computer);
        if (!set) regions.set(computer, set = new Set());
        set.add(region);
    };
    for (const component of group.components) if (component.kind === 'computer' && component.site !== undefined) add(component.id, `site:${component.site}`);
    const seen = new Set<readonly string[]>();
    for (const fn of group.functions) {
        for (const path of fn.paths) {
            if (seen.has(path) || !path[0]?.startsWith('computer:')) continue;
            seen.add(path);
            for (const region of path.slice(1)) add(path[0], region);
        }
    }
    return regions;
}

/** Computers whose column shows as failed: failed themselves or in a failed site (or other region). */
export function failedComputers(group: Pick<PreviewGroup, 'components' | 'functions'>, failed: readonly string[]): Set<string> {
    const set = new Set<string>();
    const regions = failed.some(id => !id.startsWith('computer:')) ? regionsOfComputers(group) : undefined;
    for (const component of group.components) {
        if (component.kind !== 'computer') continue;
        if (failed.includes(component.id) || [...regions?.get(component.id) ?? []].some(region => failed.includes(region))) set.add(component.id);
    }
    return set;
}

export function componentLabel(group: Pick<PreviewGroup, 'components'>, id: string): string {
    return group.components.find(c => c.id === id)?.name ?? id.slice(id.indexOf(':') + 1);
}

/** Region kinds present (site, hypervisor, ...) with how many of each, in order of appearance. */
function regionKinds(regions: readonly ComponentResult[]): Array<[string, number]> {
    const counts = new Map<string, number>();
    for (const region of regions) counts.set(region.kind, (counts.get(region.kind) ?? 0) + 1);
    return [...counts.entries()];
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- state-dependent fragments (the webview re-renders only these on a click) ---------------

const stateIcon: Record<FunctionState, IconName> = { up: 'pass', degraded: 'warning', down: 'error' };

export function stateHtml(state: FunctionState): string {
    return `${icon(stateIcon[state])}<span class="state-text">${stateText[state]}</span>`;
}

export function stateLabel(fn: PreviewFunction, state: FunctionState): string {
    return `${fn.label}: ${stateLongText[state]}`;
}

export function componentHeaderHtml(component: ComponentResult, failedDirectly: boolean, failedBySite: boolean): string {
    const failed = failedDirectly || failedBySite;
    return `${icon(failed ? 'debug-disconnect' : component.kind === 'computer' ? 'server' : 'globe')}`
        + `<span class="component-name">${name(component.name)}</span>`
        + (component.kind === 'computer' && component.site !== undefined ? `<span class="component-site">${name(component.site)}</span>` : '')
        + `<span class="component-status">${failedDirectly ? 'failed' : failedBySite ? 'failed (site)' : 'up'}</span>`;
}

export function componentAriaLabel(component: ComponentResult, failedDirectly: boolean, failedBySite: boolean): string {
    const what = component.kind === 'computer' ? tierNoun[component.tier] : component.kind;
    const status = failedDirectly ? 'failed; press to bring it back' : failedBySite ? `failed with ${component.site !== undefined ? `its site ${component.site}` : 'a region it is in'}; press to fail it on its own` : 'up; press to fail it';
    const stops = component.stops.length > 0 ? ` Alone, its failure stops ${plural(component.stops.length, 'function')}.` : '';
    return `${component.name}, ${what}, ${status}.${stops}`;
}

/** Why a placement is down: its computer failed, or the function stopped (a dependency is down). */
export type PlacementDown = 'computer' | 'function' | undefined;

export function placementDown(computerFailed: boolean, state: FunctionState): PlacementDown {
    return computerFailed ? 'computer' : state === 'down' ? 'function' : undefined;
}

export function placementAriaLabel(fn: PreviewFunction, computer: ComponentResult, down: PlacementDown): string {
    const words = placementsOn(fn, computer.name).map(p => roleText[p.role].long).join(', ');
    const why = down === 'computer' ? `; down: ${computer.name} failed` : down === 'function' ? '; down: the function stopped' : '';
    return `${fn.label} on ${computer.name}: ${words}${why}. Press to show the declaration.`;
}

/** A cell's marks: the role of each placement, or "down" (in words, not only struck through) when it cannot run. */
export function placementHtml(fn: PreviewFunction, computer: ComponentResult, down: PlacementDown): string {
    const placements = placementsOn(fn, computer.name);
    if (down && placements.some(p => p.role !== 'disabled')) return `<span class="role role-down">${icon('error')}<span>down</span></span>`;
    return placements.map(p => `<span class="role">${icon(roleIcon[p.role])}<span>${escapeHtml(roleText[p.role].short)}</span></span>`).join('');
}

export function placementTitle(fn: PreviewFunction, computer: ComponentResult, down: PlacementDown): string {
    const words = placementsOn(fn, computer.name).map(p => roleText[p.role].long).join(', ');
    return down === 'computer' ? `${words}, down: ${computer.name} failed` : down === 'function' ? `${words}, down: the function stopped` : words;
}

export interface SummaryInput {
    readonly group: PreviewGroup;
    readonly failed: readonly string[];
    readonly simulation: SimulationResult;
    /** States with nothing failed: what is down already is not blamed on the failure. */
    readonly baseline: SimulationResult;
}

const listLimit = 6;

function functionList(group: PreviewGroup, ids: readonly string[]): string {
    const labels = ids.map(id => group.functions.find(fn => fn.id === id)?.label ?? id);
    const shown = labels.slice(0, listLimit).map(name).join(', ');
    return labels.length > listLimit ? `${shown} and ${labels.length - listLimit} more` : shown;
}

/** The summary line under a group's toolbar: what the failure stops. */
export function summaryHtml({ group, failed, simulation, baseline }: SummaryInput): string {
    const alreadyDown = baseline.stopped;
    const stops = simulation.stopped.filter(id => !alreadyDown.includes(id));
    const parts: string[] = [];
    if (failed.length === 0) {
        parts.push(`<span>${icon('info')}<span>No failure simulated. Select a computer${sitesOf(group).length > 0 ? ' or a site' : ''} to fail it and watch what stops.</span></span>`);
    } else {
        const names = failed.map(id => componentLabel(group, id)).map(name).join(', ');
        const verb = failed.length === 1 ? 'fails' : 'fail';
        if (stops.length === 0) {
            parts.push(`<span>${icon('pass')}<span>When ${names} ${verb}, nothing stops${simulation.degraded.length > 0 ? `; ${plural(simulation.degraded.length, 'function loses', 'functions lose')} redundancy` : ''}.</span></span>`);
        } else {
            parts.push(`<span>${icon('error')}<span>When ${names} ${verb}, ${plural(stops.length, 'function stops', 'functions stop')}: ${functionList(group, stops)}${simulation.degraded.length > 0 ? `; ${plural(simulation.degraded.length, 'more loses', 'more lose')} redundancy` : ''}.</span></span>`);
        }
    }
    if (alreadyDown.length > 0) {
        parts.push(`<span class="already-down">${icon('circle-slash')}<span>Down with no failure at all (nothing provides ${alreadyDown.length === 1 ? 'it' : 'them'}): ${functionList(group, alreadyDown)}.</span></span>`);
    }
    return parts.join(' ');
}

// ---- the whole matrix -------------------------------------------------------------------

export type PreviewView = 'matrix' | 'diagram';

export interface RenderOptions {
    /** Failed components per group key. */
    readonly failed?: FailedSets;
    /** The view shown (the other is hidden); without one, both are shown (a report read without its script). */
    readonly view?: PreviewView;
    /** Drawn topology diagrams per group key (the report draws them in Node); the webview draws its own. */
    readonly diagrams?: Record<string, string>;
    /** Shows a file name under each group heading (reports over several files). */
    readonly fileLabel?: (uri: string) => string;
}

/** The body of the preview: every group's matrix, or a short note when there is none. */
export function renderGroups(groups: readonly PreviewGroup[], options: RenderOptions = {}): string {
    if (groups.length === 0) {
        return '<p class="empty">This file declares no BizTalk group: nothing to preview. Open a file with a <code>group</code> block.</p>';
    }
    return groups.map((group, index) => renderGroup(group, index, options)).join('\n');
}

function lineOf(fn: { source: { range: { start: { line: number } } } }): number {
    return fn.source.range.start.line + 1;
}

const severityIcon: Record<PreviewDiagnostic['severity'], IconName> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

const severityRank: Record<PreviewDiagnostic['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * A rule id chip for one or more diagnostics of the same rule (the first is revealed on click);
 * `x` places it in the matrix's roving focus (group findings are plain tab stops).
 */
function diagnosticButton(diagnostics: readonly PreviewDiagnostic[], fnId: string | undefined, index: number, x?: number, y?: number): string {
    const first = diagnostics[0];
    const severity = diagnostics.reduce((worst, d) => severityRank[d.severity] < severityRank[worst] ? d.severity : worst, first.severity);
    const label = diagnostics.map(d => `${d.severity} ${d.ruleId}: ${d.message}`).join('\n');
    const roving = x !== undefined ? ` data-x="${x}" data-y="${y}" tabindex="-1"` : '';
    const count = diagnostics.length > 1 ? `<span class="rule-count">×${diagnostics.length}</span>` : '';
    return `<button type="button" class="rule severity-${severity}" data-action="reveal-diagnostic" data-rule="${escapeHtml(first.ruleId)}"${fnId !== undefined ? ` data-fn="${escapeHtml(fnId)}"` : ''} data-diagnostic="${index}"${roving} title="${escapeHtml(label)}" aria-label="${escapeHtml(`${label} Press to show it in the editor.`)}">${icon(severityIcon[severity])}<span>${escapeHtml(first.ruleId)}</span>${count}</button>`;
}

/** A row's diagnostics, one chip per rule id, in order of first appearance. */
function ruleChips(fn: PreviewFunction, firstX: number, y: number): string {
    const byRule = new Map<string, { index: number; diagnostics: PreviewDiagnostic[] }>();
    fn.diagnostics.forEach((d, index) => {
        const entry = byRule.get(d.ruleId);
        if (entry) entry.diagnostics.push(d);
        else byRule.set(d.ruleId, { index, diagnostics: [d] });
    });
    return [...byRule.values()].map((entry, i) => diagnosticButton(entry.diagnostics, fn.id, entry.index, firstX + i, y)).join('');
}

function placementsOn(fn: PreviewFunction, computer: string): Placement[] {
    return fn.placements.filter(p => p.computer === computer);
}

const roleIcon: Record<Placement['role'], IconName> = {
    active: 'circle-filled', standby: 'circle-half', 'sql-node': 'database', replica: 'copy', disabled: 'dash', 'nlb-member': 'split'
};

function badgeHtml(fn: PreviewFunction, group: PreviewGroup): string {
    const level: RedundancyLevel = redundancyLevel(fn.redundancy);
    const iconName: IconName = level === 'missing' ? 'circle-slash' : level === 'spof' ? 'error' : level === 'one' ? 'pass' : 'pass-filled';
    const details: string[] = [`Redundancy ${fn.redundancy >= 3 ? '3 or more' : fn.redundancy}: ${redundancyText[level]}.`];
    if (fn.singleFailures.length > 0) {
        details.push(`Stopped by a single failure of ${fn.singleFailures.map(f => componentLabel(group, f.component) + (f.via ? ` (via ${group.functions.find(g => g.id === f.via)?.label ?? f.via})` : '')).join(', ')}.`);
    }
    if (fn.ownRedundancy !== fn.redundancy) details.push(`Its own providers: ${redundancyText[redundancyLevel(fn.ownRedundancy)]}.`);
    if (fn.doubleFailures.length > 0) details.push(`For example ${fn.doubleFailures.map(pair => pair.map(id => componentLabel(group, id)).join(' and ')).join('; ')} failing together stop it.`);
    const text = details.join(' ');
    return `<span class="badge redundancy-${level}" title="${escapeHtml(text)}">${icon(iconName)}<span>${redundancyText[level]}</span><span class="visually-hidden"> ${escapeHtml(text)}</span></span>`;
}

function renderGroup(group: PreviewGroup, index: number, options: RenderOptions): string {
    const key = groupKey(group);
    const failed = options.failed?.[key] ?? [];
    const simulation = simulateFailures(group, failed);
    const baseline = simulateFailures(group, []);
    const tiers = columnsOf(group);
    const computers = tiers.flatMap(t => t.computers);
    const sites = sitesOf(group);
    const rows = rowsOf(group);
    const failedColumns = failedComputers(group, failed);
    const titleId = `group-${index}-title`;
    const summaryId = `group-${index}-summary`;
    const worst = group.worstSingleFailure ? group.components.find(c => c.id === group.worstSingleFailure) : undefined;
    const columnCount = 1 + computers.length + 1;

    const out: string[] = [];
    out.push(`<section class="group" data-group="${escapeHtml(key)}" aria-labelledby="${titleId}">`);
    out.push('<header class="group-header">');
    out.push(`<h2 id="${titleId}">Group ${name(group.group)}</h2>`);
    const file = options.fileLabel ? ` · ${name(options.fileLabel(group.source.uri))}` : '';
    out.push(`<p class="group-meta">${escapeHtml(targetText(group.availability))} · ${plural(group.functions.length, 'function')} · ${plural(computers.length, 'computer')}${regionKinds(sites).map(([kind, count]) => ` · ${plural(count, kind)}`).join('')}${file}</p>`);

    out.push(`<div class="toolbar" role="toolbar" aria-label="${escapeHtml(`Failure simulation of group ${group.group}`)}">`);
    if (worst) {
        out.push(`<button type="button" class="button" data-action="worst" title="${escapeHtml(`Fail ${worst.name}: alone it stops ${plural(worst.stops.length, 'function')}`)}">${icon('zap')}<span>Worst single failure: ${name(worst.name)}</span></button>`);
    } else {
        out.push(`<button type="button" class="button" data-action="worst" disabled title="No single computer or site stops a function">${icon('zap')}<span>Worst single failure: none</span></button>`);
    }
    out.push(`<button type="button" class="button secondary" data-action="reset">${icon('discard')}<span>Reset</span></button>`);
    for (const [kind] of regionKinds(sites)) {
        out.push(`<span class="toolbar-label" aria-hidden="true">${escapeHtml(capitalised(plural(2, kind).slice(2)))}:</span>`);
        for (const site of sites.filter(s => s.kind === kind)) {
            const down = failed.includes(site.id);
            out.push(`<button type="button" class="component site${down ? ' failed' : ''}" data-action="toggle" data-component="${escapeHtml(site.id)}" data-status="${down ? 'failed' : 'up'}" aria-pressed="${down}" aria-label="${escapeHtml(componentAriaLabel(site, down, false))}">${componentHeaderHtml(site, down, false)}</button>`);
        }
    }
    out.push('</div>');
    out.push(`<p class="summary" id="${summaryId}" role="status" aria-live="polite" data-summary>${summaryHtml({ group, failed, simulation, baseline })}</p>`);
    out.push('</header>');

    out.push(viewTabs(group, index, options.view));
    out.push(`<div class="view view-matrix" role="tabpanel" id="group-${index}-matrix" aria-labelledby="group-${index}-tab-matrix"${options.view === 'diagram' ? ' hidden' : ''}>`);
    out.push(`<table class="matrix" aria-labelledby="${titleId}" aria-describedby="${summaryId}">`);
    out.push('<thead>');
    out.push('<tr class="tier-row"><td class="corner" rowspan="2"></td>');
    for (const tier of tiers) out.push(`<th scope="colgroup" colspan="${tier.computers.length}" class="tier tier-${tier.tier}">${escapeHtml(tier.title)}</th>`);
    // One status column: state, redundancy and rules side by side when the panel is wide, stacked when it is narrow.
    out.push('<th scope="col" rowspan="2" class="status-head"><span class="status-grid"><span>State</span><span>Redundancy</span><span>Rules</span></span></th></tr>');
    out.push('<tr class="component-row">');
    computers.forEach((computer, column) => {
        const direct = failed.includes(computer.id);
        const bySite = !direct && failedColumns.has(computer.id);
        out.push(`<th scope="col" class="component-head tier-${computer.tier}${failedColumns.has(computer.id) ? ' failed' : ''}" data-col="${escapeHtml(computer.id)}">`
            + `<button type="button" class="component${direct || bySite ? ' failed' : ''}" data-action="toggle" data-component="${escapeHtml(computer.id)}" data-status="${direct ? 'failed' : bySite ? 'site' : 'up'}" data-x="${column + 1}" data-y="0" tabindex="${column === 0 ? 0 : -1}" aria-pressed="${direct}" aria-label="${escapeHtml(componentAriaLabel(computer, direct, bySite))}">${componentHeaderHtml(computer, direct, bySite)}</button></th>`);
    });
    out.push('</tr></thead>');

    let y = 0;
    for (const kindRows of rows) {
        out.push(`<tbody class="kind kind-${kindRows.kind}">`);
        out.push(`<tr class="kind-row"><th scope="rowgroup" colspan="${columnCount}">${escapeHtml(kindRows.title)} <span class="count">(${kindRows.functions.length})</span></th></tr>`);
        for (const fn of kindRows.functions) {
            y++;
            const state = simulation.states[fn.id] ?? 'up';
            const file = options.fileLabel ? `${options.fileLabel(fn.source.uri)}:` : 'line ';
            out.push(`<tr class="fn state-${state}" data-fn="${escapeHtml(fn.id)}" data-kind="${fn.kind}" data-state="${state}">`);
            out.push(`<th scope="row" class="fn-head"><button type="button" class="fn-label" data-action="reveal" data-fn="${escapeHtml(fn.id)}" data-x="0" data-y="${y}" tabindex="${computers.length === 0 && y === 1 ? 0 : -1}" title="${escapeHtml(`${fn.label} (${file}${lineOf(fn)})`)}" aria-label="${escapeHtml(`${fn.label}, ${mechanismText[fn.mechanism]}. Press to show its declaration.`)}">${name(shortLabel(fn))}<span class="fn-mechanism">${escapeHtml(mechanismText[fn.mechanism])}</span></button></th>`);
            computers.forEach((computer, column) => {
                const placements = placementsOn(fn, computer.name);
                const down = failedColumns.has(computer.id);
                const classes = ['cell', `tier-${computer.tier}`, ...placements.map(p => `role-${p.role}`), down ? 'failed' : ''].filter(Boolean).join(' ');
                if (placements.length === 0) {
                    out.push(`<td class="${classes} none" data-col="${escapeHtml(computer.id)}"></td>`);
                    return;
                }
                const why = placementDown(down, state);
                out.push(`<td class="${classes}" data-col="${escapeHtml(computer.id)}" data-down="${why ?? ''}"><button type="button" class="placement" data-action="reveal" data-fn="${escapeHtml(fn.id)}" data-x="${column + 1}" data-y="${y}" tabindex="-1" aria-label="${escapeHtml(placementAriaLabel(fn, computer, why))}" title="${escapeHtml(placementTitle(fn, computer, why))}">`
                    + placementHtml(fn, computer, why)
                    + '</button></td>');
            });
            out.push(`<td class="status"><span class="status-grid"><span class="state" data-state-cell aria-label="${escapeHtml(stateLabel(fn, state))}">${stateHtml(state)}</span>`
                + `<span class="redundancy">${badgeHtml(fn, group)}</span><span class="rules">${ruleChips(fn, computers.length + 1, y)}</span></span></td>`);
            out.push('</tr>');
        }
        out.push('</tbody>');
    }
    out.push('</table></div>');
    const diagram = options.diagrams?.[key];
    out.push(`<div class="view view-diagram diagram" role="tabpanel" id="group-${index}-diagram" aria-labelledby="group-${index}-tab-diagram" aria-describedby="${summaryId}" data-diagram${options.view === 'matrix' ? ' hidden' : ''}>`
        + `${diagram ?? '<p class="diagram-pending">Laying out the diagram…</p>'}</div>`);

    if (group.diagnostics.length > 0) {
        out.push(`<div class="group-findings"><h3>Group findings <span class="count">(${group.diagnostics.length})</span></h3><ul>`);
        group.diagnostics.forEach((d, i) => {
            out.push(`<li>${diagnosticButton([d], undefined, i)}<span class="message">${escapeHtml(d.message)}</span></li>`);
        });
        out.push('</ul></div>');
    }
    out.push('</section>');
    return out.join('');
}

/** The Matrix / Diagram switch of a group: a tab list (arrow keys move between the tabs). */
function viewTabs(group: PreviewGroup, index: number, view: PreviewView | undefined): string {
    const tab = (which: PreviewView, label: string, iconName: IconName) => {
        const selected = (view ?? 'matrix') === which;
        return `<button type="button" role="tab" class="view-tab" id="group-${index}-tab-${which}" data-action="view" data-view="${which}" aria-controls="group-${index}-${which}" aria-selected="${selected}" tabindex="${selected ? 0 : -1}">${icon(iconName)}<span>${label}</span></button>`;
    };
    return `<div class="view-tabs" role="tablist" aria-label="${escapeHtml(`Views of group ${group.group}`)}">${tab('matrix', 'Matrix', 'table')}${tab('diagram', 'Diagram', 'type-hierarchy')}</div>`;
}

/** The legend under the matrices: what the cell marks and badges mean, in words. */
export function legendHtml(): string {
    const roles = (Object.keys(roleText) as Placement['role'][])
        .map(role => `<li>${icon(roleIcon[role])}<strong>${escapeHtml(roleText[role].short)}</strong> ${escapeHtml(roleText[role].long)}</li>`).join('');
    const levels: Array<[RedundancyLevel, IconName, string]> = [
        ['missing', 'circle-slash', 'nothing provides the function'],
        ['spof', 'error', 'one failure stops it'],
        ['one', 'pass', 'any one failure leaves it running'],
        ['two', 'pass-filled', 'any two failures leave it running']
    ];
    const badges = levels.map(([level, name, words]) => `<li><span class="badge redundancy-${level}">${icon(name)}<span>${redundancyText[level]}</span></span> ${escapeHtml(words)}</li>`).join('');
    return `<details class="legend"><summary>Legend</summary><div class="legend-columns"><ul>${roles}</ul><ul>${badges}</ul>`
        + `<ul><li>${stateHtml('up')} every provider is up</li><li>${stateHtml('degraded')} runs, but lost a provider or a dependency lost one</li><li>${stateHtml('down')} stopped</li></ul></div></details>`;
}
