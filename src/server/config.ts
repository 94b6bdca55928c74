import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configFileSchema, type ConfigFile } from './configSchema.ts';
import { applyEnvOverrides, type EnvIssue } from './envOverrides.ts';

export type { DatasourceConfig, HealthCheckConfig } from './configSchema.ts';

export const defaultConfigFileName = 'sightline.config.yaml';

export interface SightlineConfig extends ConfigFile {
  /** Absolute path of the dashboards folder (relative paths resolve against the config file's folder). */
  dashboards: string;
  /** The file the config came from; undefined when none exists (demo mode unless env vars add datasources). */
  source?: string;
}

/** A configuration that cannot be used. The message has one `field.path: reason` line per problem. */
export class ConfigError extends Error {
  constructor(
    readonly issues: EnvIssue[],
    readonly source?: string,
  ) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Reads sightline.config.yaml (or $SIGHTLINE_CONFIG), validates it and applies env overrides. */
export function loadConfig({ cwd = process.cwd(), env = process.env }: LoadConfigOptions = {}): SightlineConfig {
  const explicit = env.SIGHTLINE_CONFIG;
  const file = resolve(cwd, explicit || defaultConfigFileName);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError([{ path: 'SIGHTLINE_CONFIG', message: `file not found: ${file}` }]);
    return parseConfig({}, { env, baseDir: cwd });
  }
  return parseConfig(readConfigFile(file), { env, baseDir: dirname(file), source: file });
}

function readConfigFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    // YAML 1.2 is a superset of JSON, but JSON.parse gives the clearer message for .json files.
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError([{ path: '(file)', message: (error as Error).message }], file);
  }
}

export interface ParseConfigOptions {
  env?: NodeJS.ProcessEnv;
  baseDir?: string;
  source?: string;
}

/** Validates an already-parsed config object (an empty file parses to null and means "all defaults"). */
export function parseConfig(raw: unknown, { env = {}, baseDir = process.cwd(), source }: ParseConfigOptions = {}): SightlineConfig {
  const result = configFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.length ? issue.path.join('.') : '(root)',
      message: issue.message,
    }));
    throw new ConfigError(issues, source);
  }
  const { config, issues } = applyEnvOverrides(result.data, env);
  if (issues.length) throw new ConfigError(issues, source);
  const dashboards = isAbsolute(config.dashboards) ? config.dashboards : resolve(baseDir, config.dashboards);
  return { ...config, dashboards, source };
}
