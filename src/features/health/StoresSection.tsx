import type { StoreHealth } from '../../server/health/types';
import { StateText } from './StateText';
import { StatusStrip } from './StatusStrip';
import { latencyText } from './timeText';

const readyLabel = { ok: 'Ready', degraded: 'Degraded', failing: 'Not ready', unknown: 'Unknown' } as const;

export function StoresSection({ stores }: { stores: StoreHealth[] }) {
  return (
    <section className="card" aria-labelledby="stores-title">
      <h2 id="stores-title">Stores</h2>
      {stores.length === 0 ? (
        <p className="muted">No datasource is configured.</p>
      ) : (
        <table className="data" aria-labelledby="stores-title">
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Readiness</th>
              <th scope="col">HTTP</th>
              <th scope="col">Response time</th>
              <th scope="col">Version</th>
              <th scope="col">History</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((store) => {
              const latest = store.latest;
              const state = latest?.state ?? 'unknown';
              return (
                <tr key={store.uid} aria-label={`Store ${store.name}`}>
                  <th scope="row">
                    {store.name} <span className="muted">({store.type}, <code>{store.readinessPath}</code>)</span>
                  </th>
                  <td>
                    <StateText state={state}>{latest ? readyLabel[state] : 'Not probed yet'}</StateText>
                  </td>
                  <td>{latest?.httpStatus ?? '–'}</td>
                  <td>{latencyText(latest?.latencyMs)}</td>
                  <td>{store.version ?? <span className="muted">{store.versionError ? `unknown (${store.versionError})` : '–'}</span>}</td>
                  <td>
                    <StatusStrip history={store.history} uptimePercent={store.uptimePercent} what={`${store.name} readiness`} />
                  </td>
                  <td className="error-text small">{latest?.error ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

