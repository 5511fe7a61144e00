import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { groupKey } from '../../preview/protocol.js';
import { columnsOf, renderGroups } from '../../preview/render.js';
import { renderMatrixSvg } from '../../preview/svg.js';
import { previewGroups } from '../../server/preview-request.js';
import { readExample } from '../editing/editing.js';
import { createTestServices } from '../helpers.js';
import { exampleGroups } from './preview-fixtures.js';

/** The preview data of one file of a workspace, built as the language server builds it. */
async function workspaceGroups(files: Record<string, string>, name: string) {
    const services = createTestServices();
    const documents = Object.entries(files).map(([file, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${file}`)));
    documents.forEach(document => services.shared.workspace.LangiumDocuments.addDocument(document));
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return previewGroups(services, documents.find(d => d.uri.path.endsWith(`/${name}`))!);
}

function textOf(html: string): string {
    return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}

describe('the computers of a group', () => {
    it('are the ones it uses, not every computer of an inventory file beside it', async () => {
        const groups = await workspaceGroups({
            'inventory.bizha': readExample('multi-file/inventory.bizha'),
            'group.bizha': readExample('multi-file/group.bizha'),
            'two.bizha': readExample('two-computer-not-ha/topology.bizha')
        }, 'two.bizha');
        const group = groups[0];
        // SQL02 is a node of the inventory's cluster of a computer named SQL01: not used by ContosoTwoBox.
        expect(group.components.filter(c => c.kind === 'computer').map(c => c.name)).toEqual(['BTS01', 'SQL01']);
        expect(columnsOf(group).map(t => t.computers.map(c => c.name))).toEqual([['BTS01'], ['SQL01']]);
        expect(textOf(renderGroups(groups))).toContain('2 computers');
    });

    it('of a group that uses the inventory are its nodes, its standby and its BizTalk computers', async () => {
        const groups = await workspaceGroups({
            'inventory.bizha': readExample('multi-file/inventory.bizha'),
            'group.bizha': readExample('multi-file/group.bizha')
        }, 'group.bizha');
        expect(groups[0].components.filter(c => c.kind === 'computer').map(c => c.name).sort()).toEqual(['BTS01', 'BTS02', 'DRSQL01', 'SQL01', 'SQL02']);
    });
});

describe('labels', async () => {
    const { groups } = await exampleGroups('two-computer-not-ha');
    const group = groups[0];

    it('the availability setting reads as the target, not a verdict', () => {
        const html = renderGroups(groups);
        expect(textOf(html)).toContain('target: high availability');
        expect(textOf(html)).not.toContain('availability high');
        expect(renderMatrixSvg(groups)).toContain('target: high availability');
    });

    it('stopped functions say "down" in their cells, with why in the label', () => {
        const html = renderGroups(groups, { failed: { [groupKey(group)]: ['computer:SQL01'] } });
        const row = html.slice(html.indexOf('data-fn="processing:BizTalkServerApplication"'));
        const processing = row.slice(0, row.indexOf('</tr>'));
        // BTS01 is up, but processing stopped with the MessageBox on SQL01.
        expect(textOf(processing)).toContain(' down ');
        expect(textOf(processing)).not.toContain('active');
        expect(processing).toContain('down: the function stopped');
        const failedBts = renderGroups(groups, { failed: { [groupKey(group)]: ['computer:BTS01'] } });
        const cell = failedBts.slice(failedBts.indexOf('data-fn="processing:BizTalkServerApplication"'));
        expect(cell.slice(0, cell.indexOf('</tr>'))).toContain('down: BTS01 failed');
        expect(renderMatrixSvg(groups, { [groupKey(group)]: ['computer:BTS01'] })).toContain('✕ down');
        // With nothing failed the cells give the role.
        const up = renderGroups(groups);
        const upRow = up.slice(up.indexOf('data-fn="processing:BizTalkServerApplication"'));
        expect(textOf(upRow.slice(0, upRow.indexOf('</tr>')))).toContain('active');
    });
});
