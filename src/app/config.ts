import { createContext, useContext } from 'react';
import type { DatasourceType, PublicConfig, PublicDatasource } from '../datasources/types';

export class ConfigLoadError extends Error {}

/** Loads the public part of the server's configuration; the app cannot start without it. */
export async function loadPublicConfig(): Promise<PublicConfig> {
  let response: Response;
  try {
    // A plain GET, as index.html's <link rel="preload"> asks for it, so the preloaded answer is used.
    response = await fetch('/api/config');
  } catch (error) {
    throw new ConfigLoadError(`Cannot reach the Sightline server at ${location.origin}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new ConfigLoadError(`GET /api/config answered ${response.status} ${response.statusText}`);
  return (await response.json()) as PublicConfig;
}

export const ConfigContext = createContext<PublicConfig | null>(null);

export function useConfig(): PublicConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig outside ConfigContext');
  return config;
}

/** The datasource a view should use: the one named in the URL, else the first of the type. */
export function pickDatasource(config: PublicConfig, types: DatasourceType[], uid?: string): PublicDatasource | undefined {
  const candidates = config.datasources.filter((ds) => types.includes(ds.type));
  return candidates.find((ds) => ds.uid === uid) ?? candidates[0];
}
