import { appProbeOutcome } from './appProbeOutcome.ts';

const answer = { at: 1_000, latencyMs: 4.2, contentType: 'application/json' };

describe('appProbeOutcome', () => {
  it('is ok for 200 with every check true', () => {
    const result = appProbeOutcome({ ...answer, httpStatus: 200, body: '{"status":"ready","checks":{"database":true,"redis":true}}' });
    expect(result).toMatchObject({ state: 'ok', httpStatus: 200, reported: 'ready', latencyMs: 4.2, at: 1_000 });
    expect(result.error).toBeUndefined();
  });

  it('is failing for 503 and names the failing check', () => {
    const result = appProbeOutcome({ ...answer, httpStatus: 503, body: '{"status":"not_ready","checks":{"database":true,"redis":false}}' });
    expect(result.state).toBe('failing');
    expect(result.error).toBe('HTTP 503 (not_ready); failing: redis');
  });

  it('is degraded for 200 whose deep check has an unhealthy dependency', () => {
    const body = JSON.stringify({ status: 'degraded', dependencies: { db: { status: 'healthy' }, barcode: { status: 'unhealthy', error: '503' } } });
    const result = appProbeOutcome({ ...answer, httpStatus: 200, body });
    expect(result.state).toBe('degraded');
    expect(result.error).toBe('unwell: barcode (unhealthy)');
  });

  it('is degraded for 200 with a truncated body, saying so', () => {
    const result = appProbeOutcome({ ...answer, httpStatus: 200, body: '{"status":"ready","che' });
    expect(result.state).toBe('degraded');
    expect(result.error).toMatch(/truncated JSON/);
  });

  it('is ok for a 200 plain-text body', () => {
    expect(appProbeOutcome({ ...answer, contentType: 'text/plain', httpStatus: 200, body: 'OK' })).toMatchObject({ state: 'ok', reported: 'OK' });
  });

  it('is failing for an HTML error page, without quoting the HTML as a check', () => {
    const result = appProbeOutcome({ ...answer, contentType: 'text/html', httpStatus: 502, body: '<html>Bad Gateway</html>' });
    expect(result).toMatchObject({ state: 'failing', checks: [] });
    expect(result.error).toMatch(/^HTTP 502/);
  });

  it('is failing with the network error when nothing answered', () => {
    expect(appProbeOutcome({ at: 1, latencyMs: 0.3, networkError: 'connect ECONNREFUSED 127.0.0.1:9' })).toMatchObject({
      state: 'failing',
      error: 'connect ECONNREFUSED 127.0.0.1:9',
      httpStatus: undefined,
    });
  });
});
