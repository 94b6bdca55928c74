import { readFileSync } from 'node:fs';
import { readinessOutcome, versionFromBuildInfo } from './datasourceProbes.ts';

const fixture = (path: string) => readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url), 'utf8');

describe('readinessOutcome', () => {
  it('is ok for 200 and keeps the plain-text answer', () => {
    expect(readinessOutcome({ at: 1, latencyMs: 2, httpStatus: 200, contentType: 'text/plain; charset=utf-8', body: fixture('prometheus/ready.txt') })).toMatchObject({
      state: 'ok',
      reported: 'Prometheus Server is Ready.',
    });
  });

  it("is failing for 503 with the backend's own words", () => {
    const result = readinessOutcome({ at: 1, latencyMs: 2, httpStatus: 503, contentType: 'text/plain', body: 'Ingester not ready: waiting for 15s after being ready\n' });
    expect(result).toMatchObject({ state: 'failing', error: 'HTTP 503: Ingester not ready: waiting for 15s after being ready' });
  });

  it('is failing with the network error when nothing answered', () => {
    expect(readinessOutcome({ at: 1, latencyMs: 2, networkError: 'no answer within 5000 ms' })).toMatchObject({ state: 'failing', error: 'no answer within 5000 ms' });
  });
});

describe('versionFromBuildInfo', () => {
  it("reads Prometheus's enveloped build info and Loki's and Tempo's bare one (fixtures)", () => {
    const ok = (file: string) => versionFromBuildInfo({ at: 1, latencyMs: 1, httpStatus: 200, contentType: 'application/json', body: fixture(file) });
    expect(ok('prometheus/buildinfo.json')).toEqual({ version: '2.42.0+ds' });
    expect(ok('loki/buildinfo.json')).toEqual({ version: '2.9.4' });
    expect(ok('tempo/buildinfo.json')).toEqual({ version: '2.3.1' });
  });

  it('says why there is no version', () => {
    expect(versionFromBuildInfo({ at: 1, latencyMs: 1, httpStatus: 404, body: '404 page not found' })).toEqual({ error: 'HTTP 404' });
    expect(versionFromBuildInfo({ at: 1, latencyMs: 1, httpStatus: 200, contentType: 'application/json', body: '{"version":"2.' }).error).toMatch(/truncated/);
    expect(versionFromBuildInfo({ at: 1, latencyMs: 1, httpStatus: 200, contentType: 'application/json', body: '{}' })).toEqual({ error: 'build info has no version' });
  });
});
