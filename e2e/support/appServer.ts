import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningApp {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the production server (what `npm start` runs) on a loopback port with a config file
 * written for the test, and resolves once `/api/config` answers.
 */
export async function startAppServer(port: number, configYaml: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-app-'));
  const configFile = join(dir, 'sightline.config.yaml');
  writeFileSync(configFile, configYaml);
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), SIGHTLINE_CONFIG: configFile, ...extraEnv };
  for (const name of ['PROMETHEUS_URL', 'LOKI_URL', 'TEMPO_URL', 'JAEGER_URL', 'OTLP_URL']) if (!(name in extraEnv)) delete env[name];
  const proc = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null) {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`Sightline server exited (${proc.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/config`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`Sightline server did not answer on ${url} within 30 s:\n${output}`);
}
