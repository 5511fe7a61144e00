import { describe, expect, it } from 'vitest';
import { simulateFailures } from '../../language/analysis/simulate.js';
import { locate } from '../../preview/locate.js';
import { reportHtml } from '../../preview/page.js';
import { groupKey } from '../../preview/protocol.js';
import { columnsOf, renderGroups, rowsOf, summaryHtml } from '../../preview/render.js';
import { renderMatrixSvg } from '../../preview/svg.js';
import { bamGroup, variant } from '../fixtures.js';
import * as fs from 'node:fs';
import { bidi, evil, examplePath, exampleGroups, hostileGroup, hostileTopology, jsUrl, scriptName, textGroups } from './preview-fixtures.js';

/** Text between tags, entities decoded enough to read assertions. */
function textOf(html: string): string {
    return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function count(html: string, pattern: RegExp): number {
    return (html.match(pattern) ?? []).length;
}

describe('preview renderer: small-ha', async () => {
    const { groups } = await exampleGroups('small-ha');
    const group = groups[0];

    it('has the computers as columns, grouped by tier', () => {
        expect(columnsOf(group).map(t => [t.tier, t.computers.map(c => c.name)])).toEqual([
            ['biztalk', ['BTS01', 'BTS02']],
            ['sql', ['SQL01', 'SQL02', 'DRSQL01']]
        ]);
    });

    it('has the functions as rows, grouped by kind', () => {
        expect(rowsOf(group).map(r => [r.title, r.functions.map(f => f.id)])).toEqual([
            ['Receive', ['receive:ReceiveHost:FILE', 'receive:ReceiveHost:AzureBlob', 'receive:WebReceiveHost:WCF-BasicHttp']],
            ['Processing', ['processing:ProcessingHost']],
            ['Send', ['send:SendHost:FILE', 'send:SendHost:SMTP', 'send:SendHost:WCF-BasicHttp', 'send:SendHost:WCF-SQL']],
            ['Tracking', ['tracking']],
            ['Databases', ['database:BizTalkMgmtDb', 'database:BizTalkMsgBoxDb', 'database:BizTalkDTADb', 'database:SSODB', 'database:BizTalkRuleEngineDb']],
            ['Master secret server', ['master-secret-server']],
            ['Load-balanced entry points', ['http-entry:WebReceiveHost']]
        ]);
    });

    it('renders one header button per computer and one row per function, marks and badges in words', () => {
        const html = renderGroups(groups);
        expect(count(html, /<button[^>]*data-action="toggle"/g)).toBe(5);
        expect(count(html, /<tr class="fn /g)).toBe(16);
        expect(html).toContain('data-fn="processing:ProcessingHost"');
        // ProcessingHost: active on both BizTalk computers, nothing on SQL.
        const row = html.slice(html.indexOf('<tr class="fn state-up" data-fn="processing:ProcessingHost"'));
        const processing = row.slice(0, row.indexOf('</tr>'));
        expect(count(processing, /<td class="cell [^"]*role-active/g)).toBe(2);
        expect(textOf(processing)).toContain('scale-out');
        expect(textOf(processing)).toContain('survives one failure');
        expect(processing).toContain('<span class="state-text">up</span>');
        expect(html).toContain('SQL node');
        expect(html).toContain('standby');
        expect(html).toContain('NLB');
        expect(html).toContain('disabled title="No single computer or site stops a function"');
    });

    it('summarises a failure from the simulation', () => {
        const failed = ['computer:BTS01'];
        const simulation = simulateFailures(group, failed);
        expect(simulation.states['processing:ProcessingHost']).toBe('degraded');
        const text = textOf(summaryHtml({ group, failed, simulation, baseline: simulateFailures(group, []) }));
        expect(text).toContain('When BTS01 fails, nothing stops; 10 functions lose redundancy.');
        const both = ['computer:BTS01', 'computer:BTS02'];
        const down = textOf(summaryHtml({ group, failed: both, simulation: simulateFailures(group, both), baseline: simulateFailures(group, []) }));
        expect(down).toMatch(/^When BTS01, BTS02 fail, 10 functions stop: receive FILE on ReceiveHost, /);
    });

    it('renders the states of a failed set it is given', () => {
        const html = renderGroups(groups, { failed: { [groupKey(group)]: ['computer:BTS01', 'computer:BTS02'] } });
        expect(html).toContain('<tr class="fn state-down" data-fn="processing:ProcessingHost"');
        expect(html).toContain('<tr class="fn state-up" data-fn="database:BizTalkMsgBoxDb"');
        expect(html).toContain('aria-pressed="true"');
    });
});

describe('preview renderer: two-computer-not-ha', async () => {
    const { groups } = await exampleGroups('two-computer-not-ha');
    const group = groups[0];
    const fn = (id: string) => group.functions.find(f => f.id === id)!;
    const rules = (id: string) => fn(id).diagnostics.map(d => d.ruleId);

    it('has one BizTalk and one SQL column, every function a single point of failure', () => {
        expect(columnsOf(group).map(t => [t.tier, t.computers.map(c => c.name)])).toEqual([['biztalk', ['BTS01']], ['sql', ['SQL01']]]);
        expect(group.functions.every(f => f.redundancy === 1)).toBe(true);
        const html = renderGroups(groups);
        expect(count(html, /redundancy-spof/g)).toBe(group.functions.length);
        expect(html).toContain('Worst single failure: <bdi>SQL01</bdi>');
    });

    it('attaches each rule diagnostic to the functions it is about', () => {
        expect(rules('receive:BizTalkServerApplication:FTP')).toEqual(expect.arrayContaining(['HA-RECV-MUST-CLUSTER', 'HA-HOST-BITNESS', 'HA-HOST-SPOF']));
        expect(rules('receive:BizTalkServerApplication:FILE')).not.toContain('HA-RECV-MUST-CLUSTER');
        expect(rules('receive:BizTalkServerApplication:FILE')).not.toContain('HA-HOST-BITNESS');
        expect(rules('processing:BizTalkServerApplication')).toEqual(expect.arrayContaining(['HA-HOST-SPOF', 'HA-HOST-SEPARATION']));
        expect(rules('tracking')).toEqual(expect.arrayContaining(['HA-TRACK-SPOF', 'HA-TRACK-DEDICATED']));
        for (const db of ['BizTalkMgmtDb', 'BizTalkMsgBoxDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb']) expect(rules(`database:${db}`)).toContain('HA-DB-SPOF');
        expect(rules('master-secret-server')).toEqual(expect.arrayContaining(['HA-SSO-MSS-SPOF', 'HA-SSO-SSODB-HA', 'HA-SSO-BACKUP']));
        expect(rules('receive:BizTalkServerIsolatedHost:WCF-BasicHttp')).toContain('HA-DOM-BUILTIN');
        expect(group.diagnostics.map(d => d.ruleId).sort()).toEqual(['HA-DR-BACKUPJOB', 'HA-DR-LOGSHIP', 'HA-GROUP-MIN-SERVERS']);
    });

    it('shows one chip per rule on a row', () => {
        const html = renderGroups(groups);
        const start = html.indexOf('data-fn="processing:BizTalkServerApplication" data-kind');
        const row = html.slice(start, html.indexOf('</tr>', start));
        expect(count(row, /data-rule="HA-DOM-GROUPS"/g)).toBe(1);
        expect(row).toContain('×2');
    });

    it('stops everything when SQL01, the worst single failure, fails', () => {
        expect(group.worstSingleFailure).toBe('computer:SQL01');
        const simulation = simulateFailures(group, ['computer:SQL01']);
        expect(simulation.stopped).toHaveLength(group.functions.length);
    });
});

describe('preview renderer: BAM', async () => {
    const { groups } = await textGroups(bamGroup);

    it('shows the BAM event bus and portal as rows of their own, titled in words', () => {
        const rows = rowsOf(groups[0]);
        expect(rows.filter(r => r.kind === 'bam-event-bus' || r.kind === 'bam-portal').map(r => r.title)).toEqual(['BAM event bus', 'BAM portal']);
        const html = renderGroups(groups);
        const start = html.indexOf('data-fn="bam-portal" data-kind');
        expect(start).toBeGreaterThan(0);
        const row = html.slice(start, html.indexOf('</tr>', start));
        expect(textOf(row)).toContain('BAM portal');
        expect(textOf(row)).toContain('survives one failure');
    });

    it('puts HA-NLB-IIS-BAM on the portal row', async () => {
        const { groups: unbalanced } = await textGroups(variant([['fronts WebReceive, bam-portal', 'fronts WebReceive']], bamGroup));
        const portal = unbalanced[0].functions.find(f => f.id === 'bam-portal')!;
        expect(portal.diagnostics.map(d => d.ruleId)).toEqual(['HA-NLB-IIS-BAM']);
    });
});

describe('preview renderer: file servers', async () => {
    const text = variant([['computer DR01', 'computer DR01, FS01'], [String.raw`(path "\\\\fs-cluster\\in")`, String.raw`(path "\\\\FS01\\in")`]]);
    const { groups } = await textGroups(text);
    const group = groups[0];

    it('shows a declared file server as a row of its own, after the other kinds', () => {
        const rows = rowsOf(group);
        expect(rows.at(-1)).toMatchObject({ kind: 'file-server', title: 'File servers' });
        expect(rows.at(-1)!.functions.map(f => f.id)).toEqual(['file-server:FS01']);
        const html = renderGroups(groups);
        const start = html.indexOf('data-fn="file-server:FS01" data-kind');
        const row = html.slice(start, html.indexOf('</tr>', start));
        expect(textOf(row)).toContain('FS01');
        expect(textOf(row)).toContain('single point of failure');
    });

    it('puts HA-FILE-SERVER-SPOF on the handler that reads the share, and failing FS01 stops that handler', () => {
        const receive = group.functions.find(f => f.id === 'receive:ReceiveHost:FILE')!;
        expect(receive.diagnostics.map(d => d.ruleId)).toContain('HA-FILE-SERVER-SPOF');
        const simulation = simulateFailures(group, ['computer:FS01']);
        expect(simulation.stopped).toEqual(['receive:ReceiveHost:FILE', 'file-server:FS01']);
    });
});

describe('preview renderer: hypervisors and queue managers', async () => {
    const text = variant([
        ['computer BTS01, BTS02', 'computer BTS01 { hypervisor HV1 }, BTS02 { hypervisor HV1 }'],
        ['computer DR01', 'computer DR01, MQ01\n    queue-manager QM1 on MQ01'],
        ['host SendHost { send FILE, SMTP', 'host SendHost { send FILE, SMTP, MQSeries (queue-manager QM1)']
    ]);
    const { groups } = await textGroups(text);
    const group = groups[0];

    it('offers the hypervisor as a failure to simulate, and failing it fails the columns of its virtual machines', () => {
        const html = renderGroups(groups, { failed: { [groupKey(group)]: ['hypervisor:HV1'] } });
        expect(html).toContain('data-component="hypervisor:HV1"');
        expect(textOf(html)).toContain('1 hypervisor');
        expect(html).toMatch(/<th scope="col" class="component-head tier-biztalk[^"]* failed" data-col="computer:BTS01"/);
        expect(html).toMatch(/<th scope="col" class="component-head tier-biztalk[^"]* failed" data-col="computer:BTS02"/);
        expect(html).toContain('<tr class="fn state-down" data-fn="processing:ProcessingHost"');
    });

    it('lists the queue manager and puts the hypervisor rule on the hosts it stops', () => {
        expect(rowsOf(group).map(r => r.title)).toContain('MQ queue managers');
        expect(group.functions.find(f => f.id === 'processing:ProcessingHost')!.diagnostics.map(d => d.ruleId)).toContain('HA-HYPERVISOR-SPOF');
        expect(group.worstSingleFailure).toBe('hypervisor:HV1');
    });
});

describe('preview renderer: hostile names', () => {
    const group = hostileGroup();
    const failed = { [groupKey(group)]: [`computer:${evil}`, `site:${scriptName}`] };

    it('escapes every name, label, rule id and message', () => {
        for (const html of [renderGroups([group]), renderGroups([group], { failed, fileLabel: () => evil })]) {
            expect(html).not.toMatch(/<img/i);
            expect(html).not.toMatch(/<script/i);
            // With every quoted attribute value removed (a value cannot hold a raw quote), no tag has an event handler or a URL.
            const tags = (html.match(/<[^>]*>/g) ?? []).map(tag => tag.replace(/="[^"]*"/g, '=""'));
            expect(tags.filter(tag => /\s(on\w+|src|href|style)=/i.test(tag))).toEqual([]);
            expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
            expect(html).toContain('&lt;img src=x onerror=window.__pwned=1&gt;');
            expect(html).toContain('&lt;U+202E&gt;');
            expect(textOf(html)).toContain(jsUrl);
        }
    });

    it('keeps the report JSON and script inert', () => {
        const html = reportHtml({ groups: [group], failed, fileLabels: { [group.source.uri]: evil }, title: `Report ${evil}`, generated: evil, script: 'window.ok = "</script><script>window.__pwned=4</script>";', nonce: 'n0nce' });
        // Only the data element and the script itself end: nothing inside them can close them early.
        expect(count(html, /<\/script>/g)).toBe(2);
        expect(html).toContain('window.ok = "<\\/script><script>window.__pwned=4<\\/script>";');
        expect(html).not.toMatch(/<img/i);
        expect(html).toContain(`content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'; img-src data:; base-uri 'none'; form-action 'none'"`);
        const json = html.slice(html.indexOf('id="bizha-data">') + 'id="bizha-data">'.length, html.indexOf('</script>', html.indexOf('id="bizha-data">')));
        expect(JSON.parse(json).groups[0].group).toBe(group.group);
    });

    it('escapes markup that a real topology carries into diagnostic messages', async () => {
        const { groups } = await textGroups(hostileTopology);
        const file = groups[0].functions.find(f => f.id === 'receive:R:FILE')!;
        expect(file.diagnostics.map(d => d.ruleId)).toContain('HA-FILE-SHARE');
        expect(file.diagnostics.find(d => d.ruleId === 'HA-FILE-SHARE')!.message).toContain(evil);
        const html = renderGroups(groups);
        expect(html).not.toMatch(/<img|<script/i);
        expect(html).toContain('&lt;img src=x onerror=window.__pwned=1&gt;');
    });

    it('escapes names in the SVG', () => {
        const svg = renderMatrixSvg([group], failed);
        expect(svg).not.toMatch(/<img|<script/i);
        expect(svg).toContain('&lt;img');
        expect(svg).not.toMatch(/[\u202a-\u202e]/);
        expect(bidi).toMatch(/[\u202a-\u202e]/);
    });
});

describe('editor cursor → preview highlight', async () => {
    const { uri, groups } = await exampleGroups('small-ha');
    const exampleLines = fs.readFileSync(examplePath('small-ha'), 'utf8').split('\n');
    /** The 1-based line of the example holding `text`. */
    const lineWith = (text: string) => exampleLines.findIndex(l => l.includes(text)) + 1;

    it('finds the functions of the host block and the computer named at the cursor', () => {
        // `instances on BTS01, BTS02` of ProcessingHost: the first such line after the host's header
        const line = exampleLines.findIndex((l, i) => i >= lineWith('host ProcessingHost') && l.includes('instances on'));
        const hit = locate(groups, { uri, position: { line, character: exampleLines[line].indexOf('BTS01') }, word: 'BTS01' });
        expect([...hit.functions]).toEqual(['processing:ProcessingHost']);
        expect([...hit.components]).toEqual(['computer:BTS01']);
    });

    it('finds the function declared at the cursor first', () => {
        // `send FILE, SMTP, ...`: on SMTP
        const line = lineWith('send FILE, SMTP');
        const hit = locate(groups, { uri, position: { line: line - 1, character: exampleLines[line - 1].indexOf('SMTP') }, word: 'SMTP' });
        expect([...hit.functions]).toEqual(['send:SendHost:SMTP']);
    });

    it('finds nothing in another file', () => {
        const hit = locate(groups, { uri: 'file:///elsewhere.bizha', position: { line: 63, character: 22 } });
        expect(hit.functions.size + hit.components.size).toBe(0);
    });
});

describe('preview renderer: speed on large-ha', async () => {
    const { groups } = await exampleGroups('large-ha');
    const group = groups[0];

    it('renders the matrix and simulates a failure in a few milliseconds', () => {
        const time = (action: () => void, runs = 50) => {
            action();
            const start = performance.now();
            for (let i = 0; i < runs; i++) action();
            return (performance.now() - start) / runs;
        };
        const failed = { [groupKey(group)]: ['computer:BTS01', 'computer:SQL01'] };
        const render = time(() => renderGroups(groups, { failed }));
        const simulate = time(() => simulateFailures(group, ['computer:BTS01', 'computer:SQL01']));
        const svg = time(() => renderMatrixSvg(groups, failed));
        const html = renderGroups(groups, { failed });
        console.log(`large-ha (${group.functions.length} functions x ${group.components.length} computers): render ${render.toFixed(2)} ms (${(html.length / 1024).toFixed(0)} KiB), simulateFailures ${simulate.toFixed(3)} ms, SVG ${svg.toFixed(2)} ms`);
        expect(render).toBeLessThan(100);
    });
});
