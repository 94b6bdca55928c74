import { parseConfig } from '../config.ts';
import { downstreamResponseHeaders, uberTraceIdFromTraceparent, upstreamRequestHeaders } from './forwardedHeaders.ts';

describe('uberTraceIdFromTraceparent', () => {
  it.each([
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00', '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:0'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03', '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1'],
    ['garbage', undefined],
    ['01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', undefined],
    [undefined, undefined],
  ])('%s → %s', (traceparent, expected) => {
    expect(uberTraceIdFromTraceparent(traceparent)).toBe(expected);
  });
});

describe('downstreamResponseHeaders', () => {
  it('drops hop-by-hop headers, including those the Connection header names', () => {
    const headers = downstreamResponseHeaders(
      {
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'x-hop': '1',
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'set-cookie': ['a=1'],
      },
      'prom',
    );
    expect(headers).toEqual({ 'content-type': 'application/json', 'content-encoding': 'gzip', 'X-Sightline-Datasource': 'prom' });
  });
});

describe('upstreamRequestHeaders: trace context', () => {
  const browser = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1' };
  const proxySpan = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01', tracestate: 'vendor=1' };
  const withPropagation = (propagation: string) =>
    parseConfig({ datasources: [{ uid: 'ds', type: 'loki', url: 'http://127.0.0.1:3100', propagation }] }).datasources[0]!;

  it.each([
    ['w3c', { traceparent: proxySpan.traceparent, tracestate: 'vendor=1' }, ['uber-trace-id']],
    ['jaeger', { 'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:b7ad6b7169203331:0:1' }, ['traceparent', 'tracestate']],
    [
      'both',
      { traceparent: proxySpan.traceparent, 'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:b7ad6b7169203331:0:1' },
      [],
    ],
  ])('%s: names the proxy span, not the browser’s', (propagation, expected, absent) => {
    const headers = upstreamRequestHeaders(browser, withPropagation(propagation), 'GET', proxySpan);
    expect(headers).toMatchObject(expected);
    for (const name of absent) expect(headers[name], name).toBeUndefined();
  });

  it('passes the browser’s context through when the proxy does not trace', () => {
    expect(upstreamRequestHeaders(browser, withPropagation('both'), 'GET')).toMatchObject({
      ...browser,
      'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1',
    });
  });
});
