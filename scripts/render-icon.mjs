#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (256x256, transparent corners), the extension's icon
// in VS Code and the Marketplace. Uses playwright-core with an installed Chromium:
//   node scripts/render-icon.mjs        (BIZHA_CHROMIUM names the browser; default /usr/bin/chromium)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');
const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.BIZHA_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
    const page = await browser.newPage({ viewport: { width: 256, height: 256 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
} finally {
    await browser.close();
}
console.log('wrote media/icon.png');
