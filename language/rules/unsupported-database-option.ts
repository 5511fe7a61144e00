import type { DatabaseModel, GroupModel } from '../model/topology.js';
import { removeDatabaseOptionEdits } from './fixes-common.js';
import { databaseOptionNode } from './helpers.js';
import { defineRule, type Rule } from './rule.js';

/** A database option Microsoft does not support for BizTalk databases: `mirrored`, `vss`, `sql-log-shipping`. */
export interface UnsupportedDatabaseOption {
    readonly flag: 'mirrored' | 'vss' | 'sql-log-shipping';
    /** Whether a database carries the flag, and the flag matters for it. */
    readonly applies: (database: DatabaseModel) => boolean;
    readonly message: (database: DatabaseModel, group: GroupModel) => string;
    /** The quick fix's title: it removes the option. */
    readonly fixTitle: (database: DatabaseModel) => string;
}

/**
 * One shape for the rules that report such an option on the option itself and remove it as their
 * fix; each rule module keeps its id, severity, documentation and wording.
 */
export function defineUnsupportedDatabaseOptionRule(rule: Omit<Rule, 'check' | 'fix'> & { option: UnsupportedDatabaseOption }): Rule {
    const { option, ...identity } = rule;
    const isFlag = (o: { flag?: string }) => o.flag === option.flag;
    return defineRule({
        ...identity,
        check({ group, report }) {
            for (const database of group.databases) {
                if (!option.applies(database)) continue;
                const node = databaseOptionNode(database, isFlag);
                report({ node: node ?? database.node, property: node ? 'flag' : 'name', message: option.message(database, group), data: { database: database.name } });
            }
        },
        fix(context) {
            const database = context.group.databases.find(d => d.name === context.data.database && option.applies(d));
            if (!database) return [];
            return [{ title: option.fixTitle(database), edits: removeDatabaseOptionEdits(context, database, isFlag), preferred: true }];
        }
    });
}
