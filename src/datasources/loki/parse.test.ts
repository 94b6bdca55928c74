import { jsonFixture } from '../testing';
import { lokiStreamsToLines, parseLokiQueryData, streamKey } from './parse';

const fixture = (name: string) => jsonFixture(import.meta.url, name);

describe('lokiStreamsToLines', () => {
  it('merges backward streams newest first across streams', () => {
    const data = fixture('query_range-streams-backward.json').data;
    const lines = lokiStreamsToLines(data.result, 'backward');
    expect(lines).toHaveLength(58);
    expect(lines.slice(0, 3).map((l) => [l.timestampNs, l.labels.service_name, l.labels.level])).toEqual([
      ['1795353616706972768', 'dyocense-api', 'info'],
      ['1795353601706972768', 'homebot', 'warning'],
      ['1795353574306972768', 'homebot', 'info'],
    ]);
    expect(lines.at(-1)!.timestampNs).toBe('1795353061706972768');
  });

  it('merges forward streams oldest first', () => {
    const lines = lokiStreamsToLines(fixture('query_range-streams-forward.json').data.result, 'forward');
    expect(lines).toHaveLength(17);
    expect(lines.slice(0, 6).map((l) => [l.timestampNs, l.labels.level])).toEqual([
      ['1795353061706972768', 'info'],
      ['1795353063706972768', 'info'],
      ['1795353121707972768', 'info'],
      ['1795353121787972768', 'warning'],
      ['1795353121825972768', 'info'],
      ['1795353181706972768', 'warning'],
    ]);
  });

  it('keeps nanosecond timestamps exactly and derives floored ms', () => {
    const [line] = lokiStreamsToLines(fixture('query_range-streams-backward.json').data.result, 'backward');
    expect(line.timestampNs).toBe('1795353616706972768');
    expect(line.timestampMs).toBe(1795353616706);
    expect(line.line).toMatch(/^\{"timestamp": "2026-11-22T13:20:16.706973Z", "level": "info"/);
  });

  it('orders lines a double cannot tell apart', () => {
    const lines = lokiStreamsToLines(
      [
        { stream: { a: '1' }, values: [['1795353661706972768', 'first']] },
        { stream: { a: '2' }, values: [['1795353661706972769', 'second']] },
      ],
      'backward',
    );
    expect(lines.map((l) => l.line)).toEqual(['second', 'first']);
  });

  it('keeps | json fields as labels and orders the one-line streams by time', () => {
    const lines = lokiStreamsToLines(fixture('query_range-json-level-error.json').data.result, 'backward');
    // Loki returned these streams out of time order (361706 last but 362945 second).
    expect(lines.map((l) => l.labels.event)).toEqual(['request_failed', 'barcode_lookup_failed', 'redis_connection_lost']);
    expect(lines[0].labels).toMatchObject({
      level: 'error',
      level_extracted: 'error',
      status_code: '502',
      trace_id: 'df2c6e1ec2da684689500eaad0046eb9',
      span_id: '6b2737f59a606130',
    });
  });

  it('gives stable, unique ids that ignore label order', () => {
    const streams = fixture('query_range-streams-backward.json').data.result;
    const a = lokiStreamsToLines(streams, 'backward');
    const reordered = streams.map((s: { stream: Record<string, string>; values: unknown }) => ({
      stream: Object.fromEntries(Object.entries(s.stream).reverse()),
      values: s.values,
    }));
    const b = lokiStreamsToLines(reordered, 'forward');
    expect(new Set(a.map((l) => l.id)).size).toBe(58);
    expect(new Set(b.map((l) => l.id))).toEqual(new Set(a.map((l) => l.id)));
    expect(streamKey({ b: '2', a: '1' })).toBe(streamKey({ a: '1', b: '2' }));
  });

  it('keeps exact duplicates apart', () => {
    const lines = lokiStreamsToLines([
      {
        stream: { a: '1' },
        values: [
          ['5', 'same'],
          ['5', 'same'],
        ],
      },
    ]);
    expect(lines[0].id).not.toBe(lines[1].id);
  });
});

describe('parseLokiQueryData', () => {
  it('reads stats from data.stats.summary', () => {
    const result = parseLokiQueryData(fixture('query_range-streams-forward.json').data, 'forward');
    expect(result.kind === 'streams' && result.stats).toEqual({ bytesProcessed: 4899, linesProcessed: 17, execTimeSeconds: 0.00214 });
  });

  it('reads a metric matrix in seconds, leaving missing steps out', () => {
    const result = parseLokiQueryData(fixture('query_range-metric-matrix.json').data);
    expect(result.kind).toBe('matrix');
    if (result.kind !== 'matrix') return;
    expect(result.series.map((s) => s.labels.level)).toEqual(['error', 'info', 'warning']);
    expect(result.series[0]).toEqual({ labels: { level: 'error' }, timestamps: [1795353300000, 1795353420000], values: [1, 2] });
    expect(result.series[1].timestamps).toHaveLength(8);
  });

  it('reads an instant vector in float seconds', () => {
    const result = parseLokiQueryData(fixture('query-metric-vector.json').data);
    expect(result).toEqual({
      kind: 'vector',
      samples: [
        { labels: { level: 'error' }, timestamp: 1795353664041, value: 3 },
        { labels: { level: 'info' }, timestamp: 1795353664041, value: 21 },
        { labels: { level: 'warning' }, timestamp: 1795353664041, value: 5 },
      ],
    });
  });
});
