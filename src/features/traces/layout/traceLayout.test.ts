import { computeTraceLayout } from './traceLayout';
import { span } from './testTraces';

describe('computeTraceLayout: services and errors', () => {
  it('counts spans per service across interleaved runs, sorted by name, and counts errors', () => {
    const spans = [
      span('a', undefined, 0, 100, { serviceName: 'web' }),
      span('b', 'a', 1, 10, { serviceName: 'api', status: { code: 'error', message: 'boom' } }),
      span('c', 'b', 2, 5, { serviceName: 'api' }),
      span('d', 'a', 20, 10, { serviceName: 'web' }),
      span('e', 'd', 21, 5, { serviceName: 'db', status: { code: 'error' } }),
      span('f', 'a', 40, 10, { serviceName: 'api' }),
    ];
    const layout = computeTraceLayout({ traceId: 't', spans });
    expect(layout.services.map(({ name, spanCount }) => [name, spanCount])).toEqual([
      ['api', 3],
      ['db', 1],
      ['web', 2],
    ]);
    expect(layout.serviceColor.get('db')).toBe(layout.services[1].color);
    expect(layout.errorCount).toBe(2);
  });

  it('has no services for an empty trace', () => {
    expect(computeTraceLayout({ traceId: 't', spans: [] })).toMatchObject({ services: [], errorCount: 0 });
  });
});
