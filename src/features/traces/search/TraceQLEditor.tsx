import type { Completion, CompletionContext } from '@codemirror/autocomplete';
import { escapeInString, useQueryEditor } from '../../../lib/codemirror/useQueryEditor';
import type { TempoTagValue } from '../../../datasources/tempo/types';
import { INTRINSIC_VALUES, traceqlCompletionContext } from './completionContext';
import { traceqlHighlighting, traceqlLanguage } from './traceqlLanguage';

export interface TraceQLEditorProps {
  value: string;
  onRun: (query: string) => void;
  /** Attribute names as a query writes them (`resource.service.name`, `duration`). */
  fetchAttributes: () => Promise<string[]>;
  fetchValues: (attribute: string) => Promise<TempoTagValue[]>;
  /** Tempo's parse error, marked where it points. */
  error?: { offset: number; message: string };
}

/** Strings are quoted in TraceQL; numbers, durations, booleans and keywords (status, kind) are not. */
function needsQuotes(attribute: string, value: TempoTagValue): boolean {
  if (attribute in INTRINSIC_VALUES) return false;
  return value.type === 'string' || value.type === '';
}

/** CodeMirror with TraceQL highlighting and completion; Shift+Enter or Ctrl+Enter runs, as in Grafana. */
export function TraceQLEditor({ value, onRun, fetchAttributes, fetchValues, error }: TraceQLEditorProps) {
  const { host, currentText } = useQueryEditor({
    value,
    error,
    onRun,
    ariaLabel: 'TraceQL query',
    placeholder: '{ resource.service.name = "homebot" && duration > 500ms }',
    language: [traceqlLanguage, traceqlHighlighting],
    complete: async (ctx: CompletionContext) => {
      const where = traceqlCompletionContext(ctx.state.sliceDoc(0, ctx.pos));
      if (!where) return null;
      if (where.kind === 'attribute') {
        if (!ctx.explicit && where.prefix === '') return null;
        const names = await fetchAttributes();
        return { from: where.from, options: names.map((n): Completion => ({ label: n, type: 'property' })), validFor: /^[\w.\-:/]*$/ };
      }
      const fixed = INTRINSIC_VALUES[where.attribute];
      const values = fixed ? fixed.map((v) => ({ type: 'keyword', value: v })) : await fetchValues(where.attribute);
      return {
        from: where.from,
        // Typing on within the value filters this list instead of asking Tempo again.
        validFor: where.quoted ? /^(?:[^"\\]|\\.)*$/ : /^[\w.\-:]*$/,
        options: values.map(
          (v): Completion => ({
            label: v.value,
            type: 'constant',
            apply: where.quoted ? escapeInString(v.value) : needsQuotes(where.attribute, v) ? `"${escapeInString(v.value)}"` : v.value,
          }),
        ),
      };
    },
  });

  return (
    <form
      className="query-editor traceql-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(currentText());
      }}
    >
      <div ref={host} className="traceql-editor-host" />
      <button type="submit" className="primary">
        Run query
      </button>
    </form>
  );
}
