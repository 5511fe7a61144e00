import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, startOf, rangeStart, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-AG-BAM-SSAS-SSIS';

const agDatabases = 'databases BizTalkMgmtDb, BizTalkMsgBoxDb, BizTalkDTADb, SSODB, BizTalkRuleEngineDb';
const withAgDatabases = (more: string, base = agGroup) => variant([[agDatabases, `${agDatabases}, ${more}`]], base);

const findings = findingsOf(ID);

describe(ID, () => {
    test('BAMAnalysis in an availability group is an error on the database', async () => {
        const text = withAgDatabases('BAMPrimaryImport, SSISDB, BAMAnalysis');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(rangeStart(hits[0])).toEqual(startOf(text, agDatabases, 'BAMAnalysis'));
        expect(hits[0].message).toContain('BAMAnalysis is placed in availability group BTSAG');
        expect(hits[0].message).toContain('Analysis Services does not take part in availability groups');
    });

    test('BizTalk 2020 with BAM databases in the group but SSISDB outside it is a warning on the group', async () => {
        const text = withAgDatabases('BAMPrimaryImport, BAMStarSchema');
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(startLine(hits[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(hits[0].message).toContain('holds BAMPrimaryImport and BAMStarSchema, but SSISDB, which the group does not place, is not in it');
        expect(hits[0].message).toContain('Add SSISDB to availability group BTSAG');
        const elsewhere = await findings(variant([['    computer DR01', '    databases SSISDB on DRSQL\n    computer DR01']], text));
        expect(elsewhere[0].message).toContain('SSISDB, placed on SQL instance DRSQL, is not in it');
    });

    test('does not fire with SSISDB in the group, before BizTalk 2020, without BAM, or for BAMAnalysis outside the group', async () => {
        expect(await findings(agGroup)).toEqual([]);
        expect(await findings(withAgDatabases('BAMPrimaryImport, BAMArchive, SSISDB'))).toEqual([]);
        expect(await findings(variant([['version 2020 cu 6', 'version 2016 cu 9']], withAgDatabases('BAMPrimaryImport')))).toEqual([]);
        expect(await findings(variant([['    computer DR01', '    databases BAMAnalysis on BAMSQL\n    sql BAMSQL on SQLCL\n    computer DR01']], withAgDatabases('BAMPrimaryImport, SSISDB')))).toEqual([]);
    });
});
