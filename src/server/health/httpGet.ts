import http from 'node:http';
import https from 'node:https';
import type { OutgoingHttpHeaders } from 'node:http';
import type { HttpAnswer } from './appProbeOutcome.ts';

/** Health bodies are small; a bigger one is cut here so a misbehaving app cannot fill our memory. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * One GET with a hard deadline (connect + whole body), timed from the start. Never rejects:
 * failures come back as `networkError` in words ("connect ECONNREFUSED 127.0.0.1:9", "no
 * answer within 2000 ms").
 */
export function httpGet(url: URL, headers: OutgoingHttpHeaders, timeoutMs: number, now: () => number = Date.now): Promise<HttpAnswer> {
  const at = now();
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<HttpAnswer, 'at' | 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ at, latencyMs: elapsed(), ...answer });
    };
    const request = url.protocol === 'https:' ? https.request : http.request;
    // agent: false: a probe measures a fresh connection, and a dead backend's pooled socket
    // must not make it look alive.
    const req = request(url, { method: 'GET', headers: { accept: 'application/json, text/plain;q=0.9, */*;q=0.1', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      const done = () =>
        finish({ httpStatus: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8') });
      res.on('end', done);
      // The app closed the connection mid-body: keep what came, the parser reports it as truncated.
      res.on('aborted', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      finish({ networkError: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => finish({ networkError: describeError(error) }));
    req.end();
  });
}

// Node 20's happy-eyeballs fails a refused `localhost` with an AggregateError whose own
// message is empty; the per-address errors say what happened.
function describeError(error: Error): string {
  if (error.message) return error.message;
  if (error instanceof AggregateError) return error.errors.map((inner: Error) => inner.message).join('; ');
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
