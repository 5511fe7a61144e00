import { describe, expect, test } from 'vitest';
import { cleanGroup } from '../fixtures.js';
import { validate } from '../helpers.js';
import { readExample } from './editing.js';

/** Messages show paths as the administrator means them, not as escaped source text. */
describe('UNC paths in messages', () => {
    const examples = ['two-computer-not-ha/topology.bizha', 'small-ha/topology.bizha', 'multi-file/group.bizha'];

    test('no message of the examples shows an escaped backslash', async () => {
        for (const example of examples) {
            const { diagnostics } = await validate(readExample(example));
            for (const diagnostic of diagnostics) expect(diagnostic.message, `${example}: ${diagnostic.code}`).not.toMatch(/\\\\\\\\|"\\\\/);
        }
    });

    test('the suggested backup shares read \\\\server\\share', async () => {
        const { diagnostics } = await validate(readExample('two-computer-not-ha/topology.bizha'));
        const message = (code: string) => diagnostics.find(d => d.code === code)!.message;
        expect(message('HA-SSO-BACKUP')).toContain(String.raw`a share such as \\server\share`);
        expect(message('HA-DR-BACKUPJOB')).toContain(String.raw`a share such as \\server\BizTalkBackup`);
    });

    test('a path from the file is shown unescaped and unquoted', async () => {
        const local = await validate(cleanGroup.replace(/receive FILE \(path "[^"]*"\)/, String.raw`receive FILE (path "D:\\Inbound")`));
        const hit = local.diagnostics.find(d => d.code === 'HA-FILE-SHARE');
        expect(hit?.message).toContain(String.raw`the local path D:\Inbound on`);
        const share = await validate(cleanGroup.replace('computer BTS01, BTS02', 'computer BTS01, BTS02, FS01').replace(/receive FILE \(path "[^"]*"\)/, String.raw`receive FILE (path "\\\\FS01\\in")`));
        expect(share.diagnostics.find(d => d.code === 'HA-FILE-SERVER-SPOF')?.message).toContain(String.raw`reads \\FS01\in, a share`);
        const backup = await validate(cleanGroup.replace(/destination "[^"]*"/, String.raw`destination "D:\\Backup"`));
        expect(backup.diagnostics.find(d => d.code === 'HA-DR-BACKUP-LOCATION')?.message).toContain(String.raw`writes to D:\Backup, a drive`);
    });
});
