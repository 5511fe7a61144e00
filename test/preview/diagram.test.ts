import { describe, expect, it } from 'vitest';
import { diagramModel, drawDiagram, layoutDiagram, type DiagramBox } from '../../preview/diagram.js';
import { createLayoutEngine } from '../../preview/layout-engine.js';
import { groupKey, type PreviewGroup } from '../../preview/protocol.js';
import { buildReport } from '../../preview/report.js';
import { renderGroups } from '../../preview/render.js';
import { readFileSync } from 'node:fs';
import { evil, exampleGroups, examplePath, hostileGroup, jsUrl, scriptName, textGroups } from './preview-fixtures.js';

const engine = createLayoutEngine();

function flatten(boxes: readonly DiagramBox[]): DiagramBox[] {
    return boxes.flatMap(box => [box, ...flatten(box.children)]);
}

function find(boxes: readonly DiagramBox[], kind: DiagramBox['kind'], title: string): DiagramBox {
    const box = flatten(boxes).find(b => b.kind === kind && b.title === title);
    if (!box) throw new Error(`no ${kind} ${title} in ${flatten(boxes).map(b => `${b.kind} ${b.title}`).join(', ')}`);
    return box;
}

/** Text of the SVG as a reader sees it. */
function textOf(svg: string): string {
    return svg.replace(/<title>[^<]*<\/title>/g, '').replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

describe('topology diagram of small-ha', async () => {
    const { groups } = await exampleGroups('small-ha');
    const group = groups[0];
    const { boxes, edges } = diagramModel(group);

    it('draws the BizTalk computers with their host instances, the cluster around its nodes with what it carries', () => {
        const bts01 = find(boxes, 'computer', 'BTS01');
        expect(bts01.lines.map(l => l.text)).toEqual(['host ReceiveHost', 'host ProcessingHost', 'host SendHost', 'host TrackingHost', 'host WebReceiveHost']);
        expect(find(boxes, 'tier', 'BizTalk Server').children.map(c => c.title)).toEqual(['BTS01', 'BTS02']);
        const cluster = find(boxes, 'cluster', 'SQLCL01');
        expect(cluster.children.map(c => c.title)).toEqual(['SQL01', 'SQL02']);
        expect(cluster.lines.map(l => l.text)).toEqual([
            'SQL BTSSQL, failover cluster instance',
            'databases BizTalkMgmtDb, BizTalkMsgBoxDb and 3 more',
            'master secret server (clustered)'
        ]);
        expect(find(boxes, 'computer', 'DRSQL01').lines.map(l => l.text)).toEqual(['SQL DRSQL']);
    });

    it('puts the load balancer in front of the BizTalk computers, and BizTalk before SQL Server', () => {
        const lb = find(boxes, 'load-balancer', 'WebFarm');
        expect(lb.lines.map(l => l.text)).toEqual(['fronts WebReceiveHost', 'members BTS01, BTS02']);
        const tier = find(boxes, 'tier', 'BizTalk Server');
        const sql = find(boxes, 'tier', 'SQL Server');
        expect(edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: lb.id, to: tier.id }), expect.objectContaining({ from: tier.id, to: sql.id, label: 'databases' })]));
    });

    it('lays out with ELK: every box has a place inside its container, edges are routed', async () => {
        const layout = await layoutDiagram(group, engine);
        const walk = (node: typeof layout.graph, width: number, height: number): void => {
            for (const child of node.children ?? []) {
                expect(child.x! >= 0 && child.y! >= 0 && child.x! + child.width! <= width + 0.5 && child.y! + child.height! <= height + 0.5, child.id).toBe(true);
                walk(child, child.width!, child.height!);
            }
        };
        walk(layout.graph, layout.graph.width!, layout.graph.height!);
        expect(layout.graph.edges!.every(edge => (edge.sections ?? []).length > 0)).toBe(true);
        // Top-down: the load balancer above the BizTalk computers, those above SQL Server.
        const y = (title: string, kind: DiagramBox['kind']) => layout.graph.children!.find(n => n.id === find(boxes, kind, title).id)!.y!;
        expect(y('WebFarm', 'load-balancer')).toBeLessThan(y('BizTalk Server', 'tier'));
        expect(y('BizTalk Server', 'tier')).toBeLessThan(y('SQL Server', 'tier'));
    });

    it('marks failed computers and what stops, in words', async () => {
        const layout = await layoutDiagram(group, engine);
        const up = textOf(drawDiagram(group, layout));
        expect(up).not.toContain('failed');
        expect(up).not.toContain('stopped');
        const svg = drawDiagram(group, layout, { [groupKey(group)]: ['computer:SQL01', 'computer:SQL02'] }, { interactive: true });
        const text = textOf(svg);
        expect(text).toContain('SQL01 ✕ failed');
        expect(text).toContain('✕ stopped: SQL BTSSQL, failover cluster instance');
        // BTS01 is up, but its hosts stop without the MessageBox.
        expect(text).toContain('BTS01 up');
        expect(text).toContain('✕ stopped: host ReceiveHost');
        expect(text).toContain('SQL DRSQL');
        expect(text).not.toContain('stopped: SQL DRSQL');
        // No line is cut short: every text fits its box.
        expect(svg).not.toContain('…');
        expect(svg).toContain('aria-label="BTS01, BizTalk computer, up; press to fail it; 5 parts stopped: host ReceiveHost;');
        expect(svg).toMatch(/data-component="computer:SQL01"[^>]*aria-pressed="true"/);
        expect(svg).toContain('class="dg-box dg-computer dg-failed"');
    });
});

