// CodeMirror with Prometheus's PromQL language support: highlighting, lint, and completion of
// functions, metric names, labels and values fetched through Sightline's proxy. PromQLEditor loads
// this chunk on the first pointer, focus or key on the editor and puts `view.dom` in place of
// the plain one.
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, startCompletion } from '@codemirror/autocomplete';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';

export interface PromQLViewSetup {
  doc: string;
  selection: { anchor: number; head: number };
  label: string;
  placeholder: string;
  /** The datasource's proxy prefix, without a trailing slash. */
  baseUrl: string;
  onChange: (value: string) => void;
  onRun: () => void;
}

export interface PromQLView {
  view: EditorView;
  setValue: (value: string) => void;
  /** Opens completion at the cursor (for what was typed before the editor arrived). */
  complete: () => void;
  destroy: () => void;
}

export function createPromQLView(setup: PromQLViewSetup): PromQLView {
  const promql = new PromQLExtension()
    .setComplete({
      remote: {
        url: setup.baseUrl,
        // GET only: the proxy is read-only and its allowlist takes POST just for queries.
        httpMethod: 'GET',
        cache: { maxAge: 5 * 60_000 },
        // Completion is a convenience: a backend that refuses (demo, no metadata) must stay quiet.
        httpErrorHandler: () => undefined,
      },
    })
    .activateLinter(true);
  const runKey = { key: 'Enter', run: () => (setup.onRun(), true) };
  const length = setup.doc.length;
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const state = EditorState.create({
    doc: setup.doc,
    selection: EditorSelection.single(clamp(setup.selection.anchor), clamp(setup.selection.head)),
    extensions: [
      history(),
      closeBrackets(),
      bracketMatching(),
      autocompletion(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      placeholderExt(setup.placeholder),
      EditorView.lineWrapping,
      // Completion's keymap comes first so Enter accepts a suggestion when the list is open.
      keymap.of([...completionKeymap, ...closeBracketsKeymap, runKey, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      promql.asExtension(),
      EditorView.contentAttributes.of({ 'aria-label': setup.label, 'aria-multiline': 'true' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) setup.onChange(update.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({ state });
  return {
    view,
    setValue: (value) => {
      if (view.state.doc.toString() !== value) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    complete: () => startCompletion(view),
    destroy: () => {
      view.destroy();
      promql.destroy();
    },
  };
}
