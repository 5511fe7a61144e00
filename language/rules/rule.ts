import type { AstNode } from 'langium';
import type { GroupAnalysis, FunctionResult } from '../analysis/types.js';
import type { GroupModel, SourceRef } from '../model/topology.js';
import type { Fix, FixContext } from './fix.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RuleArea =
    | 'group' | 'hosts' | 'adapters' | 'clustered hosts' | 'SSO' | 'databases'
    | 'availability groups' | 'tracking' | 'BAM' | 'accounts' | 'disaster recovery' | 'sites' | 'suppressions';

export interface RelatedLocation {
    readonly message: string;
    readonly source: SourceRef;
}

/** One finding of a rule, before severity settings and suppressions apply. */
export interface RuleReport {
    /** Must be a node of the group's own document: use `context.at(element)` for shared elements. */
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly message: string;
    /** For rules whose catalog severity depends on the case; otherwise the rule's default. */
    readonly severity?: Severity;
    readonly related?: RelatedLocation[];
    /** Facts a quick fix needs (host name, candidate computers, ...). */
    readonly data?: Record<string, unknown>;
}

export interface GroupRuleContext {
    readonly group: GroupModel;
    readonly analysis: GroupAnalysis;
    report(report: RuleReport): void;
    /** Where to report about an element: itself when the group declares it, else where the group uses it. */
    at(element: { node: AstNode; anchor: AstNode; local: boolean }): AstNode;
    fn(id: string): FunctionResult | undefined;
}

export interface Rule {
    readonly id: string;
    readonly defaultSeverity: Severity;
    readonly area: RuleArea;
    /** One line, shown in the rules table and the SARIF rule description. */
    readonly summary: string;
    /** Microsoft BizTalk documentation pages this rule rests on (paths in MicrosoftDocs/biztalk-docs). */
    readonly sources: readonly string[];
    /** Group rules run once per group; document rules (suppressions) are run by the engine itself. */
    readonly check?: (context: GroupRuleContext) => void;
    /** Quick fixes for one of the rule's diagnostics; the first preferred one is used by "fix all". */
    readonly fix?: (context: FixContext) => Fix[];
}

export function defineRule(rule: Rule): Rule {
    return rule;
}

const lowered: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint' };

/** `availability standard`: the group is not meant to be highly available; every rule drops a level. */
export function lowerSeverity(severity: Severity): Severity {
    return lowered[severity];
}

