import * as fs from 'node:fs';
import { test } from 'vitest';
import { readBindings } from '../../importer/bindings.js';
import { readCollector } from '../../importer/collector.js';
import { importTopology } from '../../importer/import.js';
test('scratch', () => {
    const dir = 'test/import/fixtures/';
    const result = importTopology({
        collector: { file: 'contoso-collector.json', data: readCollector('contoso-collector.json', fs.readFileSync(dir + 'contoso-collector.json', 'utf8')) },
        bindings: ['contoso-orders.BindingInfo.xml', 'contoso-finance.BindingInfo.xml'].map(f => ({ file: f, facts: readBindings(f, fs.readFileSync(dir + f, 'utf8')) }))
    });
    fs.writeFileSync('/tmp/scratch/out.bizha', result.text);
});
