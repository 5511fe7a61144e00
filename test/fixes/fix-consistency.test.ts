import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { ssoHostClusterGroup, variant } from '../fixtures.js';
import { describe as show, validate, type Diagnostic } from '../helpers.js';
import { fixCorpus } from './fix-cases.js';
import { applyFix, changedRanges, diagnosticsWithFixes } from './fix-helpers.js';

/**
 * No two rules give contradicting advice: after a rule's quick fix, no other rule objects to what
 * the fix wrote, no rule offers a fix that undoes it, and applying fixes one after another never
 * comes back to an earlier text.
 */

// Flawed topologies around the designs where rules meet: SSO clustered on BizTalk computers.
const ssoDesigns = [
    { name: 'SSO and the hosts in one cluster group (Microsoft\'s design)', text: ssoHostClusterGroup },
    { name: 'SSO clustered on the BizTalk computers without clustered IIS', text: variant([['witness file-share  msdtc  iis }', 'witness file-share  msdtc }']], ssoHostClusterGroup) },
    { name: 'SSO clustered on the BizTalk computers, hosts unclustered', text: variant([['master-secret-server on SQLCL', 'master-secret-server on BTSCL']], fixCorpus().find(c => c.name === 'HA-NLB-ON-WSFC')!.text) },
    { name: 'an HTTP receive without load balancer on the SSO cluster', text: variant([['    host WebReceive isolated', '    host Web2 isolated { receive HTTP  instances on BTS01, BTS02 }\n    host WebReceive isolated']], ssoHostClusterGroup) }
];
const corpus = [...fixCorpus(), ...ssoDesigns];

const key = (d: Diagnostic) => `${String(d.code)}\n${d.message}`;

function count(findings: ReadonlyArray<{ diagnostic: Diagnostic }>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { diagnostic } of findings) counts.set(String(diagnostic.code), (counts.get(String(diagnostic.code)) ?? 0) + 1);
    return counts;
}

function offsets(text: string, d: Diagnostic): [number, number] {
    const document = TextDocument.create('file:///x.bizha', 'bizha', 1, text);
    return [document.offsetAt(d.range.start), document.offsetAt(d.range.end)];
}

describe('quick fixes do not contradict each other', () => {
    test('the corpus offers fixes of many rules', async () => {
        const rules = new Set<string>();
        for (const { text } of corpus) {
            for (const { diagnostic, fixes } of await diagnosticsWithFixes(text)) if (fixes.length > 0) rules.add(String(diagnostic.code));
        }
        expect(rules.size).toBeGreaterThan(20);
    });

    test.each(corpus.map(c => [c.name, c.text]))('%s: after each fix, no other rule objects to it or undoes it', async (_name, text) => {
        const before = await diagnosticsWithFixes(text);
        const known = new Set(before.map(({ diagnostic }) => key(diagnostic)));
        for (const { diagnostic, fixes } of before) {
            for (const fix of fixes) {
                const fixed = applyFix(text, fix);
                const written = changedRanges(text, fix).filter(([start, end]) => end > start);
                const after = await diagnosticsWithFixes(fixed);
                // New findings of other rules: more diagnostics of a rule than before, and not a
                // rewording of an existing one (a message that names the new cluster, ...).
                const grown = new Set([...count(after)].filter(([code, n]) => n > (count(before).get(code) ?? 0)).map(([code]) => code));
                const fresh = after.filter(({ diagnostic: d }) => d.code !== diagnostic.code && grown.has(String(d.code)) && !known.has(key(d)));
                const where = `${show(diagnostic)}\n  fix: ${fix.title}`;
                // An error or warning of another rule on the text the fix wrote.
                const objections = fresh.filter(({ diagnostic: d }) => (d.severity ?? 1) <= 2 && written.some(([start, end]) => {
                    const [from, to] = offsets(fixed, d);
                    return from < end && to > start;
                }));
                expect(objections.map(({ diagnostic: d }) => show(d)), `${where}\n${fixed}`).toEqual([]);
                // A new diagnostic, of any severity, whose own fix restores the text before the fix.
                const undoing = fresh.filter(({ fixes: theirs }) => theirs.some(other => applyFix(fixed, other) === text));
                expect(undoing.map(({ diagnostic: d }) => show(d)), `${where}\n${fixed}`).toEqual([]);
            }
        }
    }, 120_000);

    test.each(corpus.map(c => [c.name, c.text]))('%s: applying preferred fixes one at a time never oscillates', async (_name, start) => {
        const seen = [start];
        let text = start;
        for (let step = 0; step < 12; step++) {
            const next = (await diagnosticsWithFixes(text)).flatMap(({ diagnostic, fixes }) => fixes.filter(f => f.isPreferred).map(fix => ({ diagnostic, fix })))[0];
            if (!next) break;
            text = applyFix(text, next.fix);
            const { document } = await validate(text);
            if (document.parseResult.parserErrors.length > 0) break;
            expect(seen.includes(text), `${show(next.diagnostic)}\n  fix: ${next.fix.title}\nreturns to an earlier text:\n${text}`).toBe(false);
            seen.push(text);
        }
    }, 120_000);
});
