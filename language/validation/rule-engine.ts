import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { isGroup, type Model } from '../generated/ast.js';
import type { BizhaAnalysisService } from '../analysis/analysis-service.js';
import type { BizhaRuleSettings } from '../config/rule-settings.js';
import { lowerSeverity, type GroupRuleContext, type RelatedLocation, type Rule, type RuleReport, type Severity } from '../rules/rule.js';
import { allRules, unusedSuppressionRuleId } from '../rules/registry.js';
import { parseSuppressions, type Suppression } from './suppressions.js';
import type { Range } from '../model/topology.js';

interface Finding {
    readonly rule: Rule;
    readonly severity: Severity;
    readonly message: string;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    readonly range: Range;
    readonly related?: RelatedLocation[];
    readonly data?: Record<string, unknown>;
}

const acceptorSeverity: Record<Severity, Parameters<ValidationAcceptor>[0]> = {
    error: 'error', warning: 'warning', information: 'info', hint: 'hint'
};

/** The diagnostic code of a rule that threw instead of finishing its check. */
export const internalErrorCode = 'BIZHA-INTERNAL';

function describeError(error: unknown): string {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Where a rule's documentation page lives; the server and the CLI point it at the installed docs. */
export interface RuleDocs {
    url(ruleId: string): string;
}

/**
 * Runs every rule of the registry over each group of a document, then applies the group's
 * availability level, the severity settings and the suppression comments.
 */
export class BizhaRuleEngine {
    constructor(
        private readonly analysis: BizhaAnalysisService,
        private readonly settings: BizhaRuleSettings,
        private readonly docs: RuleDocs
    ) { }

    validate(model: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model);
        const size = document.textDocument.getText().length;
        if (size > this.settings.maxFileSizeKB * 1024) {
            accept('warning', `This file is ${(size / 1024 / 1024).toFixed(1)} MB, larger than bizha.maxFileSizeKB (${this.settings.maxFileSizeKB} KB): bizha skips its high-availability analysis here to keep the editor responsive. Split it into an inventory file and group files, or raise the setting.`, {
                node: model, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: 'bizha-large-file'
            });
            return;
        }
        const findings: Finding[] = [];
        for (const group of (model.declarations ?? []).filter(isGroup)) {
            const { model: groupModel, analysis } = this.analysis.forGroup(group);
            const functions = new Map(analysis.functions.map(fn => [fn.id, fn]));
            // One context per group; `report` files findings under the rule being run.
            let rule = allRules[0];
            const context: GroupRuleContext = {
                group: groupModel,
                analysis,
                fn: id => functions.get(id),
                at: element => element.local ? element.node : element.anchor,
                report: report => findings.push(this.finding(rule, report, groupModel.availability))
            };
            for (rule of allRules) {
                if (!rule.check) continue;
                try {
                    rule.check(context);
                } catch (error) {
                    // A rule bug must not take the server down or hide the other rules' findings, nor
                    // pass unseen: it is an error on the group (no severity setting or suppression hides
                    // it), so `bizha check` fails and a rule test cannot pass on a crashing rule.
                    console.error(`bizha: rule ${rule.id} failed on group ${groupModel.name}:`, error);
                    accept('error', `bizha internal error: rule ${rule.id} crashed on group ${groupModel.name} (${describeError(error)}). Its findings for this group are incomplete; please report this bug.`, {
                        node: group, property: 'name', code: internalErrorCode
                    });
                }
            }
        }
        const suppressions = parseSuppressions(document.textDocument.getText());
        const used = new Set<Suppression>();
        for (const finding of findings) {
            const override = this.settings.override(finding.rule.id);
            if (override === 'off') continue;
            const suppression = suppressions.find(s => s.line === finding.range.start.line - 1 && s.reason && s.ids.includes(finding.rule.id));
            if (suppression) {
                used.add(suppression);
                continue;
            }
            this.emit(accept, finding, override ?? finding.severity);
        }
        this.reportUnusedSuppressions(suppressions, used, accept, model);
    }

    private finding(rule: Rule, report: RuleReport, availability: 'high' | 'standard'): Finding {
        const base = report.severity ?? rule.defaultSeverity;
        const cst = report.property
            ? GrammarUtils.findNodeForProperty(report.node.$cstNode, report.property, report.index) ?? report.node.$cstNode
            : report.node.$cstNode;
        return {
            rule,
            severity: availability === 'standard' ? lowerSeverity(base) : base,
            message: report.message,
            node: report.node,
            property: report.property,
            index: report.index,
            range: cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            related: report.related,
            data: report.data
        };
    }

    private emit(accept: ValidationAcceptor, finding: Finding, severity: Severity): void {
        accept(acceptorSeverity[severity], finding.message, {
            node: finding.node,
            range: finding.range,
            code: finding.rule.id,
            codeDescription: { href: this.docs.url(finding.rule.id) },
            relatedInformation: finding.related?.map(r => ({ message: r.message, location: { uri: r.source.uri, range: r.source.range } })),
            data: { ruleId: finding.rule.id, ...finding.data }
        });
    }

    private reportUnusedSuppressions(suppressions: Suppression[], used: Set<Suppression>, accept: ValidationAcceptor, model: Model): void {
        const rule = allRules.find(r => r.id === unusedSuppressionRuleId)!;
        const override = this.settings.override(rule.id);
        if (override === 'off') return;
        const known = new Set(allRules.map(r => r.id));
        for (const suppression of suppressions) {
            const unknown = suppression.ids.filter(id => !known.has(id));
            // A suppression that silences something is still wrong when it also names an unknown id.
            if (used.has(suppression) && unknown.length === 0) continue;
            const message = suppression.ids.length === 0
                ? 'This bizha-ignore names no rule id: write `// bizha-ignore RULE-ID -- reason`.'
                : unknown.length > 0
                    ? `bizha-ignore names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; it silences nothing.`
                    : !suppression.reason
                        ? 'bizha-ignore needs a reason after "--" (for example `// bizha-ignore HA-DR-BACKUPJOB -- backups run by the platform team`); without one it silences nothing.'
                        : `bizha-ignore ${suppression.ids.join(', ')} silences nothing: no such diagnostic starts on the next line. Remove the comment or move it above the element.`;
            this.emit(accept, {
                rule, severity: rule.defaultSeverity, message, node: model,
                range: { start: { line: suppression.line, character: suppression.character }, end: { line: suppression.line, character: suppression.character + suppression.length } }
            }, override ?? rule.defaultSeverity);
        }
    }
}
