import { simulateFailures } from '../language/analysis/simulate.js';
import { drawDiagram, layoutDiagram, layoutGraph, diagramModel, type DiagramLayout, type LayoutEngine } from './diagram.js';
import { createLayoutEngine } from './layout-engine.js';
import type { ComponentResult } from '../language/analysis/types.js';
import { locate, type CursorPosition } from './locate.js';
import type { ReportData } from './page.js';
import { groupKey, type DrawnReportDiagrams, type FailedSets, type FromWebview, type PreviewGroup, type ToWebview, type WebviewState } from './protocol.js';
import {
    componentAriaLabel, componentHeaderHtml, failedComputers, type PreviewView, placementAriaLabel, placementDown, placementHtml, placementTitle, renderGroups, stateHtml, stateLabel, summaryHtml
} from './render.js';

/**
 * The preview's script, bundled for the browser (out/preview/webview.js). In VS Code it gets the
 * analysis from the extension by message; in an exported report it reads the embedded data.
 * Failure states always come from `simulateFailures`, on the analysis the server computed.
 */

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): WebviewState | undefined;
    setState(state: WebviewState): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const vscode: VsCodeApi | undefined = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const root = document.getElementById('bizha-root') as HTMLElement;
const status = document.getElementById('bizha-status');
const fileName = document.getElementById('bizha-file');

let groups: PreviewGroup[] = [];
let uri: string | undefined;
let fileLabels: Record<string, string> | undefined;
let highlight: CursorPosition | undefined;
const saved = vscode?.getState();
let failed: FailedSets = { ...(saved?.failed ?? {}) };
let view: PreviewView = saved?.view ?? 'matrix';
let scrollPending = false;
let firstUpdate = true;

function saveState(): void {
    vscode?.setState({ uri, failed, scrollX: window.scrollX, scrollY: window.scrollY, view });
}

function setStatus(text: string): void {
    if (status) status.textContent = text;
}

function sectionOf(element: Element): HTMLElement | null {
    return element.closest<HTMLElement>('section.group');
}

function groupOf(section: HTMLElement | null): PreviewGroup | undefined {
    const key = section?.dataset.group;
    return key === undefined ? undefined : groups.find(group => groupKey(group) === key);
}

// ---- rendering -------------------------------------------------------------------------

/** Identifies a focusable element across re-renders. */
function focusKey(element: Element | null): string | undefined {
    const button = element?.closest<HTMLElement>('button');
    const section = button ? sectionOf(button) : null;
    if (!button) return undefined;
    const d = button.dataset;
    return JSON.stringify([section?.dataset.group ?? '', d.action ?? '', d.component ?? '', d.fn ?? '', d.diagnostic ?? '', d.x ?? '']);
}

function findByKey(key: string): HTMLElement | undefined {
    return Array.from(root.querySelectorAll<HTMLElement>('button')).find(button => focusKey(button) === key);
}

function render(): void {
    const focused = root.contains(document.activeElement) ? focusKey(document.activeElement) : undefined;
    const rovers = Array.from(root.querySelectorAll<HTMLElement>('.matrix [data-x][tabindex="0"]')).map(focusKey).filter((k): k is string => k !== undefined);
    const fileLabel = fileLabels ? (u: string) => fileLabels![u] ?? u : undefined;
    root.innerHTML = renderGroups(groups, { failed, fileLabel, view });
    root.removeAttribute('aria-busy');
    if (view === 'diagram') showDiagrams();
    for (const key of rovers) {
        const element = findByKey(key);
        if (!element) continue;
        sectionOf(element)?.querySelectorAll<HTMLElement>('.matrix [data-x]').forEach(e => { e.tabIndex = -1; });
        element.tabIndex = 0;
    }
    if (focused) {
        const element = findByKey(focused);
        if (element) {
            makeRover(element);
            element.focus({ preventScroll: true });
        }
    }
    applyHighlight(false);
}