describe('topology diagram: availability groups, sites, kinds added later', () => {
    it('draws an availability group across its replicas', async () => {
        const { groups } = await exampleGroups('availability-group');
        const { boxes, edges } = diagramModel(groups[0]);
        const ag = find(boxes, 'availability-group', 'BTSAG');
        expect(ag.lines.map(l => l.text)).toEqual(expect.arrayContaining(['replica SQLA (synchronous)', 'replica SQLB (synchronous)']));
        expect(edges.some(e => e.from === ag.id && e.label === 'replicas')).toBe(true);
        expect(find(boxes, 'computer', 'SQL01').lines.map(l => l.text)).toEqual(['SQL SQLA']);
    });

    it('draws sites as regions that fail every computer in them', async () => {
        const { groups } = await textGroups(`group G {
    computer BTS01 { site DC1 }
    computer BTS02 { site DC2 }
    computer SQL01 { site DC1 }
    sql S on SQL01 { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    host H { receive FILE  instances on BTS01, BTS02 }
}`);
        const group = groups[0];
        const { boxes } = diagramModel(group);
        const dc1 = find(boxes, 'region', 'DC1');
        expect(dc1.component).toBe('site:DC1');
        expect(flatten(dc1.children).filter(b => b.kind === 'computer').map(b => b.title).sort()).toEqual(['BTS01', 'SQL01']);
        const svg = drawDiagram(group, await layoutDiagram(group, engine), { [groupKey(group)]: ['site:DC1'] }, { interactive: true });
        expect(textOf(svg)).toContain('DC1 ✕ failed');
        expect(textOf(svg)).toContain('BTS01 ✕ failed');
        expect(textOf(svg)).toContain('BTS02 up');
    });

    it('draws hypervisors as regions inside the site; failing one fails its virtual machines in both views', async () => {
        const { groups } = await textGroups(`group G {
    computer BTS01 { site DC1  hypervisor HV1 }
    computer BTS02 { site DC1  hypervisor HV2 }
    computer SQL01 { site DC1 }
    sql S on SQL01 { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    host H { receive FILE  instances on BTS01, BTS02 }
}`);
        const group = groups[0];
        const { boxes } = diagramModel(group);
        const hv1 = find(boxes, 'region', 'HV1');
        expect(hv1.subtitle).toBe('hypervisor');
        expect(hv1.component).toBe('hypervisor:HV1');
        expect(hv1.children.map(c => c.title)).toEqual(['BTS01']);
        // Inside site DC1, in the BizTalk tier.
        expect(flatten(find(boxes, 'region', 'DC1').children).some(b => b.id === hv1.id)).toBe(true);
        const svg = drawDiagram(group, await layoutDiagram(group, engine), { [groupKey(group)]: ['hypervisor:HV1'] }, { interactive: true });
        expect(textOf(svg)).toContain('HV1 ✕ failed');
        expect(textOf(svg)).toContain('BTS01 ✕ failed');
        expect(textOf(svg)).toContain('BTS02 up');
        expect(svg).toContain('aria-label="BTS01, BizTalk computer, failed (with its region); press to fail it on its own.');
        // The matrix: a hypervisor button, BTS01's column failed with it.
        const html = renderGroups(groups, { failed: { [groupKey(group)]: ['hypervisor:HV1'] } });
        expect(html).toContain('data-component="hypervisor:HV1"');
        expect(html).toMatch(/<th scope="col" class="component-head tier-biztalk failed" data-col="computer:BTS01">/);
        expect(html).not.toMatch(/<th scope="col" class="component-head tier-biztalk failed" data-col="computer:BTS02">/);
    });

    it('a load balancer in front of the BAM portal says so', async () => {
        const { groups } = await textGroups(`group G {
    computer BTS01, BTS02, SQL01
    sql S on SQL01 { databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB }
    host H { receive FILE  instances on BTS01, BTS02 }
    nlb PortalFarm { members BTS01, BTS02  fronts bam-portal }
}`);
        const { boxes } = diagramModel(groups[0]);
        expect(find(boxes, 'load-balancer', 'PortalFarm').lines.map(l => l.text)).toEqual(['fronts BAM portal', 'members BTS01, BTS02']);
    });

    it('lists function kinds it does not know on the computers that provide them', () => {
        const group = hostileGroup();
        const extra = { ...group.functions[1], id: 'queue-manager:QM1', kind: 'queue-manager' as PreviewGroup['functions'][number]['kind'], label: 'queue manager QM1', placements: [{ computer: evil, role: 'active' as const }] };
        const { boxes } = diagramModel({ ...group, functions: [...group.functions, extra] });
        expect(find(boxes, 'computer', evil).lines.map(l => l.text)).toContain('queue manager QM1');
    });

    it('keeps hostile names as text', async () => {
        const group = hostileGroup();
        const svg = drawDiagram(group, await layoutDiagram(group, engine), {}, { interactive: true });
        const tags = svg.match(/<[^>]*>/g)!;
        expect(tags.filter(tag => /^<(script|img|a|foreignObject|iframe)\b/i.test(tag))).toEqual([]);
        // Attribute names only: the escaped names are inside attribute values.
        expect(tags.map(tag => tag.replace(/"[^"]*"/g, '""')).filter(tag => /\s(on\w+|href|xlink:href|style)=/i.test(tag))).toEqual([]);
        // Shown as text (long names shortened, whole in a tooltip).
        expect(svg).toContain('<title>&lt;img src=x onerror=window.__pwned=1&gt;</title>');
        expect(textOf(svg)).toContain(jsUrl);
        expect(svg).toContain('&lt;script&gt;');
        expect(svg).not.toContain('\u202E');
        expect(textOf(svg)).toContain(`CL${scriptName}`.slice(0, 10));
    });
});

describe('topology diagram of every example and of half-typed groups', () => {
    it('lays out and draws without error, one box per computer', async () => {
        const texts = [
            ...['small-ha', 'medium-ha', 'large-ha', 'availability-group', 'ftp-msmq-clustered', 'two-computer-not-ha'].map(name => readFileSync(examplePath(name), 'utf8')),
            'group G { }',
            'group G {\n    computer A\n}',
            'group G {\n    computer A, B\n    cluster C { nodes A, B }\n    cluster D { nodes A }\n    host H { clustered on C  instances on A, B }\n    nlb L { members A }\n}',
            'group G {\n    host H { instances on \n'
        ];
        for (const text of texts) {
            for (const group of (await textGroups(text)).groups) {
                const layout = await layoutDiagram(group, engine);
                const svg = drawDiagram(group, layout, { [groupKey(group)]: group.components.map(c => c.id) }, { interactive: true });
                const computers = group.components.filter(c => c.kind === 'computer').length;
                expect((svg.match(/class="dg-box dg-computer/g) ?? []).length, text.slice(0, 40)).toBe(computers);
            }
        }
    });
});

describe('the report includes the diagrams as SVG', () => {
    it('in the HTML page and in the SVG file', async () => {
        const { uri, groups } = await exampleGroups('small-ha');
        const report = await buildReport({ documents: [{ uri, label: 'small-ha/topology.bizha', groups }], generator: 'test', nonce: 'n', engine });
        expect(report.html).toContain('class="diagram-svg"');
        expect(report.html).toContain('data-view="diagram"');
        expect(report.svg).toContain('Topology of group ContosoSmall');
        expect(report.svg).toContain('.dg-frame {');
        expect(report.svg.match(/<svg/g)!.length).toBe(3);
    });
});
