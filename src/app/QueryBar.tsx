import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { traceUserAction } from '../telemetry/userAction';

interface QueryBarProps {
  label: string;
  value: string;
  placeholder: string;
  onRun: (query: string) => void;
  running?: boolean;
  onCancel?: () => void;
}

/** A labelled query box: Shift+Enter or Ctrl+Enter runs it, as in Grafana and Prometheus. */
export function QueryBar({ label, value, placeholder, onRun, running, onCancel }: QueryBarProps) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  useEffect(() => setDraft(value), [value]);
  const run = () => {
    traceUserAction('run query');
    onRun(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  };
  return (
    <form
      className="query-editor"
      onSubmit={(event) => {
        event.preventDefault();
        run();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={draft}
        rows={Math.min(6, Math.max(1, draft.split('\n').length))}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary">
        Run query
      </button>
      {running && onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