/** Brings a group's matrix in line with its failed set, in place (focus and scroll stay). */
function applyFailures(section: HTMLElement, group: PreviewGroup): void {
    const key = groupKey(group);
    const down = failed[key] ?? [];
    const simulation = simulateFailures(group, down);
    const baseline = simulateFailures(group, []);
    const columns = failedComputers(group, down);
    const components = new Map<string, ComponentResult>(group.components.map(c => [c.id, c]));

    section.querySelectorAll<HTMLButtonElement>('button[data-component]').forEach(button => {
        const component = components.get(button.dataset.component ?? '');
        if (!component) return;
        const direct = down.includes(component.id);
        const bySite = !direct && columns.has(component.id);
        const status = direct ? 'failed' : bySite ? 'site' : 'up';
        if (button.dataset.status === status) return;
        button.dataset.status = status;
        button.classList.toggle('failed', direct || bySite);
        button.setAttribute('aria-pressed', String(direct));
        button.setAttribute('aria-label', componentAriaLabel(component, direct, bySite));
        button.innerHTML = componentHeaderHtml(component, direct, bySite);
        button.closest('th')?.classList.toggle('failed', direct || bySite);
    });
    section.querySelectorAll<HTMLElement>('tr.fn').forEach(row => {
        const fn = group.functions.find(f => f.id === row.dataset.fn);
        if (!fn) return;
        const state = simulation.states[fn.id] ?? 'up';
        if (row.dataset.state !== state) {
            row.classList.remove('state-up', 'state-degraded', 'state-down');
            row.classList.add(`state-${state}`);
            row.dataset.state = state;
            const cell = row.querySelector<HTMLElement>('[data-state-cell]');
            if (cell) {
                cell.innerHTML = stateHtml(state);
                cell.setAttribute('aria-label', stateLabel(fn, state));
            }
        }
        row.querySelectorAll<HTMLElement>('td[data-col]').forEach(td => {
            const column = td.dataset.col ?? '';
            const computerFailed = columns.has(column);
            td.classList.toggle('failed', computerFailed);
            const button = td.querySelector('button');
            const computer = components.get(column);
            if (!button || !computer) return;
            const why = placementDown(computerFailed, state);
            if (td.dataset.down === (why ?? '')) return;
            td.dataset.down = why ?? '';
            button.setAttribute('aria-label', placementAriaLabel(fn, computer, why));
            button.title = placementTitle(fn, computer, why);
            button.innerHTML = placementHtml(fn, computer, why);
        });
    });
    const summary = section.querySelector<HTMLElement>('[data-summary]');
    if (summary) summary.innerHTML = summaryHtml({ group, failed: down, simulation, baseline });
    drawSectionDiagram(section, group);
}

// ---- the topology diagram ------------------------------------------------------------------

/** ELK's synchronous build (no worker, no eval): the layout runs in the page, under its CSP. */
const engine: LayoutEngine = createLayoutEngine();
/** Layouts by the graph they were made from: failures change colours, never the layout. */
const layouts = new Map<string, Promise<DiagramLayout>>();

function layoutOf(group: PreviewGroup): Promise<DiagramLayout> {
    const signature = JSON.stringify(layoutGraph(diagramModel(group)));
    let layout = layouts.get(signature);
    if (!layout) {
        if (layouts.size > 50) layouts.clear();
        layouts.set(signature, layout = layoutDiagram(group, engine));
    }
    return layout;
}

/** Draws a group's diagram in its panel once laid out; keeps the focused item focused. */
function drawSectionDiagram(section: HTMLElement, group: PreviewGroup): void {
    const panel = section.querySelector<HTMLElement>('[data-diagram]');
    if (!panel || panel.hidden) return;
    const generation = (Number(panel.dataset.generation ?? 0) + 1).toString();
    panel.dataset.generation = generation;
    layoutOf(group).then(layout => {
        if (!panel.isConnected || panel.dataset.generation !== generation) return;
        const focused = panel.contains(document.activeElement) ? (document.activeElement as SVGElement | null)?.dataset.component : undefined;
        const rover = panel.querySelector<SVGElement>('[data-dg-item][tabindex="0"]')?.dataset.component;
        panel.innerHTML = drawDiagram(group, layout, failed, { interactive: true });
        const items = Array.from(panel.querySelectorAll<SVGElement>('[data-dg-item]'));
        const keep = items.find(item => item.dataset.component === (focused ?? rover));
        if (keep) {
            items.forEach(item => item.setAttribute('tabindex', '-1'));
            keep.setAttribute('tabindex', '0');
            if (focused) keep.focus({ preventScroll: true });
        }
        document.documentElement.dataset.diagrams = String(Number(document.documentElement.dataset.diagrams ?? 0) + 1);
        reportDrawn();
    }, error => {
        panel.textContent = `The diagram could not be laid out: ${(error as Error)?.message ?? error}`;
    });
}

