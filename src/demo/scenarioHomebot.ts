// homebot: `POST /api/v1/scan` scans a crypto token, reads the price cache, looks the price up at
// barcode-lookup-provider on a miss (sometimes rate-limited, sometimes failing), computes signals,
// asks an LLM for a summary and queues a notification. Plus its `GET /health/ready` probe.

import { between, incident, mulberry32, pick } from './random.ts';
import { SCOPES, SERVICES, TraceBuilder, type DemoSpan } from './traceModel.ts';

export const TOKENS = ['BTC', 'ETH', 'SOL', 'AVAX', 'LINK', 'DOGE'] as const;
/** The product code barcode-lookup-provider files each token's price under. */
export const TOKEN_EAN: Record<string, string> = {
  BTC: '5901234123457',
  ETH: '4006381333931',
  SOL: '9780201379624',
  AVAX: '5012345678900',
  LINK: '0036000291452',
  DOGE: '8712345678906',
};

const ms = 1000;
const HB = SERVICES.homebot;
const BLP = SERVICES.barcode;
const PIPELINE = { name: 'app.core.pipeline' };
const SIGNALS = { name: 'app.core.signals' };
const LLM = { name: 'app.services.llm' };
const QUEUE = { name: 'app.core.queue' };

type Outcome = 'ok' | 'rate_limited' | 'failed';

interface LookupResult {
  endUs: number;
  ok: boolean;
}

/** One call to barcode-lookup-provider: the client span, its server span and the provider's query. */
function lookupCall(b: TraceBuilder, parent: DemoSpan, token: string, atUs: number, durUs: number, attempt: number, status: 200 | 429 | 503, exception: boolean): LookupResult {
  const ean = TOKEN_EAN[token]!;
  const url = `http://barcode-lookup-provider:8080/v2/products/${ean}`;
  const errorMessage =
    status === 429 ? '429 Too Many Requests' : status === 503 ? "HTTPStatusError: Server error '503 Service Unavailable' for url '" + url + "'" : undefined;
  const client = b.span({
    parent,
    name: 'barcode.lookup',
    service: HB,
    kind: 'client',
    scope: SCOPES.httpx,
    atUs,
    durationUs: durUs,
    attributes: {
      'http.method': 'GET',
      'http.url': url,
      'http.status_code': status,
      'http.resend_count': attempt,
      'net.peer.name': 'barcode-lookup-provider',
      'barcode.provider': 'barcode-lookup-provider',
    },
    status: status === 200 ? { code: 'unset' } : { code: 'error', message: status === 429 ? errorMessage : undefined },
    events: exception
      ? [
          {
            name: 'exception',
            atUs: atUs + durUs - 1 * ms,
            attributes: {
              'exception.type': 'httpx.HTTPStatusError',
              'exception.message': `Server error '503 Service Unavailable' for url '${url}'`,
              'exception.stacktrace': `Traceback (most recent call last):\n  File "/app/app/integrations/barcode.py", line 88, in lookup\n    response.raise_for_status()\n  File "/usr/local/lib/python3.11/site-packages/httpx/_models.py", line 761, in raise_for_status\n    raise HTTPStatusError(message, request=request, response=self)\nhttpx.HTTPStatusError: Server error '503 Service Unavailable' for url '${url}'`,
              'exception.escaped': false,
            },
          },
        ]
      : [],
  });
  if (exception) client.status = { code: 'error', message: errorMessage };
  const server = b.span({
    parent: client,
    name: 'GET /v2/products/{ean}',
    service: BLP,
    kind: 'server',
    scope: SCOPES.tomcat,
    atUs: atUs + 2 * ms,
    durationUs: durUs - 5 * ms,
    attributes: { 'http.route': '/v2/products/{ean}', 'http.method': 'GET', 'http.status_code': status, 'barcode': ean },
    status:
      status === 200 ? { code: 'unset' } : { code: 'error', message: status === 429 ? 'rate limit exceeded for client homebot' : 'upstream quota exhausted' },
  });
  if (status === 200) {
    const queryUs = Math.min(durUs - 12 * ms, 4 * ms + durUs * 0.2);
    const query = b.span({
      parent: server,
      name: 'SELECT products',
      service: BLP,
      kind: 'client',
      scope: SCOPES.jdbc,
      atUs: atUs + 5 * ms,
      durationUs: queryUs,
      attributes: {
        'db.system': 'postgresql',
        'db.name': 'products',
        'db.statement': 'SELECT price, currency, updated_at FROM products WHERE ean = ?',
        'db.operation': 'SELECT',
        'net.peer.name': 'products-db',
      },
    });
    b.log(query, atUs + 5 * ms + queryUs, 'info', 'com.barcodelookup.ProductController', 'product_lookup', { ean, cache: 'miss', rows: 1 });
  } else {
    b.log(server, atUs + durUs - 4 * ms, status === 429 ? 'warning' : 'error', 'com.barcodelookup.ProductController', status === 429 ? 'client_rate_limited' : 'upstream_quota_exhausted', { ean, client: 'homebot', status_code: status });
  }
  return { endUs: atUs + durUs, ok: status === 200 };
}

