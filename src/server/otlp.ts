import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendJsonError } from './jsonResponse.ts';
import { createTokenBucket } from './tokenBucket.ts';

export const otlpTracesPath = '/otlp/v1/traces';

const acceptedContentTypes = new Set(['application/json', 'application/x-protobuf']);

export interface OtlpForwarderOptions {
  /** The collector's OTLP/HTTP base URL; `/v1/traces` is appended. None: batches are dropped. */
  otlpUrl?: string;
  maxBodyBytes?: number;
  /** Batches per second, sustained; `burst` at once. */
  ratePerSecond?: number;
  burst?: number;
  timeoutMs?: number;
  now?: () => number;
}

export interface OtlpStats {
  collectorConfigured: boolean;
  /** Counts are of export requests (batches of spans): the body is not decoded. */
  received: number;
  forwarded: number;
  dropped: { noCollector: number; collectorUnavailable: number; collectorRejected: number; tooLarge: number; rateLimited: number };
}

/**
 * Receives the browser's OTLP/HTTP trace exports and passes them on to the collector. The
 * browser must never see a failure it would log (DESIGN.md: telemetry never breaks the app),
 * so a missing or broken collector still answers 204; the drops are counted instead.
 */
export function createOtlpForwarder({
  otlpUrl,
  maxBodyBytes = 1024 * 1024,
  ratePerSecond = 20,
  burst = 40,
  timeoutMs = 10_000,
  now,
}: OtlpForwarderOptions = {}) {
  const target = otlpUrl ? `${otlpUrl.replace(/\/+$/, '')}/v1/traces` : undefined;
  const bucket = createTokenBucket({ capacity: burst, refillPerSecond: ratePerSecond, now });
  const stats: OtlpStats = {
    collectorConfigured: Boolean(target),
    received: 0,
    forwarded: 0,
    dropped: { noCollector: 0, collectorUnavailable: 0, collectorRejected: 0, tooLarge: 0, rateLimited: 0 },
  };

  async function handleTraces(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJsonError(res, 405, 'OTLP export takes POST');
    }
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!acceptedContentTypes.has(contentType)) {
      return sendJsonError(res, 415, 'expected application/json or application/x-protobuf');
    }
    stats.received += 1;
    if (!bucket.take()) {
      stats.dropped.rateLimited += 1;
      res.setHeader('Retry-After', '1');
      return sendJsonError(res, 429, 'too many trace exports; retry later');
    }
    // Buffered on purpose (unlike the datasource proxy): the limit is small, and a whole
    // body lets us answer 413 before anything reaches the collector.
    const body = await readLimited(req, maxBodyBytes);
    if (!body) {
      stats.dropped.tooLarge += 1;
      res.setHeader('Connection', 'close');
      return sendJsonError(res, 413, `trace export larger than ${maxBodyBytes} bytes`);
    }
    if (!target) {
      stats.dropped.noCollector += 1;
      return void res.writeHead(204).end();
    }
    try {
      const headers: Record<string, string> = { 'content-type': String(req.headers['content-type']) };
      if (req.headers['content-encoding']) headers['content-encoding'] = String(req.headers['content-encoding']);
      const answer = await fetch(target, { method: 'POST', headers, body: new Uint8Array(body), signal: AbortSignal.timeout(timeoutMs) });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      if (!answer.ok) {
        stats.dropped.collectorRejected += 1;
        return void res.writeHead(204).end();
      }
      stats.forwarded += 1;
      // Relay the collector's answer: it may carry an OTLP partial_success the exporter reads.
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? contentType }).end(answerBody);
    } catch {
      stats.dropped.collectorUnavailable += 1;
      res.writeHead(204).end();
    }
  }

  return {
    handleTraces,
    handleStats: (_req: IncomingMessage, res: ServerResponse) => sendJson(res, 200, stats, { 'Cache-Control': 'no-store' }),
    stats: (): OtlpStats => structuredClone(stats),
  };
}

/**
 * The body, or undefined once it grows past `limit`. The rest is drained, not stored;
 * listeners rather than `for await`, since leaving that loop early destroys the socket
 * and the client would never see the 413.
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
