import { delay, http, HttpResponse } from 'msw';
import { describeHttpError, fetchJson, fetchJsonStreamed, fetchText, type JsonTextSink } from './http';
import { proxied, useMswServer } from './testing';
import { DatasourceError } from './types';

const server = useMswServer();
const req = { uid: 'prometheus' };

async function failure(promise: Promise<unknown>): Promise<DatasourceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasourceError);
  return err as DatasourceError;
}

describe('fetchJson', () => {
  it('builds the proxy URL with params and parses JSON', async () => {
    server.use(
      http.get(proxied('prometheus', 'api/v1/query'), ({ request }) =>
        HttpResponse.json({ query: new URL(request.url).searchParams.get('query') }),
      ),
    );
    await expect(fetchJson(req, 'api/v1/query', { params: { query: 'up{job="a b"}' } })).resolves.toEqual({
      query: 'up{job="a b"}',
    });
  });

  it('sends form bodies with POST', async () => {
    server.use(
      http.post(proxied('prometheus', 'api/v1/query'), async ({ request }) =>
        HttpResponse.json({ type: request.headers.get('content-type'), query: (await request.formData()).get('query') }),
      ),
    );
    const body = await fetchJson<{ type: string; query: string }>(req, 'api/v1/query', {
      form: new URLSearchParams({ query: 'up' }),
    });
    expect(body.query).toBe('up');
    expect(body.type).toContain('application/x-www-form-urlencoded');
  });

  it('accepts any content type that says json (Loki varies)', async () => {
    server.use(
      http.get(
        proxied('loki', 'loki/api/v1/labels'),
        () => new HttpResponse('{"status":"success"}', { headers: { 'Content-Type': 'application/json; charset=UTF-8' } }),
      ),
    );
    await expect(fetchJson({ uid: 'loki' }, 'loki/api/v1/labels')).resolves.toEqual({ status: 'success' });
  });

  it('keeps a Prometheus error envelope message, with its errorType', async () => {
    server.use(
      http.get(proxied('prometheus', 'api/v1/query'), () =>
        HttpResponse.json(
          {
            status: 'error',
            errorType: 'bad_data',
            error: 'invalid parameter "query": 1:12: parse error: unclosed left parenthesis',
          },
          { status: 400 },
        ),
      ),
    );
    const err = await failure(fetchJson(req, 'api/v1/query'));
    expect(err.message).toBe('bad_data: invalid parameter "query": 1:12: parse error: unclosed left parenthesis');
    expect(err).toMatchObject({ status: 400, errorType: 'bad_data', datasourceUid: 'prometheus' });
  });

  it('keeps a plain-text backend error as the whole message', async () => {
    const text = 'parse error at line 1, col 24: syntax error: unexpected $end, expecting } or ,';
    server.use(http.get(proxied('loki', 'loki/api/v1/query_range'), () => HttpResponse.text(text, { status: 400 })));
    const err = await failure(fetchJson({ uid: 'loki' }, 'loki/api/v1/query_range'));
    expect(err.message).toBe(text);
    expect(err.status).toBe(400);
  });

  it.each([502, 504, 403, 404])('keeps the proxy JSON error message (HTTP %i)', async (status) => {
    const error = 'datasource "prometheus" (prometheus) is unreachable: connect ECONNREFUSED 127.0.0.1:9090';
    server.use(
      http.get(proxied('prometheus', 'api/v1/query'), () =>
        HttpResponse.json({ status: 'error', error, datasource: 'prometheus' }, { status }),
      ),
    );
    const err = await failure(fetchJson(req, 'api/v1/query'));
    expect(err.message).toBe(error);
    expect(err.status).toBe(status);
    expect(err.errorType).toBeUndefined();
  });

  it('rejects a 200 that is not JSON (e.g. the SPA index.html when the proxy is not mounted)', async () => {
    server.use(http.get(proxied('prometheus', 'api/v1/query'), () => HttpResponse.html('<!doctype html><html></html>')));
    const err = await failure(fetchJson(req, 'api/v1/query'));
    expect(err.message).toBe('Expected JSON from datasource "prometheus" but got text/html (HTTP 200)');
    expect(err.errorType).toBe('invalid_response');
  });

  it('rejects malformed JSON', async () => {
    server.use(
      http.get(
        proxied('prometheus', 'api/v1/query'),
        () => new HttpResponse('{"status": "succ', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const err = await failure(fetchJson(req, 'api/v1/query'));
    expect(err.message).toBe('Datasource "prometheus" answered with invalid JSON');
  });

  it('maps network failures', async () => {
    server.use(http.get(proxied('prometheus', 'api/v1/query'), () => HttpResponse.error()));
    const err = await failure(fetchJson(req, 'api/v1/query'));
    expect(err.message).toMatch(/^Network error while querying datasource "prometheus": /);
    expect(err.errorType).toBe('network');
  });

  it('lets AbortError through unwrapped', async () => {
    server.use(
      http.get(proxied('prometheus', 'api/v1/query'), async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = fetchJson({ uid: 'prometheus', signal: controller.signal }, 'api/v1/query');
    setTimeout(() => controller.abort(), 10);
    const err = await pending.catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(DatasourceError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('passes the signal to the request', async () => {
    let seen: AbortSignal | undefined;
    server.use(
      http.get(proxied('prometheus', 'api/v1/query'), ({ request }) => {
        seen = request.signal;
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    await fetchJson({ uid: 'prometheus', signal: controller.signal }, 'api/v1/query');
    controller.abort();
    expect(seen?.aborted).toBe(true);
  });
});

/** Collects the text pieces a streamed body arrives in, then parses them whole. */
function collectingSink(): JsonTextSink<unknown> & { pieces: string[] } {
  const pieces: string[] = [];
  return { pieces, write: (text) => void pieces.push(text), end: () => JSON.parse(pieces.join('')) };
}

/** A JSON response sent as these byte chunks; `hang` leaves the body open after them. */
function chunked(chunks: Uint8Array[], hang = false): HttpResponse<ReadableStream> {
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(chunk);
        await delay(5);
      }
      if (!hang) controller.close();
    },
  });
  return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
}

describe('fetchJsonStreamed', () => {
  it('hands the text over chunk by chunk, a character split between chunks included', async () => {
    const bytes = new TextEncoder().encode('{"name": "café", "n": [1, 2, 3]}');
    const split = bytes.indexOf(0xa9); // the second byte of é
    server.use(http.get(proxied('tempo', 'api/traces/1'), () => chunked([bytes.slice(0, split), bytes.slice(split, 20), bytes.slice(20)])));
    const sink = collectingSink();
    await expect(fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/1', sink)).resolves.toEqual({ name: 'café', n: [1, 2, 3] });
    expect(sink.pieces.length).toBeGreaterThan(1);
  });

  it('reports how much of the body has arrived, and of how much when the response says', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ spans: Array.from({ length: 200 }, (_, i) => ({ i })) }));
    const third = Math.floor(bytes.length / 3);
    const pieces = [bytes.slice(0, third), bytes.slice(third, 2 * third), bytes.slice(2 * third)];
    server.use(
      http.get(proxied('tempo', 'api/traces/sized'), () => {
        const response = chunked(pieces);
        response.headers.set('Content-Length', String(bytes.length));
        return response;
      }),
      http.get(proxied('tempo', 'api/traces/unsized'), () => chunked(pieces)),
    );
    // A sink slow enough that reading yields to the browser between chunks.
    const slowSink = (): JsonTextSink<unknown> => {
      const sink = collectingSink();
      const write = (text: string) => {
        const until = performance.now() + 45;
        while (performance.now() < until);
        sink.write(text);
      };
      return { write, end: sink.end };
    };
    const seen: [number, number | undefined][] = [];
    await fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/sized', slowSink(), { onProgress: (loaded, total) => seen.push([loaded, total]) });
    expect(seen[0]).toEqual([third, bytes.length]);
    expect(seen.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(seen.map(([loaded]) => loaded)).toEqual([...seen.map(([loaded]) => loaded)].sort((a, b) => a - b));
    seen.length = 0;
    await fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/unsized', collectingSink(), { onProgress: (loaded, total) => seen.push([loaded, total]) });
    expect(seen[0]).toEqual([third, undefined]);
  });

  it('reports HTTP errors, other content types and invalid JSON as fetchJson does', async () => {
    server.use(
      http.get(proxied('tempo', 'api/traces/404'), () => HttpResponse.text('trace not found', { status: 404 })),
      http.get(proxied('tempo', 'api/traces/html'), () => HttpResponse.html('<!doctype html>')),
      http.get(proxied('tempo', 'api/traces/bad'), () => chunked([new TextEncoder().encode('{"a": '), new TextEncoder().encode('}')])),
    );
    const streamed = (path: string) => failure(fetchJsonStreamed({ uid: 'tempo' }, path, collectingSink()));
    expect(await streamed('api/traces/404')).toMatchObject({ status: 404, message: 'trace not found', datasourceUid: 'tempo' });
    expect((await streamed('api/traces/html')).message).toBe('Expected JSON from datasource "tempo" but got text/html (HTTP 200)');
    const throwing: JsonTextSink<unknown> = {
      write: (text) => {
        if (text.includes('}')) throw new SyntaxError('Unexpected token');
      },
      end: () => ({}),
    };
    const err = await failure(fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/bad', throwing));
    expect(err).toMatchObject({ message: 'Datasource "tempo" answered with invalid JSON', errorType: 'invalid_response', status: 200 });
    expect((await streamed('api/traces/bad')).message).toBe('Datasource "tempo" answered with invalid JSON');
  });

  it('lets an abort in the middle of the body through unwrapped', async () => {
    const controller = new AbortController();
    server.use(http.get(proxied('tempo', 'api/traces/slow'), () => chunked([new TextEncoder().encode('{"a": [1,')], true)));
    const sink = collectingSink();
    const write = sink.write;
    sink.write = (text) => {
      write(text);
      controller.abort();
    };
    const err = await fetchJsonStreamed({ uid: 'tempo', signal: controller.signal }, 'api/traces/slow', sink).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(DatasourceError);
    expect((err as Error).name).toBe('AbortError');
  });

  it('maps a failure in the middle of the body to a network error', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a": [1,'));
        setTimeout(() => controller.error(new Error('connection reset')), 5);
      },
    });
    server.use(http.get(proxied('tempo', 'api/traces/reset'), () => new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } })));
    const err = await failure(fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/reset', collectingSink()));
    expect(err.message).toMatch(/^Network error while querying datasource "tempo": /);
  });
});

describe('fetchText', () => {
  it('returns plain text bodies', async () => {
    server.use(http.get(proxied('tempo', 'api/echo'), () => HttpResponse.text('echo')));
    await expect(fetchText({ uid: 'tempo' }, 'api/echo')).resolves.toBe('echo');
  });
});

describe('describeHttpError', () => {
  it('reads Jaeger error lists', () => {
    const body = '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}';
    expect(describeHttpError(404, 'Not Found', 'application/json', body)).toEqual({ message: 'trace not found' });
  });

  it('falls back to the status for empty and HTML bodies', () => {
    expect(describeHttpError(502, 'Bad Gateway', '', '')).toEqual({ message: 'HTTP 502 Bad Gateway' });
    expect(describeHttpError(500, '', 'text/html', '<html>oops</html>')).toEqual({ message: 'HTTP 500' });
  });
});
