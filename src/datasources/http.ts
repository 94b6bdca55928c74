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
  /**
   * fetchJsonStreamed only: bytes of the body received so far, and the whole body's size when the
   * response says (Content-Length). Called now and then while it downloads, not per chunk.
   */
  onProgress?: (loaded: number, total: number | undefined) => void;
}

let proxyBaseUrl = '';

/** A request traced by the caller's telemetry instead of the fetch instrumentation (see setRequestTracer). */
export interface RequestTrace {
  /** Sent with the request: `traceparent` for the span this request is. */
  headers: Record<string, string>;
  /** Once the body has been read to its end, or the request failed. */
  end(outcome: { status?: number; error?: unknown }): void;
}

type RequestTracer = (method: string, url: string) => RequestTrace | undefined;
let requestTracer: RequestTracer | undefined;

/**
 * Lets telemetry trace some requests itself (src/telemetry/selfTracedRequests.ts). The fetch
 * instrumentation reads a copy of every response to see where its body ends, which for a 35 MB
 * trace was a second reader racing ours; for these URLs the span ends when our own read does.
 */
export function setRequestTracer(tracer: RequestTracer | undefined): void {
  requestTracer = tracer;
}

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

export function fetchJson<T>(req: DatasourceRequest, path: string, options: RequestOptions = {}): Promise<T> {
  return fetchJsonWith(req, path, (text) => JSON.parse(text) as T, options);
}

/**
 * fetchJson with a parser of the caller's (e.g. one that reads large bodies without JSON.parse),
 * and fetchJson's errors: a body that is not JSON by its content type, or that `parse` throws on,
 * is a DatasourceError naming the datasource.
 */
export async function fetchJsonWith<T>(req: DatasourceRequest, path: string, parse: (text: string) => T, options: RequestOptions = {}): Promise<T> {
  const { body, contentType, response } = await send(req, path, options, 'application/json');
  expectJson(req, response, contentType);
  try {
    return parse(body);
  } catch {
    throw invalidJson(req, response);
  }
}

/** Takes a JSON body's text as it arrives, then gives what it made of it. */
export interface JsonTextSink<T> {
  /** May throw a SyntaxError (invalid JSON). */
  write(text: string): void;
  /** May throw a SyntaxError (invalid JSON). */
  end(): T;
}

/** How long a run of chunk parsing may hold the main thread before letting the page paint and respond. */
const STREAM_SLICE_MS = 40;

/**
 * fetchJson for large bodies: hands the text to `sink` chunk by chunk as it downloads, so the
 * work of parsing overlaps the transfer instead of starting after the last byte. Errors are
 * those of fetchJson: a DatasourceError naming the datasource (HTTP, network, content type, a
 * SyntaxError from the sink as "invalid JSON"), the AbortError itself on cancellation.
 */
export function fetchJsonStreamed<T>(req: DatasourceRequest, path: string, sink: JsonTextSink<T>, options: RequestOptions = {}): Promise<T> {
  return fetchStreamed(req, path, sink, undefined, options);
}

/** Takes a binary body as it arrives, then gives what it made of it. */
export interface BinarySink<T> {
  /** May throw a SyntaxError (not such a body). */
  write(bytes: Uint8Array): void;
  /** May throw a SyntaxError. */
  end(): T;
}

/** A binary format a backend can answer in instead of JSON, and its reader. */
export interface BinaryFormat<T> {
  /** The media type, sent alone as Accept (Tempo compares the header as a whole). */
  contentType: string;
  /** `format` names it in errors: "answered with invalid protobuf". */
  format: string;
  sink(): BinarySink<T> | Promise<BinarySink<T>>;
}

/**
 * fetchJsonStreamed that asks for a binary format: an answer in that format streams into the
 * format's sink, a JSON one (a backend or a stand-in that ignores Accept) into `sink`. Errors as
 * fetchJsonStreamed's, "invalid <format>" for a body the format's sink rejects.
 */
