import packageJson from '../../package.json' with { type: 'json' };
import type { DatasourceType, PublicConfig, PublicDatasource } from '../datasources/types.ts';
import type { SightlineConfig } from './config.ts';
import type { DatasourceFeatures } from './datasourceFeatures.ts';

const typeLabels: Record<DatasourceType, string> = {
  prometheus: 'Prometheus',
  loki: 'Loki',
  tempo: 'Tempo',
  jaeger: 'Jaeger',
};

/** What the browser's MSW demo answers when no datasource is configured. */
export const demoDatasources: PublicDatasource[] = (['prometheus', 'loki', 'tempo', 'jaeger'] as const).map((type) => ({
  uid: type,
  type,
  name: `Demo ${typeLabels[type]}`,
}));

// Env-var datasources have uid === type: "Prometheus" reads better than "prometheus".
function defaultName(uid: string, type: DatasourceType): string {
  return uid === type ? typeLabels[type] : uid;
}

export function isDemoMode(config: SightlineConfig): boolean {
  return config.datasources.length === 0;
}

/**
 * The part of the config the browser may see. Built field by field (never by spreading the
 * datasource) so a new secret-bearing field can't leak by default: no URLs, credentials,
 * tenants or headers.
 */
export function publicConfig(config: SightlineConfig): PublicConfig {
  const demo = isDemoMode(config);
  const datasources = demo
    ? demoDatasources
    : config.datasources.map((ds) => ({ uid: ds.uid, type: ds.type, name: ds.name ?? defaultName(ds.uid, ds.type) }));
  return {
    demo,
    datasources,
    telemetry: {
      serviceName: config.telemetry.serviceName,
      serviceVersion: packageJson.version,
      environment: config.telemetry.environment ?? (demo ? 'demo' : 'production'),
      sampleRatio: config.telemetry.sampleRatio,
    },
    logs: { derivedFields: config.logs.derivedFields.map(({ name, field, matcherRegex, url }) => ({ name, field, matcherRegex, url })) },
  };
}

/** The public config with what the server has learned about its datasources (datasourceFeatures.ts). */
export function withFeatures(config: PublicConfig, features: Map<string, DatasourceFeatures>): PublicConfig {
  if (features.size === 0) return config;
  return { ...config, datasources: config.datasources.map((ds) => ({ ...ds, ...features.get(ds.uid) })) };
}
