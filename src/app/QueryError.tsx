import { DatasourceError } from '../datasources/types';

/** A backend's own error text, next to the query that caused it. */
export function QueryError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  // Sightline's own proxy errors (unreachable, timed out) already name the datasource, and it was
  // the proxy, not the datasource, that answered.
  const namesItself = error instanceof DatasourceError && message.toLowerCase().includes(`datasource "${error.datasourceUid.toLowerCase()}"`);
  const source = error instanceof DatasourceError && !namesItself ? `Datasource "${error.datasourceUid}"${error.status ? ` answered ${error.status}` : ''}` : null;
  return (
    <div role="alert" className="error-box">
      {source && <div className="error-source">{source}:</div>}
      {message}
    </div>
  );
}
