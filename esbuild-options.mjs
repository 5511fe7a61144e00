// The esbuild options of every Node bundle of bizha's sources: the extension, the language
// server and the CLI (esbuild.mjs), and the bundles the tests, the fuzzer and the benchmark make.

/** @type {import('esbuild').BuildOptions} */
export const nodeBundleOptions = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['vscode'],
    // jsonc-parser's main entry is a UMD module whose requires esbuild cannot follow; its ES module
    // build bundles cleanly (Node itself, e.g. under vitest, loads the UMD one).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }
};

/**
 * The redundancy preview's webview script runs in the browser: an IIFE bundle (esbuild.mjs, and
 * the CLI package, whose `bizha report` embeds it).
 * @type {import('esbuild').BuildOptions}
 */
export const webviewBundleOptions = {
    entryPoints: { 'preview/webview': 'preview/webview.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120']
};
