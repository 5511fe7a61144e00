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
