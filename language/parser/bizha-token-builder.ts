import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';

/**
 * Keywords that version 2 added and that a version 1 file may have used as a name (a computer
 * called `agent`, a host called `portal`). They stay keywords where the grammar expects them and
 * are identifiers everywhere else: each is lexed as its own keyword token in the category ID, and
 * Chevrotain lets a token of a category match where the category is expected. `bam` was a keyword
 * already; `bam-portal` is not soft because `fronts` takes a host name or `bam-portal` in one list.
 */
export const softKeywords: ReadonlySet<string> = new Set([
    'receive-location-fault-tolerance', 'os', 'zone', 'perimeter', 'hypervisor', 'sql-alias', 'network-name', 'witness', 'disk',
    'file-share', 'cloud', 'agent', 'running', 'stopped', 'preferred-owner', 'server-name', 'recovery', 'full', 'simple',
    'bulk-logged', 'publication', 'mirrored', 'sql-log-shipping', 'vss', 'subnets', 'jobs-and-logins', 'replicated', 'portal',
    'event-bus', 'queue-manager', 'lease-timeout', 'domain-local'
]);

export class BizhaTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const id = tokens.find(token => token.name === 'ID');
        if (id) {
            for (const token of tokens) if (softKeywords.has(token.name)) token.CATEGORIES = [id];
        }
        return tokens;
    }
}
