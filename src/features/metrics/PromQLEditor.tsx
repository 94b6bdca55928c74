import { useEffect, useRef } from 'react';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { bracketMatching, defaultHighlightStyle, LRLanguage, syntaxHighlighting } from '@codemirror/language';
import { parser } from '@prometheus-io/lezer-promql';
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

/** codemirror-promql's `promQLLanguage('PromQL')`: its parser carries the highlighting tags. */
const promQLLanguage = LRLanguage.define({
  parser: parser.configure({ top: 'PromQL' }),
  languageData: {
    closeBrackets: { brackets: ['(', '[', '{', "'", '"', '`'] },
    commentTokens: { line: '#' },
  },
});

/** Completion, lint, history and the default keys: a chunk of their own, loaded on first use. */
const loadTools = () => import('./promqlTools');

/**
 * Prometheus's own PromQL language support: highlighting, linting, and completion of functions,
 * metric names, labels and values fetched through Sightline's proxy (GET only: the proxy is
 * read-only and its allowlist takes POST just for queries).
 *
 * The editor is whole at once for typing, highlighting and Enter to run; completion, lint, undo
 * history and the default key bindings (about a third of the editor's code) arrive within a moment
 * of the first focus or pointer on it, so opening a chart does not load them.
 */
export function PromQLEditor({ label, value, datasourceUid, onChange, onRun, placeholder }: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const first = new Compartment();
    const last = new Compartment();
    const runKey = { key: 'Enter', run: () => (callbacks.current.onRun(), true) };
    let typedBeforeTools = false;
    const state = EditorState.create({
      doc: value,
      extensions: [
        first.of([]),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        placeholderExt(placeholder ?? ''),
        EditorView.lineWrapping,
        // The tools' completion keys come first so Enter accepts a suggestion when the list is open.
        keymap.of([runKey]),
        last.of([]),
        promQLLanguage,
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          if (update.transactions.some((tr) => tr.isUserEvent('input'))) typedBeforeTools = true;
          callbacks.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    const editor = new EditorView({ state, parent: host.current! });
    view.current = editor;

    let destroyed = false;
    let destroyTools: (() => void) | undefined;
    let requested = false;
    const attach = () => {
      if (requested) return;
      requested = true;
      for (const type of intents) host.current?.removeEventListener(type, attach, true);
      loadTools()
        .then(({ promqlTools, startCompletion }) => {
          if (destroyed) return;
          const tools = promqlTools(promQLLanguage, proxyUrl(datasourceUid, '').replace(/\/$/, ''));
          destroyTools = tools.destroy;
          editor.dispatch({ effects: [first.reconfigure(tools.first), last.reconfigure(tools.last)] });
          // Whatever was typed while the chunk loaded gets its suggestions now.
          if (typedBeforeTools && editor.hasFocus) startCompletion(editor);
        })
        .catch(() => {
          // A failed chunk load leaves a plain editor; the next intent tries again.
          requested = false;
          for (const type of intents) host.current?.addEventListener(type, attach, true);
        });
    };
    const intents = ['focusin', 'pointerenter', 'pointerdown', 'keydown'] as const;
    const hostEl = host.current!;
    for (const type of intents) hostEl.addEventListener(type, attach, true);
    if (editor.hasFocus) attach();
    return () => {
      destroyed = true;
      for (const type of intents) hostEl.removeEventListener(type, attach, true);
      editor.destroy();
      view.current = null;
      destroyTools?.();
    };
    // The editor is created once per datasource; `value` changes from outside are applied below.
  }, [datasourceUid, label]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="promql-editor" />;
}