export function fetchBinaryOrJson<T>(req: DatasourceRequest, path: string, binary: BinaryFormat<T>, sink: JsonTextSink<T>, options: RequestOptions = {}): Promise<T> {
  return fetchStreamed(req, path, sink, binary, options);
}

async function fetchStreamed<T>(req: DatasourceRequest, path: string, sink: JsonTextSink<T>, binary: BinaryFormat<T> | undefined, options: RequestOptions): Promise<T> {
  const { response, traced } = await open(req, path, options, binary?.contentType ?? 'application/json');
  const contentType = response.headers.get('content-type') ?? '';
  const isBinary = binary !== undefined && contentType.split(';')[0]!.trim().toLowerCase() === binary.contentType;
  try {
    if (!isBinary) expectJson(req, response, contentType);
  } catch (err) {
    traced?.end({ status: response.status, error: err });
    void response.body?.cancel().catch(() => undefined);
    throw err;
  }
  const onRead = () => traced?.end({ status: response.status });
  if (!response.body) {
    if (isBinary) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      onRead();
      return readBinary(req, response, binary, (sink) => {
        sink.write(bytes);
        return sink.end();
      });
    }
    const text = await readText(req, response);
    onRead();
    return parseWith(req, response, sink, text);
  }
  const reader = response.body.getReader();
  // Not every fetch errors a body in flight on abort (Node's with MSW does not): cancelling ends
  // the pending read, and the check after each read throws the AbortError.
  const cancel = () => void reader.cancel().catch(() => undefined);
  req.signal?.addEventListener('abort', cancel, { once: true });
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const progress = options.onProgress && ((loaded: number) => options.onProgress!(loaded, total));
  try {
    if (isBinary) return await readBinary(req, response, binary, (sink) => readBytesStreamed(req, reader, sink, onRead, progress));
    return await readStreamed(req, response, reader, sink, onRead, progress);
  } catch (err) {
    traced?.end({ status: response.status, error: err });
    throw err;
  } finally {
    req.signal?.removeEventListener('abort', cancel);
  }
}

async function readStreamed<T>(
  req: DatasourceRequest,
  response: Response,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  sink: JsonTextSink<T>,
  onRead: () => void,
  onProgress?: (loaded: number) => void,
): Promise<T> {
  const decoder = new TextDecoder();
  try {
    await pumpBody(req, reader, onProgress, (chunk) => {
      const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      if (text) sink.write(text);
    });
  } catch (err) {
    if (err instanceof SyntaxError) throw invalidJson(req, response);
    throw err;
  }
  onRead();
  return parseWith(req, response, sink, '');
}

/** readStreamed for a binary body: the bytes go to `sink` as they arrive. */
async function readBytesStreamed<T>(
  req: DatasourceRequest,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  sink: BinarySink<T>,
  onRead: () => void,
  onProgress?: (loaded: number) => void,
): Promise<T> {
  await pumpBody(req, reader, onProgress, (chunk) => {
    if (chunk) sink.write(chunk);
  });
  onRead();
  return sink.end();
}

/**
 * Reads the body chunk by chunk into `take` (then `undefined` once, at its end), letting the page
 * paint and respond every STREAM_SLICE_MS, and reporting how much has arrived then (and at the
 * first chunk, which says at once that the body is on its way). A `take` that throws cancels the body.
 */
async function pumpBody(
  req: DatasourceRequest,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onProgress: ((loaded: number) => void) | undefined,
  take: (chunk: Uint8Array | undefined) => void,
): Promise<void> {
  let loaded = 0;
  let sliceStart = performance.now();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw transportError(req, err);
    }
    req.signal?.throwIfAborted();
    if (!chunk.done) {
      if (loaded === 0) onProgress?.(chunk.value.byteLength);
      loaded += chunk.value.byteLength;
    }
    try {
      take(chunk.done ? undefined : chunk.value);
    } catch (err) {
      void reader.cancel().catch(() => undefined);
      throw err;
    }
    if (chunk.done) return;
    if (performance.now() - sliceStart > STREAM_SLICE_MS) {
      onProgress?.(loaded);
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}

