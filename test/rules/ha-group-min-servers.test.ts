import { describe, expect, test } from 'vitest';
import { cleanGroup, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';
import { applyFix, getFixes } from '../fixes/fix-helpers.js';

const ID = 'HA-GROUP-MIN-SERVERS';

const findings = findingsOf(ID);

/** Every host instance (and the load balancer) on BTS01 only; BTS02 stays declared but unused. */
const oneServer = cleanGroup.replaceAll('instances on BTS01, BTS02', 'instances on BTS01').replace('members BTS01, BTS02', 'members BTS01');

describe(ID, () => {
    test('a group whose host instances all run on one computer fires once, on the group name', async () => {
        const hits = await findings(oneServer);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        expect(hits[0].range.start.line + 1).toBe(1);
        expect(oneServer.split('\n')[0].slice(hits[0].range.start.character, hits[0].range.end.character)).toBe('Prod');
        expect(hits[0].message).toContain('Prod');
        expect(hits[0].message).toContain('BTS01');
        expect(hits[0].message).toMatch(/every host stops/);
    });

    test('in Standard edition, which allows one BizTalk computer, the advice and the fix start with Enterprise edition', async () => {
        const standard = oneServer.replace('edition enterprise\n', 'edition standard\n    availability standard\n');
        const [hit] = await findings(standard);
        expect(hit.message).toContain('Standard edition allows one BizTalk computer per group, so first change the group to `edition enterprise`. Then add a second BizTalk Server computer');
        const [fix] = await getFixes(standard, hit);
        expect(fix.title).toMatch(/^Set edition enterprise, declare computer BTS\d+/);
        const fixed = applyFix(standard, fix);
        const after = (await validate(fixed)).diagnostics;
        expect(withCode(after, ID)).toEqual([]);
        // Adding the computer does not trade this finding for HA-EDITION-SCALEOUT's.
        expect(withCode(after, 'HA-EDITION-SCALEOUT').map(show)).toEqual([]);
    });

    test('SQL and standby computers do not count as BizTalk Server computers', async () => {
        // SQL01, SQL02 and DR01 are declared, but only BTS01 runs host instances.
        const hits = await findings(oneServer);
        expect(hits[0].message).not.toContain('SQL01');
        expect(hits[0].message).not.toContain('DR01');
    });

    test('a group with no host instance at all says it has no BizTalk Server computer', async () => {
        const hits = await findings('group Empty {\n    computer BTS01, BTS02\n}\n');
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('Empty');
        expect(hits[0].message).toContain('no BizTalk Server computer');
    });

    test('availability standard lowers it to a warning', async () => {
        const hits = await findings(oneServer.replace('edition enterprise', 'edition enterprise\n    availability standard'));
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('warning');
    });

    test('does not fire for two BizTalk Server computers (the clean group)', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });

    test('does not fire when a second computer runs just one host: the single-instance hosts are HA-HOST-SPOF\'s', async () => {
        const text = variant([['host SendHost { send FILE, SMTP  instances on BTS01 }', 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }']], oneServer);
        const { diagnostics } = await validate(text);
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF').length).toBeGreaterThan(0);
    });
});
