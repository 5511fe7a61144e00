import { describe, expect, test } from 'vitest';
import { agGroup, bamGroup, cleanGroup, rangeStart, startOf, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf } from '../helpers.js';

const ID = 'HA-DR-BACKUP-LOCATION';

const findings = findingsOf(ID);

const destination = String.raw`destination "\\\\fs01\\btsbackup"`;
const withDestination = (path: string) => variant([[destination, `destination "${path}"`]]);

describe(ID, () => {
    test('fires on a local drive path, on the destination', async () => {
        const text = withDestination(String.raw`D:\\Backup`);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'destination', '"D:'));
        expect(hits[0].message).toContain('writes to D:\\Backup,');
        expect(hits[0].message).toContain('UNC share on another computer');
    });

    test('fires on a share served by a node of the SQL cluster that holds the databases (any case, fully qualified)', async () => {
        const hits = await findings(withDestination(String.raw`\\\\sql01.contoso.com\\backup`));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('a share on SQL01, which runs SQL instance BTSSQL holding BizTalk databases');
    });

    test('fires on a share on the SQL cluster itself', async () => {
        const hits = await findings(withDestination(String.raw`\\\\SQLCL\\backup`));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('a share on cluster SQLCL, whose nodes run SQL instance BTSSQL');
    });

    test('fires on a share on the SQL cluster reached by its network name', async () => {
        const text = variant([[destination, String.raw`destination "\\\\sqlnn.contoso.com\\backup"`], ['        network-name SQLCLSSO\n', '        network-name SQLNN\n']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('a share on cluster SQLCL, whose nodes run SQL instance BTSSQL');
    });

    test('fires on a share on a replica computer of an availability group holding the databases', async () => {
        const hits = await findings(variant([[destination, String.raw`destination "\\\\SQL02\\backup"`]], agGroup));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('a share on SQL02, which runs SQL instance SQLB holding BizTalk databases');
    });

    test('fires on a BAM backup on a drive letter, and not on the BAM backup share of the clean BAM group', async () => {
        const text = variant([[String.raw`backup "\\\\fs01\\bam"`, String.raw`backup "E:\\BAM"`]], bamGroup);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(rangeStart(hits[0])).toEqual(startOf(text, 'backup "E:', '"E:'));
        expect(hits[0].message).toContain('The BAM backup writes to');
        expect(await findings(bamGroup)).toEqual([]);
    });

    test('does not fire on a share on a computer that holds no BizTalk database', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
        // DR01 runs the log-shipping standby, which holds no database of the group.
        expect(await findings(withDestination(String.raw`\\\\DR01\\backup`))).toEqual([]);
        expect(await findings(withDestination(String.raw`\\\\BTS01\\backup`))).toEqual([]);
    });
});
