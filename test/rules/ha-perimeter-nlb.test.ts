import { describe, expect, test } from 'vitest';
import { lineOf, startLine, variant } from '../fixtures.js';
import { describe as show, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-PERIMETER-NLB';

describe(ID, () => {
    test('a perimeter computer outside every load balancer is information on the computer', async () => {
        const text = variant([['computer DR01', 'computer DR01, DMZ01 { zone perimeter }']]);
        const hits = withCode((await validate(text)).diagnostics, ID);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('information');
        expect(startLine(hits[0])).toBe(lineOf(text, 'DMZ01 { zone perimeter }'));
        expect(hits[0].message).toContain('DMZ01 is in the perimeter network and no load balancer includes it');
    });

    test('does not fire on perimeter computers behind a load balancer, nor on internal computers', async () => {
        const text = variant([['computer BTS01, BTS02', 'computer BTS01 { zone perimeter }, BTS02 { zone perimeter }']]);
        expect(withCode((await validate(text)).diagnostics, ID)).toEqual([]);
        expect(withCode((await validate(variant([['computer DR01', 'computer DR01, APP01']]))).diagnostics, ID)).toEqual([]);
    });
});
