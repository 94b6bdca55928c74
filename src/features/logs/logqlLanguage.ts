// CodeMirror language for LogQL from Grafana's grammar (@grafana/lezer-logql): highlighting
// follows the same parse tree Grafana's editor uses.

import { HighlightStyle, LRLanguage, syntaxHighlighting } from '@codemirror/language';
import { styleTags, tags as t } from '@lezer/highlight';
import { parser } from '@grafana/lezer-logql';

export const logqlLanguage = LRLanguage.define({
  name: 'logql',
  parser: parser.configure({
    props: [
      styleTags({
        'Identifier LabelName': t.labelName,
        String: t.string,
        'Number Duration Bytes': t.number,
        'Eq Neq Re Nre Eql Gtr Gte Lss Lte Add Sub Mul Div Mod Pow': t.compareOperator,
        'PipeExact PipeMatch PipePattern Npa Pipe': t.operator,
        'Json Logfmt Unpack Pattern Regexp Unwrap LabelFormat LineFormat Decolorize Drop Keep': t.keyword,
        'CountOverTime Rate RateCounter BytesOverTime BytesRate AvgOverTime SumOverTime MinOverTime MaxOverTime StddevOverTime StdvarOverTime QuantileOverTime FirstOverTime LastOverTime AbsentOverTime Vector LabelReplace':
          t.function(t.variableName),
        'Sum Avg Count Max Min Stddev Stdvar Bottomk Topk Sort Sort_Desc': t.function(t.variableName),
        'By Without Bool On Ignoring GroupLeft GroupRight Offset And Or Unless Ip': t.modifier,
        LineComment: t.lineComment,
        '( )': t.paren,
        '{ }': t.brace,
        '[ ]': t.squareBracket,
      }),
    ],
  }),
  languageData: { commentTokens: { line: '#' } },
});

export const logqlHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.labelName, color: 'var(--accent)' },
    { tag: t.string, color: 'var(--ok)' },
    { tag: t.number, color: 'var(--warn)' },
    { tag: [t.operator, t.compareOperator], color: 'var(--text-strong)', fontWeight: '600' },
    { tag: t.keyword, color: '#c678dd' },
    { tag: t.function(t.variableName), color: '#e5a550' },
    { tag: t.modifier, color: '#c678dd' },
    { tag: t.lineComment, color: 'var(--muted)', fontStyle: 'italic' },
  ]),
);
