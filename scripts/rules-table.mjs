// Regenerates what is derived from the rule registry: the rules table of README.md (between the
// marker comments) and the rule ids of schemas/bizha.schema.json (completion and checks of bizha.json).
// Usage: node scripts/rules-table.mjs [--check]   (--check fails when either is out of date)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const cli = (...args) => execFileSync(process.execPath, ['out/cli/main.cjs', 'rules', ...args], { encoding: 'utf8' });

const table = cli('--format', 'markdown').trim();
const readme = fs.readFileSync('README.md', 'utf8');
const start = '<!-- rules-table:start -->';
const end = '<!-- rules-table:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < 0) throw new Error('README.md has no rules-table markers');
const updatedReadme = `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;

const schemaFile = 'schemas/bizha.schema.json';
const schemaText = fs.readFileSync(schemaFile, 'utf8');
const schema = JSON.parse(schemaText);
schema.properties.rules.properties = Object.fromEntries(JSON.parse(cli('--format', 'json')).map(rule => [rule.id, {
    $ref: '#/definitions/severity',
    description: `${rule.summary.replace(/\.?$/, '.')} Default severity: ${rule.defaultSeverity}.`
}]));
const updatedSchema = JSON.stringify(schema, null, 2) + '\n';

const outdated = [['README.md', readme, updatedReadme], [schemaFile, schemaText, updatedSchema]].filter(([, old, updated]) => old !== updated);
if (process.argv.includes('--check')) {
    if (outdated.length > 0) {
        console.error(`${outdated.map(([file]) => file).join(' and ')} out of date with the rule registry: run \`npm run build && npm run docs:rules-table\`.`);
        process.exit(1);
    }
} else {
    for (const [file, , updated] of outdated) fs.writeFileSync(file, updated);
}
