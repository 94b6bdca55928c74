import { DatasourceError } from '../../../datasources/types';
import { describeRun, rememberRun, runsFor } from './targetRuns';

describe('target runs', () => {
  it('describes a success and a backend error', () => {
    const started = performance.now();
    const ok = describeRun('/api/datasources/proxy/uid/p/api/v1/query?query=up', started, { returned: '2 series, 40 points' }, 'abc');
    expect(ok).toMatchObject({ status: 200, returned: '2 series, 40 points', traceId: 'abc' });
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
    const failed = describeRun('/x', started, { error: new DatasourceError('bad_data: parse error', 'p', 400) });
    expect(failed).toMatchObject({ status: 400, error: 'bad_data: parse error' });
  });

  it('keeps the newest run per key', () => {
    rememberRun(['k', 1], { status: 200, durationMs: 5, responseBytes: null });
    rememberRun(['k', 1], { status: 503, durationMs: 7, responseBytes: 10 });
    expect(runsFor([['k', 1], ['k', 2]])).toEqual([{ status: 503, durationMs: 7, responseBytes: 10 }, undefined]);
  });
});
