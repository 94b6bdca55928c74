// The one place where browser code talks HTTP to the datasource proxy. Every failure comes
// out as a DatasourceError whose message keeps the backend's own words, except cancellation:
// an aborted request rejects with the AbortError itself so callers can tell it apart and ignore it.
// Prometheus's UI does the same in web/ui/mantine-ui/src/api/api.ts.

import { proxyUrl } from './proxyPath';
import { DatasourceError } from './types';

export interface DatasourceRequest {
  uid: string;
  signal?: AbortSignal;
}

export interface RequestOptions {
  params?: URLSearchParams | Record<string, string>;
  /** Sent form-encoded with POST (Prometheus accepts long queries this way). */
  form?: URLSearchParams;
  accept?: string;
}

let proxyBaseUrl = '';

/**
 * Origin prefixed to proxy paths. The browser leaves it '' (same-origin relative URLs). Node's
 * fetch has no document to resolve relative URLs against, so Node tests set an absolute origin
 * (e.g. `setProxyBaseUrl('http://sightline.test')`) and match their MSW handlers on it.
 */
export function setProxyBaseUrl(baseUrl: string): void {
  proxyBaseUrl = baseUrl.replace(/\/+$/, '');
}

export async function fetchText(req: DatasourceRequest, path: string, options: RequestOptions = {}): Promise<string> {
  const { body } = await send(req, path, options, 'text/plain, */*');
  return body;
}

export async function fetchJson<T>(req: DatasourceRequest, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, contentType, response } = await send(req, path, options, 'application/json');
  // Match on "json" only: Loki alone sends three spellings of it.
  if (contentType && !contentType.includes('json')) {
    throw new DatasourceError(
      `Expected JSON from datasource "${req.uid}" but got ${contentType.split(';')[0]} (HTTP ${response.status})`,
      req.uid,
      response.status,
      'invalid_response',
    );
  }
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new DatasourceError(`Datasource "${req.uid}" answered with invalid JSON`, req.uid, response.status, 'invalid_response');
  }
}

async function send(
  req: DatasourceRequest,
  path: string,
  options: RequestOptions,
  defaultAccept: string,
): Promise<{ response: Response; body: string; contentType: string }> {
  const url = proxyBaseUrl + proxyUrl(req.uid, path, options.params);
  const init: RequestInit = { signal: req.signal, headers: { Accept: options.accept ?? defaultAccept } };
  if (options.form) {
    init.method = 'POST';
    init.body = options.form;
  }
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, init);
    body = await response.text();
  } catch (err) {
    if (isAbort(err, req.signal)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasourceError(`Network error while querying datasource "${req.uid}": ${reason}`, req.uid, undefined, 'network');
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const { message, errorType } = describeHttpError(response.status, response.statusText, contentType, body);
    throw new DatasourceError(message, req.uid, response.status, errorType);
  }
  return { response, body, contentType };
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (err instanceof Error && err.name === 'AbortError');
}

interface ErrorBody {
  status?: string;
  errorType?: string;
  error?: string;
  message?: string;
  reason?: string;
  /** Jaeger's query service: `{"data": null, "errors": [{"code": 404, "msg": "trace not found"}]}`. */
  errors?: { code?: number; msg?: string }[] | null;
}

/**
 * Turns a failed response into a message a person can act on. JSON errors (Prometheus's envelope,
 * the proxy's own `{status, error, datasource}`, Jaeger's `errors`) give their text; Loki and Tempo
 * answer in plain text, which is kept as is.
 */
export function describeHttpError(
  status: number,
  statusText: string,
  contentType: string,
  body: string,
): { message: string; errorType?: string } {
  const text = body.trim();
  if (contentType.includes('json') || /^[{[]/.test(text)) {
    const parsed = tryParse(text);
    if (parsed) {
      const detail = parsed.error ?? parsed.message ?? parsed.reason ?? parsed.errors?.find((e) => e.msg)?.msg;
      if (detail) {
        const message = parsed.errorType ? `${parsed.errorType}: ${detail}` : detail;
        return { message, errorType: parsed.errorType };
      }
    }
  }
  if (text && !contentType.includes('html')) return { message: text };
  return { message: `HTTP ${status}${statusText ? ` ${statusText}` : ''}` };
}

function tryParse(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as ErrorBody) : undefined;
  } catch {
    return undefined;
  }
}
