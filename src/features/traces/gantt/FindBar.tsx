import { useId } from 'react';

interface FindBarProps {
  query: string;
  onQuery: (query: string) => void;
  matchCount: number;
  /** Index into the matches of the current one, or -1. */
  current: number;
  onStep: (direction: 1 | -1) => void;
}

/** Find spans by text or `key=value`; Enter and Shift+Enter step through the matches. */
export function FindBar({ query, onQuery, matchCount, current, onStep }: FindBarProps) {
  const id = useId();
  return (
    <div className="find-bar" role="search" aria-label="Find in trace">
      <label htmlFor={id}>Find</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder="name, service, id or key=value"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          }
        }}
        size={28}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query.trim() ? (matchCount === 0 ? 'No match' : current >= 0 ? `${current + 1} of ${matchCount}` : `${matchCount} ${matchCount === 1 ? 'match' : 'matches'}`) : ''}
      </span>
      <button type="button" onClick={() => onStep(-1)} disabled={!matchCount} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={!matchCount} aria-label="Next match">
        ↓
      </button>
    </div>
  );
}
