import { useId, useRef, useState } from 'react';

/** A read-only field with a Copy button; falls back to selecting the text where the clipboard API is refused. */
export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied');
    } catch {
      ref.current?.select();
      setStatus('Selected: press Ctrl+C to copy');
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly value={value} rows={3} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} ref={ref} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" onClick={copy}>
          Copy {label.toLowerCase()}
        </button>
      </div>
      <span role="status" className="muted">
        {status}
      </span>
    </div>
  );
}
