import { simulateFailures, type FunctionState } from '../language/analysis/simulate.js';
import type { ComponentResult } from '../language/analysis/types.js';
import { escapeXml } from './escape.js';
import { kindTitleOf, tierNoun, tierTitle } from './labels.js';
import { groupKey, type FailedSets, type PreviewGroup } from './protocol.js';
import { failedComputers, regionsOfComputers } from './render.js';

/**
 * The topology diagram: the group's computers with their host instances, load balancers in front,
 * failover clusters around their nodes, availability groups across replicas, sites and
 * hypervisors as regions. Boxes and edges come from the analysis result; ELK (elkjs) places them;
 * this module draws the result as SVG (the webview, the report and `bizha report` share it).
 * Failure states always come from `simulateFailures`.
 */

// ---- the graph ELK lays out (just what this module uses of elkjs's JSON) -------------------------

export interface LayoutPoint { x: number; y: number }
export interface LayoutEdge {
    id: string;
    sources: string[];
    targets: string[];
    sections?: Array<{ startPoint: LayoutPoint; endPoint: LayoutPoint; bendPoints?: LayoutPoint[] }>;
}
export interface LayoutNode {
    id: string;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    children?: LayoutNode[];
    edges?: LayoutEdge[];
    layoutOptions?: Record<string, string>;
}
/** `new ELK()` from elkjs/lib/elk.bundled.js: the same engine in the webview and in Node. */
export interface LayoutEngine { layout(graph: LayoutNode): Promise<LayoutNode> }

// ---- what is drawn ------------------------------------------------------------------------------

/** One line inside a box; its state is the worst of its functions' states. */
export interface DiagramLine {
    readonly text: string;
    readonly functions: readonly string[];
}

export type BoxKind = 'computer' | 'cluster' | 'region' | 'tier' | 'load-balancer' | 'availability-group';

export interface DiagramBox {
    readonly id: string;
    readonly kind: BoxKind;
    readonly title: string;
    readonly subtitle: string;
    /** Lines under the title; for containers, what they carry (shown above their children). */
    readonly lines: readonly DiagramLine[];
    /** The component a click fails: a computer, a site or a hypervisor. */
    readonly component?: string;
    readonly children: DiagramBox[];
}

export interface DiagramModel {
    readonly boxes: DiagramBox[];
    readonly edges: ReadonlyArray<{ readonly id: string; readonly from: string; readonly to: string; readonly label?: string }>;
}

const lineHeight = 15;
const charWidth = 6.7;
const minWidth = 150;
const maxWidth = 250;
const maxLines = 6;

/** Function kinds the diagram draws as what they are (host instances, SQL instances, ...); any other kind is listed on its computers. */
const drawnKinds = new Set(['receive', 'processing', 'send', 'tracking', 'database', 'master-secret-server', 'http-entry']);

