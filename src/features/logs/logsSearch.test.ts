import { validateLogsSearch } from './logsSearch';

describe('validateLogsSearch', () => {
  it('reads the URL state and bounds the limit', () => {
    expect(validateLogsSearch({ q: '{a="b"}', limit: '9000', direction: 'forward', live: '1', dedup: 'exact', line: 'x_1_2' })).toEqual({
      q: '{a="b"}', ds: undefined, direction: 'forward', limit: 5000, line: 'x_1_2', live: true, wrap: undefined, dedup: 'exact', utc: undefined,
    });
    expect(validateLogsSearch({ limit: '-3', direction: 'sideways', dedup: 'all' })).toMatchObject({ limit: undefined, direction: undefined, dedup: undefined });
  });
});
