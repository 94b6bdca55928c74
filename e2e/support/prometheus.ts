import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPrometheus {
  url: string;
  stop: () => Promise<void>;
}

export interface PrometheusOptions {
  port: number;
  binary?: string;
  /** Extra scrape configs (YAML list items, already indented by two spaces). */
  extraScrapeConfigs?: string;
  /** Rule file contents; omitted means no rules. */
  rules?: string;
}

function prometheusConfig(port: number, options: PrometheusOptions, ruleFile?: string): string {
  return [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    ruleFile ? `rule_files:\n  - ${ruleFile}` : '',
    'scrape_configs:',
    '  - job_name: prometheus',
    '    static_configs:',
    `      - targets: ["127.0.0.1:${port}"]`,
    options.extraScrapeConfigs ?? '',
  ].join('\n');
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, proc: ChildProcess, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`Prometheus exited (${proc.exitCode}) while waiting for ${what}:\n${log()}`);
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Prometheus: timed out after ${timeoutMs} ms waiting for ${what}:\n${log()}`);
}

/**
 * Starts Debian's real Prometheus on a loopback port with its own data dir, and resolves once
 * `up` has samples (about 5 s after start with a 1 s scrape interval).
 */
export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-prometheus-'));
  let ruleFile: string | undefined;
  if (options.rules) {
    ruleFile = join(dir, 'rules.yml');
    writeFileSync(ruleFile, options.rules);
  }
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(options.port, options, ruleFile));
  const url = `http://127.0.0.1:${options.port}`;
  const proc = spawn(
    options.binary ?? '/usr/bin/prometheus',
    [`--config.file=${configFile}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${options.port}`, '--log.level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const stop = async () => {
    if (proc.exitCode === null) {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => (await fetch(`${url}/-/ready`)).ok, '/-/ready', 20_000, proc, () => output);
    await waitFor(
      async () => {
        const body = (await (await fetch(`${url}/api/v1/query?query=up`)).json()) as { data?: { result?: unknown[] } };
        return (body.data?.result?.length ?? 0) > 0;
      },
      'the first `up` sample',
      30_000,
      proc,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Polls until Prometheus has scraped `job` successfully (`up == 1`): a target that starts after Prometheus is down until then. */
export async function waitForTargetUp(prometheusUrl: string, job: string, timeoutMs = 20_000): Promise<void> {
  const query = encodeURIComponent(`up{job="${job}"} == 1`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${query}`)).json()) as { data?: { result?: unknown[] } };
    if ((body.data?.result?.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Prometheus did not scrape job "${job}" successfully within ${timeoutMs} ms`);
}
