import type { TailStatus } from './useLiveTail';

export function LiveTailStatus({ status, dropped, count, paused, pending, onPause, onResume, onRetry }: {
  status: TailStatus;
  dropped: number;
  count: number;
  paused: boolean;
  pending: number;
  onPause: () => void;
  onResume: () => void;
  onRetry: () => void;
}) {
  const text =
    status.state === 'connecting'
      ? 'Live tail: connecting to Loki…'
      : status.state === 'live'
        ? `Live tail: connected, ${count} lines${paused ? ` (paused, ${pending} new since)` : ''}`
        : status.state === 'reconnecting'
          ? `Live tail: connection to Loki lost; reconnecting in ${Math.round(status.delayMs / 1000)} s (attempt ${status.attempt})`
          : `Live tail stopped. ${status.reason}`;
  return (
    <div className={`live-status live-${status.state}`}>
      <span role="status">{text}</span>
      {dropped > 0 && <span className="muted"> Loki dropped {dropped} lines because the tail fell behind.</span>}
      {status.state !== 'stopped' &&
        (paused ? (
          <button type="button" onClick={onResume}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={onPause}>
            Pause
          </button>
        ))}
      {status.state === 'stopped' && (
        <button type="button" onClick={onRetry}>
          Reconnect
        </button>
      )}
    </div>
  );
}
