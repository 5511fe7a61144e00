import { AstUtils, Cancellation, DocumentState, OperationCancelled, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { astContents } from '../../language/workspace/ast-walk.js';
import { forEachInterruptible } from '../../language/workspace/interruptible.js';
import type { Model } from '../../language/generated/ast.js';
import { createTestServices, validate, validateWorkspace } from '../helpers.js';
import { exampleFiles } from '../fixtures.js';


/** Services that replace Langium defaults for speed must keep Langium's results. */
describe('build services', () => {
    test('the shared tree walk lists the nodes and references Langium streams, in the same order', async () => {
        const texts = [...exampleFiles().map(file => file.text), 'group G { host H { receive ( instances on', 'computer A, B\ngroup {'];
        expect(texts.length).toBeGreaterThan(5);
        for (const text of texts) {
            const { document } = await validate(text);
            const root = document.parseResult.value;
            const contents = astContents(root);
            expect(contents.nodes).toEqual(AstUtils.streamAst(root).toArray());
            const references = AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();
            expect(contents.references.map(r => [r.container, r.property, r.index, r.reference.$refText]))
                .toEqual(references.map(r => [r.container, r.property, r.index, r.reference.$refText]));
            expect(contents.references.length).toBe(document.references.length);
        }
    });

    test('a local element of another kind does not hide a top-level element of the reference\'s kind', async () => {
        // The group's host BTS01 is not a computer: `instances on BTS01` names the inventory computer.
        const services = createTestServices();
        const result = await validateWorkspace({
            'inventory.bizha': 'computer BTS01\n',
            'group.bizha': 'group G { host BTS01 { send SMTP  instances on BTS01 } }\n'
        }, services);
        expect(result.get('group.bizha')!.filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error')).toEqual([]);
        const group = services.shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///workspace/group.bizha'))!;
        const instance = AstUtils.streamAllContents(group.parseResult.value).find(node => node.$type === 'Instance') as unknown as { computer: { ref?: { $type: string } } };
        expect(instance.computer.ref?.$type).toBe('Computer');
    });

    test('completion offers the group\'s elements and the top-level ones of the right kind', async () => {
        const services = createTestServices();
        const inventory = services.shared.workspace.LangiumDocumentFactory.fromString<Model>('computer INV01\ncluster CL { nodes INV01  storage SAN }\n', URI.parse('file:///w/inventory.bizha'));
        const group = services.shared.workspace.LangiumDocumentFactory.fromString<Model>('group G {\n    computer LOCAL01\n    host H { send SMTP  instances on LOCAL01 }\n}\n', URI.parse('file:///w/group.bizha'));
        for (const document of [inventory, group]) services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([inventory, group], { validation: true });
        const instance = AstUtils.streamAllContents(group.parseResult.value).find(node => node.$type === 'Instance')!;
        expect(instance).toBeDefined();
        const scope = services.references.ScopeProvider.getScope({ reference: (instance as unknown as { computer: never }).computer, container: instance, property: 'computer' });
        expect(scope.getAllElements().map(d => d.name).toArray().sort()).toEqual(['INV01', 'LOCAL01']);
        expect(scope.getElement('INV01')?.documentUri.toString()).toBe('file:///w/inventory.bizha');
        expect(scope.getElement('CL')).toBeUndefined();
    });

    test('descriptions compute their path and ranges when read, and they are right', async () => {
        const { document } = await validate('group G {\n    computer BTS01\n}\n');
        const description = document.localSymbols!.getStream(document.parseResult.value.declarations[0]).head()!;
        expect(description.name).toBe('BTS01');
        expect(description.path).toBe('/declarations@0/members@0/computers@0');
        expect(description.nameSegment?.range).toEqual({ start: { line: 1, character: 13 }, end: { line: 1, character: 18 } });
    });

    test('a build honours cancellation while walking the tree', async () => {
        const cancelled = new Cancellation.CancellationTokenSource();
        cancelled.cancel();
        const visited: number[] = [];
        await expect(forEachInterruptible(Array.from({ length: 1000 }, (_, i) => i), cancelled.token, i => visited.push(i))).rejects.toBe(OperationCancelled);
        expect(visited.length).toBeLessThan(1000);
        // Without a token every item is visited.
        const all: number[] = [];
        await forEachInterruptible([1, 2, 3], undefined, i => all.push(i));
        expect(all).toEqual([1, 2, 3]);

        const services = createTestServices();
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>('group G { computer A }\n', URI.parse('file:///w/c.bizha'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await expect(services.shared.workspace.DocumentBuilder.build([document], { validation: true }, cancelled.token)).rejects.toBe(OperationCancelled);
        expect(document.state).toBeLessThan(DocumentState.Validated);
    });
});

describe('name nodes', () => {
    test('named elements have their name node; elements without a name have none', async () => {
        const { document } = await validate('group G {\n    computer BTS01\n    host H { send SMTP  instances on BTS01 }\n    sso { }\n}\n');
        const services = createTestServices();
        const names = AstUtils.streamAst(document.parseResult.value)
            .map(node => services.references.NameProvider.getNameNode(node)?.text)
            .filter(text => text !== undefined).toArray();
        expect(names).toEqual(['G', 'BTS01', 'H']);
    });
});
