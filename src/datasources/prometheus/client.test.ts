import { http, HttpResponse } from 'msw';
import { jsonFixture, proxied, useMswServer } from '../testing';
import { DatasourceError } from '../types';
import { alerts, buildInfo, labelNames, labelValues, metricMetadata, queryInstant, queryRange, rules, series, targets } from './client';

const server = useMswServer();
const fixture = (name: string) => jsonFixture(import.meta.url, name);
const api = (path: string) => proxied('prometheus', `api/v1/${path}`);

describe('prometheus client', () => {
  it('names a query_range answer that is not JSON, by its content type or its text', async () => {
    const range = { query: 'up', start: 0, end: 60_000, stepMs: 15_000 };
    server.use(http.get(api('query_range'), () => new HttpResponse('<html>login</html>', { headers: { 'content-type': 'text/html' } })));
    await expect(queryRange('prometheus', range)).rejects.toThrow('Expected JSON from datasource "prometheus" but got text/html (HTTP 200)');
    server.use(http.get(api('query_range'), () => new HttpResponse('{"status":"success","data":', { headers: { 'content-type': 'application/json' } })));
    await expect(queryRange('prometheus', range)).rejects.toThrow('Datasource "prometheus" answered with invalid JSON');
  });

  it('sends query_range as GET with seconds and returns series in ms', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(api('query_range'), ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(fixture('query_range-rate-matrix.json'));
      }),
    );
    const result = await queryRange('prometheus', {
      query: 'rate(prometheus_http_requests_total[1m])',
      start: 1795353666537,
      end: 1795353707424,
      stepMs: 2000,
    });
    expect(Object.fromEntries(params!)).toEqual({
      query: 'rate(prometheus_http_requests_total[1m])',
      start: '1795353666.537',
      end: '1795353707.424',
      step: '2',
    });
    expect(result).toHaveLength(6);
  });

  it('switches to a form POST when the URL would be too long', async () => {
    const longQuery = `sum(${Array.from({ length: 300 }, (_, i) => `metric_${i}`).join(' + ')})`;
    let received: string | null = null;
    server.use(
      http.post(api('query_range'), async ({ request }) => {
        received = (await request.formData()).get('query') as string;
        return HttpResponse.json(fixture('query_range-rate-matrix.json'));
      }),
    );
    await queryRange('prometheus', { query: longQuery, start: 0, end: 60_000, stepMs: 15_000 });
    expect(received).toBe(longQuery);
  });

  it('keeps the error envelope message for a bad query', async () => {
    server.use(http.get(api('query'), () => HttpResponse.json(fixture('query-syntax-error.json'), { status: 400 })));
    const err = await queryInstant('prometheus', { query: 'rate(up[5m]' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasourceError);
    expect(err).toMatchObject({
      message: 'bad_data: invalid parameter "query": 1:12: parse error: unclosed left parenthesis',
      errorType: 'bad_data',
      status: 400,
    });
  });

  it('keeps the too-many-points message', async () => {
    server.use(http.get(api('query_range'), () => HttpResponse.json(fixture('query_range-too-many-points.json'), { status: 400 })));
    await expect(queryRange('prometheus', { query: 'up', start: 0, end: 1, stepMs: 1 })).rejects.toThrow(
      'bad_data: exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  });

  it('returns instant scalars and passes time in seconds', async () => {
    let time: string | null = null;
    server.use(
      http.get(api('query'), ({ request }) => {
        time = new URL(request.url).searchParams.get('time');
        return HttpResponse.json(fixture('query-scalar.json'));
      }),
    );
    await expect(queryInstant('prometheus', { query: 'scalar(vector(1))', time: 1795353707829 })).resolves.toEqual({
      resultType: 'scalar',
      timestamp: 1795353707829,
      value: 1,
    });
    expect(time).toBe('1795353707.829');
  });

  it('reads label names, label values (with match[]) and series', async () => {
    let match: string[] = [];
    server.use(
      http.get(api('labels'), () => HttpResponse.json(fixture('labels.json'))),
      http.get(api('label/job/values'), ({ request }) => {
        match = new URL(request.url).searchParams.getAll('match[]');
        return HttpResponse.json(fixture('label-job-values.json'));
      }),
      http.get(api('series'), () => HttpResponse.json(fixture('series-up.json'))),
    );
    expect(await labelNames('prometheus')).toHaveLength(28);
    expect(await labelValues('prometheus', 'job', { match: 'up' })).toEqual(['homebot-api', 'prometheus']);
    expect(match).toEqual(['up']);
    expect(await series('prometheus', ['up'])).toEqual([
      { __name__: 'up', environment: 'production', instance: '127.0.0.1:9', job: 'homebot-api', service: 'homebot' },
      { __name__: 'up', instance: '127.0.0.1:19091', job: 'prometheus' },
    ]);
  });

  it('reads metadata keyed by metric', async () => {
    server.use(http.get(api('metadata'), () => HttpResponse.json(fixture('metadata-limit20.json'))));
    const meta = await metricMetadata('prometheus', { limit: 20 });
    expect(meta.prometheus_notifications_queue_capacity).toEqual([
      { type: 'gauge', help: 'The capacity of the alert notifications queue.', unit: '' },
    ]);
  });

  it('reads targets, alerts, rules and build info', async () => {
    server.use(
      http.get(api('targets'), () => HttpResponse.json(fixture('targets.json'))),
      http.get(api('alerts'), () => HttpResponse.json(fixture('alerts.json'))),
      http.get(api('rules'), () => HttpResponse.json(fixture('rules.json'))),
      http.get(api('status/buildinfo'), () => HttpResponse.json(fixture('buildinfo.json'))),
    );
    const t = await targets('prometheus');
    expect(t.activeTargets.map((x) => [x.scrapePool, x.health])).toEqual([
      ['homebot-api', 'down'],
      ['prometheus', 'up'],
    ]);
    expect(t.activeTargets[0].lastError).toContain('connect: connection refused');
    expect(t.droppedTargets).toEqual([]);

    const a = await alerts('prometheus');
    expect(a.map((x) => [x.labels.alertname, x.state, Number(x.value)])).toEqual([
      ['HighScanErrorRate', 'firing', 1],
      ['HighAPILatency', 'pending', 1],
    ]);

    const groups = await rules('prometheus');
    expect(groups.map((g) => g.name)).toEqual(['homebot.alerts', 'homebot.recording']);
    const [firing, pending, inactive] = groups[0].rules;
    expect(firing.type === 'alerting' && [firing.state, firing.alerts.length]).toEqual(['firing', 1]);
    expect(pending.type === 'alerting' && pending.duration).toBe(3600);
    expect(inactive.type === 'alerting' && [inactive.state, inactive.alerts]).toEqual(['inactive', []]);
    expect(groups[1].rules[0]).toMatchObject({ type: 'recording', name: 'job:up:sum', query: 'sum by (job) (up)' });

    expect((await buildInfo('prometheus')).version).toBe('2.42.0+ds');
  });

  it('handles the empty states of a Prometheus with no rules', async () => {
    server.use(
      http.get(api('alerts'), () => HttpResponse.json(fixture('9090-alerts-empty.json'))),
      http.get(api('rules'), () => HttpResponse.json(fixture('9090-rules-empty.json'))),
    );
    expect(await alerts('prometheus')).toEqual([]);
    expect(await rules('prometheus')).toEqual([]);
  });
});
