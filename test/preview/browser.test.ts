import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateFailures } from '../../language/analysis/simulate.js';
import { panelHtml, reportHtml } from '../../preview/page.js';
import { groupKey, type AnalysisResult, type PreviewGroup } from '../../preview/protocol.js';
import { evil, exampleGroups, hostileGroup, hostileTopology, jsUrl, repoRoot, scriptName, textGroups, webviewBundle } from './preview-fixtures.js';

/**
 * The preview in a real browser: Debian's Chromium driven by playwright-core, headless. The
 * exported report embeds the webview script, so it runs standalone; the panel page runs with a
 * stand-in for VS Code's webview API.
 */

// Debian's Chromium here; elsewhere (CI on Windows or macOS) any Chrome or Chromium named by BIZHA_CHROMIUM.
const chromiumPath = process.env.BIZHA_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
// CI installs Chromium before the tests (.ci/run): there a missing browser is a failure, not a skip.
if (!hasChromium && process.env.CI) throw new Error(`${chromiumPath} not found: CI must install chromium before the tests`);
const resultsFolder = path.join(repoRoot, 'test-results');
const origin = 'http://bizha.test';

// Just the part of playwright-core's API these tests use.
interface Request { url(): string }
interface Route { request(): Request; fulfill(response: { status?: number; body: string; contentType: string }): Promise<void>; abort(): Promise<void> }
interface Page {
    goto(url: string): Promise<unknown>;
    reload(): Promise<unknown>;
    route(url: string, handler: (route: Route) => unknown): Promise<void>;
    on(event: 'request', listener: (request: Request) => void): void;
    on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
    on(event: 'pageerror', listener: (error: Error) => void): void;
    addInitScript(script: string): Promise<void>;
    click(selector: string): Promise<void>;
    focus(selector: string): Promise<void>;
    keyboard: { press(key: string): Promise<void> };
    evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
    waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<unknown>;
    screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}
interface BrowserContext { newPage(): Promise<Page>; close(): Promise<void> }
interface Browser { newContext(options: object): Promise<BrowserContext>; close(): Promise<void> }
interface Playwright { chromium: { launch(options: object): Promise<Browser> } }

function loadPlaywright(): Playwright {
    const require = createRequire(import.meta.url);
    // The devDependency once installed at the root; meanwhile the VS Code harness's copy.
    for (const id of ['playwright-core', path.join(repoRoot, 'test', 'vscode', 'node_modules', 'playwright-core')]) {
        try {
            return require(id) as Playwright;
        } catch {
            // try the next
        }
    }
    throw new Error('playwright-core is not installed: add the devDependency playwright-core (npm install --save-dev playwright-core@1.65.1)');
}

interface Opened {
    readonly page: Page;
    /** Every request other than the page itself (and its script, for the panel). */
    readonly requests: string[];
    readonly errors: string[];
    close(): Promise<void>;
}

const title = `preview in a real browser${hasChromium ? '' : ` — skipped: ${chromiumPath} not found (apt-get install chromium)`}`;

