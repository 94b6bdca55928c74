import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { proxyUrl } from '../../datasources/proxyPath';

interface PromQLEditorProps {
  /** Accessible name of the editable area. */
  label: string;
  value: string;
  datasourceUid: string;
  onChange: (value: string) => void;
  /** Enter (without Shift) runs the queries, as in Prometheus's UI; Shift+Enter is a new line. */
  onRun: () => void;
  placeholder?: string;
}

/**
 * Prometheus's own PromQL language support: highlighting, linting, and completion of functions,
 * metric names, labels and values fetched through Sightline's proxy (GET only: the proxy is
 * read-only and its allowlist takes POST just for queries).
 */
export function PromQLEditor({ label, value, datasourceUid, onChange, onRun, placeholder }: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const promql = new PromQLExtension()
      .setComplete({
        remote: {
          url: proxyUrl(datasourceUid, '').replace(/\/$/, ''),
          httpMethod: 'GET',
          cache: { maxAge: 5 * 60_000 },
          // Completion is a convenience: a backend that refuses (demo, no metadata) must stay quiet.
          httpErrorHandler: () => undefined,
        },
      })
      .activateLinter(true);
    const runKey = { key: 'Enter', run: () => (callbacks.current.onRun(), true) };
    const state = EditorState.create({
      doc: value,
      extensions: [
        history(),
        closeBrackets(),
        bracketMatching(),
        autocompletion(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        placeholderExt(placeholder ?? ''),
        EditorView.lineWrapping,
        // Completion's keymap comes first so Enter accepts a suggestion when the list is open.
        keymap.of([...completionKeymap, ...closeBracketsKeymap, runKey, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        promql.asExtension(),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => {
      view.current?.destroy();
      view.current = null;
      promql.destroy();
    };
    // The editor is created once per datasource; `value` changes from outside are applied below.
  }, [datasourceUid, label]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="promql-editor" />;
}
