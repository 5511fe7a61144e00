import { describe, expect, test } from 'vitest';
import { cleanGroup, lineOf, startLine, variant } from '../fixtures.js';
import { severityOf, validate, withCode } from '../helpers.js';

const ID = 'HA-DR-BACKUPJOB';

const backupJob = String.raw`    backup-job {
        destination "\\\\fs01\\btsbackup"
        log-shipping to DRSQL
    }
`;

describe(ID, () => {
    test('fires on the group name when the group has no Backup BizTalk Server job', async () => {
        const text = variant([[backupJob, '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, 'group Prod'));
        expect(found[0].message).toContain('Prod');
        expect(found[0].message).toContain('Backup BizTalk Server job');
    });

    test('fires on a backup-job without a destination', async () => {
        const text = variant([[String.raw`        destination "\\\\fs01\\btsbackup"
`, '']]);
        const found = withCode((await validate(text)).diagnostics, ID);
        expect(found).toHaveLength(1);
        expect(severityOf(found[0])).toBe('warning');
        expect(startLine(found[0])).toBe(lineOf(text, 'backup-job {'));
        expect(found[0].message).toContain('destination');
    });

    test('does not fire on a backup-job with a destination', async () => {
        expect(withCode((await validate(cleanGroup)).diagnostics, ID)).toEqual([]);
    });
});
