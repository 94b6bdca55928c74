import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
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

function escapeInString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A CodeMirror editor with LogQL highlighting; Shift+Enter or Ctrl+Enter runs, as in Grafana. */
export function LogQLEditor({ value, onRun, fetchLabels, fetchLabelValues, error }: LogQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor lives across renders; it reads the latest callbacks through this ref.
  const latest = useRef({ onRun, fetchLabels, fetchLabelValues });
  latest.current = { onRun, fetchLabels, fetchLabelValues };

  useEffect(() => {
    const run = (v: EditorView) => {
      latest.current.onRun(v.state.doc.toString().trim());
      return true;
    };
    const complete = async (ctx: CompletionContext) => {
      const where = completionContextAt(ctx.state.sliceDoc(0, ctx.pos));
      if (!where) return null;
      if (where.kind === 'labelName') {
        const names = await latest.current.fetchLabels();
        return { from: where.from, options: names.map((n): Completion => ({ label: n, type: 'property' })), validFor: /^\w*$/ };
      }
      const values = await latest.current.fetchLabelValues(where.label);
      return {
        from: where.from,
        options: values.map((v): Completion => ({ label: v, type: 'constant', apply: where.quoted ? escapeInString(v) : `"${escapeInString(v)}"` })),
      };
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          keymap.of([
            { key: 'Shift-Enter', run },
            { key: 'Mod-Enter', run },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          logqlLanguage,
          logqlHighlighting,
          autocompletion({ override: [complete], activateOnTyping: true }),
          placeholderExt('{service_name="homebot"} |= "error" | json'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'LogQL query', spellcheck: 'false' }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; `value` changes are applied below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const at = error ? Math.min(error.offset, v.state.doc.length) : 0;
    const to = error ? Math.min(v.state.doc.length, at + 1) : 0;
    v.dispatch(setDiagnostics(v.state, error ? [{ from: at, to: Math.max(at, to), severity: 'error', message: error.message }] : []));
  }, [error?.offset, error?.message]);

  return (
    <form
      className="query-editor logql-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(view.current?.state.doc.toString().trim() ?? value);
      }}
    >
      <div ref={host} className="logql-editor-host" />
      <button type="submit" className="primary">
        Run query
      </button>
    </form>
  );
}
