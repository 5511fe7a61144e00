// Bundles the extension client, the language server and the CLI as CommonJS for Node 22.
import * as esbuild from 'esbuild';
import { nodeBundleOptions, webviewBundleOptions } from './esbuild-options.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const context = await esbuild.context({
    entryPoints: {
        'client/extension': 'client/extension.ts',
        'server/main': 'server/main.ts',
        'cli/main': 'cli/main.ts'
    },
    ...nodeBundleOptions,
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    sourcemap: !minify,
    minify,
    logLevel: 'warning'
});

// The redundancy preview's webview script runs in the browser: a separate IIFE bundle.
const webview = await esbuild.context({
    ...webviewBundleOptions,
    outdir: 'out',
    sourcemap: !minify,
    minify,
    logLevel: 'warning'
});

if (watch) {
    await context.watch();
    await webview.watch();
} else {
    await context.rebuild();
    await context.dispose();
    await webview.rebuild();
    await webview.dispose();
}