/** The homebot scan trace of one 20-second bucket. */
export function buildScanTrace(seed: number, bucket: number, traceId: string, bucketStartUs: number): TraceBuilder {
  const rnd = mulberry32(seed ^ Math.imul(bucket, 0x9e3779b1) ^ 0x5ca7);
  const tSec = bucketStartUs / 1e6;
  const trouble = incident(seed, tSec);
  const token = pick(TOKENS, rnd());
  const u = rnd();
  const outcome: Outcome = u < 0.03 + 0.25 * trouble ? 'failed' : u < 0.1 + 0.35 * trouble ? 'rate_limited' : 'ok';
  const cacheHit = outcome === 'ok' && rnd() < 0.55 - 0.3 * trouble;
  const startUs = bucketStartUs + Math.round(between(rnd(), 1000, 11000)) * ms;
  const b = new TraceBuilder(traceId, startUs, [seed, bucket, 'scan']);

  const root = b.span({
    name: 'POST /api/v1/scan',
    service: HB,
    kind: 'server',
    scope: SCOPES.fastapi,
    atUs: 0,
    durationUs: 0,
    attributes: {
      'http.route': '/api/v1/scan',
      'http.target': '/api/v1/scan',
      'http.scheme': 'http',
      'http.method': 'POST',
      'net.host.name': 'homebot',
      'user_agent.original': 'homebot-scheduler/0.1.0',
    },
  });
  const pipeline = b.span({
    parent: root,
    name: 'pipeline.scan_token',
    service: HB,
    kind: 'internal',
    scope: PIPELINE,
    atUs: 2 * ms,
    durationUs: 0,
    attributes: { token_symbol: token, 'scan.exchange': 'binance', 'scan.interval': '1h' },
  });
  b.log(pipeline, 2 * ms + 100, 'info', 'app.core.pipeline', 'scan_started', { token_symbol: token, exchange: 'binance' });

  let t = 3 * ms;
  const cacheUs = Math.round(between(rnd(), 400, 2200));
  b.span({
    parent: pipeline,
    name: 'cache.get',
    service: HB,
    kind: 'client',
    scope: SCOPES.redis,
    atUs: t,
    durationUs: cacheUs,
    attributes: { 'db.system': 'redis', 'db.statement': `GET price:${token}`, 'net.peer.name': 'redis', 'cache.hit': cacheHit },
  });
  t += cacheUs + 200;

  if (!cacheHit) {
    const slow = 1 + 4 * trouble;
    if (outcome === 'failed') {
      const first = lookupCall(b, pipeline, token, t, Math.round(between(rnd(), 300, 450) * slow) * ms, 0, 503, false);
      b.log(pipeline, first.endUs + 500, 'warning', 'app.integrations.barcode', 'barcode_lookup_retry', { attempt: 1, status_code: 503, backoff_seconds: 0.4 });
      const second = lookupCall(b, pipeline, token, first.endUs + 400 * ms, Math.round(between(rnd(), 300, 450) * slow) * ms, 1, 503, true);
      const lastClient = b.spans[b.spans.length - 2]!;
      b.log(lastClient, second.endUs - 500, 'error', 'app.integrations.barcode', 'barcode_lookup_failed', {
        token_symbol: token,
        barcode: TOKEN_EAN[token]!,
        attempts: 2,
        status_code: 503,
        exception: (lastClient.events[0]!.attributes['exception.stacktrace'] as string) ?? '',
      });
      pipeline.status = { code: 'error', message: 'barcode lookup failed' };
      pipeline.durationUs = second.endUs + 1 * ms - 2 * ms;
      root.durationUs = second.endUs + 4 * ms;
      root.status = { code: 'error', message: 'barcode lookup failed: upstream returned 503' };
      root.attributes['http.status_code'] = 502;
      b.log(root, root.durationUs - 200, 'error', 'app.api.routes', 'request_failed', {
        status_code: 502,
        duration_ms: Math.round(root.durationUs / ms),
        path: '/api/v1/scan',
      });
      return b;
    }
    if (outcome === 'rate_limited') {
      const limited = lookupCall(b, pipeline, token, t, Math.round(between(rnd(), 60, 160)) * ms, 0, 429, false);
      const retryAfter = 0.5;
      b.log(pipeline, limited.endUs + 300, 'warning', 'app.integrations.barcode', 'barcode_lookup_rate_limited', {
        token_symbol: token,
        status_code: 429,
        retry_after_seconds: retryAfter,
      });
      t = limited.endUs + retryAfter * 1e6;
    }
    const lookup = lookupCall(b, pipeline, token, t, Math.round(between(rnd(), 80, 320) * slow) * ms, outcome === 'rate_limited' ? 1 : 0, 200, false);
    const price = Math.round(between(rnd(), 0.05, 1) * 10000 * 100) / 100;
    b.log(b.spans[b.spans.length - 3]!, lookup.endUs - 300, 'info', 'app.integrations.barcode', 'price_lookup_completed', {
      token_symbol: token,
      price_usd: price,
      provider: 'barcode-lookup-provider',
    });
    t = lookup.endUs + 300;
    b.span({
      parent: pipeline,
      name: 'cache.set',
      service: HB,
      kind: 'client',
      scope: SCOPES.redis,
      atUs: t,
      durationUs: 600,
      attributes: { 'db.system': 'redis', 'db.statement': `SETEX price:${token} 60 ?`, 'net.peer.name': 'redis' },
    });
    t += 800;
  }

  const signalsUs = Math.round(between(rnd(), 20, 120)) * ms;
  const signalCount = Math.floor(rnd() * 5);
  b.span({
    parent: pipeline,
    name: 'signals.compute',
    service: HB,
    kind: 'internal',
    scope: SIGNALS,
    atUs: t,
    durationUs: signalsUs,
    attributes: { token_symbol: token, 'signals.count': signalCount },
  });
  t += signalsUs + 500;

  const llmUs = Math.round(between(rnd(), 350, 900) * (1 + trouble)) * ms;
  const tokens = Math.round(between(rnd(), 180, 520));
  const llm = b.span({
    parent: pipeline,
    name: 'llm.summarize',
    service: HB,
    kind: 'internal',
    scope: LLM,
    atUs: t,
    durationUs: llmUs,
    attributes: { 'llm.model': 'gpt-4o-mini', 'llm.provider': 'openai', 'llm.tokens': tokens, 'llm.cost': Math.round(tokens * 0.6) / 1e6 },
  });
  b.span({
    parent: llm,
    name: 'http.post api.openai.com',
    service: HB,
    kind: 'client',
    scope: SCOPES.httpx,
    atUs: t + 2 * ms,
    durationUs: llmUs - 5 * ms,
    attributes: { 'net.peer.name': 'api.openai.com', 'http.method': 'POST', 'http.url': 'https://api.openai.com/v1/chat/completions', 'http.status_code': 200 },
  });
  b.log(llm, t + llmUs - 1 * ms, 'info', 'app.services.llm', 'llm_summary_generated', { model: 'gpt-4o-mini', tokens, duration_ms: Math.round(llmUs / ms) });
  t += llmUs + 300;

  b.span({
    parent: pipeline,
    name: 'job_queue.enqueue',
    service: HB,
    kind: 'producer',
    scope: QUEUE,
    atUs: t,
    durationUs: 900,
    attributes: { 'messaging.system': 'redis', 'messaging.destination.name': 'notifications', 'messaging.operation': 'publish' },
  });
  t += 1200;

  const signal = signalCount === 0 ? 'neutral' : pick(['buy', 'sell', 'neutral'], rnd());
  pipeline.durationUs = t - 2 * ms;
  b.log(pipeline, t - 100, 'info', 'app.core.pipeline', 'scan_completed', {
    token_symbol: token,
    duration_seconds: Math.round((t - 2 * ms) / 1e4) / 100,
    signal,
    cache_hit: cacheHit,
  });
  root.durationUs = t + 2 * ms;
  root.status = { code: 'ok' };
  root.attributes['http.status_code'] = 200;
  b.log(root, root.durationUs - 100, 'info', 'app.middleware.logging', 'request_completed', {
    status_code: 200,
    duration_ms: Math.round(root.durationUs / ms),
    path: '/api/v1/scan',
  });
  return b;
}

/** homebot's readiness probe: one short server span, no log line. */
export function buildProbeTrace(seed: number, bucket: number, traceId: string, bucketStartUs: number): TraceBuilder {
  const rnd = mulberry32(seed ^ Math.imul(bucket, 0x85ebca6b) ^ 0x9b0e);
  const startUs = bucketStartUs + Math.round(between(rnd(), 15000, 18000)) * ms;
  const b = new TraceBuilder(traceId, startUs, [seed, bucket, 'probe']);
  b.span({
    name: 'GET /health/ready',
    service: HB,
    kind: 'server',
    scope: SCOPES.fastapi,
    atUs: 0,
    durationUs: Math.round(between(rnd(), 300, 600)),
    attributes: { 'http.route': '/health/ready', 'http.method': 'GET', 'http.status_code': 200, 'user_agent.original': 'kube-probe/1.29' },
  });
  return b;
}
