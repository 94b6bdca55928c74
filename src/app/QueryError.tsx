import { DatasourceError } from '../datasources/types';

/** A backend's own error text, next to the query that caused it. */
export function QueryError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const source = error instanceof DatasourceError ? `Datasource "${error.datasourceUid}"${error.status ? ` answered ${error.status}` : ''}` : null;
  return (
    <div role="alert" className="error-box">
      {source && <div className="error-source">{source}:</div>}
      {message}
    </div>
  );
}
