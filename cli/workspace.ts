import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createBizhaServices, type BizhaServices } from '../language/bizha-module.js';
import { parseBizhaJson, type SettingsProblem } from '../language/config/rule-settings.js';
import { rulesDocsFolder } from '../server/bundle-paths.js';

/** A problem with the command line's input: reported with exit code 2. */
export class InputError extends Error { }

const skippedFolders = new Set(['node_modules', '.git', 'out']);

/** Every path of one command forms one workspace: files as given, folders contribute their .bizha files. */
export function collectFiles(paths: string[]): string[] {
    if (paths.length === 0) throw new InputError('no file or folder given');
    const files: string[] = [];
    for (const given of paths) {
        const absolute = path.resolve(given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch {
            throw new InputError(`no such file or folder: ${given}`);
        }
        if (stat.isDirectory()) {
            files.push(...walk(absolute));
        } else {
            if (!absolute.endsWith('.bizha')) throw new InputError(`not a .bizha file: ${given}`);
            try {
                fs.accessSync(absolute, fs.constants.R_OK);
            } catch {
                throw new InputError(`cannot read ${given}`);
            }
            files.push(absolute);
        }
    }
    return [...new Set(files)].sort();
}

function walk(folder: string): string[] {
    const found: string[] = [];
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
        throw new InputError(`cannot read folder ${folder}`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !skippedFolders.has(entry.name)) found.push(...walk(full));
        else if (entry.isFile() && entry.name.endsWith('.bizha')) found.push(full);
    }
    return found;
}

export interface LoadedWorkspace {
    readonly services: BizhaServices;
    readonly documents: LangiumDocument[];
    readonly configProblems: Array<SettingsProblem & { file: string }>;
}

/** Parses, links and validates the files exactly as the language server does. */
export async function loadWorkspace(files: string[], configFile?: string): Promise<LoadedWorkspace> {
    return loadTexts(files.map(file => {
        try {
            return { file, text: fs.readFileSync(file, 'utf8') };
        } catch {
            throw new InputError(`cannot read ${file}`);
        }
    }), configFile);
}

/** The same for texts not (yet) on disk, such as the output of `bizha import` before it is written. */
export async function loadTexts(texts: { file: string; text: string }[], configFile?: string): Promise<LoadedWorkspace> {
    const services = createBizhaServices({ ...NodeFileSystem, rulesDocsFolder: rulesDocsFolder() }).Bizha;
    const configProblems = applyConfig(services, configFile);
    const documents: LangiumDocument[] = [];
    for (const { file, text } of texts) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, configProblems };
}

function applyConfig(services: BizhaServices, configFile?: string): Array<SettingsProblem & { file: string }> {
    const file = configFile ?? path.resolve('bizha.json');
    if (!fs.existsSync(file)) {
        if (configFile) throw new InputError(`no such configuration file: ${configFile}`);
        return [];
    }
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        throw new InputError(`cannot read ${file}`);
    }
    const parsed = parseBizhaJson(text);
    services.validation.RuleSettings.setFileOverrides(parsed.overrides);
    return parsed.problems.map(problem => ({ ...problem, file }));
}
