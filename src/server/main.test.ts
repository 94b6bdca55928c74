import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const tsx = resolve('node_modules/.bin/tsx');
const main = resolve('src/server/main.ts');

describe('main', () => {
  it('stops with the field path and reason on a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-main-'));
    writeFileSync(join(dir, 'sightline.config.yaml'), 'datasources:\n  - { uid: a, type: loki, url: "http://a" }\n  - { uid: b, type: loki, url: nope }\n');
    const result = spawnSync(tsx, [main], { cwd: dir, encoding: 'utf8', env: { ...process.env, SIGHTLINE_CONFIG: '', PORT: '0' }, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration: datasources.1.url: Invalid URL');
    expect(result.stderr).toContain(`in ${join(dir, 'sightline.config.yaml')}`);
  });

  it('names the environment variable that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-main-'));
    const result = spawnSync(tsx, [main], { cwd: dir, encoding: 'utf8', env: { ...process.env, SIGHTLINE_CONFIG: '', PORT: 'eighty' }, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT: expected a port number');
  });
});
