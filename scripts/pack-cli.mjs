#!/usr/bin/env node
// The CLI as an npm package: `npm run pack:cli` writes bizha-<version>.tgz, which
// `npm install -g ./bizha-<version>.tgz` installs on a machine with Node 22 and nothing else.
//
//   node scripts/pack-cli.mjs [--out-dir DIR]
// writes DIR/bizha-<version>.tgz, staged in DIR/cli-package (default: the tarball in the
// repository root, the staging folder in out/cli-package).
//
// The repository's package.json is the VS Code extension's manifest and the development
// workspace (private, dev and platform-specific optional dependencies), so the CLI package is
// generated: a staging folder with its own package.json (no dependencies), the
// CLI bundled into one CommonJS file, the preview's browser script (for `bizha report`), the
// rule pages (for SARIF help) and the collector script (for `bizha import`), laid out as in the repository so the same code finds them.
// See docs/packaging.md.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundleOptions, webviewBundleOptions } from '../esbuild-options.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out-dir');
const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : repo);
const staging = path.join(outIndex > 0 ? outDir : path.join(repo, 'out'), 'cli-package');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(staging, { recursive: true });

// esbuild resolves entry points from the working directory.
process.chdir(repo);
const stagedOut = path.join(staging, 'out');
const packaged = { outdir: stagedOut, minify: true, sourcemap: false, logLevel: 'warning' };
await esbuild.build({ ...nodeBundleOptions, ...packaged, entryPoints: { 'cli/main': 'cli/main.ts' }, outExtension: { '.js': '.cjs' } });
await esbuild.build({ ...webviewBundleOptions, ...packaged });

fs.mkdirSync(path.join(staging, 'bin'));
fs.copyFileSync(path.join(repo, 'bin', 'bizha.cjs'), path.join(staging, 'bin', 'bizha.cjs'));
fs.cpSync(path.join(repo, 'docs', 'rules'), path.join(staging, 'docs', 'rules'), { recursive: true });
// `bizha import` reads what this PowerShell script collects on a BizTalk server: it ships with the CLI.
fs.cpSync(path.join(repo, 'collector'), path.join(staging, 'collector'), { recursive: true });
fs.copyFileSync(path.join(repo, 'cli', 'README.md'), path.join(staging, 'README.md'));
fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(staging, 'LICENSE'));

const cliManifest = {
    name: manifest.name,
    version: manifest.version,
    description: 'bizha command line: checks BizTalk Server group topologies (.bizha files) for single points of failure; text, JSON and SARIF output, HTML redundancy reports.',
    license: manifest.license,
    keywords: ['biztalk', 'high availability', 'sarif', 'cli'],
    ...(manifest.repository ? { repository: manifest.repository } : {}),
    bin: { bizha: 'bin/bizha.cjs' },
    engines: { node: '>=22' }
};
fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(cliManifest, null, 2) + '\n');

// The bundle reports its own version: it must be the package's.
const reported = spawnSync(process.execPath, [path.join(staging, 'bin', 'bizha.cjs'), '--version'], { encoding: 'utf8' });
if (reported.stdout.trim() !== manifest.version) {
    console.error(`pack-cli: the CLI says version '${reported.stdout.trim()}' but package.json says ${manifest.version} (cli/main.ts)`);
    process.exit(1);
}

// npm is npm.cmd on Windows, which only a shell starts; under npm, its own CLI script is known.
const npmCli = process.env.npm_execpath;
const pack = npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'pack', staging, '--pack-destination', outDir, '--json'], { encoding: 'utf8' })
    : spawnSync('npm', ['pack', staging, '--pack-destination', outDir, '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
if (pack.status !== 0) {
    console.error(`pack-cli: npm pack failed\n${pack.stderr}`);
    process.exit(1);
}
const [packed] = JSON.parse(pack.stdout);
console.log(`${path.relative(process.cwd(), path.join(outDir, packed.filename)) || packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
