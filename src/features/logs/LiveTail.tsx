import { useMemo, useState } from 'react';
import type { LogLine } from '../../datasources/types';
import { dedupLines } from './dedup';
import type { LineActions } from './LineDetails';
import { LiveTailStatus } from './LiveTailStatus';
import { LogList } from './LogList';
import { useLiveTail } from './useLiveTail';

/** Live tail: new lines at the bottom, followed unless paused; pausing freezes the view, not the socket. */
export function LiveTail({ uid, query, terms, utc, wrap, actions }: { uid: string; query: string; terms: Array<string | RegExp>; utc: boolean; wrap: boolean; actions: LineActions }) {
  const tail = useLiveTail(uid, query, true);
  const [frozen, setFrozen] = useState<LogLine[] | null>(null);
  const shown = frozen ?? tail.lines;
  const rows = useMemo(() => dedupLines(shown, 'none', () => ''), [shown]);
  const pending = useMemo(() => {
    if (!frozen) return 0;
    const seen = new Set(frozen.map((l) => l.id));
    return tail.lines.filter((l) => !seen.has(l.id)).length;
  }, [frozen, tail.lines]);
  return (
    <>
      <LiveTailStatus
        status={tail.status}
        dropped={tail.dropped}
        count={tail.lines.length}
        paused={frozen !== null}
        pending={pending}
        onPause={() => setFrozen(tail.lines)}
        onResume={() => setFrozen(null)}
        onRetry={tail.retry}
      />
      {shown.length === 0 ? (
        <p className="muted">Waiting for new lines matching <code>{query}</code>…</p>
      ) : (
        <LogList rows={rows} terms={terms} utc={utc} wrap={wrap} followTail={frozen === null} actions={actions} label="Live log lines" />
      )}
    </>
  );
}