/** "a, b, c" or "a, b and 3 more". */
function few(items: readonly string[], max = 3): string {
    return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Lines beyond `maxLines` are summarised in one, so a box stays readable. */
function capped(lines: DiagramLine[], noun: string, max = maxLines): DiagramLine[] {
    if (lines.length <= max) return lines;
    const rest = lines.slice(max - 1);
    return [...lines.slice(0, max - 1), { text: `+ ${rest.length} more ${noun}`, functions: rest.flatMap(l => l.functions) }];
}

const regionRank = (kind: string) => kind === 'site' ? 0 : kind === 'hypervisor' ? 1 : 2;

/** The boxes and edges of a group's diagram, before layout. */
export function diagramModel(group: PreviewGroup): DiagramModel {
    const topology = group.topology;
    const computers = group.components.filter(c => c.kind === 'computer');
    const regions = new Map(group.components.filter(c => c.kind !== 'computer').map(c => [c.id, c]));
    const regionsOf = regionsOfComputers(group);
    // A host's functions: its handlers and orchestrations, and tracking when it tracks (tracking is one function of the group).
    const fnsOfHost = (host: string) => [
        ...group.functions.filter(fn => fn.host === host && fn.kind !== 'http-entry').map(fn => fn.id),
        ...(topology.hosts.find(h => h.name === host)?.tracking && group.functions.some(fn => fn.id === 'tracking') ? ['tracking'] : [])
    ];
    const databaseFns = (names: readonly string[]) => names.map(name => `database:${name}`).filter(id => group.functions.some(fn => fn.id === id));
    let next = 0;
    const newId = () => `b${next++}`;

    // Where each computer goes: its site(s), its tier, its other regions (hypervisor, ...).
    const pathOf = new Map<string, string[]>();
    for (const computer of computers) {
        const own = [...regionsOf.get(computer.id) ?? []].filter(id => regions.has(id))
            .sort((a, b) => regionRank(regions.get(a)!.kind) - regionRank(regions.get(b)!.kind));
        const sites = own.filter(id => regions.get(id)!.kind === 'site');
        pathOf.set(computer.name, [...sites, `tier:${computer.tier}`, ...own.filter(id => regions.get(id)!.kind !== 'site')]);
    }
    // A cluster goes where all its nodes are (the longest common path); its nodes go in it.
    const clusterOf = new Map<string, string>();
    const clusterPaths = new Map<string, string[]>();
    for (const cluster of topology.clusters) {
        const nodes = cluster.nodes.filter(node => pathOf.has(node) && !clusterOf.has(node));
        if (nodes.length === 0) continue;
        const paths = nodes.map(node => pathOf.get(node)!);
        const common: string[] = [];
        for (let i = 0; paths.every(p => i < p.length && p[i] === paths[0][i]); i++) common.push(paths[0][i]);
        clusterPaths.set(cluster.name, [...common, `cluster:${cluster.name}`]);
        for (const node of nodes) clusterOf.set(node, cluster.name);
    }

    const containers = new Map<string, DiagramBox>();
    const top: DiagramBox[] = [];
    const containerFor = (path: readonly string[]): DiagramBox[] => {
        let children = top;
        for (let i = 0; i < path.length; i++) {
            const key = path.slice(0, i + 1).join('\n');
            let box = containers.get(key);
            if (!box) {
                box = containerBox(path[i]);
                containers.set(key, box);
                children.push(box);
            }
            children = box.children;
        }
        return children;
    };
    const containerBox = (segment: string): DiagramBox => {
        const kind = segment.slice(0, segment.indexOf(':'));
        const name = segment.slice(segment.indexOf(':') + 1);
        if (kind === 'tier') return { id: newId(), kind: 'tier', title: tierTitle[name as ComponentResult['tier']] ?? name, subtitle: '', lines: [], children: [] };
        if (kind === 'cluster') return { id: newId(), kind: 'cluster', title: name, subtitle: 'failover cluster', lines: clusterLines(name), children: [] };
        const region = regions.get(segment);
        return { id: newId(), kind: 'region', title: name, subtitle: region?.kind ?? kind, lines: [], component: segment, children: [] };
    };
    const clusterLines = (name: string): DiagramLine[] => {
        const lines: DiagramLine[] = [];
        for (const sql of topology.sqlInstances) {
            if (sql.server?.kind === 'cluster' && sql.server.name === name) {
                lines.push({ text: `SQL ${sql.name}, failover cluster instance`, functions: databaseFns(sql.databases) });
                if (sql.databases.length) lines.push({ text: `databases ${few(sql.databases, 2)}`, functions: [] });
            }
        }
        for (const host of topology.hosts) if (host.clusteredOn === name) lines.push({ text: `clustered host ${host.name}`, functions: fnsOfHost(host.name) });
        if (topology.masterSecretServer?.kind === 'cluster' && topology.masterSecretServer.name === name) lines.push({ text: 'master secret server (clustered)', functions: ['master-secret-server'] });
        // A cluster box has room for more lines than a computer: it is as wide as its nodes.
        return capped(lines, 'roles', 10);
    };

    for (const computer of computers) {
        const cluster = clusterOf.get(computer.name);
        const path = cluster ? clusterPaths.get(cluster)! : pathOf.get(computer.name)!;
        // Regions the box is not drawn inside (a clustered node's hypervisor) are named in it.
        const outside = pathOf.get(computer.name)!.filter(segment => !segment.startsWith('tier:') && !path.includes(segment));
        containerFor(path).push(computerBox(group, computer, newId(), outside.map(id => `${regions.get(id)?.kind ?? 'region'} ${regions.get(id)?.name ?? id}`), fnsOfHost, databaseFns));
    }

    // Load balancers and availability groups stand outside, linked to the top-level boxes that hold their computers.
    const topOf = new Map<string, string>();
    const mark = (box: DiagramBox, root: DiagramBox) => {
        if (box.kind === 'computer') topOf.set(box.title, root.id);
        box.children.forEach(child => mark(child, root));
    };
    top.forEach(box => mark(box, box));
    const edges: Array<{ id: string; from: string; to: string; label?: string }> = [];
    const boxes: DiagramBox[] = [];
    for (const lb of topology.loadBalancers) {
        // What it balances: isolated hosts' HTTP entry points, and the BAM portal.
        const fronts = [...lb.fronts, ...(lb.frontsBamPortal ? ['BAM portal'] : [])];
        const entry = [...lb.fronts.map(host => `http-entry:${host}`), ...(lb.frontsBamPortal ? ['bam-portal'] : [])].filter(id => group.functions.some(fn => fn.id === id));
        const box: DiagramBox = {
            id: newId(), kind: 'load-balancer', title: lb.name, subtitle: lb.kind === 'hardware' ? 'hardware load balancer' : 'Windows NLB',
            lines: [
                { text: `fronts ${fronts.length ? few(fronts, 2) : 'nothing'}`, functions: entry },
                { text: `members ${lb.members.length ? few(lb.members) : 'none'}`, functions: [] }
            ],
            children: []
        };
        boxes.push(box);
        for (const target of new Set(lb.members.map(m => topOf.get(m)).filter((t): t is string => !!t))) edges.push({ id: `e${edges.length}`, from: box.id, to: target });
    }
    boxes.push(...top);
    const tierBox = (tier: string) => top.find(box => box.kind === 'tier' && box.title === tierTitle[tier as ComponentResult['tier']]);
    const biztalk = tierBox('biztalk');
    const sql = tierBox('sql');
    if (biztalk && sql) edges.push({ id: `e${edges.length}`, from: biztalk.id, to: sql.id, label: 'databases' });
    for (const ag of topology.availabilityGroups) {
        const box: DiagramBox = {
            id: newId(), kind: 'availability-group', title: ag.name, subtitle: `availability group${ag.listener ? `, listener ${ag.listener}` : ''}`,
            lines: capped([
                ...ag.replicas.map(r => ({ text: `replica ${r.sql} (${r.synchronous ? 'synchronous' : 'asynchronous'})`, functions: [] })),
                ...(ag.databases.length ? [{ text: `databases ${few(ag.databases, 2)}`, functions: databaseFns(ag.databases) }] : [])
            ], 'lines'),
            children: []
        };
        boxes.push(box);
        const replicaComputers = ag.replicas.flatMap(r => {
            const server = topology.sqlInstances.find(s => s.name === r.sql)?.server;
            if (!server) return [];
            return server.kind === 'computer' ? [server.name] : topology.clusters.find(c => c.name === server.name)?.nodes ?? [];
        });
        for (const target of new Set(replicaComputers.map(c => topOf.get(c)).filter((t): t is string => !!t))) edges.push({ id: `e${edges.length}`, from: box.id, to: target, label: 'replicas' });
    }
    return { boxes, edges };
}

function computerBox(group: PreviewGroup, computer: ComponentResult, id: string, notes: string[], fnsOfHost: (host: string) => string[], databaseFns: (names: readonly string[]) => string[]): DiagramBox {
    const topology = group.topology;
    const lines: DiagramLine[] = [];
    for (const host of topology.hosts) {
        const instances = host.instances.filter(i => i.computer === computer.name);
        if (instances.length === 0) continue;
        const disabled = instances.every(i => i.disabled);
        lines.push({ text: `host ${host.name}${disabled ? ' (disabled)' : ''}`, functions: disabled ? [] : fnsOfHost(host.name) });
    }
    for (const sql of topology.sqlInstances) {
        if (sql.server?.kind === 'computer' && sql.server.name === computer.name) {
            lines.push({ text: `SQL ${sql.name}${sql.databases.length ? `: ${few(sql.databases, 2)}` : ''}`, functions: databaseFns(sql.databases) });
        }
    }
    if (topology.masterSecretServer?.kind === 'computer' && topology.masterSecretServer.name === computer.name) lines.push({ text: 'master secret server', functions: ['master-secret-server'] });
    // Kinds the analysis added later (file servers, queue managers, ...) show on the computers that provide them.
    for (const fn of group.functions) {
        if (drawnKinds.has(fn.kind) || !fn.placements.some(p => p.computer === computer.name)) continue;
        const kind = fn.kind.replace(/-/g, ' ');
        lines.push({ text: fn.label.toLowerCase().startsWith(kind) ? fn.label : `${kindTitleOf(fn.kind)}: ${fn.label}`, functions: [fn.id] });
    }
    const shown = capped(lines, 'roles');
    return {
        id, kind: 'computer', title: computer.name, subtitle: tierNoun[computer.tier] + (notes.length ? ` · ${notes.join(', ')}` : ''),
        lines: shown, component: computer.id, children: []
    };
}

// ---- layout ---------------------------------------------------------------------------------------

function textWidth(text: string): number {
    return text.length * charWidth + 20;
}

/** A line with functions may be prefixed with "✕ stopped: ". */
function lineWidth(line: DiagramLine): number {
    return textWidth(line.text) + (line.functions.length > 0 ? stoppedPrefix.length * charWidth : 0);
}

const stoppedPrefix = '✕ stopped: ';

function leafSize(box: DiagramBox): { width: number; height: number } {
    const widest = Math.max(textWidth(box.title) + 60, textWidth(box.subtitle), ...box.lines.map(lineWidth));
    return { width: Math.round(Math.min(Math.max(widest, minWidth), maxWidth)), height: 24 + 15 + box.lines.length * lineHeight + 8 };
}

function headerHeight(box: DiagramBox): number {
    return 24 + (box.subtitle ? 14 : 0) + box.lines.length * lineHeight + 6;
}

/** The ELK graph of a diagram: containers pack their children in rows (rectpacking), the top level is layered top-down. */
export function layoutGraph(model: DiagramModel): LayoutNode {
    const node = (box: DiagramBox): LayoutNode => {
        if (box.children.length === 0) return { id: box.id, ...leafSize(box) };
        return {
            id: box.id,
            layoutOptions: {
                'elk.algorithm': 'rectpacking',
                'elk.aspectRatio': '1.4',
                'elk.padding': `[top=${headerHeight(box)},left=10,bottom=10,right=10]`,
                'elk.spacing.nodeNode': '12',
                'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                'elk.nodeSize.minimum': `(${Math.round(Math.min(Math.max(textWidth(box.title), textWidth(box.subtitle), ...box.lines.map(lineWidth)), 3 * maxWidth))}, 40)`
            },
            children: box.children.map(node)
        };
    };
    return {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.spacing.nodeNode': '24',
            'elk.layered.spacing.nodeNodeBetweenLayers': '36',
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.padding': '[top=8,left=8,bottom=8,right=8]'
        },
        children: model.boxes.map(node),
        edges: model.edges.map(edge => ({ id: edge.id, sources: [edge.from], targets: [edge.to] }))
    };
}

