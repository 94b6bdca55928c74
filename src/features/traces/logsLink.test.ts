import { spanLogsSearch, traceLogsSearch } from './logsLink';
import { span } from './layout/testTraces';

describe('logs links', () => {
  it("selects the span's service and trace over its window, padded by a second", () => {
    const s = { ...span('s', undefined, 15, 180), serviceName: 'dyocense-api', traceId: '0074956cf36b07561fc0cc1c6fe2ffad' };
    const search = spanLogsSearch(s);
    expect(search.q).toBe('{service_name="dyocense-api"} | json | trace_id="0074956cf36b07561fc0cc1c6fe2ffad"');
    expect(Number(search.from)).toBe(Math.floor(s.startUs / 1000) - 1000);
    expect(Number(search.to)).toBe(Math.ceil((s.startUs + s.durationUs) / 1000) + 1000);
  });

  it('uses a regex over all services for the whole trace, escaping their names', () => {
    const search = traceLogsSearch('ab', ['homebot', 'barcode-lookup-provider', 'a.b'], 0, 1000);
    expect(search.q).toBe('{service_name=~"homebot|barcode-lookup-provider|a\\\\.b"} | json | trace_id="ab"');
  });
});
