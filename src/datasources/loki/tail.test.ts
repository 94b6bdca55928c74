import { jsonFixture } from '../testing';
import { parseTailFrame, tailUrl } from './tail';

describe('tailUrl', () => {
  it('builds a ws URL through the proxy from the page location', () => {
    expect(tailUrl('loki', '{service_name="homebot"}', '1795353713878000000', 10, { protocol: 'https:', host: 'sightline.example:8443' })).toBe(
      'wss://sightline.example:8443/api/datasources/proxy/uid/loki/loki/api/v1/tail?query=%7Bservice_name%3D%22homebot%22%7D&start=1795353713878000000&limit=10',
    );
    expect(tailUrl('loki', '{a="b"}', '1', 5, { protocol: 'http:', host: 'localhost:5173' })).toMatch(/^ws:\/\/localhost:5173\//);
  });
});

describe('parseTailFrame', () => {
  it('reads the captured frames: one homebot line each, no dropped entries', () => {
    const frames: unknown[] = jsonFixture(import.meta.url, 'tail-ws-frames.json');
    const parsed = frames.map((f) => parseTailFrame(JSON.stringify(f)));
    expect(parsed.map((p) => p.lines.map((l) => l.timestampNs))).toEqual([
      ['1795353715435000000'],
      ['1795353716931000000'],
      ['1795353718432000000'],
    ]);
    expect(parsed[0].lines[0].labels).toEqual({ cluster: 'fixtures-20261122-132101', level: 'info', service_name: 'homebot' });
    expect(parsed[0].lines[0].line).toContain('"trace_id": "762e6c86bf2e88b58ff37aa0dd8c5432"');
    expect(parsed.every((p) => p.droppedEntries.length === 0)).toBe(true);
  });

  it('reports dropped entries, with labels as an object or a label string', () => {
    const parsed = parseTailFrame({
      streams: [],
      dropped_entries: [
        { labels: { service_name: 'homebot' }, timestamp: '1795353715435000001' },
        { labels: '{service_name="homebot", msg="say \\"hi\\""}', timestamp: '1795353715435000002' },
      ],
    });
    expect(parsed.droppedEntries).toEqual([
      { timestampNs: '1795353715435000001', labels: { service_name: 'homebot' } },
      { timestampNs: '1795353715435000002', labels: { service_name: 'homebot', msg: 'say "hi"' } },
    ]);
  });
});
