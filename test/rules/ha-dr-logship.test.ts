import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DR-LOGSHIP';

// The rules engine database moved to a second failover cluster instance: two production SQL instances.
const twoProductionInstances = variant([
    ['SSODB, BizTalkRuleEngineDb', 'SSODB'],
    ['computer SQL01, SQL02', 'computer SQL01, SQL02, SQL03, SQL04\n    cluster SQLCL2 { nodes SQL03, SQL04  storage SAN01  msdtc }'],
    ['sql DRSQL on DR01', 'sql DRSQL on DR01\n    sql RULESQL on SQLCL2 { databases BizTalkRuleEngineDb }']
]);

describe(ID, () => {
    test('is information on the backup-job when nothing is log-shipped to a standby instance', async () => {
        const text = variant([['        log-shipping to DRSQL\n', '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('information');
        expect(startLine(found[0])).toBe(lineOf(text, 'backup-job {'));
        expect(found[0].message).toContain('disaster-recovery');
        expect(found[0].message).toContain('log-shipping to');
    });

    test('is information on the group name when there is no backup-job at all', async () => {
        const text = variant([[String.raw`    backup-job {
        destination "\\\\fs01\\btsbackup"
        log-shipping to DRSQL
    }
`, '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine)).toEqual([1]);
        expect(found.map(severityOf)).toEqual(['information']);
    });

    test('is a warning when the standby system has fewer SQL instances than production', async () => {
        const found = withCode((await validate(twoProductionInstances)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(twoProductionInstances, 'backup-job {'));
        expect(found[0].message).toContain('BTSSQL and RULESQL');
        expect(found[0].message).toContain('DRSQL');
    });

    test('does not fire when every production instance has a standby', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
        const text = variant([
            ['log-shipping to DRSQL', 'log-shipping to DRSQL\n        log-shipping to DRSQL2'],
            ['sql DRSQL on DR01', 'sql DRSQL on DR01\n    sql DRSQL2 on DR01']
        ], twoProductionInstances);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });

    test('is a warning, on the log-shipping line, when it ships to a production instance itself', async () => {
        const text = variant([['log-shipping to DRSQL', 'log-shipping to BTSSQL']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, 'log-shipping to BTSSQL'));
        expect(found[0].message).toContain('BTSSQL');
        expect(found[0].message).toContain('production');
    });

    test('is a warning when the standby runs on a production SQL computer', async () => {
        const text = variant([['sql DRSQL on DR01', 'sql DRSQL on SQL01']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(severityOf)).toEqual(['warning']);
        expect(startLine(found[0])).toBe(lineOf(text, 'log-shipping to DRSQL'));
        expect(found[0].message).toContain('SQL01');
    });

    test('is a warning when the standby is in the same site as production', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }'], ['computer DR01', 'computer DR01 { site DC1 }']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(severityOf)).toEqual(['warning']);
        expect(startLine(found[0])).toBe(lineOf(text, 'log-shipping to DRSQL'));
        expect(found[0].message).toContain('site DC1');
    });

    test('does not fire for a standby in another site', async () => {
        const text = variant([['computer SQL01, SQL02', 'computer SQL01 { site DC1 }, SQL02 { site DC1 }'], ['computer DR01', 'computer DR01 { site DC2 }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
    });
});
