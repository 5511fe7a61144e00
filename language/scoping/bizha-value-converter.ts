import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** The reference allows only `\\` and `\"` escapes in strings; everything else is kept as written. */
export function unescapeBizhaString(quoted: string): string {
    return quoted.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

export class BizhaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return unescapeBizhaString(input);
        return super.runConverter(rule, input, cstNode);
    }
}
