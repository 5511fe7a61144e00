import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The .vsix as `npm run package` makes it (vsce runs `vscode:prepublish`, the minified build),
 * packaged from a copy of the repository in a temporary folder so the build does not replace
 * out/ under other tests.
 */

const root = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    icon: string; scripts: Record<string, string>; contributes: { jsonValidation: Array<{ url: string }>; grammars: Array<{ path: string }> };
};
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-vsix-'));
const copy = path.join(temp, 'bizha');
const vsix = path.join(temp, 'bizha.vsix');
const notCopied = new Set(['node_modules', '.git', 'out', 'test', 'test-results', 'bench', '.vscode-test']);

/** Name → contents of every entry of a zip file (a .vsix is one): stored or deflated entries. */
function readZip(file: string): Map<string, Buffer> {
    const zip = fs.readFileSync(file);
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error(`${file} is not a zip file`);
    const entries = new Map<string, Buffer>();
    let at = zip.readUInt32LE(end + 16);
    for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
        if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
        const method = zip.readUInt16LE(at + 10);
        const size = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
        const local = zip.readUInt32LE(at + 42);
        const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(data, data + size);
        entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

let files: Map<string, Buffer>;
let vsce: string;

beforeAll(() => {
    fs.mkdirSync(copy);
    for (const entry of fs.readdirSync(root)) {
        if (notCopied.has(entry) || /\.(vsix|tgz)$/.test(entry)) continue;
        fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
    vsce = createRequire(path.join(root, 'package.json')).resolve('@vscode/vsce/vsce');
    // The arguments of `npm run package`, with the output in the temporary folder.
    const args = manifest.scripts.package.replace(/^vsce package /, '').replace(/-o bizha\.vsix$/, '').trim().split(/\s+/);
    execFileSync(process.execPath, [vsce, 'package', ...args, '-o', vsix], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
    files = readZip(vsix);
}, 240_000);

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('the packaged extension (.vsix)', () => {
    test('has the minified bundles and no source maps, TypeScript sources or development files', () => {
        const names = [...files.keys()];
        expect(names).toContain('extension/out/client/extension.cjs');
        expect(names).toContain('extension/out/server/main.cjs');
        expect(names).toContain('extension/out/preview/webview.js');
        // Files the manifest points VS Code at: the grammar, the bizha.json schema.
        for (const { url } of manifest.contributes.jsonValidation) expect(names).toContain(`extension/${path.posix.normalize(url)}`);
        for (const { path: grammar } of manifest.contributes.grammars) expect(names).toContain(`extension/${path.posix.normalize(grammar)}`);
        expect(names.filter(name => name.endsWith('.map'))).toEqual([]);
        expect(names.filter(name => /\.(ts|mts|cts|langium)$/.test(name))).toEqual([]);
        expect(names.filter(name => /^extension\/(client|server|cli|language|preview|test|bench|scripts|examples|node_modules)\//.test(name))).toEqual([]);
        expect(files.get('extension/out/server/main.cjs')!.toString('utf8')).not.toContain('sourceMappingURL');
        const size = [...files.values()].reduce((sum, data) => sum + data.length, 0);
        expect(size).toBeLessThan(5 * 1024 * 1024);
    });

    test('.vscodeignore leaves source maps out even after a development build', () => {
        // `vsce ls` lists what would be packaged, without running vscode:prepublish.
        fs.writeFileSync(path.join(copy, 'out', 'server', 'main.cjs.map'), '{}');
        fs.writeFileSync(path.join(copy, 'out', 'client', 'extension.cjs.map'), '{}');
        const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', 'MARKETPLACE.md'], { cwd: copy, encoding: 'utf8', stdio: 'pipe' }).split(/\r?\n/);
        expect(listed).toContain('out/server/main.cjs');
        expect(listed.filter(name => name.endsWith('.map'))).toEqual([]);
    });

    test('has the icon (a PNG) and the changelog', () => {
        expect(manifest.icon).toBe('media/icon.png');
        const icon = files.get(`extension/${manifest.icon}`);
        expect(icon?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(icon!.readUInt32BE(16)).toBeGreaterThanOrEqual(128); // width, from the IHDR chunk
        expect([...files.keys()].some(name => /^extension\/changelog\.md$/i.test(name))).toBe(true);
        const packaged = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
        expect(packaged.repository?.url ?? '').not.toMatch(/\.invalid\b/);
    });

    test("the README's pictures and links resolve inside the package (or are absolute)", () => {
        const readmeName = [...files.keys()].find(name => /^extension\/readme\.md$/i.test(name))!;
        const readme = files.get(readmeName)!.toString('utf8');
        expect(readme).toBe(fs.readFileSync(path.join(root, 'MARKETPLACE.md'), 'utf8'));
        const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map(match => match[1]);
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(match => match[1]);
        expect(images.length).toBeGreaterThan(0);
        expect(targets.length).toBeGreaterThan(images.length);
        for (const target of targets) {
            if (/^https:\/\//.test(target)) continue;
            expect(target, 'relative link').not.toMatch(/^[a-z]+:/i);
            const file = target.split('#')[0];
            expect(files.has(`extension/${file}`), `${target} is in the .vsix`).toBe(true);
        }
        for (const image of images.filter(target => !target.startsWith('https://'))) {
            expect(files.get(`extension/${image}`)!.subarray(1, 4).toString('latin1')).toBe('PNG');
        }
    });
});
