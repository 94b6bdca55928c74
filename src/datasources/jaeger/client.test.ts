import { http, HttpResponse } from 'msw';
import { jsonFixture, proxied, useMswServer } from '../testing';
import { DatasourceError } from '../types';
import { getTrace, operations, searchTraces, services } from './client';

const server = useMswServer();
const fixture = (name: string) => jsonFixture(import.meta.url, name);
const api = (path: string) => proxied('jaeger', `api/${path}`);

describe('jaeger client', () => {
  it('gets a trace by id', async () => {
    server.use(http.get(api('traces/df2c6e1ec2da684689500eaad0046eb9'), () => HttpResponse.json(fixture('trace-b-error.json'))));
    const trace = await getTrace('jaeger', 'df2c6e1ec2da684689500eaad0046eb9');
    expect(trace.spans).toHaveLength(7);
  });

  it("keeps Jaeger's not-found message", async () => {
    server.use(
      http.get(api('traces/:id'), () =>
        HttpResponse.json({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] }, { status: 404 }),
      ),
    );
    const err = await getTrace('jaeger', 'f497a3f735e6b1fc29b9fe683e5a2947').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasourceError);
    expect(err).toMatchObject({ status: 404, message: 'trace not found' });
  });

  it('lists services and operations, sorted', async () => {
    server.use(
      http.get(api('services'), () => HttpResponse.json({ data: ['legacy-worker', 'homebot', 'barcode-lookup-provider'], total: 3 })),
      http.get(api('services/homebot/operations'), () => HttpResponse.json({ data: ['POST /api/v1/scan', 'GET'], total: 2 })),
    );
    expect(await services('jaeger')).toEqual(['barcode-lookup-provider', 'homebot', 'legacy-worker']);
    expect(await operations('jaeger', 'homebot')).toEqual(['GET', 'POST /api/v1/scan']);
  });

  it('answers services with no data as an empty list', async () => {
    server.use(http.get(api('services'), () => HttpResponse.json({ data: null, total: 0 })));
    expect(await services('jaeger')).toEqual([]);
  });

  it('searches with tags as JSON and times in µs', async () => {
    let params: Record<string, string> = {};
    server.use(
      http.get(api('traces'), ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json(fixture('search-homebot.json'));
      }),
    );
    const hits = await searchTraces('jaeger', {
      service: 'homebot',
      operation: 'POST /api/v1/scan',
      tags: { error: 'true' },
      minDuration: '100ms',
      limit: 20,
      start: 1795353001000,
      end: 1795353726000,
    });
    expect(params).toEqual({
      service: 'homebot',
      operation: 'POST /api/v1/scan',
      tags: '{"error":"true"}',
      minDuration: '100ms',
      limit: '20',
      start: '1795353001000000',
      end: '1795353726000000',
    });
    expect(hits.map((h) => h.traceId)).toEqual(['df2c6e1ec2da684689500eaad0046eb9', '00000000000000007d3f0a1b2c4e5f60']);
  });
});
