import type { Labels } from '../../datasources/types';
import { streamCountsByValue, volumeByValue } from './labelCounts';

describe('streamCountsByValue', () => {
  it('counts streams per value and skips streams without the label', () => {
    const series: Labels[] = [{ service_name: 'homebot', level: 'info' }, { service_name: 'homebot', level: 'error' }, { service_name: 'legacy-worker' }];
    expect(streamCountsByValue(series, 'service_name')).toEqual([{ value: 'homebot', streams: 2 }, { value: 'legacy-worker', streams: 1 }]);
    expect(streamCountsByValue(series, 'level')).toEqual([{ value: 'error', streams: 1 }, { value: 'info', streams: 1 }]);
  });
});

describe('volumeByValue', () => {
  it('reads /index/volume bytes per value', () => {
    const body = { status: 'success', data: { result: [{ metric: { service_name: 'homebot' }, value: [1795353661, '20480'] as [number, string] }, { metric: { service_name: 'api' }, value: [1795353661, '5'] as [number, string] }] } };
    expect(volumeByValue(body, 'service_name')).toEqual([{ value: 'api', bytes: 5 }, { value: 'homebot', bytes: 20480 }]);
    expect(volumeByValue({ status: 'success' }, 'x')).toEqual([]);
  });
});
