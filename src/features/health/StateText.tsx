/** A coloured dot and the state in words: colour alone never carries the meaning. */
export function StateText({ state, children }: { state: string; children: React.ReactNode }) {
  return (
    <span className={`state-cell state-${state}`}>
      <span className="status-dot" aria-hidden="true" />
      {children}
    </span>
  );
}

export const probeStateLabel = { ok: 'OK', degraded: 'Degraded', failing: 'Failing', unknown: 'Unknown' } as const;
