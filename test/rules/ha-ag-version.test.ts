import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-VERSION';

const sqlaVersion = (version: string) => variant([['sql SQLA on SQL01 { edition enterprise version 2019', `sql SQLA on SQL01 { edition enterprise version ${version}`]], agGroup);
const biztalkVersion = (version: string, base = agGroup) => variant([['version 2020 cu 6', `version ${version}`]], base);

describe(ID, () => {
    test('fires on the availability group with BizTalk Server 2016 before CU5', async () => {
        const text = biztalkVersion('2016 cu 4');
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('error');
        expect(startLine(found[0])).toBe(lineOf(text, 'availability-group BTSAG'));
        expect(found[0].message).toContain('BTSAG');
        expect(found[0].message).toContain('CU5');
    });

    test('fires with BizTalk Server 2013 R2, which has no availability group support', async () => {
        const found = withCode((await validate(biztalkVersion('2013 r2'))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('2013 R2');
    });

    test('fires on a SQL Server 2014 replica', async () => {
        const found = withCode((await validate(sqlaVersion('2014'))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SQLA');
        expect(found[0].message).toContain('2014');
    });

    test('with BizTalk 2020, SQL Server 2016 needs SP2 CU7', async () => {
        const found = withCode((await validate(sqlaVersion('2016 sp 2 cu 6'))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('SP2 CU7');
        expect(withCode((await validate(sqlaVersion('2016 sp 2 cu 7'))).diagnostics, ID)).toEqual([]);
    });

    test('SQL Server 2022 needs BizTalk 2020 CU6', async () => {
        const sql2022 = sqlaVersion('2022');
        expect(withCode((await validate(biztalkVersion('2020 cu 5', sql2022))).diagnostics, ID)).toHaveLength(1);
        expect(withCode((await validate(sql2022)).diagnostics, ID)).toEqual([]);
    });

    test('fires for BizTalk Standard edition', async () => {
        const found = withCode((await validate(variant([['edition enterprise', 'edition standard']], agGroup))).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('Enterprise edition');
    });

    test('does not fire on supported versions: BizTalk 2020 CU6 with SQL 2019, BizTalk 2016 CU5', async () => {
        expect(withCode((await validate(agGroup)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(biztalkVersion('2016 cu 5'))).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on an availability group that holds no database', async () => {
        const text = variant([['availability-group BTSAG {', 'availability-group OTHERAG {\n        replicas SQLA, SQLB\n        dtc-support per-database\n    }\n    availability-group BTSAG {']], biztalkVersion('2013 r2'));
        // Only BTSAG, which holds the databases, is reported.
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found.map(startLine)).toEqual([lineOf(text, 'availability-group BTSAG')]);
    });
});
