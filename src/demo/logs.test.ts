import { bucketLogs, DEMO_STREAMS, linesAfter, pyJson, SCANNER_CLI_LINES } from './logs.ts';
import { DemoTraceStore, BUCKET_MS } from './traces.ts';

const NOW = 1_795_353_661_706;
const SEED = 20261122;

function linesBetween(fromMs: number, toMs: number) {
  return linesAfter(SEED, fromMs * 1000, toMs * 1000);
}

describe('demo log lines', () => {
  it('are a pure function of the bucket', () => {
    const b = Math.floor(NOW / BUCKET_MS) - 10;
    expect(bucketLogs(SEED, b)).toEqual(bucketLogs(SEED, b));
    expect(bucketLogs(SEED + 1, b)).not.toEqual(bucketLogs(SEED, b));
  });

  it('stay inside their bucket and come oldest first', () => {
    for (let b = Math.floor(NOW / BUCKET_MS) - 200; b < Math.floor(NOW / BUCKET_MS); b++) {
      const lines = bucketLogs(SEED, b);
      for (let i = 0; i < lines.length; i++) {
        expect(Math.floor(lines[i]!.tsUs / 1000 / BUCKET_MS)).toBe(b);
        if (i) expect(lines[i]!.tsUs).toBeGreaterThanOrEqual(lines[i - 1]!.tsUs);
      }
    }
  });

  it('write structlog JSON the way Python does, with the fields in structlog order', () => {
    const json = linesBetween(NOW - 600_000, NOW).find((l) => l.labels.service_name === 'homebot')!;
    expect(json.line).toMatch(/^\{"timestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", "level": "(info|warning|error)", "logger": "[^"]+", "event": "[^"]+"/);
    expect(json.line).toMatch(/"service": "homebot", "environment": "demo", "version": "0\.1\.0"\}$/);
    expect(Object.keys(JSON.parse(json.line) as object).slice(0, 4)).toEqual(['timestamp', 'level', 'logger', 'event']);
    expect(pyJson({ a: 1, b: [true, null], c: { d: 'x"y' } })).toBe('{"a": 1, "b": [true, null], "c": {"d": "x\\"y"}}');
  });

  it('carry trace and span ids that exist in the trace store', () => {
    const store = new DemoTraceStore({ now: () => NOW });
    const traced = linesBetween(NOW - 1_800_000, NOW).filter((l) => l.line.includes('"trace_id"'));
    expect(traced.length).toBeGreaterThan(100);
    for (const l of traced) {
      const { trace_id: traceId, span_id: spanId } = JSON.parse(l.line) as { trace_id: string; span_id: string };
      const trace = store.get(traceId);
      expect(trace, traceId).toBeDefined();
      expect(trace!.spans.some((s) => s.spanId === spanId)).toBe(true);
    }
  });

  it('include background lines without trace ids, logfmt lines and the fixtures\' scanner-cli lines', () => {
    const lines = linesBetween(NOW - 3_600_000, NOW);
    expect(lines.some((l) => l.labels.service_name === 'dyocense-api' && !l.line.includes('trace_id'))).toBe(true);
    const logfmt = lines.filter((l) => l.labels.service_name === 'legacy-worker');
    expect(logfmt.length).toBeGreaterThan(50);
    expect(logfmt[0]!.line).toMatch(/^ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z level=\w+ caller=\w+\.go:\d+ msg="[^"]+"/);
    expect(logfmt[0]!.labels).not.toHaveProperty('level');
    const cli = lines.filter((l) => l.labels.service_name === 'scanner-cli').map((l) => l.line);
    expect(new Set(cli)).toEqual(new Set(SCANNER_CLI_LINES));
    expect(cli.some((l) => l.includes('\u001b[1;31mERROR'))).toBe(true);
    expect(cli.some((l) => l.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(cli.some((l) => l.includes("<script>alert('xss')</script>"))).toBe(true);
  });

  it('only use the streams the demo Loki lists', () => {
    const known = new Set(DEMO_STREAMS.map((s) => JSON.stringify(s)));
    for (const l of linesBetween(NOW - 3_600_000, NOW)) expect(known.has(JSON.stringify(l.labels))).toBe(true);
  });
});