export interface DiagramLayout {
    readonly model: DiagramModel;
    readonly graph: LayoutNode;
}

export async function layoutDiagram(group: PreviewGroup, engine: LayoutEngine): Promise<DiagramLayout> {
    const model = diagramModel(group);
    return { model, graph: await engine.layout(layoutGraph(model)) };
}

// ---- drawing --------------------------------------------------------------------------------------

const stateRank: Record<FunctionState, number> = { up: 0, degraded: 1, down: 2 };

function lineState(line: DiagramLine, states: Record<string, FunctionState>): FunctionState {
    return line.functions.reduce<FunctionState>((worst, id) => stateRank[states[id] ?? 'up'] > stateRank[worst] ? states[id] ?? 'up' : worst, 'up');
}

function clip(text: string, width: number): string {
    const max = Math.max(Math.floor((width - 16) / charWidth), 4);
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function textElement(x: number, y: number, value: string, width: number, className: string): string {
    const shown = clip(value, width);
    return `<text x="${x}" y="${y}" class="${className}">${shown !== value ? `<title>${escapeXml(value)}</title>` : ''}${escapeXml(shown)}</text>`;
}

export interface DrawOptions {
    /** Focusable computers and regions that a click or Enter fails (the webview and the report's script). */
    readonly interactive?: boolean;
    /** Palette inside the SVG itself (a standalone .svg file); otherwise the page's stylesheet colours it. */
    readonly standalone?: boolean;
}

const boxLabel: Record<BoxKind, string> = {
    computer: 'computer', cluster: 'failover cluster', region: 'region', tier: 'tier', 'load-balancer': 'load balancer', 'availability-group': 'availability group'
};

/** The diagram as SVG markup, in the states the failed components give. */
export function drawDiagram(group: PreviewGroup, layout: DiagramLayout, failedSets: FailedSets = {}, options: DrawOptions = {}): string {
    const failed = failedSets[groupKey(group)] ?? [];
    const simulation = simulateFailures(group, failed);
    const downComputers = failedComputers(group, failed);
    const boxes = new Map<string, DiagramBox>();
    const index = (box: DiagramBox) => { boxes.set(box.id, box); box.children.forEach(index); };
    layout.model.boxes.forEach(index);
    const parts: string[] = [];
    let focusable = 0;

    const drawBox = (node: LayoutNode, offsetX: number, offsetY: number) => {
        const box = boxes.get(node.id);
        if (!box) return;
        const x = offsetX + (node.x ?? 0);
        const y = offsetY + (node.y ?? 0);
        const width = node.width ?? 0;
        const height = node.height ?? 0;
        const component = box.component;
        const isFailed = component !== undefined && (failed.includes(component) || (box.kind === 'computer' && downComputers.has(component)));
        const failedBy = isFailed && component !== undefined && !failed.includes(component) ? ' (with its region)' : '';
        const lineStates = box.lines.map(line => lineState(line, simulation.states));
        const stopped = lineStates.filter(state => state === 'down').length;
        const classes = ['dg-box', `dg-${box.kind}`, isFailed ? 'dg-failed' : '', !isFailed && stopped > 0 ? 'dg-stopping' : ''].filter(Boolean).join(' ');
        const status = isFailed ? `failed${failedBy}` : box.kind === 'computer' || box.kind === 'region' ? 'up' : '';
        const attributes = [`class="${classes}"`, `data-box="${escapeXml(box.id)}"`];
        if (component) attributes.push(`data-component="${escapeXml(component)}"`);
        const what = box.kind === 'region' ? box.subtitle : box.kind === 'computer' ? box.subtitle.split(' · ')[0] : boxLabel[box.kind];
        const stoppedText = stopped > 0 && !isFailed ? `; ${stopped === 1 ? 'one part stopped' : `${stopped} parts stopped`}: ${box.lines.filter((_, i) => lineStates[i] === 'down').map(l => l.text).join('; ')}` : '';
        if (options.interactive && component) {
            attributes.push('role="button"', `tabindex="${focusable++ === 0 ? 0 : -1}"`, 'data-action="toggle"', 'data-dg-item', `aria-pressed="${failed.includes(component)}"`,
                `aria-label="${escapeXml(`${box.title}, ${what}, ${isFailed ? `failed${failedBy}; press to ${failedBy ? 'fail it on its own' : 'bring it back'}` : 'up; press to fail it'}${stoppedText}.`)}"`);
        } else {
            attributes.push('role="group"', `aria-label="${escapeXml(`${box.title}, ${what}${status ? `, ${status}` : ''}${stoppedText}`)}"`);
        }
        parts.push(`<g ${attributes.join(' ')}>`);
        parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${box.kind === 'computer' || box.kind === 'load-balancer' || box.kind === 'availability-group' ? 4 : 8}" class="dg-frame"/>`);
        const titleWidth = box.children.length > 0 ? width : width - 50;
        parts.push(textElement(x + 8, y + 17, box.title, titleWidth, 'dg-title'));
        if (status) parts.push(`<text x="${x + width - 8}" y="${y + 17}" class="dg-status" text-anchor="end">${isFailed ? '✕ failed' : escapeXml(status)}</text>`);
        let lineY = y + 17;
        if (box.subtitle) {
            lineY += 14;
            parts.push(textElement(x + 8, lineY, box.subtitle, width, 'dg-subtitle'));
        }
        box.lines.forEach((line, i) => {
            lineY += lineHeight;
            // Stopped parts say so first, so that a clipped line still says it.
            const state = isFailed && line.functions.length > 0 ? 'down' : lineStates[i];
            parts.push(textElement(x + 8, lineY, `${state === 'down' ? stoppedPrefix : ''}${line.text}`, width, `dg-line dg-line-${state}`));
        });
        parts.push('</g>');
        for (const child of node.children ?? []) drawBox(child, x, y);
    };
    for (const child of layout.graph.children ?? []) drawBox(child, 0, 0);

    const edgeParts: string[] = [];
    const labels = new Map(layout.model.edges.map(e => [e.id, e.label]));
    for (const edge of layout.graph.edges ?? []) {
        for (const section of edge.sections ?? []) {
            const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
            edgeParts.push(`<polyline class="dg-edge" points="${points.map(p => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')}" marker-end="url(#dg-arrow)"/>`);
            const label = labels.get(edge.id);
            if (label) {
                const middle = points[Math.floor(points.length / 2)];
                edgeParts.push(`<text x="${Math.round(middle.x) + 4}" y="${Math.round(middle.y) - 4}" class="dg-edge-label">${escapeXml(label)}</text>`);
            }
        }
    }
    const width = Math.ceil(layout.graph.width ?? 0);
    const height = Math.ceil(layout.graph.height ?? 0);
    const title = `Topology of group ${group.group}`;
    const style = options.standalone ? `<style>${standaloneDiagramCss}</style>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" class="diagram-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Ubuntu, sans-serif" font-size="12" role="group" aria-label="${escapeXml(title)}">`
        + `<title>${escapeXml(title)}</title>${style}`
        + '<defs><marker id="dg-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L8,4L0,8z" class="dg-arrow"/></marker></defs>'
        + edgeParts.join('') + parts.join('') + '</svg>';
}

/** Colours of a standalone diagram file (light, like the matrix SVG): the page's stylesheet is not there. */
export const standaloneDiagramCss = `
.dg-frame { fill: #ffffff; stroke: #9a9a9a; }
.dg-tier > .dg-frame, .dg-region > .dg-frame { fill: #f6f6f6; stroke: #c8c8c8; stroke-dasharray: 4 3; }
.dg-cluster > .dg-frame { fill: #eef4fb; stroke: #1a6fc7; }
.dg-load-balancer > .dg-frame, .dg-availability-group > .dg-frame { fill: #ffffff; stroke: #1a6fc7; }
.dg-title { font-weight: 600; fill: #3b3b3b; }
.dg-subtitle, .dg-status, .dg-edge-label { fill: #6b6b6b; font-size: 11px; }
.dg-line { fill: #3b3b3b; }
.dg-line-down, .dg-failed .dg-status, .dg-failed .dg-title { fill: #c72e0f; }
.dg-failed > .dg-frame { fill: #fbe3e0; stroke: #c72e0f; stroke-width: 2; }
.dg-edge { fill: none; stroke: #6b6b6b; }
.dg-arrow { fill: #6b6b6b; }
`;

/** Lays out and draws every group of a report in Node (the export and `bizha report`). */
export async function diagramsOf(groups: readonly PreviewGroup[], engine: LayoutEngine, failed: FailedSets, options: DrawOptions): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const group of groups) result[groupKey(group)] = drawDiagram(group, await layoutDiagram(group, engine), failed, options);
    return result;
}