/** Runs `read` on a fresh sink of the format; a SyntaxError becomes "answered with invalid <format>". */
async function readBinary<T>(req: DatasourceRequest, response: Response, binary: BinaryFormat<T>, read: (sink: BinarySink<T>) => T | Promise<T>): Promise<T> {
  try {
    return await read(await binary.sink());
  } catch (err) {
    if (err instanceof SyntaxError) throw invalidBody(req, response, binary.format);
    throw err;
  }
}

function parseWith<T>(req: DatasourceRequest, response: Response, sink: JsonTextSink<T>, text: string): T {
  try {
    if (text) sink.write(text);
    return sink.end();
  } catch (err) {
    if (err instanceof SyntaxError) throw invalidJson(req, response);
    throw err;
  }
}

/** A macrotask boundary (setTimeout would be clamped once nested). */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Match on "json" only: Loki alone sends three spellings of it.
function expectJson(req: DatasourceRequest, response: Response, contentType: string): void {
  if (contentType && !contentType.includes('json')) {
    throw new DatasourceError(
      `Expected JSON from datasource "${req.uid}" but got ${contentType.split(';')[0]} (HTTP ${response.status})`,
      req.uid,
      response.status,
      'invalid_response',
    );
  }
}

function invalidJson(req: DatasourceRequest, response: Response): DatasourceError {
  return invalidBody(req, response, 'JSON');
}

function invalidBody(req: DatasourceRequest, response: Response, format: string): DatasourceError {
  return new DatasourceError(`Datasource "${req.uid}" answered with invalid ${format}`, req.uid, response.status, 'invalid_response');
}

async function send(
  req: DatasourceRequest,
  path: string,
  options: RequestOptions,
  defaultAccept: string,
): Promise<{ response: Response; body: string; contentType: string }> {
  const { response, traced } = await open(req, path, options, defaultAccept);
  let body: string;
  try {
    body = await readText(req, response);
  } catch (err) {
    traced?.end({ status: response.status, error: err });
    throw err;
  }
  traced?.end({ status: response.status });
  return { response, body, contentType: response.headers.get('content-type') ?? '' };
}

/** Sends the request; a non-OK answer is read and thrown as a DatasourceError. */
async function open(req: DatasourceRequest, path: string, options: RequestOptions, defaultAccept: string): Promise<{ response: Response; traced?: RequestTrace }> {
  const url = proxyBaseUrl + proxyUrl(req.uid, path, options.params);
  const init: RequestInit = { signal: req.signal, headers: { Accept: options.accept ?? defaultAccept } };
  if (options.form) {
    init.method = 'POST';
    init.body = options.form;
  }
  // Called before fetch and before any await: the caller's query span is still the active context.
  const traced = requestTracer?.(init.method ?? 'GET', url);
  if (traced) init.headers = { ...traced.headers, ...(init.headers as Record<string, string>) };
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    traced?.end({ error: err });
    throw transportError(req, err);
  }
  if (!response.ok) {
    traced?.end({ status: response.status });
    const contentType = response.headers.get('content-type') ?? '';
    const body = await readText(req, response);
    const { message, errorType } = describeHttpError(response.status, response.statusText, contentType, body);
    throw new DatasourceError(message, req.uid, response.status, errorType);
  }
  return { response, traced };
}

async function readText(req: DatasourceRequest, response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (err) {
    throw transportError(req, err);
  }
}

/** The AbortError itself on cancellation, else a network DatasourceError. */
function transportError(req: DatasourceRequest, err: unknown): unknown {
  if (isAbort(err, req.signal)) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new DatasourceError(`Network error while querying datasource "${req.uid}": ${reason}`, req.uid, undefined, 'network');
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