/** Tells the extension what the diagrams show (its end-to-end tests cannot look into the webview). */
function reportDrawn(): void {
    if (!vscode) return;
    const titles = (panel: Element, kind: string) => Array.from(panel.querySelectorAll(`.dg-${kind} > .dg-title`)).map(t => t.textContent ?? '');
    post({
        type: 'diagram-drawn',
        groups: Array.from(root.querySelectorAll<HTMLElement>('section.group')).flatMap(section => {
            const panel = section.querySelector('[data-diagram]');
            const group = groupOf(section);
            if (!panel?.querySelector('svg') || !group) return [];
            return [{ group: group.group, computers: titles(panel, 'computer'), clusters: titles(panel, 'cluster'), failed: Array.from(panel.querySelectorAll('.dg-failed > .dg-title')).map(t => t.textContent ?? '') }];
        })
    });
}

/** Every group's diagram for an export, in the simulated failures: for the report page and for its SVG file. */
async function exportDiagrams(): Promise<DrawnReportDiagrams | undefined> {
    try {
        const page: Record<string, string> = {};
        const standalone: Record<string, string> = {};
        for (const group of groups) {
            const layout = await layoutOf(group);
            page[groupKey(group)] = drawDiagram(group, layout, failed, { interactive: true });
            standalone[groupKey(group)] = drawDiagram(group, layout, failed, { standalone: true });
        }
        return { page, standalone };
    } catch {
        return undefined; // the report then has the matrix only
    }
}

function showDiagrams(): void {
    root.querySelectorAll<HTMLElement>('section.group').forEach(section => {
        const group = groupOf(section);
        if (group) drawSectionDiagram(section, group);
    });
}

function setView(next: PreviewView, focusTab?: HTMLElement): void {
    view = next;
    root.querySelectorAll<HTMLElement>('section.group').forEach(section => {
        section.querySelectorAll<HTMLElement>('.view-tab').forEach(tab => {
            const selected = tab.dataset.view === view;
            tab.setAttribute('aria-selected', String(selected));
            tab.tabIndex = selected ? 0 : -1;
        });
        section.querySelectorAll<HTMLElement>('.view').forEach(panel => { panel.hidden = !panel.classList.contains(`view-${view}`); });
    });
    if (view === 'diagram') showDiagrams();
    focusTab?.focus();
    saveState();
}

function setFailed(section: HTMLElement, group: PreviewGroup, list: string[]): void {
    const key = groupKey(group);
    if (list.length === 0) delete failed[key];
    else failed[key] = list;
    applyFailures(section, group);
    saveState();
}

