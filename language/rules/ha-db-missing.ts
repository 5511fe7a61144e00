import { requiredDatabaseKinds } from '../model/catalog.js';
import { defineRule } from './rule.js';
import { databaseContainers, listText } from './helpers.js';
import { itemNodes } from './fixes-common.js';
import * as ast from '../generated/ast.js';

export const haDbMissing = defineRule({
    id: 'HA-DB-MISSING',
    defaultSeverity: 'error',
    area: 'databases',
    summary: 'A group places its Management, MessageBox, Tracking and SSO databases somewhere.',
    sources: ['biztalk/core/databases-in-biztalk-server.md'],
    check({ group, report }) {
        const missing = requiredDatabaseKinds.filter(r => !group.databases.some(d => d.kind === r.kind)).map(r => r.name);
        if (missing.length === 0) return;
        report({
            node: group.node, property: 'name',
            message: `Group ${group.name} places no ${listText(missing)}: without ${missing.length === 1 ? 'it' : 'them'} the group cannot run, and bizha cannot check ${missing.length === 1 ? 'its' : 'their'} availability. Place ${missing.length === 1 ? 'it' : 'them'} with \`databases ${missing.join(', ')} on <SQL instance or availability group>\`.`,
            data: { missing }
        });
    },
    fix(context) {
        const missing = (context.data.missing as string[] | undefined) ?? [];
        const containers = databaseContainers(context.group);
        if (missing.length === 0 || containers.length !== 1) return [];
        // Append to the list that already places the group's databases on that container.
        const list = containers[0].databases.at(-1)!.node.$container;
        if (!ast.isDatabaseList(list) && !ast.isDatabasePlacement(list)) return [];
        return [{
            title: `Place ${missing.join(', ')} on ${containers[0].name}`,
            edits: context.editor.appendToList(itemNodes(list, 'databases').at(-1), missing.join(', ')),
            preferred: true
        }];
    }
});
