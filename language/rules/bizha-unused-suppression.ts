import { defineRule } from './rule.js';

/** Checked by the rule engine after every other rule, since it needs their findings. */
export const bizhaUnusedSuppression = defineRule({
    id: 'BIZHA-UNUSED-SUPPRESSION',
    defaultSeverity: 'warning',
    area: 'suppressions',
    summary: 'A bizha-ignore comment that silences nothing: no matching diagnostic, an unknown rule id, or no reason.',
    sources: []
});
