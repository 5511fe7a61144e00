import { describe as suite, expect, test } from 'vitest';
import { cleanGroup } from '../fixtures.js';
import { describe, validate } from '../helpers.js';

suite('the clean fixture', () => {
    test('parses and gets no diagnostic at all', async () => {
        const { document, diagnostics } = await validate(cleanGroup);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.map(describe)).toEqual([]);
    });
});

suite('very large files', () => {
    test('get a clear notice instead of the analysis', async () => {
        const services = (await import('../helpers.js')).createTestServices();
        services.validation.RuleSettings.maxFileSizeKB = 1;
        const { diagnostics } = await validate(cleanGroup + '\n'.repeat(2048), services);
        expect(diagnostics.map(d => d.code)).toEqual(['bizha-large-file']);
        expect(diagnostics[0].message).toContain('bizha.maxFileSizeKB');
    });
});