describe.skipIf(!hasChromium)(title, { timeout: 120_000 }, () => {
    let browser: Browser;
    let script: string;

    beforeAll(async () => {
        browser = await loadPlaywright().chromium.launch({
            executablePath: chromiumPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']
        });
        script = await webviewBundle();
        fs.mkdirSync(resultsFolder, { recursive: true });
    }, 60_000);

    afterAll(async () => {
        await browser?.close();
    });

    async function open(files: Record<string, { body: string; contentType: string }>, entry: string, options: { colorScheme?: 'light' | 'dark'; forcedColors?: 'active'; height?: number; width?: number; init?: string } = {}): Promise<Opened> {
        const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', forcedColors: options.forcedColors ?? 'none', viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', request => {
            if (!(request.url() in files)) requests.push(request.url());
        });
        page.on('console', message => {
            if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', error => errors.push(error.message));
        await page.route('**', route => {
            const file = files[route.request().url()];
            return file ? route.fulfill({ status: 200, ...file }) : route.abort();
        });
        if (options.init) await page.addInitScript(options.init);
        await page.goto(entry);
        return { page, requests, errors, close: () => context.close() };
    }

    async function openReport(groups: PreviewGroup[], options: { colorScheme?: 'light' | 'dark'; forcedColors?: 'active'; save?: string; width?: number; height?: number } = {}): Promise<Opened> {
        const fileLabels: Record<string, string> = {};
        for (const group of groups) fileLabels[group.source.uri] = path.relative(repoRoot, new URL(group.source.uri).pathname) || group.source.uri;
        const html = reportHtml({ groups, failed: {}, fileLabels, title: 'Redundancy report', generated: 'Generated by the browser test.', script });
        if (options.save) fs.writeFileSync(path.join(resultsFolder, options.save), html);
        const url = `${origin}/report.html`;
        const opened = await open({ [url]: { body: html, contentType: 'text/html; charset=utf-8' } }, url, options);
        await opened.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
        return opened;
    }

    const states = (page: Page) => page.evaluate(() =>
        Object.fromEntries(Array.from(document.querySelectorAll<HTMLElement>('tr.fn')).map(row => [row.dataset.fn!, row.dataset.state!])));
    const stateTexts = (page: Page, kind: string) => page.evaluate(k =>
        Array.from(document.querySelectorAll<HTMLElement>(`tr.fn[data-kind="${k}"] .state-text`)).map(e => e.textContent), kind);
    const summary = (page: Page) => page.evaluate(() => document.querySelector('[data-summary]')!.textContent.trim());
    const pressed = (page: Page, id: string) => page.evaluate(c => document.querySelector(`button[data-component="${c}"]`)!.getAttribute('aria-pressed'), id);

    it('shows the matrix of small-ha: computers by tier, functions by kind', async () => {
        const { groups } = await exampleGroups('small-ha');
        const { page, requests, errors, close } = await openReport(groups, { save: 'preview-small-ha.html' });
        try {
            const layout = await page.evaluate(() => ({
                tiers: Array.from(document.querySelectorAll('th.tier')).map(th => [th.textContent, th.getAttribute('colspan')]),
                computers: Array.from(document.querySelectorAll('.component-row .component-name')).map(e => e.textContent),
                kinds: Array.from(document.querySelectorAll('.kind-row th')).map(th => th.textContent),
                rows: document.querySelectorAll('tr.fn').length,
                processingCells: Array.from(document.querySelectorAll('tr[data-fn="processing:ProcessingHost"] td[data-col]')).map(td => td.textContent)
            }));
            expect(layout.tiers).toEqual([['BizTalk Server', '2'], ['SQL Server', '3']]);
            expect(layout.computers).toEqual(['BTS01', 'BTS02', 'SQL01', 'SQL02', 'DRSQL01']);
            expect(layout.kinds).toEqual(['Receive (3)', 'Processing (1)', 'Send (4)', 'Tracking (1)', 'Databases (5)', 'Master secret server (1)', 'Load-balanced entry points (1)']);
            expect(layout.rows).toBe(16);
            expect(layout.processingCells).toEqual(['active', 'active', '', '', '']);
            expect(Object.values(await states(page)).every(state => state === 'up')).toBe(true);
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('fails BTS01 (processing degraded), then BTS02 (processing down), then resets', async () => {
        const { groups } = await exampleGroups('small-ha');
        const group = groups[0];
        const { page, requests, errors, close } = await openReport(groups);
        try {
            await page.click('button[data-component="computer:BTS01"]');
            expect(await stateTexts(page, 'processing')).toEqual(['degraded']);
            expect(await pressed(page, 'computer:BTS01')).toBe('true');
            expect(await states(page)).toEqual(simulateFailures(group, ['computer:BTS01']).states);
            expect(await summary(page)).toContain('When BTS01 fails, nothing stops; 10 functions lose redundancy.');

            await page.click('button[data-component="computer:BTS02"]');
            expect(await stateTexts(page, 'processing')).toEqual(['down']);
            expect(await stateTexts(page, 'database')).toEqual(['up', 'up', 'up', 'up', 'up']);
            expect(await states(page)).toEqual(simulateFailures(group, ['computer:BTS01', 'computer:BTS02']).states);
            expect(await summary(page)).toMatch(/^When BTS01, BTS02 fail, 10 functions stop: /);

            await page.click('button[data-action="reset"]');
            expect(Object.values(await states(page)).every(state => state === 'up')).toBe(true);
            expect(await pressed(page, 'computer:BTS01')).toBe('false');
            expect(await summary(page)).toContain('No failure simulated.');
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('fails the worst single failure of two-computer-not-ha: SQL01 stops everything', async () => {
        const { groups } = await exampleGroups('two-computer-not-ha');
        const { page, errors, close } = await openReport(groups);
        try {
            await page.click('button[data-action="worst"]');
            expect(await pressed(page, 'computer:SQL01')).toBe('true');
            expect(Object.values(await states(page)).every(state => state === 'down')).toBe(true);
            expect(await summary(page)).toMatch(/^When SQL01 fails, 14 functions stop: /);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('works from the keyboard: Tab to a header, Enter, arrows, Space; focus is visible', async () => {
        const { groups } = await exampleGroups('small-ha');
        const { page, errors, close } = await openReport(groups);
        try {
            const focused = () => page.evaluate(() => {
                const element = document.activeElement as HTMLElement | null;
                return { component: element?.dataset.component, fn: element?.dataset.fn, y: element?.dataset.y, outline: element ? getComputedStyle(element).outlineStyle : 'none' };
            });
            let tabs = 0;
            while ((await focused()).component !== 'computer:BTS01' && tabs < 20) {
                await page.keyboard.press('Tab');
                tabs++;
            }
            expect((await focused()).component).toBe('computer:BTS01');
            expect((await focused()).outline).not.toBe('none');
            await page.keyboard.press('Enter');
            expect(await pressed(page, 'computer:BTS01')).toBe('true');
            expect(await stateTexts(page, 'processing')).toEqual(['degraded']);

            await page.keyboard.press('ArrowRight');
            expect((await focused()).component).toBe('computer:BTS02');
            await page.keyboard.press(' ');
            expect(await stateTexts(page, 'processing')).toEqual(['down']);

            // Down into the matrix body: the first row, same column; then to its row label.
            await page.keyboard.press('ArrowDown');
            expect(await focused()).toMatchObject({ fn: 'receive:ReceiveHost:FILE', y: '1' });
            await page.keyboard.press('Home');
            await page.keyboard.press('Enter');
            expect(await page.evaluate(() => document.getElementById('bizha-status')!.textContent)).toMatch(/receive FILE on ReceiveHost: examples\/small-ha\/topology\.bizha, line \d+/);

            // The matrix is one tab stop: Tab leaves it.
            await page.keyboard.press('Tab');
            expect(await page.evaluate(() => !!document.activeElement?.closest('.matrix'))).toBe(false);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('runs nothing from hostile names and sends no request', async () => {
        const group = hostileGroup();
        const real = await textGroups(hostileTopology);
        const { page, requests, errors, close } = await openReport([group, ...real.groups], { save: 'preview-hostile.html' });
        try {
            const buttons = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('button:not([disabled])')).map(b => b.dataset.component ?? b.dataset.action ?? ''));
            for (let i = 0; i < buttons.length; i++) await page.evaluate(index => document.querySelectorAll<HTMLElement>('button:not([disabled])')[index]?.click(), i);
            await page.click('button[data-action="worst"] >> nth=0');
            const dom = await page.evaluate(() => ({
                pwned: (window as unknown as { __pwned?: unknown }).__pwned,
                images: document.querySelectorAll('img').length,
                scripts: document.querySelectorAll('script').length,
                handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name) || /^(href|src)$/i.test(a.name))).length,
                text: document.body.innerText
            }));
            expect(dom.pwned).toBeUndefined();
            expect(dom.images).toBe(0);
            expect(dom.scripts).toBe(2);
            expect(await page.evaluate(() => document.querySelector<HTMLElement>('[data-rule="HA-FILE-SHARE"]')!.title)).toContain(evil);
            expect(dom.handlers).toBe(0);
            expect(dom.text).toContain(evil);
            expect(dom.text).toContain(jsUrl);
            expect(dom.text).toContain(scriptName);
            expect(dom.text).toContain('BTS<U+202E>gnp.exe<U+202C>01');
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('updates large-ha on a click within a frame', async () => {
        const { groups } = await exampleGroups('large-ha');
        const { page, errors, close } = await openReport(groups);
        try {
            const timings = await page.evaluate(() => {
                const button = document.querySelector<HTMLButtonElement>('button[data-component="computer:BTS01"]')!;
                const runs: number[] = [];
                for (let i = 0; i < 20; i++) {
                    const start = performance.now();
                    button.click();
                    runs.push(performance.now() - start);
                }
                return runs.sort((a, b) => a - b);
            });
            const median = timings[Math.floor(timings.length / 2)];
            console.log(`large-ha in Chromium: a click re-simulates and updates the matrix in ${median.toFixed(2)} ms (median of 20)`);
            expect(median).toBeLessThan(100);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    /** Where an element's box leaves the page or the cell it is in: what a reader could not see without scrolling. */
    const clipped = (page: Page) => page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const problems: string[] = [];
        const describe = (e: Element) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
        for (const cell of Array.from(document.querySelectorAll('.matrix th, .matrix td'))) {
            const box = cell.getBoundingClientRect();
            if (box.width === 0) continue;
            if (box.left < -0.5 || box.right > width + 0.5) problems.push(`${describe(cell)} spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
            for (const part of Array.from(cell.querySelectorAll('.rule, .badge, .role, .component-name, .state, .fn-mechanism, .fn-label > bdi'))) {
                const inner = part.getBoundingClientRect();
                if (inner.left < box.left - 1 || inner.right > box.right + 1) problems.push(`${describe(part)} sticks out of ${describe(cell)}`);
            }
        }
        if (document.documentElement.scrollWidth > width) {
            const widest = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > width + 0.5).slice(0, 3);
            problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width} (${widest.map(describe).join(', ')})`);
        }
        return problems;
    });

    it('fits a side panel: no column clipped at 600, 900 and 1400 px, the summary as text above the matrix', async () => {
        for (const example of ['small-ha', 'two-computer-not-ha', 'availability-group']) {
            const { groups } = await exampleGroups(example);
            for (const width of [600, 900, 1400]) {
                const { page, errors, close } = await openReport(groups, { width, height: 1000 });
                try {
                    if (example !== 'availability-group') await page.click('button[data-component="computer:BTS01"]');
                    expect(await clipped(page), `${example} at ${width} px`).toEqual([]);
                    // The sticky first column: the row labels stay at the left edge.
                    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.fn-head')!).position)).toBe('sticky');
                    // The summary is a paragraph above the matrix, its sentence not split into columns.
                    const summary = await page.evaluate(() => {
                        const element = document.querySelector('[data-summary]')!;
                        const sentence = element.querySelector(':scope > span')!;
                        return { display: getComputedStyle(element).display, above: element.getBoundingClientRect().bottom <= document.querySelector('.matrix')!.getBoundingClientRect().top, lines: Math.round(sentence.getBoundingClientRect().height / parseFloat(getComputedStyle(sentence).lineHeight)) };
                    });
                    expect(summary.display).toBe('block');
                    expect(summary.above).toBe(true);
                    expect(summary.lines, `${example} at ${width} px`).toBeLessThanOrEqual(width < 800 ? 8 : 4);
                    if (example === 'small-ha') {
                        const file = path.join(resultsFolder, `preview-${width}.png`);
                        await page.screenshot({ path: file, fullPage: true });
                        if (process.env.BIZHA_UPDATE_README_IMAGE === '1') fs.copyFileSync(file, path.join(repoRoot, 'docs', 'images', `preview-${width}.png`));
                    }
                    expect(errors).toEqual([]);
                } finally {
                    await close();
                }
            }
        }
    });

    it('takes screenshots in the light and dark themes', async () => {
        const { groups } = await exampleGroups('small-ha');
        for (const colorScheme of ['light', 'dark'] as const) {
            const { page, errors, close } = await openReport(groups, { colorScheme });
            try {
                await page.click('button[data-component="computer:BTS01"]');
                const file = path.join(resultsFolder, `preview-${colorScheme}.png`);
                await page.screenshot({ path: file, fullPage: true });
                expect(fs.statSync(file).size).toBeGreaterThan(10_000);
                // Refreshing the README's picture is a deliberate act, not a side effect of every test run.
                if (colorScheme === 'light' && process.env.BIZHA_UPDATE_README_IMAGE === '1') {
                    fs.mkdirSync(path.join(repoRoot, 'docs', 'images'), { recursive: true });
                    fs.copyFileSync(file, path.join(repoRoot, 'docs', 'images', 'preview.png'));
                }
                const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
                expect(background).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    });

    it('runs as the VS Code panel: data by message, reveal, cursor highlight, state kept across updates and reloads', async () => {
        const { uri, groups } = await exampleGroups('small-ha');
        const data: AnalysisResult = { uri, version: 1, groups };
        const page1 = `${origin}/panel.html`;
        const files = {
            [page1]: { body: panelHtml({ cspSource: origin, nonce: 'testnonce', scriptUri: `${origin}/webview.js` }), contentType: 'text/html; charset=utf-8' },
            [`${origin}/webview.js`]: { body: script, contentType: 'text/javascript' }
        };
        // A stand-in for VS Code's webview API; its state survives reloads like VS Code's does.
        const init = `
            window.__posted = [];
            window.acquireVsCodeApi = () => ({
                postMessage: message => window.__posted.push(message),
                getState: () => JSON.parse(sessionStorage.getItem('state') || 'null') || undefined,
                setState: state => sessionStorage.setItem('state', JSON.stringify(state))
            });`;
        const { page, requests, errors, close } = await open(files, page1, { height: 420, init });
        const posted = () => page.evaluate(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted);
        const send = (message: unknown) => page.evaluate(m => window.postMessage(m, '*'), message);
        try {
            await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
            await send({ type: 'update', data, fileName: 'examples/small-ha/topology.bizha' });
            expect(await page.evaluate(() => document.getElementById('bizha-file')!.textContent)).toBe('examples/small-ha/topology.bizha');
            expect(await page.evaluate(() => document.querySelectorAll('tr.fn').length)).toBe(16);

            await page.click('button[data-component="computer:BTS01"]');
            expect(await stateTexts(page, 'processing')).toEqual(['degraded']);
            await page.click('tr[data-fn="processing:ProcessingHost"] .fn-label');
            const processing = groups[0].functions.find(f => f.id === 'processing:ProcessingHost')!;
            expect((await posted()).at(-1)).toEqual({ type: 'reveal', source: processing.source });
            await page.click('tr[data-fn="processing:ProcessingHost"] td.status .badge');
            expect((await posted()).at(-1)).toEqual({ type: 'reveal', source: processing.source });

            // The editor's cursor on `instances on BTS01` of ProcessingHost (found by content: the example's lines move).
            const lines = fs.readFileSync(path.join(repoRoot, 'examples/small-ha/topology.bizha'), 'utf8').split('\n');
            const line = lines.findIndex((text, i) => i > lines.findIndex(l => l.includes('host ProcessingHost')) && text.includes('instances on BTS01'));
            await send({ type: 'highlight', uri, position: { line, character: lines[line].indexOf('BTS01') + 1 }, word: 'BTS01' });
            // postMessage is delivered asynchronously: on a busy machine the query could run first.
            await page.waitForFunction(() => document.querySelector('tr.cursor') !== null);
            expect(await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('tr.cursor')).map(r => r.dataset.fn))).toEqual(['processing:ProcessingHost']);
            expect(await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('th.cursor-col')).map(r => r.dataset.col))).toEqual(['computer:BTS01']);

            // New data while typing: same DOM place, failed set, focus and scroll kept.
            await page.focus('button[data-component="computer:BTS02"]');
            await page.evaluate(() => window.scrollTo(0, 200));
            await send({ type: 'update', data: { ...data, version: 2 }, fileName: 'examples/small-ha/topology.bizha' });
            expect(await stateTexts(page, 'processing')).toEqual(['degraded']);
            expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.component)).toBe('computer:BTS02');
            expect(await page.evaluate(() => window.scrollY)).toBe(200);
            expect(await page.evaluate(() => document.querySelectorAll('tr.cursor').length)).toBe(1);

            // Export: the webview draws the diagrams (the extension host has no layout engine) and sends them along.
            await page.click('button[data-action="export"]');
            await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.at(-1)?.type === 'export', undefined, { timeout: 60_000 });
            const exported = (await posted()).at(-1) as unknown as { type: string; failed: unknown; diagrams: { page: Record<string, string>; standalone: Record<string, string> } };
            expect(exported.failed).toEqual({ [groupKey(groups[0])]: ['computer:BTS01'] });
            expect(exported.diagrams.page[groupKey(groups[0])]).toContain('BTS01');
            expect(exported.diagrams.page[groupKey(groups[0])]).toContain('✕ failed');
            expect(exported.diagrams.standalone[groupKey(groups[0])]).toContain('<style>');

            // A window reload: the webview comes back with its state (the serializer's job in VS Code).
            await page.reload();
            await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
            await send({ type: 'update', data, fileName: 'examples/small-ha/topology.bizha' });
            expect(await pressed(page, 'computer:BTS01')).toBe('true');
            expect(await stateTexts(page, 'processing')).toEqual(['degraded']);
            expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('state')!).uri)).toBe(uri);
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });
    // ---- the topology diagram ------------------------------------------------------------------

    /** Switches a page to the Diagram view and waits until ELK has laid it out and it is drawn. */
    async function showDiagram(page: Page): Promise<void> {
        const drawn = await page.evaluate(() => Number(document.documentElement.dataset.diagrams ?? 0));
        await page.click('.view-tab[data-view="diagram"]');
        await page.waitForFunction(n => Number(document.documentElement.dataset.diagrams ?? 0) > n, drawn, { timeout: 60_000 });
    }
    const diagramText = (page: Page) => page.evaluate(() => document.querySelector('.view-diagram:not([hidden]) svg')!.textContent.replace(/\s+/g, ' '));
    const diagramBoxes = (page: Page, kind: string) => page.evaluate(k => Array.from(document.querySelectorAll(`.view-diagram:not([hidden]) .dg-${k} > .dg-title`)).map(e => e.textContent), kind);
    const waitForDiagram = (page: Page, text: string) => page.waitForFunction(t => document.querySelector('.view-diagram:not([hidden]) svg')?.textContent?.includes(t), text, { timeout: 30_000 });

    it('draws the topology diagram: every computer, cluster and instance, laid out by ELK under the CSP', async () => {
        const { groups } = await exampleGroups('small-ha');
        const { page, requests, errors, close } = await openReport(groups);
        try {
            // The report opens on the matrix; the diagram is one tab away.
            expect(await page.evaluate(() => document.querySelector<HTMLElement>('.view-diagram')!.hidden)).toBe(true);
            await showDiagram(page);
            expect(await page.evaluate(() => document.querySelector<HTMLElement>('.view-matrix')!.hidden)).toBe(true);
            expect(await page.evaluate(() => document.querySelector('.view-tab[data-view="diagram"]')!.getAttribute('aria-selected'))).toBe('true');
            expect((await diagramBoxes(page, 'computer')).sort()).toEqual(['BTS01', 'BTS02', 'DRSQL01', 'SQL01', 'SQL02']);
            expect(await diagramBoxes(page, 'cluster')).toEqual(['SQLCL01']);
            expect(await diagramBoxes(page, 'load-balancer')).toEqual(['WebFarm']);
            const text = await diagramText(page);
            for (const part of ['host ReceiveHost', 'host ProcessingHost', 'host SendHost', 'host TrackingHost', 'host WebReceiveHost', 'SQL BTSSQL, failover cluster instance', 'SQL DRSQL', 'master secret server (clustered)']) expect(text).toContain(part);
            // Every box inside the drawing, none on top of another in the same container.
            const overlaps = await page.evaluate(() => {
                const boxes = Array.from(document.querySelectorAll('.dg-computer > .dg-frame')).map(r => r.getBoundingClientRect());
                return boxes.filter((a, i) => boxes.some((b, j) => j !== i && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)).length;
            });
            expect(overlaps).toBe(0);
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('fails a computer from the diagram: both views mark what stops, in words; the keyboard does the same', async () => {
        const { groups } = await exampleGroups('small-ha');
        const { page, errors, close } = await openReport(groups);
        try {
            await showDiagram(page);
            await page.click('.view-diagram [data-component="computer:SQL01"]');
            await waitForDiagram(page, 'SQL01✕ failed');
            await page.click('.view-diagram [data-component="computer:SQL02"]');
            await waitForDiagram(page, 'SQL02✕ failed');
            const text = await diagramText(page);
            expect(text).toContain('✕ stopped: SQL BTSSQL, failover cluster instance');
            expect(text).toContain('✕ stopped: host ReceiveHost');
            expect(text).not.toContain('✕ stopped: SQL DRSQL');
            expect(await page.evaluate(() => document.querySelector('.view-diagram [data-component="computer:SQL01"]')!.getAttribute('aria-pressed'))).toBe('true');
            expect(await summary(page)).toMatch(/^When SQL01, SQL02 fail, 1[0-9] functions stop/);
            // The matrix agrees.
            await page.click('.view-tab[data-view="matrix"]');
            expect(await pressed(page, 'computer:SQL01')).toBe('true');
            expect(await stateTexts(page, 'database')).toEqual(['down', 'down', 'down', 'down', 'down']);
            // Keyboard: the diagram is one tab stop; arrows move, Enter fails.
            await page.click('button[data-action="reset"]');
            await showDiagram(page);
            // The last computer used keeps the tab stop (SQL02); Home goes to the first.
            await page.focus('.view-diagram [data-dg-item][tabindex="0"]');
            expect(await page.evaluate(() => (document.activeElement as SVGElement).dataset.component)).toBe('computer:SQL02');
            await page.keyboard.press('Home');
            expect(await page.evaluate(() => (document.activeElement as SVGElement).dataset.component)).toBe('computer:BTS01');
            await page.keyboard.press('ArrowRight');
            expect(await page.evaluate(() => (document.activeElement as SVGElement).dataset.component)).toBe('computer:BTS02');
            await page.keyboard.press('Enter');
            await waitForDiagram(page, 'BTS02✕ failed');
            expect(await page.evaluate(() => (document.activeElement as SVGElement).dataset.component)).toBe('computer:BTS02');
            expect(await page.evaluate(() => document.activeElement!.getAttribute('aria-label'))).toBe('BTS02, BizTalk computer, failed; press to bring it back.');
            expect(await pressed(page, 'computer:BTS02')).toBe('true');
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('keeps hostile names inert in the diagram', async () => {
        const group = hostileGroup();
        const { page, requests, errors, close } = await openReport([group]);
        try {
            await showDiagram(page);
            await page.click(`.view-diagram [data-component="computer:${jsUrl}"]`);
            await waitForDiagram(page, '✕ failed');
            const result = await page.evaluate(() => ({
                pwned: (window as unknown as { __pwned?: unknown }).__pwned,
                scripts: document.querySelectorAll('.diagram script, .diagram img, .diagram foreignObject, .diagram a').length,
                handlers: Array.from(document.querySelectorAll('.diagram *')).filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name) || /^(href|src|style)$/i.test(a.name))).length
            }));
            expect(result).toEqual({ pwned: undefined, scripts: 0, handlers: 0 });
            expect(await diagramText(page)).toContain('javascript:alert(1)');
            expect(requests).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it('takes screenshots of the diagram in the light, dark and high-contrast themes', async () => {
        const { groups } = await exampleGroups('small-ha');
        const themes: Array<[string, { colorScheme: 'light' | 'dark'; forcedColors?: 'active' }]> = [
            ['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['high-contrast', { colorScheme: 'dark', forcedColors: 'active' }]
        ];
        for (const [theme, options] of themes) {
            const { page, errors, close } = await openReport(groups, { ...options, width: 620, height: 1000 });
            try {
                await showDiagram(page);
                await page.click('.view-diagram [data-component="computer:BTS01"]');
                await waitForDiagram(page, 'BTS01✕ failed');
                const file = path.join(resultsFolder, `diagram-${theme}.png`);
                await page.screenshot({ path: file, fullPage: true });
                expect(fs.statSync(file).size).toBeGreaterThan(10_000);
                if (process.env.BIZHA_UPDATE_README_IMAGE === '1') fs.copyFileSync(file, path.join(repoRoot, 'docs', 'images', `diagram-${theme}.png`));
                // The failed computer says so in text, in the theme's error colour (not the text colour).
                const colours = await page.evaluate(() => ({
                    failed: getComputedStyle(document.querySelector('[data-component="computer:BTS01"] .dg-status')!).fill,
                    text: getComputedStyle(document.querySelector('[data-component="computer:BTS02"] .dg-title')!).fill
                }));
                if (!options.forcedColors) expect(colours.failed).not.toBe(colours.text);
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    });

    it('shows the diagram in the VS Code panel, with the view kept across reloads', async () => {
        const { uri, groups } = await exampleGroups('availability-group');
        const data: AnalysisResult = { uri, version: 1, groups };
        const page1 = `${origin}/panel.html`;
        const files = {
            [page1]: { body: panelHtml({ cspSource: origin, nonce: 'testnonce', scriptUri: `${origin}/webview.js` }), contentType: 'text/html; charset=utf-8' },
            [`${origin}/webview.js`]: { body: script, contentType: 'text/javascript' }
        };
        const init = `
            window.__posted = [];
            window.acquireVsCodeApi = () => ({
                postMessage: message => window.__posted.push(message),
                getState: () => JSON.parse(sessionStorage.getItem('state') || 'null') || undefined,
                setState: state => sessionStorage.setItem('state', JSON.stringify(state))
            });`;
        const { page, errors, close } = await open(files, page1, { init });
        const send = (message: unknown) => page.evaluate(m => window.postMessage(m, '*'), message);
        try {
            await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
            await send({ type: 'update', data, fileName: 'availability-group/topology.bizha' });
            await page.waitForFunction(() => document.querySelectorAll('tr.fn').length > 0);
            await showDiagram(page);
            expect(await diagramBoxes(page, 'availability-group')).toEqual(['BTSAG']);
            expect(await diagramText(page)).toContain('replica SQLA (synchronous)');
            await page.reload();
            await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
            await send({ type: 'update', data, fileName: 'availability-group/topology.bizha' });
            await page.waitForFunction(() => document.querySelector('.view-diagram:not([hidden]) svg') !== null, undefined, { timeout: 60_000 });
            expect(await diagramBoxes(page, 'availability-group')).toEqual(['BTSAG']);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });
});
