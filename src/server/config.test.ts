import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from './config.ts';

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sightline-config-'));
}

describe('parseConfig', () => {
  it('fills in defaults for an empty file', () => {
    const config = parseConfig(null, { baseDir: '/srv/sightline' });
    expect(config.datasources).toEqual([]);
    expect(config.health).toEqual([]);
    expect(config.telemetry).toEqual({ serviceName: 'sightline-web', sampleRatio: 1 });
    expect(config.embedding).toEqual({ allowedOrigins: [] });
    expect(config.server).toEqual({ host: '127.0.0.1', port: 3900 });
    expect(config.dashboards).toBe('/srv/sightline/dashboards');
  });

  it('accepts the DESIGN.md example and applies per-datasource defaults', () => {
    const config = parseConfig({
      datasources: [
        { uid: 'prometheus', type: 'prometheus', url: 'http://127.0.0.1:9090' },
        { uid: 'loki', type: 'loki', url: 'http://127.0.0.1:3100', tenant: 'team-a' },
        { uid: 'tempo', type: 'tempo', url: 'http://127.0.0.1:3200', propagation: 'both', timeoutMs: 5000 },
      ],
      health: [{ name: 'homebot', url: 'http://127.0.0.1:8000/health/ready' }],
      telemetry: { otlpUrl: 'http://127.0.0.1:4318', serviceName: 'sightline-web', sampleRatio: 1 },
      embedding: { allowedOrigins: ['https://wiki.example.com'] },
      dashboards: '/abs/dashboards',
    });
    expect(config.datasources[0]).toMatchObject({ timeoutMs: 30_000, propagation: 'w3c' });
    expect(config.datasources[2]).toMatchObject({ timeoutMs: 5000, propagation: 'both' });
    expect(config.dashboards).toBe('/abs/dashboards');
  });

  it.each([
    [{ datasources: [{ uid: 'a', type: 'prometheus', url: 'http://x' }, { uid: 'b', type: 'loki', url: 'nope' }] }, 'datasources.1.url: Invalid URL'],
    [{ datasources: [{ uid: 'a', type: 'prometheus', url: 'localhost:9090' }] }, 'datasources.0.url: Invalid URL'],
    [{ datasources: [{ uid: 'a', type: 'prometheus', url: 'ftp://x' }] }, 'datasources.0.url: Invalid URL'],
    [{ datasources: [{ uid: 'a', type: 'prometheus', url: 'http://u:p@x' }] }, 'datasources.0.url: credentials in the URL'],
    [{ datasources: [{ uid: 'a', type: 'graphite', url: 'http://x' }] }, 'datasources.0.type: Invalid option'],
    [{ datasources: [{ uid: 'a/b', type: 'loki', url: 'http://x' }] }, 'datasources.0.uid: expected 1-64 letters'],
    [{ datasources: [{ uid: 'a', type: 'loki', url: 'http://x', timeoutMs: -1 }] }, 'datasources.0.timeoutMs:'],
    [{ datasources: [{ uid: 'a', type: 'loki', url: 'http://x', propagation: 'b3' }] }, 'datasources.0.propagation: Invalid option'],
    [{ datasources: [{ uid: 'a', type: 'loki', url: 'http://x', basicAuth: { username: 'u' } }] }, 'datasources.0.basicAuth.password:'],
    [{ datasources: [{ uid: 'a', type: 'loki', url: 'http://x', headers: { 'Bad Header': 'v' } }] }, 'datasources.0.headers.Bad Header: invalid header name'],
    [{ datasources: [{ uid: 'a', type: 'loki', url: 'http://x', tennant: 't' }] }, 'datasources.0: Unrecognized key: "tennant"'],
    [{ datasource: [] }, '(root): Unrecognized key: "datasource"'],
    [{ health: [{ name: 'x', url: 'http://x', deepUrl: 'x' }] }, 'health.0.deepUrl: Invalid URL'],
    [{ telemetry: { sampleRatio: 2 } }, 'telemetry.sampleRatio:'],
    [{ telemetry: { otlpUrl: 'collector:4318' } }, 'telemetry.otlpUrl: Invalid URL'],
    [{ embedding: { allowedOrigins: ["https://a.example; script-src 'unsafe-inline'"] } }, 'embedding.allowedOrigins.0: expected an origin'],
    [{ server: { port: 70000 } }, 'server.port:'],
    [{ datasources: 'prometheus' }, 'datasources: Invalid input: expected array'],
  ])('rejects %j with "%s"', (raw, expected) => {
    expect(configErrorOf(() => parseConfig(raw)).message).toContain(expected);
  });

  it('rejects duplicate uids, naming the second one', () => {
    const error = configErrorOf(() =>
      parseConfig({
        datasources: [
          { uid: 'prom', type: 'prometheus', url: 'http://a' },
          { uid: 'prom', type: 'prometheus', url: 'http://b' },
        ],
      }),
    );
    expect(error.message).toBe('datasources.1.uid: duplicate uid "prom"');
  });

  it('lists every problem, one per line', () => {
    const error = configErrorOf(() => parseConfig({ telemetry: { sampleRatio: -1 }, dashboards: 3 }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['telemetry.sampleRatio', 'dashboards']);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

describe('environment overrides', () => {
  it('creates datasources with the fixed uids', () => {
    const config = parseConfig(
      {},
      {
        env: {
          PROMETHEUS_URL: 'http://127.0.0.1:9090',
          LOKI_URL: 'http://127.0.0.1:3100',
          TEMPO_URL: 'http://127.0.0.1:3200',
          JAEGER_URL: 'http://127.0.0.1:16686',
          OTLP_URL: 'http://127.0.0.1:4318',
          HOST: '0.0.0.0',
          PORT: '8080',
        },
      },
    );
    expect(config.datasources.map((ds) => [ds.uid, ds.type, ds.url, ds.timeoutMs])).toEqual([
      ['prometheus', 'prometheus', 'http://127.0.0.1:9090', 30_000],
      ['loki', 'loki', 'http://127.0.0.1:3100', 30_000],
      ['tempo', 'tempo', 'http://127.0.0.1:3200', 30_000],
      ['jaeger', 'jaeger', 'http://127.0.0.1:16686', 30_000],
    ]);
    expect(config.telemetry.otlpUrl).toBe('http://127.0.0.1:4318');
    expect(config.server).toEqual({ host: '0.0.0.0', port: 8080 });
  });

  it('re-points an existing datasource but keeps its credentials', () => {
    const config = parseConfig(
      { datasources: [{ uid: 'loki', type: 'loki', url: 'http://old:3100', tenant: 'team-a', bearerToken: 't' }] },
      { env: { LOKI_URL: 'http://new:3100' } },
    );
    expect(config.datasources).toHaveLength(1);
    expect(config.datasources[0]).toMatchObject({ url: 'http://new:3100', tenant: 'team-a', bearerToken: 't' });
  });

  it('ignores empty variables', () => {
    expect(parseConfig({}, { env: { PROMETHEUS_URL: '', PORT: '' } }).datasources).toEqual([]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a port number'],
    [{ PORT: '65536' }, 'PORT: expected a port number'],
    [{ PORT: '-1' }, 'PORT: expected a port number'],
    [{ PROMETHEUS_URL: '127.0.0.1:9090' }, 'PROMETHEUS_URL: Invalid URL'],
    [{ OTLP_URL: 'not a url' }, 'OTLP_URL: Invalid URL'],
  ])('rejects %j', (env, expected) => {
    expect(configErrorOf(() => parseConfig({}, { env })).message).toBe(expected);
  });
});

describe('loadConfig', () => {
  it('starts with defaults when there is no file', () => {
    const dir = tempDir();
    const config = loadConfig({ cwd: dir, env: {} });
    expect(config.source).toBeUndefined();
    expect(config.datasources).toEqual([]);
    expect(config.dashboards).toBe(join(dir, 'dashboards'));
  });

  it('reads sightline.config.yaml from the working directory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sightline.config.yaml'), 'datasources:\n  - { uid: prom, type: prometheus, url: "http://127.0.0.1:9090" }\n');
    const config = loadConfig({ cwd: dir, env: {} });
    expect(config.source).toBe(join(dir, 'sightline.config.yaml'));
    expect(config.datasources[0]?.uid).toBe('prom');
  });

  it('reads JSON from SIGHTLINE_CONFIG and resolves dashboards next to it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'custom.json'), JSON.stringify({ dashboards: 'boards', datasources: [{ uid: 'l', type: 'loki', url: 'http://l' }] }));
    const config = loadConfig({ cwd: '/', env: { SIGHTLINE_CONFIG: join(dir, 'custom.json') } });
    expect(config.datasources[0]?.type).toBe('loki');
    expect(config.dashboards).toBe(join(dir, 'boards'));
  });

  it('fails when SIGHTLINE_CONFIG points nowhere', () => {
    const error = configErrorOf(() => loadConfig({ cwd: tempDir(), env: { SIGHTLINE_CONFIG: 'missing.yaml' } }));
    expect(error.message).toMatch(/^SIGHTLINE_CONFIG: file not found: .*missing\.yaml$/);
  });

  it('reports YAML syntax errors with the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sightline.config.yaml'), 'datasources: [\n');
    const error = configErrorOf(() => loadConfig({ cwd: dir, env: {} }));
    expect(error.source).toBe(join(dir, 'sightline.config.yaml'));
    expect(error.message).toMatch(/^\(file\): /);
  });

  it('accepts the shipped example config', () => {
    const example = join(import.meta.dirname, '../../sightline.config.example.yaml');
    const config = loadConfig({ cwd: '/', env: { SIGHTLINE_CONFIG: example } });
    expect(config.datasources.map((ds) => ds.uid)).toEqual(['prometheus', 'loki', 'tempo']);
  });

  it('reports schema errors with the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sightline.config.yaml'), 'datasources:\n  - { uid: a, type: loki, url: "http://a" }\n  - { uid: b, type: loki, url: nope }\n');
    const error = configErrorOf(() => loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toBe('datasources.1.url: Invalid URL');
    expect(error.source).toBe(join(dir, 'sightline.config.yaml'));
  });
});
