import deep from './__fixtures__/health/deep.json' with { type: 'json' };
import { endsOpen, parseHealthBody, readHealthBody, stateOfWord } from './healthBody.ts';

const read = (body: string, contentType = 'application/json') => readHealthBody(parseHealthBody(body, contentType));

describe('parseHealthBody', () => {
  it('reports a truncated JSON body instead of throwing', () => {
    const parsed = parseHealthBody('{"status":"ready","checks":{"database":tr', 'application/json');
    expect(parsed.kind).toBe('malformed');
    expect(parsed.kind === 'malformed' && parsed.error).toMatch(/^body is truncated JSON \(41 bytes\)/);
  });

  it('reports broken JSON that is not merely cut off', () => {
    const parsed = parseHealthBody('{status: ready}', 'application/json');
    expect(parsed.kind === 'malformed' && parsed.error).toMatch(/^body is not valid JSON/);
  });

  it('keeps plain text and HTML as text, and an empty body as empty', () => {
    expect(parseHealthBody('Prometheus Server is Ready.\n', 'text/plain')).toEqual({ kind: 'text', text: 'Prometheus Server is Ready.' });
    expect(parseHealthBody('<html><body>502 Bad Gateway</body></html>', 'text/html').kind).toBe('text');
    expect(parseHealthBody('  \n', 'application/json')).toEqual({ kind: 'empty' });
  });

  it('treats a body starting with { as JSON whatever the content type says', () => {
    expect(parseHealthBody('{"status":"alive"}', 'text/plain')).toEqual({ kind: 'json', value: { status: 'alive' } });
  });
});

describe('readHealthBody', () => {
  it('reads a readiness map of booleans (fixture readiness-503)', () => {
    const report = read('{"status":"not_ready","checks":{"database":true,"redis":false},"timestamp":"2026-11-22T13:21:59Z"}');
    expect(report.reported).toBe('not_ready');
    expect(report.checks).toEqual([
      { name: 'database', state: 'ok', reported: 'true', details: [] },
      { name: 'redis', state: 'failing', reported: 'false', details: [] },
    ]);
    expect(report.facts).toEqual([]);
  });

  it('reads the deep check fixture: dependencies with latency, error and details, other sections as facts', () => {
    const report = read(JSON.stringify(deep));
    expect(report.reported).toBe('degraded');
    expect(report.checks.map((c) => [c.name, c.state])).toEqual([
      ['database', 'ok'],
      ['redis', 'ok'],
      ['barcode-lookup-provider', 'failing'],
      ['exchange_api', 'degraded'],
      ['ml_model', 'ok'],
      ['feature_store', 'ok'],
    ]);
    const barcode = report.checks[2]!;
    expect(barcode).toEqual({
      name: 'barcode-lookup-provider',
      state: 'failing',
      reported: 'unhealthy',
      latencyMs: 410.2,
      error: '503 Service Unavailable',
      details: [['circuit_breaker', 'half_open']],
    });
    expect(report.checks[0]!.details).toEqual([
      ['details.pool_size', '20'],
      ['details.in_use', '4'],
    ]);
    expect(report.facts.map((s) => s.name)).toEqual(['summary', 'system', 'business']);
    expect(report.facts[0]!.entries).toContainEqual(['uptime_seconds', '86512']);
    expect(report.facts[1]!.entries).toContainEqual(['load_average', '0.82, 0.71, 0.65']);
    expect(report.facts[2]!.entries).toContainEqual(['scan_error_rate', '0.062']);
  });

  it('says what is wrong with JSON that is not an object', () => {
    expect(read('[1,2]').problem).toBe('body is JSON but not an object (an array)');
    expect(read('"ok"').problem).toBe('body is JSON but not an object (string)');
  });

  it('passes a truncated body on as a problem', () => {
    expect(read('{"status":"ready","checks":{').problem).toMatch(/truncated/);
  });

  it('takes the first line of a text body as the reported status', () => {
    expect(read('OK\nmore', 'text/plain')).toEqual({ reported: 'OK', checks: [], facts: [] });
    expect(read('<html><body>502 Bad Gateway</body></html>', 'text/html')).toEqual({ checks: [], facts: [] });
  });

  it('marks a check object without a status as unknown', () => {
    expect(read('{"checks":{"cache":{"latency_ms":2}}}').checks[0]).toMatchObject({ state: 'unknown', reported: 'no status', latencyMs: 2 });
  });
});

describe('stateOfWord', () => {
  it.each([
    ['healthy', 'ok'],
    ['READY', 'ok'],
    ['Not Ready', 'failing'],
    ['not-ready', 'failing'],
    ['degraded', 'degraded'],
    ['half_open', 'unknown'],
  ])('%s → %s', (word, state) => expect(stateOfWord(word)).toBe(state));
});

describe('endsOpen', () => {
  it('tells a cut-off body from a wrong one', () => {
    expect(endsOpen('{"a":{"b":[1,2')).toBe(true);
    expect(endsOpen('{"a":"still in a str')).toBe(true);
    expect(endsOpen('{"a":"esc \\" quote"}')).toBe(false);
    expect(endsOpen('{a:1}')).toBe(false);
  });
});
