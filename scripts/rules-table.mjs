// Regenerates the rules table of README.md from the rule registry (between the marker comments).
// Usage: node scripts/rules-table.mjs [--check]   (--check fails when README.md is out of date)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const table = execFileSync(process.execPath, ['out/cli/main.cjs', 'rules', '--format', 'markdown'], { encoding: 'utf8' }).trim();
const readme = fs.readFileSync('README.md', 'utf8');
const start = '<!-- rules-table:start -->';
const end = '<!-- rules-table:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < 0) throw new Error('README.md has no rules-table markers');
const updated = `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
if (process.argv.includes('--check')) {
    if (updated !== readme) {
        console.error('README.md rules table is out of date: run `npm run docs:rules-table`.');
        process.exit(1);
    }
} else {
    fs.writeFileSync('README.md', updated);
}
