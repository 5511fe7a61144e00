import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { GroupAnalysis } from '../../language/analysis/types.js';
import { isGroup } from '../../language/generated/ast.js';
import { createTestServices, validate, validateWorkspace } from '../helpers.js';

const services = createTestServices();

async function analyzeExample(name: string): Promise<GroupAnalysis> {
    const { document } = await validate(fs.readFileSync(`examples/${name}/topology.bizha`, 'utf8'), services);
    return services.analysis.Analysis.forGroup(document.parseResult.value.declarations.find(isGroup)!).analysis;
}

const fn = (analysis: GroupAnalysis, id: string) => {
    const found = analysis.functions.find(f => f.id === id);
    if (!found) throw new Error(`${id} not among ${analysis.functions.map(f => f.id).join(', ')}`);
    return found;
};

describe('redundancy figures of the examples', () => {
    test.each(['small-ha', 'medium-ha', 'medium-ha-processing', 'large-ha', 'ftp-msmq-clustered', 'availability-group'])('%s: every function survives any single failure', async name => {
        const analysis = await analyzeExample(name);
        const weak = analysis.functions.filter(f => f.redundancy < 2).map(f => `${f.label}: ${f.redundancy}`);
        expect(weak).toEqual([]);
        expect(analysis.worstSingleFailure).toBeUndefined();
    });

    test('small-ha: scale-out hosts, a SQL failover cluster instance and a clustered master secret server', async () => {
        const analysis = await analyzeExample('small-ha');
        expect(fn(analysis, 'database:BizTalkMsgBoxDb')).toMatchObject({ mechanism: 'sql-fci', providers: ['SQL01', 'SQL02'], redundancy: 2 });
        expect(fn(analysis, 'master-secret-server')).toMatchObject({ mechanism: 'clustered-failover', redundancy: 2 });
        expect(fn(analysis, 'tracking')).toMatchObject({ mechanism: 'scale-out', redundancy: 2 });
        expect(analysis.functions.filter(f => f.kind === 'http-entry').map(f => f.mechanism)).toEqual(['load-balanced']);
    });

    /** The computers that run each of receive, processing and send (providers of its functions). */
    async function computersByRole(name: string): Promise<Record<'receive' | 'processing' | 'send', string>> {
        const analysis = await analyzeExample(name);
        const of = (kind: string) => [...new Set(analysis.functions.filter(f => f.kind === kind && f.mechanism !== 'clustered-failover').flatMap(f => f.providers))].sort().join(', ');
        return { receive: of('receive'), processing: of('processing'), send: of('send') };
    }

    // Microsoft's medium sample: "dedicate two BizTalk Servers to run the receiving host
    // instances" and two more run processing and send (the figure); or, processing-intensive,
    // two dedicated to processing and the other two receive and send.
    test('medium-ha is the receive-intensive variant: two computers only receive, two process and send', async () => {
        const roles = await computersByRole('medium-ha');
        expect(roles.processing).toBe(roles.send);
        expect(roles.receive.split(', ')).toHaveLength(2);
        for (const computer of roles.receive.split(', ')) expect(roles.send).not.toContain(computer);
    });

    test('medium-ha-processing is the processing-intensive variant: two computers only process, two receive and send', async () => {
        const roles = await computersByRole('medium-ha-processing');
        expect(roles.receive).toBe(roles.send);
        expect(roles.processing.split(', ')).toHaveLength(2);
        for (const computer of roles.processing.split(', ')) expect(roles.receive).not.toContain(computer);
    });

    test('large-ha: three MessageBoxes on a four-node cluster, tracking on N+1 computers', async () => {
        const analysis = await analyzeExample('large-ha');
        const boxes = analysis.functions.filter(f => f.kind === 'database' && f.database?.toLowerCase().includes('msgbox'));
        expect(boxes).toHaveLength(3);
        for (const box of boxes) expect(box.mechanism).toBe('sql-fci');
        expect(fn(analysis, 'tracking').providers.length).toBeGreaterThanOrEqual(4);
        // Every BizTalk function depends on every MessageBox.
        expect(analysis.functions.find(f => f.kind === 'processing')!.dependsOn.filter(id => boxes.some(b => b.id === id))).toHaveLength(3);
    });

    test('availability-group: databases on synchronous replicas of two computers', async () => {
        const analysis = await analyzeExample('availability-group');
        expect(fn(analysis, 'database:BizTalkMgmtDb')).toMatchObject({ mechanism: 'availability-group', redundancy: 2 });
        expect(fn(analysis, 'database:BizTalkMgmtDb').providers).toHaveLength(2);
    });

    test('ftp-msmq-clustered: FTP receive fails over between the cluster nodes', async () => {
        const analysis = await analyzeExample('ftp-msmq-clustered');
        const ftp = analysis.functions.find(f => f.kind === 'receive' && f.adapter === 'FTP')!;
        expect(ftp.mechanism).toBe('clustered-failover');
        expect(ftp.placements.map(p => p.role).sort()).toEqual(['active', 'standby']);
        expect(ftp.redundancy).toBe(2);
    });

    test('two-computer-not-ha: BTS01 and SQL01 are single points of failure, SQL01 the worst', async () => {
        const analysis = await analyzeExample('two-computer-not-ha');
        for (const f of analysis.functions.filter(f => f.kind !== 'database' && f.kind !== 'master-secret-server' && f.providers.length > 0)) {
            expect(f.redundancy, f.label).toBe(1);
            expect(f.ownSingleFailures, f.label).toEqual(['computer:BTS01']);
            expect(f.singleFailures.map(s => s.component), f.label).toContain('computer:SQL01');
        }
        expect(fn(analysis, 'database:BizTalkMgmtDb')).toMatchObject({ mechanism: 'single', providers: ['SQL01'], redundancy: 1 });
        expect(fn(analysis, 'master-secret-server')).toMatchObject({ mechanism: 'single', providers: ['BTS01'], redundancy: 1 });
        expect(analysis.worstSingleFailure).toBe('computer:SQL01');
        const stops = (id: string) => analysis.components.find(c => c.id === id)!.stops.length;
        expect(stops('computer:SQL01')).toBe(analysis.functions.length);
        expect(stops('computer:BTS01')).toBeLessThan(stops('computer:SQL01'));
    });

    test('multi-file: the group resolves the inventory and survives any single failure', async () => {
        const result = await validateWorkspace({
            'inventory.bizha': fs.readFileSync('examples/multi-file/inventory.bizha', 'utf8'),
            'group.bizha': fs.readFileSync('examples/multi-file/group.bizha', 'utf8')
        }, services);
        expect([...result.values()].flat().filter(d => d.severity === 1 || d.severity === 2)).toEqual([]);
    });
});