function applyHighlight(scroll: boolean): void {
    root.querySelectorAll('.cursor').forEach(e => e.classList.remove('cursor'));
    root.querySelectorAll('.cursor-col').forEach(e => e.classList.remove('cursor-col'));
    if (!highlight) return;
    const { functions, components } = locate(groups, highlight);
    let first: HTMLElement | undefined;
    root.querySelectorAll<HTMLElement>('tr.fn').forEach(row => {
        if (!functions.has(row.dataset.fn ?? '')) return;
        row.classList.add('cursor');
        first ??= row;
    });
    root.querySelectorAll<HTMLElement>('[data-col]').forEach(cell => {
        if (components.has(cell.dataset.col ?? '')) cell.classList.add('cursor-col');
    });
    root.querySelectorAll<HTMLElement>('.toolbar button[data-component]').forEach(button => {
        button.classList.toggle('cursor-col', components.has(button.dataset.component ?? ''));
    });
    if (scroll && first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

// ---- interaction -------------------------------------------------------------------------

function post(message: FromWebview): void {
    vscode?.postMessage(message);
}

function reveal(group: PreviewGroup, target: HTMLElement): void {
    const fn = target.dataset.fn !== undefined ? group.functions.find(f => f.id === target.dataset.fn) : undefined;
    let source = fn?.source;
    if (target.dataset.action === 'reveal-diagnostic') {
        const index = Number(target.dataset.diagnostic);
        const diagnostic = fn ? fn.diagnostics[index] : group.diagnostics[index];
        if (diagnostic) source = { uri: group.source.uri, range: diagnostic.range };
    }
    if (!source) return;
    if (vscode) post({ type: 'reveal', source });
    else setStatus(`${fn?.label ?? `Group ${group.group}`}: ${fileLabels?.[source.uri] ?? source.uri}, line ${source.range.start.line + 1}`);
}

document.addEventListener('click', event => {
    const target = event.target as Element | null;
    if (!target) return;
    const actionElement = target.closest<HTMLElement>('[data-action]');
    const action = actionElement?.dataset.action;
    if (action === 'make-highly-available') {
        post({ type: 'makeHighlyAvailable' });
        setStatus('Applying fixes…');
        return;
    }
    if (action === 'export') {
        setStatus('Drawing the diagrams…');
        void exportDiagrams().then(diagrams => {
            post({ type: 'export', failed, diagrams });
            setStatus('Choose where to save the report…');
        });
        return;
    }
    const section = sectionOf(target);
    const group = groupOf(section);
    if (!section || !group) return;
    if (actionElement && actionElement.closest('.matrix')) makeRover(actionElement);
    switch (action) {
        case 'view':
            setView(actionElement!.dataset.view === 'diagram' ? 'diagram' : 'matrix', actionElement!);
            return;
        case 'toggle': {
            const id = actionElement!.dataset.component ?? '';
            const current = failed[groupKey(group)] ?? [];
            setFailed(section, group, current.includes(id) ? current.filter(c => c !== id) : [...current, id]);
            return;
        }
        case 'worst':
            if (group.worstSingleFailure) setFailed(section, group, [group.worstSingleFailure]);
            return;
        case 'reset':
            setFailed(section, group, []);
            return;
        case 'reveal':
        case 'reveal-diagnostic':
            reveal(group, actionElement!);
            return;
    }
    // A click anywhere else on a row reveals its function.
    const row = target.closest<HTMLElement>('tr.fn');
    if (row) {
        const button = row.querySelector<HTMLElement>('.fn-label');
        if (button) reveal(group, button);
    }
});

/** Roving tabindex: the matrix of a group is one tab stop; arrows move inside it. */
function makeRover(element: HTMLElement): void {
    if (element.dataset.x === undefined) return;
    sectionOf(element)?.querySelectorAll<HTMLElement>('.matrix [data-x]').forEach(e => { e.tabIndex = -1; });
    element.tabIndex = 0;
}

function coordinates(element: HTMLElement): [number, number] {
    return [Number(element.dataset.x), Number(element.dataset.y)];
}

function neighbour(from: HTMLElement, key: string, ctrl: boolean): HTMLElement | undefined {
    const section = sectionOf(from);
    if (!section) return undefined;
    const items = Array.from(section.querySelectorAll<HTMLElement>('.matrix [data-x]'));
    const [x, y] = coordinates(from);
    const inRow = (row: number) => items.filter(i => coordinates(i)[1] === row).sort((a, b) => coordinates(a)[0] - coordinates(b)[0]);
    const rows = [...new Set(items.map(i => coordinates(i)[1]))].sort((a, b) => a - b);
    const closest = (row: number) => inRow(row).reduce<HTMLElement | undefined>((best, item) =>
        !best || Math.abs(coordinates(item)[0] - x) < Math.abs(coordinates(best)[0] - x) ? item : best, undefined);
    const row = inRow(y);
    switch (key) {
        case 'ArrowRight': return row.find(i => coordinates(i)[0] > x);
        case 'ArrowLeft': return [...row].reverse().find(i => coordinates(i)[0] < x);
        case 'Home': return ctrl ? inRow(rows[0])[0] : row[0];
        case 'End': return ctrl ? inRow(rows[rows.length - 1]).at(-1) : row.at(-1);
        case 'ArrowDown': {
            const next = rows.find(r => r > y);
            return next === undefined ? undefined : closest(next);
        }
        case 'ArrowUp': {
            const previous = [...rows].reverse().find(r => r < y);
            return previous === undefined ? undefined : closest(previous);
        }
        case 'PageDown': return rows.length > 0 ? closest(rows[Math.min(rows.indexOf(y) + 10, rows.length - 1)]) : undefined;
        case 'PageUp': return rows.length > 0 ? closest(rows[Math.max(rows.indexOf(y) - 10, 0)]) : undefined;
    }
    return undefined;
}

/** The diagram's computers and regions are one tab stop; arrows move between them, Enter or Space fails one. */
function diagramKey(event: KeyboardEvent, item: SVGElement): void {
    const items = Array.from(item.closest('[data-diagram]')?.querySelectorAll<SVGElement>('[data-dg-item]') ?? []);
    const at = items.indexOf(item);
    let next: SVGElement | undefined;
    switch (event.key) {
        case 'ArrowRight': case 'ArrowDown': next = items[at + 1]; break;
        case 'ArrowLeft': case 'ArrowUp': next = items[at - 1]; break;
        case 'Home': next = items[0]; break;
        case 'End': next = items.at(-1); break;
        case 'Enter': case ' ':
            event.preventDefault();
            item.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            return;
        default: return;
    }
    if (!next) return;
    event.preventDefault();
    items.forEach(i => i.setAttribute('tabindex', '-1'));
    next.setAttribute('tabindex', '0');
    next.focus();
}

document.addEventListener('keydown', event => {
    const element = event.target as Element | null;
    if (element instanceof SVGElement && element.dataset.dgItem !== undefined) {
        diagramKey(event, element);
        return;
    }
    if (element instanceof HTMLElement && element.classList.contains('view-tab') && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
        event.preventDefault();
        const other = element.closest('.view-tabs')?.querySelector<HTMLElement>(`.view-tab:not([data-view="${element.dataset.view}"])`);
        if (other) setView(other.dataset.view === 'diagram' ? 'diagram' : 'matrix', other);
        return;
    }
    const target = event.target as HTMLElement | null;
    if (!target || target.dataset?.x === undefined || !target.closest('.matrix')) return;
    const next = neighbour(target, event.key, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    makeRover(next);
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
});

window.addEventListener('scroll', () => {
    if (scrollPending || !vscode) return;
    scrollPending = true;
    setTimeout(() => {
        scrollPending = false;
        saveState();
    }, 200);
}, { passive: true });

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
        case 'update': {
            const switched = uri !== undefined && uri !== message.data.uri;
            groups = message.data.groups ?? [];
            uri = message.data.uri;
            if (fileName) fileName.textContent = message.fileName;
            render();
            setStatus(groups.length === 0 ? '' : `${groups.length === 1 ? '1 group' : `${groups.length} groups`}, ${groups.reduce((n, g) => n + g.functions.length, 0)} functions`);
            if (firstUpdate && saved?.uri === uri && (saved.scrollX || saved.scrollY)) window.scrollTo(saved.scrollX ?? 0, saved.scrollY ?? 0);
            else if (switched) window.scrollTo(0, 0);
            firstUpdate = false;
            saveState();
            return;
        }
        case 'highlight':
            highlight = message;
            applyHighlight(true);
            return;
        case 'status':
            setStatus(message.text);
            return;
        case 'view':
            setView(message.view === 'diagram' ? 'diagram' : 'matrix');
            return;
    }
});

// ---- start ---------------------------------------------------------------------------------

const embedded = document.getElementById('bizha-data');
if (embedded?.textContent) {
    // An exported report: the data is in the page, the matrix is already rendered.
    const report = JSON.parse(embedded.textContent) as ReportData;
    groups = report.groups;
    failed = { ...report.failed };
    fileLabels = report.fileLabels;
    if (!root.querySelector('section.group')) render();
    else root.querySelectorAll<HTMLElement>('section.group').forEach(section => {
        const group = groupOf(section);
        if (group) applyFailures(section, group);
    });
    setView(view);
    document.documentElement.dataset.ready = 'true';
} else {
    post({ type: 'ready' });
}
