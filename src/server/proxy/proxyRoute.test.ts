import { parseProxyRoute } from './proxyRoute.ts';

describe('parseProxyRoute', () => {
  it.each([
    ['/api/datasources/proxy/uid/prometheus/api/v1/query?query=up', { uid: 'prometheus', rawPath: 'api/v1/query', query: 'query=up' }],
    ['/api/datasources/proxy/uid/loki/loki/api/v1/query_range', { uid: 'loki', rawPath: 'loki/api/v1/query_range', query: '' }],
    ['/api/datasources/proxy/uid/prom%2Dprod/-/ready', { uid: 'prom-prod', rawPath: '-/ready', query: '' }],
    ['/api/datasources/proxy/uid/p//api/v1/query?a=1?b', { uid: 'p', rawPath: '/api/v1/query', query: 'a=1?b' }],
    ['/api/datasources/proxy/uid/p', { uid: 'p', rawPath: '', query: '' }],
    ['/api/datasources/proxy/uid/p?x=1', { uid: 'p', rawPath: '', query: 'x=1' }],
  ])('%s', (url, expected) => {
    expect(parseProxyRoute(url)).toEqual(expected);
  });

  it('ignores other URLs', () => {
    expect(parseProxyRoute('/api/config')).toBeUndefined();
    expect(parseProxyRoute('/api/datasources/proxy/uidx/p/api')).toBeUndefined();
  });
});
