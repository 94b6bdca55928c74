import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
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

function escapeInString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Strings are quoted in TraceQL; numbers, durations, booleans and keywords (status, kind) are not. */
function needsQuotes(attribute: string, value: TempoTagValue): boolean {
  if (attribute in INTRINSIC_VALUES) return false;
  return value.type === 'string' || value.type === '';
}

/** CodeMirror with TraceQL highlighting and completion; Shift+Enter or Ctrl+Enter runs, as in Grafana. */
export function TraceQLEditor({ value, onRun, fetchAttributes, fetchValues, error }: TraceQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor lives across renders; it reads the latest callbacks through this ref.
  const latest = useRef({ onRun, fetchAttributes, fetchValues });
  latest.current = { onRun, fetchAttributes, fetchValues };

  useEffect(() => {
    const run = (v: EditorView) => {
      latest.current.onRun(v.state.doc.toString().trim());
      return true;
    };
    const complete = async (ctx: CompletionContext) => {
      const where = traceqlCompletionContext(ctx.state.sliceDoc(0, ctx.pos));
      if (!where) return null;
      if (where.kind === 'attribute') {
        if (!ctx.explicit && where.prefix === '') return null;
        const names = await latest.current.fetchAttributes();
        return { from: where.from, options: names.map((n): Completion => ({ label: n, type: 'property' })), validFor: /^[\w.\-:/]*$/ };
      }
      const fixed = INTRINSIC_VALUES[where.attribute];
      const values = fixed ? fixed.map((v) => ({ type: 'keyword', value: v })) : await latest.current.fetchValues(where.attribute);
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
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, ...defaultKeymap, ...historyKeymap]),
          traceqlLanguage,
          traceqlHighlighting,
          autocompletion({ override: [complete], activateOnTyping: true }),
          placeholderExt('{ resource.service.name = "homebot" && duration > 500ms }'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'TraceQL query', spellcheck: 'false' }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Created once; `value` changes are applied below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const len = v.state.doc.length;
    const at = error ? Math.min(error.offset, len) : 0;
    const diagnostics = error ? [{ from: Math.max(0, Math.min(at, len - 1)), to: Math.min(len, at + 1), severity: 'error' as const, message: error.message }] : [];
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [error?.offset, error?.message]);

  return (
    <form
      className="query-editor traceql-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(view.current?.state.doc.toString().trim() ?? value);
      }}
    >
      <div ref={host} className="traceql-editor-host" />
      <button type="submit" className="primary">
        Run query
      </button>
    </form>
  );
}
