import { describe, expect, test } from 'vitest';
import { cleanGroup, firstLineWith, variant } from '../fixtures.js';
import { describe as show, findingsOf, severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-HOST-NO-INSTANCES';

const findings = findingsOf(ID);

const send = 'host SendHost { send FILE, SMTP  instances on BTS01, BTS02 }';

describe(ID, () => {
    test('a host with send handlers and no instances fires once, on the host name', async () => {
        const text = variant([[send, 'host SendHost { send FILE, SMTP }']]);
        const hits = await findings(text);
        expect(hits.map(show)).toHaveLength(1);
        expect(severityOf(hits[0])).toBe('error');
        const line = firstLineWith(text, 'host SendHost');
        expect(hits[0].range.start.line + 1).toBe(line);
        expect(text.split('\n')[line - 1].slice(hits[0].range.start.character, hits[0].range.end.character)).toBe('SendHost');
        expect(hits[0].message).toContain('SendHost has no host instance');
        expect(hits[0].message).toContain('send FILE and send SMTP never run');
        expect(hits[0].message).toContain('BTS01 and BTS02'); // suggested computers
    });

    test('a host whose every instance is disabled fires, naming its work', async () => {
        const hits = await findings(variant([['host TrackingHost { tracking  instances on BTS01, BTS02 }', 'host TrackingHost { tracking  instances on BTS01 (disabled), BTS02 (disabled) }']]));
        expect(hits.map(show)).toHaveLength(1);
        expect(hits[0].message).toContain('Every instance of TrackingHost is disabled');
        expect(hits[0].message).toContain('tracking never runs');
    });

    test('does not fire for a host that has at least one enabled instance (HA-HOST-SPOF reports the missing redundancy)', async () => {
        const { diagnostics } = await validate(variant([[send, 'host SendHost { send FILE, SMTP  instances on BTS01 (disabled), BTS02 }']]));
        expect(withCode(diagnostics, ID)).toEqual([]);
        expect(withCode(diagnostics, 'HA-HOST-SPOF')).toHaveLength(1);
    });

    test('does not fire for a host with no work and no instance', async () => {
        expect(await findings(variant([['    nlb WebFarm', '    host Reserved { }\n    nlb WebFarm']]))).toEqual([]);
    });

    test('does not fire for the clean group', async () => {
        expect(await findings(cleanGroup)).toEqual([]);
    });
});
