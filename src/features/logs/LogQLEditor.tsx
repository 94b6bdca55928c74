import type { Completion, CompletionContext } from '@codemirror/autocomplete';
import { escapeInString, useQueryEditor } from '../../lib/codemirror/useQueryEditor';
import { completionContextAt } from './completionContext';
import { logqlHighlighting, logqlLanguage } from './logqlLanguage';

export interface LogQLEditorProps {
  value: string;
  onRun: (query: string) => void;
  /** Label names and values for autocomplete, scoped by the caller to the time range. */
  fetchLabels: () => Promise<string[]>;
  fetchLabelValues: (label: string) => Promise<string[]>;
  /** Loki's parse error, marked where it points. */
  error?: { offset: number; message: string };
}

/** A CodeMirror editor with LogQL highlighting; Shift+Enter or Ctrl+Enter runs, as in Grafana. */
export function LogQLEditor({ value, onRun, fetchLabels, fetchLabelValues, error }: LogQLEditorProps) {
  const { host, currentText } = useQueryEditor({
    value,
    error,
    onRun,
    ariaLabel: 'LogQL query',
    placeholder: '{service_name="homebot"} |= "error" | json',
    language: [logqlLanguage, logqlHighlighting],
    complete: async (ctx: CompletionContext) => {
      const where = completionContextAt(ctx.state.sliceDoc(0, ctx.pos));
      if (!where) return null;
      if (where.kind === 'labelName') {
        const names = await fetchLabels();
        return { from: where.from, options: names.map((n): Completion => ({ label: n, type: 'property' })), validFor: /^\w*$/ };
      }
      const values = await fetchLabelValues(where.label);
      return {
        from: where.from,
        options: values.map((v): Completion => ({ label: v, type: 'constant', apply: where.quoted ? escapeInString(v) : `"${escapeInString(v)}"` })),
      };
    },
  });

  return (
    <form
      className="query-editor logql-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(currentText());
      }}
    >
      <div ref={host} className="logql-editor-host" />
      <button type="submit" className="primary">
        Run query
      </button>
    </form>
  );
}
