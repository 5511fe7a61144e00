import { describe, expect, test } from 'vitest';
import { agGroup, lineOf, startLine, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-AG-JOBS-LOGINS';
const acknowledged = variant([['        dtc-support per-database\n', '        dtc-support per-database\n        jobs-and-logins replicated\n']], agGroup);

describe(ID, () => {
    test('an availability group with BizTalk databases and no jobs-and-logins acknowledgement is a warning on the group', async () => {
        const hits = withCode((await validate(agGroup)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
        expect(startLine(hits[0])).toBe(lineOf(agGroup, 'availability-group BTSAG'));
        expect(hits[0].message).toContain('does not carry logins, SQL Agent jobs or the Database Mail profile');
        expect(hits[0].message).toContain('after a failover to SQLB');
        expect(hits[0].message).toContain('`jobs-and-logins replicated`');
    });

    test('does not fire once replicated, nor on an availability group without BizTalk databases', async () => {
        expect(withCode((await validate(acknowledged)).diagnostics, ID)).toEqual([]);
        const empty = variant([['computer DR01', 'computer DR01\n    availability-group SPARE { replicas SQLA, SQLB  listener SPL }']], acknowledged);
        expect(withCode((await validate(empty)).diagnostics, ID)).toEqual([]);
    });
});
