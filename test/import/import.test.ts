import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readBindings, type BindingFacts } from '../../importer/bindings.js';
import { readCollector, type CollectorData } from '../../importer/collector.js';
import { importTopology, type ImportSources } from '../../importer/import.js';
import { ImportInputError } from '../../importer/xml.js';
import { runImport } from '../../cli/import.js';
import { InputError, loadTexts } from '../../cli/workspace.js';
import { findings } from '../../cli/check.js';
import type { GroupAnalysis } from '../../language/analysis/types.js';

const fixtures = path.join(__dirname, 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');
const bindingFiles = ['contoso-orders.BindingInfo.xml', 'contoso-finance.BindingInfo.xml'];

function contosoSources(): ImportSources {
    return {
        collector: { file: 'contoso-collector.json', data: readCollector('contoso-collector.json', read('contoso-collector.json')) },
        bindings: bindingFiles.map(file => ({ file, facts: readBindings(file, read(file)) }))
    };
}

/** Parses, links and analyses an imported text as `bizha check` and `explain` do. */
async function analyse(text: string): Promise<{ analysis: GroupAnalysis; syntax: string[]; errors: number }> {
    const workspace = await loadTexts([{ file: path.join(os.tmpdir(), 'imported.bizha'), text }]);
    const list = findings(workspace);
    const syntax = list.filter(f => f.rule === 'bizha-syntax' || f.rule === 'bizha-unresolved').map(f => `${f.line}:${f.column} ${f.message}`);
    const analyses = workspace.services.analysis.Analysis.forDocument(workspace.documents[0]);
    return { analysis: analyses[0]?.analysis, syntax, errors: list.filter(f => f.severity === 'error').length };
}

const lower = (s: string): string => s.toLowerCase();

describe('bizha import of a realistic group (4 BizTalk servers, 8 hosts, 40 ports, 3 MessageBoxes)', () => {
    test('the result parses and links with no error, and explain shows what the fixtures describe', async () => {
        const sources = contosoSources();
        const collector = sources.collector!.data;
        const bindings = sources.bindings.map(b => b.facts);
        const { text } = importTopology(sources);
        const { analysis, syntax } = await analyse(text);
        expect(syntax).toEqual([]);
        expect(analysis).toBeDefined();

        // Every host instance of the collector runs where MSBTS_HostInstance says, enabled or not.
        for (const instance of collector.hostInstances) {
            const hostFunctions = analysis.functions.filter(fn => fn.host !== undefined && lower(hostSpelling(text, fn.host)) === lower(instance.HostName));
            if (hostFunctions.length === 0) continue; // a host with no work in use has no function
            for (const fn of hostFunctions) {
                const placement = fn.placements.find(p => p.computer === instance.RunningServer);
                expect(placement, `${instance.HostName} on ${instance.RunningServer}`).toBeDefined();
                if (instance.IsDisabled) expect(placement!.role).toBe('disabled');
            }
        }
        // Exactly the handlers the binding files use become receive and send functions.
        const used = new Set(bindings.flatMap(b => b.handlers).map(h => `${h.direction} ${lower(h.adapter)} ${lower(h.host)}`));
        const declared = new Set(analysis.functions.filter(fn => fn.kind === 'receive' || fn.kind === 'send')
            .map(fn => `${fn.kind} ${lower(fn.adapter!)} ${lower(hostSpelling(text, fn.host!))}`));
        expect(declared).toEqual(used);
        const unused = [...collector.receiveHandlers.map(h => `receive ${lower(h.AdapterName)} ${lower(h.HostName)}`),
            ...collector.sendHandlers.map(h => `send ${lower(h.AdapterName)} ${lower(h.HostName)}`)].filter(h => !used.has(h));
        expect(unused.length).toBeGreaterThan(0);
        for (const handler of unused) expect(declared.has(handler)).toBe(false);
        // Processing runs where the orchestrations are bound.
        const orchestrationHosts = new Set(bindings.flatMap(b => b.orchestrations).map(o => lower(o.host)));
        expect(new Set(analysis.functions.filter(fn => fn.kind === 'processing').map(fn => lower(hostSpelling(text, fn.host!))))).toEqual(orchestrationHosts);
        // Clustered hosts fail over; the others scale out.
        for (const host of collector.hosts) {
            const fn = analysis.functions.find(f => f.host !== undefined && lower(hostSpelling(text, f.host)) === lower(host.Name));
            if (!fn) continue;
            if (host.ClusterResourceGroupName) expect(fn.mechanism, host.Name).toBe('clustered-failover');
            else expect(fn.mechanism, host.Name).not.toBe('clustered-failover');
        }
        // MessageBoxes on the failover cluster instance, the AG's databases in the AG, the rules database standalone.
        const db = (name: string) => analysis.functions.find(fn => fn.kind === 'database' && fn.database === name)!;
        for (const box of collector.messageBoxes) expect(db(box.DBName).mechanism).toBe('sql-fci');
        for (const name of collector.sqlServers![1].AvailabilityGroups![0].databases!) expect(db(name).mechanism).toBe('availability-group');
        expect(db('BizTalkRuleEngineDb').mechanism).toBe('single');
        expect(db('BizTalkRuleEngineDb').ownSingleFailures).toEqual(['computer:SQLRULES']);
    });

    test('names the language cannot write are aliased and listed; real names stay in strings', () => {
        const { text } = importTopology(contosoSources());
        expect(text).toContain('group Contoso_Production {');
        expect(text).toMatch(/\/\/ {3}group Contoso_Production = "Contoso Production"/);
        expect(text).toMatch(/\/\/ {3}host Legacy_Pop3Host = "Legacy\.Pop3Host"/);
        expect(text).toContain('receive "Windows SharePoint Services"');
        expect(text).toContain('server-name "SQLMSGCL\\\\MSG,1533"');
        expect(text).toContain('windows-group "CONTOSO\\\\BizTalk Application Users"');
        expect(text).toContain('instances on BTS01 (disabled, account CONTOSO\\svc-pop3-a), BTS02 (account CONTOSO\\svc-pop3-b)');
    });

    test('what the sources do not say is declared pessimistically, with a TODO', async () => {
        const { text, todos } = importTopology(contosoSources());
        expect(todos).toBe(text.split('\n').filter(line => line.includes('// TODO(import):')).length);
        // SQLRULES was not queried: standalone, so its database is a single point of failure.
        expect(text).toMatch(/sql SQLRULES on SQLRULES \{[^\n]*\n\s*\/\/ TODO\(import\): SQLRULES was not queried/);
        // The failover cluster's storage and MSDTC were not collected: not declared.
        expect(text).not.toMatch(/^\s*storage\b/m);
        expect(text).not.toMatch(/^\s*msdtc\s*$/m);
    });

    test('the same input gives the same bytes', () => {
        const first = importTopology(contosoSources()).text;
        const second = importTopology(contosoSources()).text;
        expect(second).toBe(first);
    });
});

/** The real host name behind a (possibly aliased) name of the imported text. */
function hostSpelling(text: string, alias: string): string {
    const match = new RegExp(`//\\s+host ${alias} = "([^"]*)"`).exec(text);
    return match ? match[1] : alias;
}

describe('binding files', () => {
    test('both layouts: ReceiveLocationTransportType (2020) and TransportType (older)', () => {
        const modern = readBindings('a.xml', read('contoso-orders.BindingInfo.xml'));
        const older = readBindings('b.xml', read('contoso-finance.BindingInfo.xml'));
        expect(modern.handlers.filter(h => h.direction === 'receive').length).toBe(12);
        expect(older.handlers.filter(h => h.direction === 'receive').length).toBe(10);
        expect(older.handlers.find(h => h.usedBy === 'receive location RL_Fin_Pop3')).toMatchObject({ adapter: 'POP3', host: 'Legacy.Pop3Host' });
        // The secondary transport of a send port is a use of its own handler.
        expect(modern.handlers.filter(h => h.usedBy.includes('backup transport'))).toEqual([expect.objectContaining({ adapter: 'FTP', host: 'FtpClusteredHost' })]);
        // Ordered delivery: the send port element, and MSMQ's OrderedProcessing inside the escaped transport data.
        expect(modern.handlers.filter(h => h.ordered).map(h => h.usedBy).sort()).toEqual(['receive location RL_Orders_Msmq_Ordered', 'send port SP_Orders_Ordered']);
        expect(modern.orchestrations.map(o => [o.host, o.hostType])).toEqual(Array(3).fill(['ProcessingHost', 'in-process']));
    });

    test('only handlers in use are declared; FILE paths become one entry per folder', () => {
        const { text } = importTopology({ bindings: [{ file: 'b.xml', facts: readBindings('b.xml', read('contoso-finance.BindingInfo.xml')) }] });
        expect(text).toContain('receive FILE (path "\\\\\\\\FS-CL\\\\BizTalk\\\\In\\\\Finance")');
        expect(text).toContain('receive FILE (path "C:\\\\Drop\\\\Finance")');
        expect(text.match(/receive FILE/g)).toHaveLength(2);
        expect(text).not.toContain('WCF-SQL');
    });

    test('bindings alone still give a topology that parses, with the unknowns as TODOs', async () => {
        const { text } = importTopology({ bindings: bindingFiles.map(file => ({ file, facts: readBindings(file, read(file)) })) });
        const { syntax } = await analyse(text);
        expect(syntax).toEqual([]);
        expect(text).toContain('// TODO(import): no collector file given');
        expect(text).toContain('// TODO(import): host instances not collected (binding files only)');
    });

    test('malformed XML is a located error', () => {
        const broken = read('contoso-orders.BindingInfo.xml').replace('</ReceiveLocations>', '</ReceiveLocation>');
        expect(() => readBindings('orders.xml', broken)).toThrowError(ImportInputError);
        try {
            readBindings('orders.xml', broken);
        } catch (error) {
            const e = error as ImportInputError;
            expect(e.file).toBe('orders.xml');
            expect(e.line).toBeGreaterThan(1);
            expect(e.message).toMatch(/^orders\.xml:\d+:\d+: not well-formed XML/);
        }
        expect(() => readBindings('x.xml', '<Settings/>')).toThrowError(/root element is <Settings>, expected <BindingInfo>/);
    });

    test('no entity expansion: a DTD entity stays unexpanded text', () => {
        const bomb = `<?xml version="1.0"?>
<!DOCTYPE BindingInfo [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<BindingInfo><ModuleRefCollection><ModuleRef><Services><Service Name="S"><Host Name="H&c;" Type="1"/></Service></Services></ModuleRef></ModuleRefCollection></BindingInfo>`;
        const facts = readBindings('bomb.xml', bomb);
        expect(facts.orchestrations[0].host).toBe('H&c;');
    });
});

describe('hostile names', () => {
    function hostileBindings(): BindingFacts {
        const xml = `<BindingInfo><ReceivePortCollection><ReceivePort Name="P"><ReceiveLocations>
            <ReceiveLocation Name="a&#10;group X { // &lt;injected&gt;"><Address>\\\\fs\\in\\*.xml</Address>
              <ReceiveLocationTransportType Name="FILE"/><ReceiveHandler Name="host"/></ReceiveLocation>
            <ReceiveLocation Name="b"><Address>x</Address><ReceiveLocationTransportType Name="My &quot;Adapter&quot;&#9;"/><ReceiveHandler Name="1st host &amp; more"/></ReceiveLocation>
            <ReceiveLocation Name="c"><Address>x</Address><ReceiveLocationTransportType Name="FTP"/><ReceiveHandler Name="HOST"/></ReceiveLocation>
            <ReceiveLocation Name="d"><Address>x</Address><ReceiveLocationTransportType Name="FTP"/><ReceiveHandler Name="sql"/></ReceiveLocation>
            </ReceiveLocations></ReceivePort></ReceivePortCollection>
            <ModuleRefCollection><ModuleRef><Services><Service Name="o&#13;&#10;}"><Host Name="1st host &amp; more" Type="1"/></Service></Services></ModuleRef></ModuleRefCollection></BindingInfo>`;
        return readBindings('hostile.xml', xml);
    }

    test('entities, control characters, keywords and leading digits give a file that parses, every line break accounted for', async () => {
        const { text } = importTopology({ bindings: [{ file: 'hostile.xml', facts: hostileBindings() }] });
        const { syntax, analysis } = await analyse(text);
        expect(syntax).toEqual([]);
        // One group, and nothing injected: every line is code we wrote or a comment.
        expect(text.match(/^group /gm)).toHaveLength(1);
        expect(text).not.toMatch(/^\s*group X/m);
        // "host" and "HOST" are one host (Windows names are case-insensitive); "sql" is a keyword.
        expect(text).toMatch(/host host_ \{/);
        expect(text).toMatch(/host sql_ \{/);
        expect(text).toMatch(/host _1st_host_more \{/);
        expect(text).toContain(String.raw`receive "My \"Adapter\""`);
        expect(analysis.functions.some(fn => fn.kind === 'processing' && fn.host === '_1st_host_more')).toBe(true);
    });

    test('10,000 handlers in use', async () => {
        const locations = Array.from({ length: 10_000 }, (_, i) =>
            `<ReceiveLocation Name="L${i}"><Address>x</Address><ReceiveLocationTransportType Name="Adapter${i % 2500}"/><ReceiveHandler Name="Host${i % 40}"/></ReceiveLocation>`).join('');
        const facts = readBindings('big.xml', `<BindingInfo><ReceivePortCollection><ReceivePort Name="P"><ReceiveLocations>${locations}</ReceiveLocations></ReceivePort></ReceivePortCollection></BindingInfo>`);
        expect(facts.handlers).toHaveLength(10_000);
        const { text, counts } = importTopology({ bindings: [{ file: 'big.xml', facts }] });
        expect(counts.hosts).toBe(40);
        expect(counts.handlers).toBe(new Set(facts.handlers.map(h => `${h.host} ${h.adapter}`)).size);
        const { syntax } = await analyse(text);
        expect(syntax).toEqual([]);
    }, 60_000);
});

describe('collector files', () => {
    test('the fixture follows the schema', () => {
        const data: CollectorData = readCollector('c.json', read('contoso-collector.json'));
        expect(data.hosts).toHaveLength(8);
        expect(new Set(data.hostInstances.map(i => i.RunningServer)).size).toBe(4);
        expect(data.messageBoxes).toHaveLength(3);
    });

    test('malformed JSON and schema violations are located errors', () => {
        const doubled = '{\n  "format": "bizha-collector",\n  "version": 1,,\n}';
        const column = doubled.split('\n')[2].indexOf(',,') + 2; // the second comma
        expect(() => readCollector('c.json', doubled)).toThrowError(new RegExp(`^c\\.json:3:${column}: not valid JSON: property name expected`));
        const wrongType = read('contoso-collector.json').replace('"HostType": 2', '"HostType": 7');
        const line = wrongType.split('\n').findIndex(l => l.includes('"HostType": 7')) + 1;
        expect(() => readCollector('c.json', wrongType)).toThrowError(new RegExp(`^c\\.json:${line}:\\d+: not a bizha collector file .*/hosts/1/HostType`));
        const unknown = read('contoso-collector.json').replace('"collectedOn": "BTS01",', '"collectedOn": "BTS01", "Password": "x",');
        expect(() => readCollector('c.json', unknown)).toThrowError(/unknown property "Password"/);
        expect(() => readCollector('c.json', read('contoso-collector.json').replace('"version": 1', '"version": 2'))).toThrowError(/\/version: must be equal to constant \(1\)/);
    });

    test('the collector script reads exactly the properties the schema documents', () => {
        const script = fs.readFileSync(path.join(__dirname, '../../collector/Get-BizhaTopology.ps1'), 'utf8');
        const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/collector.schema.json'), 'utf8'));
        const classes: Record<string, string> = {
            MSBTS_GroupSetting: 'group', MSBTS_MsgBoxSetting: 'messageBoxes', MSBTS_HostSetting: 'hosts', MSBTS_HostInstance: 'hostInstances',
            MSBTS_ReceiveHandler: 'receiveHandlers', MSBTS_SendHandler2: 'sendHandlers'
        };
        const calls = [...script.matchAll(/Get-BizTalkRecords '(\w+)' @\(([^)]*)\)/g)];
        expect(calls.map(c => c[1]).sort()).toEqual(Object.keys(classes).sort());
        for (const [, wmiClass, list] of calls) {
            const read = [...list.matchAll(/'(\w+)'/g)].map(m => m[1]).sort();
            const property = schema.properties[classes[wmiClass]];
            const definition = property.$ref ? schema.definitions[classes[wmiClass]].items : property.items ?? property;
            expect(read, wmiClass).toEqual(Object.keys(definition.properties).sort());
        }
        // Read-only and password-free: no code (comments aside) writes or names a password.
        const code = script.replace(/<#[\s\S]*?#>/g, '').split('\n').filter(line => !/^\s*#/.test(line)).join('\n');
        expect(code).not.toMatch(/Set-CimInstance|Invoke-CimMethod|Remove-|INSERT |UPDATE |DELETE |EXEC(UTE)? /i);
        expect(code).not.toMatch(/password/i);
    });
});

describe('runImport (the CLI command)', () => {
    const collectorPath = path.join(fixtures, 'contoso-collector.json');
    const bindingPaths = bindingFiles.map(f => path.join(fixtures, f));

    test('writes the file, reports the check, and refuses to overwrite without --force', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-import-'));
        const output = path.join(dir, 'topology.bizha');
        const printed: string[] = [];
        const code = await runImport({ collector: collectorPath, bindings: bindingPaths, output, force: false }, t => printed.push(t));
        expect(fs.readFileSync(output, 'utf8')).toBe(importTopology(contosoSources()).text.replace(/contoso-collector\.json|contoso-orders\.BindingInfo\.xml|contoso-finance\.BindingInfo\.xml/g, m => path.join(fixtures, m)));
        expect(printed.join('')).toMatch(/^wrote .*topology\.bizha: 10 computers, 8 hosts, \d+ handlers in use, 4 SQL Server instances, 7 databases; \d+ TODO\(import\) comments to review\ncheck: (\d+) errors?, /);
        expect(code).toBe(/check: 0 errors/.test(printed.join('')) ? 0 : 1);
        await expect(runImport({ collector: collectorPath, bindings: [], output, force: false }, () => { })).rejects.toThrowError(/exists: use --force/);
        fs.writeFileSync(output, 'old');
        await runImport({ collector: collectorPath, bindings: [], output, force: true }, () => { });
        expect(fs.readFileSync(output, 'utf8')).toContain('group Contoso_Production');
        expect(fs.readdirSync(dir)).toEqual(['topology.bizha']);
    });

    test('bad input writes nothing', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizha-import-'));
        const broken = path.join(dir, 'broken.xml');
        fs.writeFileSync(broken, '<BindingInfo><ReceivePortCollection></BindingInfo>');
        const output = path.join(dir, 'out.bizha');
        await expect(runImport({ bindings: [broken], output, force: false }, () => { })).rejects.toThrowError(InputError);
        await expect(runImport({ bindings: [broken], output, force: false }, () => { })).rejects.toThrowError(/broken\.xml:1:\d+: not well-formed XML/);
        await expect(runImport({ bindings: [], output, force: false }, () => { })).rejects.toThrowError(/needs --collector/);
        await expect(runImport({ bindings: bindingPaths, output: path.join(dir, 'out.txt'), force: false }, () => { })).rejects.toThrowError(/must name a \.bizha file/);
        expect(fs.readdirSync(dir)).toEqual(['broken.xml']);
    });
});
