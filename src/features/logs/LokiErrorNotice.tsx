import { QueryError } from '../../app/QueryError';
import { explainLokiLimit, parseErrorPosition } from './lokiErrors';

/** Loki's own error text, plus where a parse error points in the query and what a limit means. */
export function LokiErrorNotice({ error, query }: { error: unknown; query: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const position = parseErrorPosition(message, query);
  const explanation = explainLokiLimit(message);
  return (
    <>
      <QueryError error={error} />
      {position && (
        <p className="parse-pointer" aria-label={`Error at line ${position.line}, column ${position.column}`}>
          <code>
            {query.slice(0, position.offset)}
            <mark className="parse-error-at">{query.slice(position.offset, position.offset + 1) || ' '}</mark>
            {query.slice(position.offset + 1)}
          </code>
          <span className="muted"> line {position.line}, column {position.column}</span>
        </p>
      )}
      {explanation && <p className="limit-explanation">{explanation}</p>}
    </>
  );
}
