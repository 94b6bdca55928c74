import { parseSearch, stringifySearch } from './urlSearch';

describe('url search encoding', () => {
  it('keeps numbers and PromQL readable and round-trips', () => {
    const search = { from: '1795353661706', to: 'now', q: 'rate(http_requests_total{status=~"5.."}[5m])', 'var-svc': ['a', 'b'] };
    const text = stringifySearch(search);
    expect(text).toContain('from=1795353661706');
    expect(text).toContain('var-svc=a&var-svc=b');
    expect(parseSearch(text)).toEqual(search);
  });

  it('drops empty values', () => {
    expect(stringifySearch({ a: undefined, b: '', c: 'x' })).toBe('?c=x');
    expect(stringifySearch({})).toBe('');
  });
});
