import { parse as parseYaml } from 'yaml';
import type { PublicDatasource } from '../../../datasources/types';
import { DashboardValidationError, parseDashboard, type Dashboard } from '../model/schema';
import { importGrafana } from './importGrafana';
import type { ImportNote } from './grafanaTypes';

export interface ImportResult {
  dashboard: Dashboard;
  notes: ImportNote[];
  source: 'grafana' | 'sightline';
}

/** Grafana's model has these; ours never does. */
function looksLikeGrafana(raw: Record<string, unknown>): boolean {
  const d = (raw.dashboard && typeof raw.dashboard === 'object' ? raw.dashboard : raw) as Record<string, unknown>;
  return 'schemaVersion' in d || 'templating' in d || '__inputs' in raw || (Array.isArray(d.panels) && d.panels.some((p) => p && typeof p === 'object' && ('fieldConfig' in p || 'datasource' in p || 'legendFormat' in p)));
}

/** Pasted or uploaded text: a Grafana dashboard JSON, or one of our files (JSON or YAML). */
export function importDashboardText(text: string, datasources: PublicDatasource[]): ImportResult {
  let raw: unknown;
  try {
    raw = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`Cannot read this as JSON or YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('Not a dashboard: expected an object with a title and panels');
  if (looksLikeGrafana(raw as Record<string, unknown>)) return { ...importGrafana(raw, datasources), source: 'grafana' };
  try {
    return { dashboard: parseDashboard(raw), notes: [], source: 'sightline' };
  } catch (error) {
    if (error instanceof DashboardValidationError) throw new Error(`Not a valid Sightline dashboard: ${error.message}`);
    throw error;
  }
}
