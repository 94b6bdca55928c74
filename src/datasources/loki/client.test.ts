import { http, HttpResponse } from 'msw';
import { proxied, readFixture, useMswServer } from '../testing';
import { DatasourceError } from '../types';
import { labels, labelValues, queryInstant, queryRange, series } from './client';

const server = useMswServer();
const api = (path: string) => proxied('loki', `loki/api/v1/${path}`);
// Loki's content types vary by endpoint; serve fixtures with the ones it sent.
const lokiJson = (name: string, type = 'application/json; charset=UTF-8') =>
  new HttpResponse(readFixture(import.meta.url, name), { headers: { 'Content-Type': type } });

describe('loki client', () => {
  it('sends ns strings as given and ms numbers converted, and returns lines', async () => {
    let params: Record<string, string> = {};
    server.use(
      http.get(api('query_range'), ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return lokiJson('query_range-streams-forward.json');
      }),
    );
    const result = await queryRange('loki', {
      query: '{cluster="fixtures-20261122-132101", service_name="dyocense-api"}',
      start: '1795353001706972768',
      end: 1795353664041,
      limit: 100,
      direction: 'forward',
    });
    expect(params).toEqual({
      query: '{cluster="fixtures-20261122-132101", service_name="dyocense-api"}',
      start: '1795353001706972768',
      end: '1795353664041000000',
      limit: '100',
      direction: 'forward',
    });
    expect(result.kind === 'streams' && result.lines[0].timestampNs).toBe('1795353061706972768');
  });

  it('returns a matrix for metric queries, with step in seconds', async () => {
    let step: string | null = null;
    server.use(
      http.get(api('query_range'), ({ request }) => {
        step = new URL(request.url).searchParams.get('step');
        return lokiJson('query_range-metric-matrix.json', 'application/json');
      }),
    );
    const result = await queryRange('loki', { query: 'count_over_time({a="b"}[1m])', start: 0, end: 1, stepMs: 60_000 });
    expect(step).toBe('60');
    expect(result.kind).toBe('matrix');
  });

  it('turns a plain-text parse error into a DatasourceError with the body as message', async () => {
    const text = readFixture(import.meta.url, 'query_range-parse-error.txt');
    server.use(
      http.get(api('query_range'), () =>
        HttpResponse.text(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
      ),
    );
    const err = await queryRange('loki', { query: '{service_name="homebot"', start: 0, end: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasourceError);
    expect((err as DatasourceError).message).toBe(text);
    expect((err as DatasourceError).message).toBe('parse error at line 1, col 24: syntax error: unexpected $end, expecting } or ,');
    expect((err as DatasourceError).status).toBe(400);
  });

  it('answers an instant log selector with no lines, and a metric query with a vector', async () => {
    server.use(
      http.get(api('query'), ({ request }) =>
        new URL(request.url).searchParams.get('query')!.startsWith('sum')
          ? lokiJson('query-metric-vector.json', 'application/json')
          : lokiJson('query-log-selector-instant.json', 'application/json; charset=utf-8'),
      ),
    );
    const logs = await queryInstant('loki', { query: '{service_name="homebot"}', time: '1795353664041797019' });
    expect(logs).toMatchObject({ kind: 'streams', lines: [] });
    const metric = await queryInstant('loki', { query: 'sum by (level) (count_over_time({a="b"}[15m]))' });
    expect(metric.kind === 'vector' && metric.samples).toHaveLength(3);
  });

  it('reads labels, label values (with the missing data key) and series', async () => {
    server.use(
      http.get(api('labels'), () => lokiJson('labels.json')),
      http.get(api('label/level/values'), ({ request }) =>
        new URL(request.url).searchParams.get('query')!.includes('scanner-cli')
          ? lokiJson('label-values-empty.json')
          : lokiJson('label-level-values.json'),
      ),
      http.get(api('series'), () => lokiJson('series-homebot.json')),
    );
    expect(await labels('loki', { start: 0, end: 1 })).toEqual(['cluster', 'environment', 'level', 'service_name']);
    expect(await labelValues('loki', 'level', { query: '{cluster="x"}' })).toEqual(['error', 'info', 'warning']);
    expect(await labelValues('loki', 'level', { query: '{service_name="scanner-cli"}' })).toEqual([]);
    const streams = await series('loki', '{service_name="homebot"}');
    expect(streams).toHaveLength(3);
    expect(streams[1]).toEqual({ service_name: 'homebot', level: 'warning', cluster: 'fixtures-20261122-132101' });
  });
});
