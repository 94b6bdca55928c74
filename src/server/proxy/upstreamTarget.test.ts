import { parseConfig } from '../config.ts';
import { describeUpstreamFailure, upstreamTarget, UpstreamTimeoutError } from './upstreamTarget.ts';

const datasource = (url: string) => parseConfig({ datasources: [{ uid: 'tempo', type: 'tempo', url }] }).datasources[0]!;

describe('upstreamTarget', () => {
  it.each([
    ['http://127.0.0.1:3200', { hostname: '127.0.0.1', port: '3200', path: '/api/search?tags=x', protocol: 'http:' }],
    ['https://tempo.example/prefix/', { hostname: 'tempo.example', port: undefined, path: '/prefix/api/search?tags=x', protocol: 'https:' }],
    ['http://[::1]:3200', { hostname: '::1', port: '3200', path: '/api/search?tags=x' }],
  ])('%s', (url, expected) => {
    expect(upstreamTarget(datasource(url), 'api/search', 'tags=x').options).toMatchObject(expected);
  });

  it('leaves out an empty query string', () => {
    expect(upstreamTarget(datasource('http://t:1'), 'ready', '').options.path).toBe('/ready');
  });
});

describe('describeUpstreamFailure', () => {
  const tempo = datasource('http://t:1');

  it('names the datasource on timeouts and connection failures', () => {
    expect(describeUpstreamFailure(tempo, new UpstreamTimeoutError(250))).toEqual({ status: 504, error: 'datasource "tempo" (tempo) did not answer within 250 ms' });
    expect(describeUpstreamFailure(tempo, new Error('socket hang up'))).toEqual({ status: 502, error: 'datasource "tempo" (tempo) is unreachable: socket hang up' });
  });

  it('spells out an AggregateError from happy-eyeballs connects', () => {
    const error = new AggregateError([new Error('connect ECONNREFUSED ::1:3200'), new Error('connect ECONNREFUSED 127.0.0.1:3200')], '');
    expect(describeUpstreamFailure(tempo, error).error).toBe(
      'datasource "tempo" (tempo) is unreachable: connect ECONNREFUSED ::1:3200; connect ECONNREFUSED 127.0.0.1:3200',
    );
  });
});
