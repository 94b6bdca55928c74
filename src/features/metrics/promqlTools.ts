// The PromQL editor's tools for someone writing a query: completion (function docs, metric names,
// labels and values fetched through the proxy), lint, undo history, closing brackets and the
// default key bindings. PromQLEditor loads this chunk on the first focus (or pointer) on the
// editor, so a reader of a chart does not pay for it; typing, highlighting and Enter to run work
// before it arrives.
import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import type { LRLanguage } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { promQLLinter } from '@prometheus-io/codemirror-promql/dist/esm/lint';

export { startCompletion } from '@codemirror/autocomplete';

export interface PromQLTools {
  /** Goes before the editor's own keys: Enter accepts a suggestion when the list is open. */
  first: Extension;
  /** Goes after them. */
  last: Extension;
  destroy: () => void;
}

/** `baseUrl`: the datasource's proxy prefix, without a trailing slash. */
export function promqlTools(language: LRLanguage, baseUrl: string): PromQLTools {
  const promql = new PromQLExtension()
    .setComplete({
      remote: {
        url: baseUrl,
        httpMethod: 'GET',
        cache: { maxAge: 5 * 60_000 },
        // Completion is a convenience: a backend that refuses (demo, no metadata) must stay quiet.
        httpErrorHandler: () => undefined,
      },
    })
    .activateLinter(true);
  // What PromQLExtension.asExtension() adds to its own language, attached to the editor's.
  const complete = promql.getComplete();
  const lint = promql.getLinter();
  return {
    first: [
      history(),
      closeBrackets(),
      autocompletion(),
      language.data.of({ autocomplete: complete.promQL.bind(complete) }),
      promQLLinter(lint.promQL, lint),
      keymap.of([...completionKeymap, ...closeBracketsKeymap]),
    ],
    last: keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    destroy: () => promql.destroy(),
  };
}
