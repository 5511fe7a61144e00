// Fails when a generated file is not current: the Langium parser and AST (language/generated),
// the TextMate grammar (syntaxes/), the README rules table and the bizha.json schema's rule ids.
// Usage: node scripts/check-generated.mjs   (after `npm run build`: the rule list comes from out/cli)
// It regenerates the Langium files in place, so a stale tree is left updated as well as reported.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

// langium-cli exports no path to its bin script; it is installed at the top of node_modules.
const langium = path.join('node_modules', 'langium-cli', 'bin', 'langium.js');
execFileSync(process.execPath, [langium, 'generate'], { stdio: ['ignore', 'ignore', 'inherit'] });
try {
    execFileSync('git', ['diff', '--exit-code', '--stat', '--', 'language/generated', 'syntaxes'], { stdio: 'inherit' });
} catch {
    console.error('language/generated or syntaxes/ were not current with language/bizha.langium: commit the regenerated files.');
    process.exit(1);
}
execFileSync(process.execPath, ['scripts/rules-table.mjs', '--check'], { stdio: 'inherit' });
