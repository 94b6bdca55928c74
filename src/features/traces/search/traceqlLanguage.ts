// CodeMirror language for TraceQL from Grafana's grammar (@grafana/lezer-traceql), the parser
// behind Grafana's own TraceQL editor.

import { HighlightStyle, LRLanguage, syntaxHighlighting } from '@codemirror/language';
import { styleTags, tags as t } from '@lezer/highlight';
import { parser } from '@grafana/lezer-traceql';

export const traceqlLanguage = LRLanguage.define({
  name: 'traceql',
  parser: parser.configure({
    props: [
      styleTags({
        'Identifier AttributeField': t.propertyName,
        'IntrinsicField Parent': t.variableName,
        'Resource Span Event Link Instrumentation': t.namespace,
        String: t.string,
        'Integer Float Duration': t.number,
        Static: t.literal,
        'FieldOp ScalarOp ComparisonOp And Or Gt Lt Desc Anc Pipe ExperimentalOp UnionStructuralOp': t.operator,
        'Aggregate GroupOperation SelectOperation CoalesceOperation MetricsOperation': t.function(t.variableName),
        'LineComment BlockComment': t.comment,
        '( )': t.paren,
        '{ }': t.brace,
      }),
    ],
  }),
  languageData: { commentTokens: { line: '//' }, closeBrackets: { brackets: ['{', '(', '"'] } },
});

export const traceqlHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.propertyName, color: 'var(--accent)' },
    { tag: t.variableName, color: '#c678dd' },
    { tag: t.namespace, color: 'var(--muted)' },
    { tag: t.string, color: 'var(--ok)' },
    { tag: [t.number, t.literal], color: 'var(--warn)' },
    { tag: t.operator, color: 'var(--text-strong)', fontWeight: '600' },
    { tag: t.function(t.variableName), color: '#e5a550' },
    { tag: t.comment, color: 'var(--muted)', fontStyle: 'italic' },
    { tag: [t.brace, t.paren], color: 'var(--text-strong)' },
  ]),
);
