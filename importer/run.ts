import { readBindings } from './bindings.js';
import { readCollector } from './collector.js';
import { importTopology } from './import.js';
import type { ImportParams, ImportResponse } from './protocol.js';
import { ImportInputError } from './xml.js';

/** Reads the sources and imports them; bad input is an answer (`ok: false`, file and position), not an exception. */
export function importFromTexts(params: ImportParams): ImportResponse {
    try {
        const collector = params.collector ? { file: params.collector.file, data: readCollector(params.collector.file, params.collector.text) } : undefined;
        const bindings = params.bindings.map(({ file, text }) => ({ file, facts: readBindings(file, text) }));
        if (!collector && bindings.length === 0) return { ok: false, error: 'choose a collector file (.json) and/or binding files (.xml)' };
        const result = importTopology({ collector, bindings });
        return { ok: true, text: result.text, todos: result.todos, counts: result.counts };
    } catch (error) {
        if (error instanceof ImportInputError) return { ok: false, error: error.message };
        throw error;
    }
}
