import { jsonFixture } from '../testing';
import { tempoSearchToHits, tempoTagScopes, tempoTagValues, tempoV1TagScopes, tempoV1TagValues } from './search';

const fixture = (name: string) => jsonFixture(import.meta.url, name);

describe('tempoSearchToHits', () => {
  it('pads ids whose leading zeros search stripped', () => {
    const hits = tempoSearchToHits(fixture('search-service-dyocense-api.json'));
    expect(hits.map((h) => [h.traceId, h.rootServiceName, h.rootTraceName, h.durationMs])).toEqual([
      ['0074956cf36b07561fc0cc1c6fe2ffad', 'dyocense-api', 'POST /v1/goals/create', 250],
      ['ec4a7c1de199252ea088b452ac771976', 'dyocense-api', 'reminders.dispatch_batch', 120],
    ]);
    expect(Math.floor(hits[0].startUs)).toBe(1795353241706972);
  });

  it('treats the root-not-yet-received placeholder and a missing root name as unknown', () => {
    const hits = tempoSearchToHits(fixture('search-service-sightline-proxy-rootless.json'));
    const rootless = hits.find((h) => h.traceId === '496e3950e5c7f55feeafd3107d75afb5')!;
    expect(rootless.rootServiceName).toBeUndefined();
    expect(rootless.rootTraceName).toBeUndefined();
    expect(rootless.durationMs).toBe(95);
    expect(tempoSearchToHits({ traces: [{ traceID: 'abc' }] })).toEqual([
      { traceId: '00000000000000000000000000000abc', rootServiceName: undefined, rootTraceName: undefined, startUs: 0, durationMs: 0 },
    ]);
  });

  it('reads a missing durationMs as 0 (the 0.4 ms probe)', () => {
    const hits = tempoSearchToHits(fixture('search-tags-logfmt-homebot.json'));
    expect(hits).toHaveLength(7);
    expect(hits[0]).toMatchObject({ traceId: 'b08cff8564ecb2c74f2a085a6b4c47e9', rootTraceName: 'GET /health/ready', durationMs: 0 });
  });

  it('counts matched spans over the span sets (spanSet repeats the first), or totals from serviceStats', () => {
    const hits = tempoSearchToHits(fixture('search-service-dyocense-api.json'));
    expect(hits.map((h) => h.matchedSpans)).toEqual([7, 2]);
    expect(hits[0].spanCount).toBeUndefined();
    const withStats = tempoSearchToHits({
      traces: [{ traceID: 'a1', spanSet: { matched: 1 }, serviceStats: { api: { spanCount: 12, errorCount: 2 }, db: { spanCount: 3 } } }],
    });
    expect(withStats[0]).toMatchObject({ spanCount: 15, errorCount: 2 });
    expect(withStats[0].matchedSpans).toBeUndefined();
  });

  it('answers an empty search with no hits', () => {
    expect(tempoSearchToHits({})).toEqual([]);
  });
});

describe('tags', () => {
  it('reads v2 scopes and the flat v1 list', () => {
    const v2 = tempoTagScopes(fixture('v2-search-tags.json'));
    expect(v2.map((s) => [s.name, s.tags.length])).toEqual([
      ['intrinsic', 8],
      ['resource', 19],
      ['span', 79],
    ]);
    expect(v2[1].tags).toContain('service.name');
    const v1 = tempoV1TagScopes(fixture('search-tags.json'));
    expect(v1).toHaveLength(1);
    expect(v1[0].name).toBe('unscoped');
    expect(v1[0].tags).toHaveLength(97);
  });

  it('reads typed v2 values (sorted) and plain v1 values', () => {
    const v2 = tempoTagValues(fixture('v2-tag-resource.service.name-values.json'));
    const v1 = tempoV1TagValues(fixture('tag-service.name-values.json'));
    expect(v2.map((v) => v.value)).toEqual([
      'autotrader',
      'barcode-lookup-provider',
      'dyocense-api',
      'homebot',
      'notification-service',
      'prometheus',
      'sightline-proxy',
      'sightline-web',
    ]);
    expect(v1).toEqual(v2);
  });
});
