import type { Labels } from '../../datasources/types';
import { streamCountsByValue } from './labelCounts';

describe('streamCountsByValue', () => {
  it('counts streams per value and skips streams without the label', () => {
    const series: Labels[] = [{ service_name: 'homebot', level: 'info' }, { service_name: 'homebot', level: 'error' }, { service_name: 'legacy-worker' }];
    expect(streamCountsByValue(series, 'service_name')).toEqual([{ value: 'homebot', streams: 2 }, { value: 'legacy-worker', streams: 1 }]);
    expect(streamCountsByValue(series, 'level')).toEqual([{ value: 'error', streams: 1 }, { value: 'info', streams: 1 }]);
  });
});
