import { AstUtils, CstUtils, type AstNode, type ValidationAcceptor, type ValidationChecks, type LangiumDocument, WorkspaceCache } from 'langium';
import * as ast from '../generated/ast.js';
import { namedMembers, namespaceOf as namespaceOfType } from '../scoping/namespaces.js';

const namespaceOf = (node: AstNode): string | undefined => namespaceOfType(node.$type);
import type { BizhaServices } from '../bizha-module.js';

/** Codes of the language's own (non-rule) errors, for code actions. */
export const LanguageIssue = {
    DuplicateName: 'bizha-duplicate-name',
    TopLevelDatabases: 'bizha-top-level-databases',
    StringEscape: 'bizha-string-escape',
    Bitness: 'bizha-bitness',
    Version: 'bizha-version',
    Os: 'bizha-os',
    DatabasePlacedTwice: 'bizha-database-placed-twice'
} as const;

export function registerValidationChecks(services: BizhaServices): void {
    const validator = services.validation.BizhaValidator;
    const checks: ValidationChecks<ast.BizhaAstType> = {
        Model: [validator.checkRules, validator.checkTopLevelNames, validator.checkStringEscapes],
        Group: [validator.checkGroupNames, validator.checkDatabasesPlacedOnce],
        SqlInstance: validator.checkTopLevelSqlHasNoDatabases,
        Bitness: validator.checkBitness,
        VersionSetting: validator.checkVersion,
        ComputerOs: validator.checkOs
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

/**
 * Comments and strings as the lexer sees them (bizha.langium's ML_COMMENT, SL_COMMENT, STRING):
 * scanning with comments as alternatives keeps a quote inside a comment from opening a string.
 */
const commentOrString = /\/\*[\s\S]*?\*\/|\/\/[^\n\r]*|"(?:\\[^\r\n]|[^"\\\r\n])*"/g;

export class BizhaValidator {
    private readonly topLevelNames: WorkspaceCache<string, Map<string, Array<{ uri: string; type: string }>>>;

    constructor(private readonly services: BizhaServices) {
        this.topLevelNames = new WorkspaceCache(services.shared);
    }

    checkRules = (model: ast.Model, accept: ValidationAcceptor): void => {
        this.services.validation.RuleEngine.validate(model, accept);
    };

    checkGroupNames = (group: ast.Group, accept: ValidationAcceptor): void => {
        this.checkUnique(namedMembers(group), accept, 'in group ' + group.name);
    };

    checkTopLevelNames = (model: ast.Model, accept: ValidationAcceptor): void => {
        const members = namedMembers(model);
        this.checkUnique(members, accept, 'at the top level of this file');
        // Top-level names are shared by the whole workspace.
        const index = this.workspaceTopLevelNames();
        const uri = AstUtils.getDocument(model).uri.toString();
        for (const member of members) {
            const namespace = namespaceOf(member)!;
            const elsewhere = (index.get(`${namespace}/${member.name}`) ?? []).filter(entry => entry.uri !== uri);
            if (elsewhere.length === 0) continue;
            accept('error', `The ${namespace} name '${member.name}' is also declared at the top level of ${elsewhere.map(e => e.uri.slice(e.uri.lastIndexOf('/') + 1)).join(', ')}: top-level names are shared by every .bizha file of the workspace.`, {
                node: member, property: 'name', code: LanguageIssue.DuplicateName
            });
        }
    };

    private workspaceTopLevelNames(): Map<string, Array<{ uri: string; type: string }>> {
        return this.topLevelNames.get('all', () => {
            const map = new Map<string, Array<{ uri: string; type: string }>>();
            for (const description of this.services.shared.workspace.IndexManager.allElements()) {
                const namespace = namespaceOf({ $type: description.type });
                if (!namespace) continue;
                const key = `${namespace}/${description.name}`;
                const list = map.get(key) ?? [];
                list.push({ uri: description.documentUri.toString(), type: description.type });
                map.set(key, list);
            }
            return map;
        });
    }

    private checkUnique(members: ReadonlyArray<AstNode & { name: string }>, accept: ValidationAcceptor, where: string): void {
        const seen = new Map<string, AstNode>();
        for (const member of members) {
            const key = `${namespaceOf(member)}/${member.name}`;
            if (seen.has(key)) {
                accept('error', `'${member.name}' is already declared ${where} (as a ${namespaceOf(member)}): names must be unique in their scope.`, {
                    node: member, property: 'name', code: LanguageIssue.DuplicateName
                });
            } else {
                seen.set(key, member);
            }
        }
    }

