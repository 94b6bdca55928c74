import { downstreamResponseHeaders, uberTraceIdFromTraceparent } from './forwardedHeaders.ts';

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
