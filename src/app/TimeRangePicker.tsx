import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { rootRoute } from './router';
import { rangeFromSearch } from './searchParams';
import { describeRange, QUICK_RANGES, resolveRange, TimeRangeError } from '../lib/timeRange';

export function TimeRangePicker() {
  const search = rootRoute.useSearch();
  const range = rangeFromSearch(search);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    setFrom(range.from);
    setTo(range.to);
    setError(null);
    panelRef.current?.querySelector('input')?.focus();
    // Only when opening: typing must not be overwritten by the URL.
  }, [open]);

  const apply = (next: { from: string; to: string }) => {
    try {
      resolveRange(next);
    } catch (e) {
      setError(e instanceof TimeRangeError ? e.message : String(e));
      return;
    }
    navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, from: next.from, to: next.to }) });
    setOpen(false);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({ from: from.trim(), to: to.trim() });
  };

  return (
    <div className="time-picker" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} aria-label={`Time range: ${describeRange(range)}`}>
        {describeRange(range)}
      </button>
      {open && (
        <div id={panelId} ref={panelRef} className="popover" role="dialog" aria-label="Choose time range">
          <form onSubmit={onSubmit} className="time-picker-form">
            <label>
              From
              <input value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={`${panelId}-hint`} />
            </label>
            <label>
              To
              <input value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <p id={`${panelId}-hint`} className="hint">
              <code>now-6h</code>, <code>now/d</code>, epoch ms or ISO 8601
            </p>
            {error && (
              <p role="alert" className="error-text">
                {error}
              </p>
            )}
            <button type="submit">Apply time range</button>
          </form>
          <ul className="quick-ranges" aria-label="Quick ranges">
            {QUICK_RANGES.map((quick) => (
              <li key={quick.label}>
                <button type="button" onClick={() => apply(quick)}>
                  {quick.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