    checkDatabasesPlacedOnce = (group: ast.Group, accept: ValidationAcceptor): void => {
        const seen = new Set<string>();
        for (const database of databasesOf(group)) {
            // A half-typed `databases sso` has no name yet.
            if (!database.name) continue;
            const key = database.name.toLowerCase();
            if (seen.has(key)) {
                accept('error', `${database.name} is already placed in group ${group.name}: a database belongs to exactly one SQL instance or availability group.`, {
                    node: database, property: 'name', code: LanguageIssue.DatabasePlacedTwice
                });
            }
            seen.add(key);
        }
    };

    checkTopLevelSqlHasNoDatabases = (sql: ast.SqlInstance, accept: ValidationAcceptor): void => {
        if (!ast.isModel(sql.$container)) return;
        for (const list of (sql.properties ?? []).filter(ast.isDatabaseList)) {
            accept('error', `SQL instance ${sql.name} is declared at the top level, where it belongs to no group, so it cannot list databases: place them from the group with \`databases ${list.databases.map(d => d.name).join(', ')} on ${sql.name}\`.`, {
                node: list, code: LanguageIssue.TopLevelDatabases
            });
        }
    };

    /** One pass over the text: strings are rare and bad escapes rarer, so no node is visited for them. */
    checkStringEscapes = (model: ast.Model, accept: ValidationAcceptor): void => {
        const root = model.$cstNode;
        if (!root) return;
        const text = root.root.fullText;
        for (const match of text.matchAll(commentOrString)) {
            if (!match[0].startsWith('"')) continue;
            const bad = [...match[0].matchAll(/\\(.)/g)].find(escape => escape[1] !== '"' && escape[1] !== '\\');
            if (!bad) continue;
            // Only a string the parser took as a value (not one inside an error-recovered region).
            const leaf = CstUtils.findLeafNodeAtOffset(root, match.index);
            if (!leaf || leaf.offset !== match.index || leaf.tokenType.name !== 'STRING') continue;
            accept('error', `Unknown escape "${bad[0]}" in a string: only \\\\ (a backslash) and \\" (a quote) are escapes, so write each backslash of a path twice, e.g. "\\\\\\\\fs01\\\\share".`, {
                node: leaf.astNode, range: leaf.range, code: LanguageIssue.StringEscape
            });
        }
    };

    checkBitness = (bitness: ast.Bitness, accept: ValidationAcceptor): void => {
        if (bitness.bits === 32 || bitness.bits === 64) return;
        accept('error', `A host is 32-bit or 64-bit: write \`bitness 32\` (32-bit only) or \`bitness 64\`, not ${bitness.bits}.`, { node: bitness, property: 'bits', code: LanguageIssue.Bitness });
    };

    checkOs = (os: ast.ComputerOs, accept: ValidationAcceptor): void => {
        if (os.year === undefined) return;
        if (![2012, 2016, 2019, 2022, 2025].includes(os.year)) {
            accept('error', `bizha knows Windows Server 2012 R2, 2016, 2019, 2022 and 2025, not ${os.year}.`, { node: os, property: 'year', code: LanguageIssue.Os });
        } else if (os.year === 2012 && !os.r2) {
            accept('error', 'bizha knows Windows Server from 2012 R2 on: write `os 2012 r2`.', { node: os, property: 'year', code: LanguageIssue.Os });
        } else if (os.r2 && os.year !== 2012) {
            accept('error', `Only Windows Server 2012 has an R2 release here: write \`os ${os.year}\` or \`os 2012 r2\`.`, { node: os, property: 'r2', code: LanguageIssue.Os });
        }
    };

    checkVersion = (version: ast.VersionSetting, accept: ValidationAcceptor): void => {
        if (![2013, 2016, 2020].includes(version.year)) {
            accept('error', `bizha knows BizTalk Server 2013, 2013 R2, 2016 and 2020, not ${version.year}.`, { node: version, property: 'year', code: LanguageIssue.Version });
        } else if (version.r2 && version.year !== 2013) {
            accept('error', `Only BizTalk Server 2013 has an R2 release: write \`version 2013 r2\` or drop \`r2\`.`, { node: version, property: 'r2', code: LanguageIssue.Version });
        }
    };
}

export type { LangiumDocument };

/** The databases a group places: `databases ... on` members and the database lists of its SQL instances and availability groups. */
export function databasesOf(group: ast.Group): ast.Database[] {
    return (group.members ?? []).flatMap(member => {
        if (ast.isDatabasePlacement(member)) return member.databases;
        if (ast.isSqlInstance(member) || ast.isAvailabilityGroup(member)) {
            return (member.properties ?? []).flatMap(property => ast.isDatabaseList(property) ? property.databases : []);
        }
        return [];
    });
}
