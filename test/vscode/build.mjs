#!/usr/bin/env node
// Bundles the in-host test suite (suite/index.ts + tests, mocha inlined) into
// <repo>/out/test/vscode/index.cjs: CommonJS for VS Code's extensionTestsPath,
// `vscode` left external (the extension host provides it).
//
//   node test/vscode/build.mjs [--outfile PATH]
//
// esbuild is the main project's (resolved from <repo>/node_modules).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const i = process.argv.indexOf('--outfile');
export const defaultOutfile = path.join(repo, 'out', 'test', 'vscode', 'index.cjs');
const outfile = i > 0 ? path.resolve(process.argv[i + 1]) : defaultOutfile;

const result = await esbuild.build({
  entryPoints: [path.join(here, 'suite', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: 'inline',
  sourcesContent: false,
  logLevel: 'warning',
  // mocha's reporter/ui/file loaders keep require(variable) for names it is
  // not given here; the suite only uses built-in ones.
  logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
  // mocha is ESM with require(esm); keep import.meta out of the CJS output.
  // The repository, for tests that read its fixtures (e.g. the import command's inputs).
  define: { 'import.meta.url': 'importMetaUrl', BIZHA_REPOSITORY: JSON.stringify(repo) },
  banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
});
if (result.errors.length) process.exit(1);
console.log(`bizha e2e suite bundled to ${path.relative(process.cwd(), outfile) || outfile}`);
