import { panelRequestUrls } from './requestUrls';

describe('panelRequestUrls', () => {
  const plan = { fromMs: 1_700_000_000_000, toMs: 1_700_000_600_000, stepMs: 15_000, exprs: [{ expr: 'up{job="a"}', refIndex: 0 }] };

  it('builds the proxy URLs the clients ask', () => {
    expect(panelRequestUrls('range', 'prometheus', plan)).toEqual([
      '/api/datasources/proxy/uid/prometheus/api/v1/query_range?query=up%7Bjob%3D%22a%22%7D&start=1700000000&end=1700000600&step=15',
    ]);
    expect(panelRequestUrls('instant', 'prometheus', plan)[0]).toBe('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up%7Bjob%3D%22a%22%7D&time=1700000600');
    expect(panelRequestUrls('logs', 'loki', plan, 50)[0]).toBe(
      '/api/datasources/proxy/uid/loki/loki/api/v1/query_range?query=up%7Bjob%3D%22a%22%7D&start=1700000000000000000&end=1700000600000000000&limit=50&direction=backward',
    );
  });
});
