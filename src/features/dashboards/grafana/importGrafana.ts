import type { PublicDatasource } from '../../../datasources/types';
import { parseDashboard, type Dashboard, type DashboardInput } from '../model/schema';
import { convertPanel } from './convertPanel';
import { convertVariable } from './convertVariable';
import type { GrafanaDashboard, GrafanaPanel, ImportNote } from './grafanaTypes';

export interface GrafanaImport {
  dashboard: Dashboard;
  notes: ImportNote[];
}

/** Grafana's share exports and API answers wrap the dashboard; unwrap both. */
export function unwrapGrafana(raw: unknown): GrafanaDashboard {
  if (raw && typeof raw === 'object' && 'dashboard' in raw && typeof (raw as { dashboard: unknown }).dashboard === 'object') {
    return (raw as { dashboard: GrafanaDashboard }).dashboard;
  }
  return raw as GrafanaDashboard;
}

/** Rows hold their panels when collapsed; open rows are followed by theirs. Either way, flatten. */
function flattenPanels(panels: GrafanaPanel[]): GrafanaPanel[] {
  return panels.flatMap((p) => (p.type === 'row' ? (p.panels ?? []) : [p]));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64) || 'imported';
}

/**
 * Converts a Grafana dashboard JSON into ours. What has no equivalent is listed, panel by panel
 * and variable by variable, and the rest still works.
 */
export function importGrafana(raw: unknown, ours: PublicDatasource[]): GrafanaImport {
  const g = unwrapGrafana(raw);
  if (!g || typeof g !== 'object' || Array.isArray(g)) throw new Error('Not a dashboard: expected a JSON object');
  const notes: ImportNote[] = [];
  if (Array.isArray(g.rows) && g.rows.length) notes.push({ where: 'Dashboard', message: 'pre-5.0 "rows" layout is not converted; export it from a recent Grafana' });
  const seen = new Set<string>();
  const panels = flattenPanels(Array.isArray(g.panels) ? g.panels : []).flatMap((panel, i) => {
    const converted = convertPanel(panel, i, ours, notes);
    if (!converted) return [];
    while (seen.has(String(converted.id))) converted.id = `${converted.id}-${i}`;
    seen.add(String(converted.id));
    return [converted];
  });
  const variables = (g.templating?.list ?? []).flatMap((v) => convertVariable(v, notes) ?? []);
  const uid = g.uid && /^[A-Za-z0-9._-]{1,64}$/.test(g.uid) ? g.uid : slug(g.title ?? 'imported');
  const input: DashboardInput = {
    uid,
    title: g.title || 'Imported dashboard',
    description: g.description || undefined,
    tags: Array.isArray(g.tags) ? g.tags.filter((t) => typeof t === 'string') : [],
    time: { from: g.time?.from ?? 'now-1h', to: g.time?.to ?? 'now' },
    refresh: typeof g.refresh === 'string' && /^(\d+(ms|s|m|h|d|w|y))+$/.test(g.refresh) ? g.refresh : undefined,
    variables,
    panels,
  };
  return { dashboard: parseDashboard(input), notes };
}
