import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';
import { applyFix, getFixes } from '../fixes/fix-helpers.js';

const ID = 'HA-AG-OS-PREREQ';
const withOs = (bts: string, sql: string) => variant([['computer BTS01, BTS02', `computer BTS01 { os ${bts} }, BTS02 { os ${bts} }`], ['computer SQL01, SQL02', `computer SQL01 { os ${sql} }, SQL02 { os ${sql} }`]], agGroup);

describe(ID, () => {
    test('Windows Server 2012 R2 and 2016 computers are warnings naming the fix each needs, on the availability group', async () => {
        const text = withOs('2012 r2', '2016');
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(2);
        expect(hits.every(h => severityOf(h) === 'warning' && startLine(h) === lineOf(text, 'availability-group BTSAG'))).toBe(true);
        expect(hits[0].message).toContain('BTS01 and BTS02 run Windows Server 2012 R2');
        expect(hits[0].message).toContain('KB3090973');
        expect(hits[1].message).toContain('SQL01 and SQL02 run Windows Server 2016');
        expect(hits[1].message).toContain('RemoteAccessEnabled');
    });

    test('computers without a declared os get one information', async () => {
        const hits = withCode((await validate(agGroup)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(hits[0].message).toContain('BTS01, BTS02, SQL01 and SQL02 declare no `os`');
    });

    test('an update declared with the release (`os 2016 (KB3182294)`) clears the warning; the other release still needs its own', async () => {
        const text = withOs('2012 r2 (KB3182294)', '2016 (kb3182294, KB5005033)');
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(h => h.message.split(',')[0])).toEqual(['BTS01 and BTS02 run Windows Server 2012 R2']);
        expect(withCode((await validate(withOs('2012 r2 (KB3090973)', '2016 (KB3182294)'))).diagnostics, ID)).toEqual([]);
    });

    test('the quick fix declares the update on the computers the warning names, and is not preferred', async () => {
        const text = withOs('2016', '2016 (KB5005033)');
        const [hit] = withCode((await validate(text)).diagnostics, ID);
        const fixes = await getFixes(text, hit);
        expect(fixes.map(f => [f.title, f.isPreferred])).toEqual([['Declare KB3182294 installed on BTS01, BTS02, SQL01 and SQL02 (after installing it)', false]]);
        const fixed = applyFix(text, fixes[0]);
        expect(fixed).toContain('computer BTS01 { os 2016 (KB3182294) }, BTS02 { os 2016 (KB3182294) }');
        expect(fixed).toContain('SQL01 { os 2016 (KB5005033, KB3182294) }');
        expect(withCode((await validate(fixed)).diagnostics, ID)).toEqual([]);
    });

    test('does not fire on Windows Server 2019 or later, nor without an availability group', async () => {
        expect(withCode((await validate(withOs('2019', '2022'))).diagnostics, ID)).toEqual([]);
        const noAg = variant([['computer BTS01, BTS02', 'computer BTS01 { os 2016 }, BTS02 { os 2016 }']]);
        expect(withCode((await validate(noAg)).diagnostics, ID)).toEqual([]);
    });
});
