import { DatasourceFeatureProbe, traceByIdV2FromAnswer } from './datasourceFeatures.ts';
import type { HttpAnswer } from './health/appProbeOutcome.ts';
import { parseConfig } from './config.ts';

const answer = (httpStatus: number | undefined, body = ''): HttpAnswer => ({ at: 0, latencyMs: 1, httpStatus, body, networkError: httpStatus ? undefined : 'connect ECONNREFUSED' });

describe('traceByIdV2FromAnswer', () => {
  it("reads Go's router 404 as no v2 route and the route's own answers as one", () => {
    expect(traceByIdV2FromAnswer(answer(404, '404 page not found\n'))).toBe(false);
    expect(traceByIdV2FromAnswer(answer(404, 'trace not found'))).toBe(true);
    expect(traceByIdV2FromAnswer(answer(400, 'invalid trace id'))).toBe(true);
    expect(traceByIdV2FromAnswer(answer(200, '{"trace":{}}'))).toBe(true);
  });

  it('learns nothing from no answer, a refusal or a server error', () => {
    for (const status of [undefined, 401, 403, 500, 502, 503]) expect(traceByIdV2FromAnswer(answer(status, 'nope'))).toBeUndefined();
  });
});

describe('DatasourceFeatureProbe', () => {
  const datasources = parseConfig({
    datasources: [
      { uid: 'tempo', type: 'tempo', url: 'http://tempo.internal:3200' },
      { uid: 'prom', type: 'prometheus', url: 'http://prom.internal:9090' },
    ],
  }).datasources;

  function probeWith(answers: HttpAnswer[], clock = { t: 0 }) {
    const asked: string[] = [];
    const get = vi.fn(async (url: URL) => {
      asked.push(url.toString());
      return answers.shift() ?? answer(undefined);
    });
    const probe = new DatasourceFeatureProbe(datasources, { get, refreshMs: 1_000, retryMs: 100, now: () => clock.t });
    return { probe, asked, clock };
  }

  it('asks Tempo datasources only, and keeps the answer until it is stale', async () => {
    const { probe, asked, clock } = probeWith([answer(404, '404 page not found'), answer(404, 'trace not found')]);
    expect(await probe.current(1_000)).toEqual(new Map([['tempo', { traceByIdV2: false }]]));
    expect(asked).toEqual([`http://tempo.internal:3200/api/v2/traces/${'0'.repeat(32)}?start=1&end=2`]);
    clock.t = 999;
    await probe.current(0);
    expect(asked).toHaveLength(1);
    // Stale: served as known while a new answer is asked for in the background.
    clock.t = 1_000;
    expect(await probe.current(0)).toEqual(new Map([['tempo', { traceByIdV2: false }]]));
    await vi.waitFor(async () => expect(await probe.current(0)).toEqual(new Map([['tempo', { traceByIdV2: true }]])));
    expect(asked).toHaveLength(2);
  });

  it('keeps a known answer through a failed one and asks again sooner', async () => {
    const { probe, asked, clock } = probeWith([answer(404, 'trace not found'), answer(undefined), answer(404, '404 page not found')]);
    await probe.current(1_000);
    clock.t = 1_000;
    await probe.current(0);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(await probe.current(0)).toEqual(new Map([['tempo', { traceByIdV2: true }]]));
    clock.t = 1_100;
    await probe.current(0);
    await vi.waitFor(async () => expect(await probe.current(0)).toEqual(new Map([['tempo', { traceByIdV2: false }]])));
  });

  it('does not hold the first config longer than asked for', async () => {
    const get = vi.fn(() => new Promise<HttpAnswer>(() => undefined));
    const probe = new DatasourceFeatureProbe(datasources, { get });
    const started = performance.now();
    expect(await probe.current(30)).toEqual(new Map());
    expect(performance.now() - started).toBeLessThan(1_000);
    // Later calls do not wait at all, and do not ask again while a question is out.
    expect(await probe.current(10_000)).toEqual(new Map());
    expect(get).toHaveBeenCalledTimes(1);
  });
});
