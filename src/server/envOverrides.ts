import { datasourceSchema, type ConfigFile, type DatasourceConfig } from './configSchema.ts';

export interface EnvIssue {
  path: string;
  message: string;
}

/** Env var → the datasource it creates or re-points (uid equals type, as DESIGN.md promises). */
const datasourceEnvVars = [
  ['PROMETHEUS_URL', 'prometheus'],
  ['LOKI_URL', 'loki'],
  ['TEMPO_URL', 'tempo'],
  ['JAEGER_URL', 'jaeger'],
] as const;

const urlSchema = datasourceSchema.shape.url;

/**
 * Applies PROMETHEUS_URL, LOKI_URL, TEMPO_URL, JAEGER_URL, OTLP_URL, HOST and PORT on top of
 * the validated file. An existing datasource with the same uid keeps its other settings
 * (credentials, tenant, timeout), so the env var only says where the backend lives.
 * Empty variables count as unset, which is what `FOO= npm start` usually means.
 */
export function applyEnvOverrides(config: ConfigFile, env: NodeJS.ProcessEnv): { config: ConfigFile; issues: EnvIssue[] } {
  const issues: EnvIssue[] = [];
  const datasources = [...config.datasources];
  const telemetry = { ...config.telemetry };
  const server = { ...config.server };

  const validUrl = (name: string): string | undefined => {
    const value = env[name];
    if (!value) return undefined;
    const result = urlSchema.safeParse(value);
    if (result.success) return result.data;
    issues.push({ path: name, message: result.error.issues[0]?.message ?? 'Invalid URL' });
    return undefined;
  };

  for (const [name, uid] of datasourceEnvVars) {
    const url = validUrl(name);
    if (!url) continue;
    const index = datasources.findIndex((ds) => ds.uid === uid);
    if (index >= 0) datasources[index] = { ...datasources[index], type: uid, url };
    else datasources.push(datasourceSchema.parse({ uid, type: uid, url }) satisfies DatasourceConfig);
  }

  const otlpUrl = validUrl('OTLP_URL');
  if (otlpUrl) telemetry.otlpUrl = otlpUrl;

  if (env.HOST) server.host = env.HOST;
  if (env.PORT) {
    const port = /^\d{1,5}$/.test(env.PORT) ? Number(env.PORT) : NaN;
    if (port >= 0 && port <= 65535) server.port = port;
    else issues.push({ path: 'PORT', message: 'expected a port number' });
  }

  return { config: { ...config, datasources, telemetry, server }, issues };
}
