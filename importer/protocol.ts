/** The `bizha/import` request: the extension sends the files' texts, the server answers with the topology. */
export const importRequestMethod = 'bizha/import';

export interface ImportFile {
    /** Shown in provenance comments and error messages. */
    readonly file: string;
    readonly text: string;
}

export interface ImportParams {
    readonly collector?: ImportFile;
    readonly bindings: readonly ImportFile[];
}

export type ImportResponse =
    | { readonly ok: true; readonly text: string; readonly todos: number; readonly counts: Record<string, number> }
    | { readonly ok: false; readonly error: string };
