import { useEffect, useRef } from 'react';
import { highlightCode, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@prometheus-io/lezer-promql';
import { proxyUrl } from '../../datasources/proxyPath';
import type { PromQLView } from './promqlCodeMirror';
import './promqlEditor.css';

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

/** CodeMirror and Prometheus's language support (completion, lint): a chunk of their own. */
const loadCodeMirror = () => import('./promqlCodeMirror');

/** CodeMirror's default highlight style for the tags lezer-promql gives, as classes (promqlEditor.css). */
const highlighter = tagHighlighter([
  { tag: tags.keyword, class: 'pq-keyword' },
  { tag: tags.labelName, class: 'pq-label' },
  { tag: tags.literal, class: 'pq-literal' },
  { tag: tags.string, class: 'pq-string' },
  { tag: tags.comment, class: 'pq-comment' },
  { tag: tags.invalid, class: 'pq-invalid' },
]);
const promqlParser = parser.configure({ top: 'PromQL' });

/** The query as highlighted text, the way CodeMirror draws it. */
function renderHighlighted(target: HTMLElement, text: string) {
  const out = document.createDocumentFragment();
  highlightCode(
    text,
    promqlParser.parse(text),
    highlighter,
    (code, classes) => {
      if (!classes) return void out.append(code);
      const span = document.createElement('span');
      span.className = classes;
      span.textContent = code;
      out.append(span);
    },
    () => out.append('\n'),
  );
  // A trailing line break needs something after it to take up its line.
  out.append('\u200b');
  target.replaceChildren(out);
}

/**
 * Prometheus's own PromQL language support: highlighting, linting, and completion of functions,
 * metric names, labels and values fetched through Sightline's proxy (GET only: the proxy is
 * read-only and its allowlist takes POST just for queries).
 *
 * Someone reading a chart does not need an editor's code (CodeMirror and the PromQL tools are a
 * third of the route's JavaScript): the query is first a plain text area over its highlighted
 * text (lezer-promql, the parser CodeMirror uses), where typing, Enter to run and Shift+Enter
 * work at once. The first pointer, focus or key on it loads CodeMirror, which takes over with the
 * text, cursor and focus as they are; completion opens for what was typed meanwhile.
 */
export function PromQLEditor({ label, value, datasourceUid, onChange, onRun, placeholder }: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<{ setValue: (value: string) => void } | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };
  const initialValue = useRef(value);

  useEffect(() => {
    const hostEl = host.current!;
    const shown = document.createElement('pre');
    shown.className = 'promql-plain-text';
    shown.setAttribute('aria-hidden', 'true');
    const input = document.createElement('textarea');
    input.className = 'promql-plain-input';
    input.value = initialValue.current;
    input.placeholder = placeholder ?? '';
    input.spellcheck = false;
    input.rows = 1;
    input.setAttribute('aria-label', label);
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('autocomplete', 'off');
    const plain = document.createElement('div');
    plain.className = 'promql-plain';
    plain.append(shown, input);
    hostEl.replaceChildren(plain);
    renderHighlighted(shown, input.value);

    let typed = false;
    let cm: PromQLView | null = null;
    let destroyed = false;
    editor.current = {
      setValue: (next) => {
        if (input.value === next) return;
        input.value = next;
        renderHighlighted(shown, next);
      },
    };
    const onInput = () => {
      typed = true;
      renderHighlighted(shown, input.value);
      callbacks.current.onChange(input.value);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        callbacks.current.onRun();
      }
    };
    input.addEventListener('input', onInput);
    input.addEventListener('keydown', onKeyDown);

    const intents = ['pointerenter', 'pointerdown', 'focusin', 'keydown'] as const;
    let requested = false;
    const upgrade = () => {
      if (requested) return;
      requested = true;
      for (const type of intents) hostEl.removeEventListener(type, upgrade, true);
      loadCodeMirror()
        .then(({ createPromQLView }) => {
          if (destroyed) return;
          // One task: the plain editor's text, cursor and focus move to CodeMirror before any
          // further key can arrive.
          const focused = document.activeElement === input;
          const direction = input.selectionDirection === 'backward';
          const selection = { anchor: direction ? input.selectionEnd : input.selectionStart, head: direction ? input.selectionStart : input.selectionEnd };
          cm = createPromQLView({
            doc: input.value,
            selection,
            label,
            placeholder: placeholder ?? '',
            baseUrl: proxyUrl(datasourceUid, '').replace(/\/$/, ''),
            onChange: (next) => callbacks.current.onChange(next),
            onRun: () => callbacks.current.onRun(),
          });
          hostEl.replaceChildren(cm.view.dom);
          editor.current = cm;
          if (focused) {
            cm.view.focus();
            if (typed) cm.complete();
          }
        })
        .catch(() => {
          // A failed chunk load keeps the plain editor; the next pointer, focus or key tries again.
          requested = false;
          if (!destroyed) for (const type of intents) hostEl.addEventListener(type, upgrade, true);
        });
    };
    for (const type of intents) hostEl.addEventListener(type, upgrade, true);
    return () => {
      destroyed = true;
      for (const type of intents) hostEl.removeEventListener(type, upgrade, true);
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKeyDown);
      cm?.destroy();
      editor.current = null;
      hostEl.replaceChildren();
    };
    // The editor is created once per datasource; `value` changes from outside are applied below.
  }, [datasourceUid, label]);

  useEffect(() => {
    editor.current?.setValue(value);
  }, [value]);

  return <div ref={host} className="promql-editor" />;
}
