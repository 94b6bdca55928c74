import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';

/** A value put inside a double-quoted LogQL or TraceQL string. */
export function escapeInString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export interface QueryEditorSetup {
  value: string;
  /** The editor's accessible name, e.g. "LogQL query". */
  ariaLabel: string;
  placeholder: string;
  /** The query language and its highlighting. */
  language: Extension;
  complete: (ctx: CompletionContext) => Promise<CompletionResult | null>;
  onRun: (query: string) => void;
  /** The backend's parse error, marked where it points. */
  error?: { offset: number; message: string };
}

/**
 * A one-line-or-more CodeMirror query editor as Grafana's: Shift+Enter or Ctrl+Enter runs,
 * completion while typing, the backend's parse error marked in place. The editor is created
 * once; it reads the latest `onRun` and `complete` through a ref, and `value` changes from the
 * URL are applied to it.
 */
export function useQueryEditor(setup: QueryEditorSetup) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(setup);
  latest.current = setup;

  useEffect(() => {
    const run = (v: EditorView) => {
      latest.current.onRun(v.state.doc.toString().trim());
      return true;
    };
    const { value, ariaLabel, placeholder, language } = latest.current;
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, ...defaultKeymap, ...historyKeymap]),
          language,
          autocompletion({ override: [(ctx) => latest.current.complete(ctx)], activateOnTyping: true }),
          placeholderExt(placeholder),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel, spellcheck: 'false' }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  const { value, error } = setup;
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

  /** The text as typed, for a Run button that submits without the keyboard shortcut. */
  const currentText = () => view.current?.state.doc.toString().trim() ?? latest.current.value;
  return { host, currentText };
}
