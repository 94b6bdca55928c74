import type { PublicDatasource } from '../../../datasources/types';
import { isKnownUnit } from '../../../lib/units';
import type { DashboardInput } from '../model/schema';
import type { GrafanaDatasourceRef, GrafanaPanel, GrafanaTarget, GrafanaThresholdStep, ImportNote } from './grafanaTypes';

type PanelInput = NonNullable<DashboardInput['panels']>[number];
type BackendType = 'prometheus' | 'loki';

const PANEL_TYPES: Record<string, PanelInput['type']> = {
  timeseries: 'timeseries',
  graph: 'timeseries',
  stat: 'stat',
  singlestat: 'stat',
  gauge: 'gauge',
  bargauge: 'bargauge',
  table: 'table',
  'table-old': 'table',
  logs: 'logs',
};

const REDUCERS: Record<string, PanelInput['reducer']> = {
  lastNotNull: 'last',
  last: 'last',
  current: 'last',
  mean: 'mean',
  avg: 'mean',
  max: 'max',
  min: 'min',
};

/** The backend a datasource reference points at: its `type`, else a guess from its name. */
export function datasourceType(ref: GrafanaDatasourceRef | undefined, fallback: BackendType): string {
  if (ref === null || ref === undefined) return fallback;
  if (typeof ref === 'object') return ref.type ?? fallback;
  const name = ref.toLowerCase();
  if (name.includes('loki')) return 'loki';
  if (name.includes('prom') || name.includes('mimir') || name.includes('thanos') || name.includes('victoria')) return 'prometheus';
  if (name === '-- mixed --') return 'mixed';
  return fallback;
}

function datasourceUid(ref: GrafanaDatasourceRef | undefined, type: string, ours: PublicDatasource[]): string | undefined {
  const uid = ref && typeof ref === 'object' ? ref.uid : typeof ref === 'string' ? ref : undefined;
  return ours.find((ds) => ds.uid === uid && ds.type === type)?.uid;
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

function legacyThresholds(panel: GrafanaPanel): GrafanaThresholdStep[] | undefined {
  // singlestat: "50,80" with three colours; graph: [{ value, colorMode: critical|warning|ok|custom }].
  if (typeof panel.thresholds === 'string') {
    const values = panel.thresholds.split(',').map((v) => finite(v)).filter((v): v is number => v !== undefined);
    const colors = panel.colors ?? ['green', 'orange', 'red'];
    return [{ color: colors[0], value: null }, ...values.map((value, i) => ({ color: colors[i + 1] ?? colors[colors.length - 1], value }))];
  }
  if (Array.isArray(panel.thresholds) && panel.thresholds.length > 0) {
    const mode: Record<string, string> = { critical: 'red', warning: 'orange', ok: 'green' };
    const steps = panel.thresholds
      .filter((t) => finite(t.value) !== undefined)
      .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))
      .map((t) => ({ value: t.value, color: mode[t.colorMode ?? ''] ?? 'red' }));
    return [{ color: 'green', value: null }, ...steps];
  }
  return undefined;
}

function convertTargets(targets: GrafanaTarget[] | undefined, backend: BackendType, note: (m: string) => void): PanelInput['targets'] {
  const out: PanelInput['targets'] = [];
  for (const target of targets ?? []) {
    if (target.datasource && datasourceType(target.datasource, backend) !== backend && datasourceType(target.datasource, backend) !== 'mixed') {
      note(`query ${target.refId ?? ''} uses a ${datasourceType(target.datasource, backend)} datasource, which Sightline does not read`.replace('  ', ' '));
      continue;
    }
    if (!target.expr?.trim()) {
      note(`query ${target.refId ?? ''} has no expression (query builders other than PromQL/LogQL text are not converted)`.replace('  ', ' '));
      continue;
    }
    out.push({ expr: target.expr, legend: target.legendFormat && target.legendFormat !== '__auto' ? target.legendFormat : undefined, hide: target.hide || undefined });
  }
  return out;
}

/** One Grafana panel to ours, or null (with a note saying why) when it cannot be shown. */
export function convertPanel(panel: GrafanaPanel, index: number, ours: PublicDatasource[], notes: ImportNote[]): PanelInput | null {
  const where = `Panel "${panel.title || `#${panel.id ?? index + 1}`}"`;
  const note = (message: string) => notes.push({ where, message });
  const type = PANEL_TYPES[panel.type ?? ''];
  if (!type) {
    note(`panel type "${panel.type}" is not supported; the panel is left out`);
    return null;
  }
  const wanted: BackendType = type === 'logs' ? 'loki' : 'prometheus';
  const dsType = datasourceType(panel.datasource, wanted);
  if (dsType !== wanted && dsType !== 'mixed') {
    note(`its datasource is ${dsType}; a ${type} panel here reads ${wanted === 'loki' ? 'Loki' : 'Prometheus'}, so the panel is left out`);
    return null;
  }
  const targets = convertTargets(panel.targets, wanted, note);
  if (targets.length === 0) {
    note('no query could be converted; the panel is left out');
    return null;
  }
  const defaults = panel.fieldConfig?.defaults ?? {};
  const custom = defaults.custom ?? {};
  const yaxis = panel.yaxes?.[0];
  const unit = defaults.unit ?? yaxis?.format ?? panel.format;
  const out: PanelInput = {
    id: String(panel.id ?? index + 1),
    title: panel.title ?? '',
    description: panel.description || undefined,
    type: panel.type === 'singlestat' && panel.gauge?.show ? 'gauge' : type,
    gridPos: gridPos(panel, note),
    datasource: datasourceUid(panel.datasource, wanted, ours),
    targets,
  };
  if (unit && unit !== 'short') {
    out.unit = unit;
    if (!isKnownUnit(unit)) note(`unit "${unit}" is not known here; values are shown as plain numbers`);
  }
  const decimals = finite(defaults.decimals ?? yaxis?.decimals ?? panel.decimals);
  if (decimals !== undefined) out.decimals = Math.min(10, Math.max(0, Math.round(decimals)));
  out.min = finite(defaults.min ?? yaxis?.min ?? panel.gauge?.minValue);
  out.max = finite(defaults.max ?? yaxis?.max ?? panel.gauge?.maxValue);
  if (out.min !== undefined && out.max !== undefined && out.min >= out.max) {
    note(`min ${out.min} is not below max ${out.max}; both are dropped`);
    out.min = out.max = undefined;
  }
  const steps = defaults.thresholds?.steps ?? legacyThresholds(panel);
  if (steps?.length) {
    out.thresholds = steps.filter((s) => s.color).map((s, i) => ({ color: s.color!, value: i === 0 ? null : (s.value ?? null) }));
    if (defaults.thresholds?.mode === 'percentage') note('percentage thresholds are kept as absolute values');
  }
  if (panel.interval) {
    if (/^>?\d+(ms|s|m|h|d)$/.test(panel.interval)) out.minInterval = panel.interval.replace('>', '');
    else note(`min interval "${panel.interval}" is not a duration; it is dropped`);
  }
  if (panel.maxDataPoints && panel.maxDataPoints > 0) out.maxDataPoints = Math.round(panel.maxDataPoints);
  if (type === 'timeseries') Object.assign(out, drawStyle(panel, custom, note));
  if (type === 'stat' || type === 'gauge' || type === 'bargauge') {
    const calc = panel.options?.reduceOptions?.calcs?.[0] ?? panel.valueName;
    if (calc) {
      if (REDUCERS[calc]) out.reducer = REDUCERS[calc];
      else note(`calculation "${calc}" is not supported; the last value is shown`);
    }
  }
  if (type === 'table' && panel.targets?.some((t) => t.expr && !t.instant)) note('table queries run as instant queries at the end of the range');
  if (panel.fieldConfig?.overrides?.length || panel.seriesOverrides?.length) note('field/series overrides are not converted');
  if (panel.transformations?.length) note('transformations are not converted');
  if (defaults.mappings?.length) note('value mappings are not converted');
  return out;
}

function gridPos(panel: GrafanaPanel, note: (m: string) => void): PanelInput['gridPos'] {
  const g = panel.gridPos;
  if (!g) {
    note('no grid position (a pre-5.0 dashboard); placed full width');
    return { x: 0, y: 0, w: 24, h: 8 };
  }
  const x = Math.min(23, Math.max(0, Math.round(g.x ?? 0)));
  return { x, y: Math.max(0, Math.round(g.y ?? 0)), w: Math.min(24 - x, Math.max(1, Math.round(g.w ?? 12))), h: Math.min(100, Math.max(1, Math.round(g.h ?? 8))) };
}

function drawStyle(panel: GrafanaPanel, custom: NonNullable<NonNullable<GrafanaPanel['fieldConfig']>['defaults']>['custom'] & object, note: (m: string) => void): Partial<PanelInput> {
  const out: Partial<PanelInput> = {};
  if (panel.type === 'graph') {
    out.style = panel.bars && !panel.lines ? 'bars' : (panel.fill ?? 0) > 0 && panel.stack ? 'area' : 'lines';
    out.stacked = panel.stack || undefined;
    if (Array.isArray(panel.thresholds) && panel.thresholds.length) out.thresholdsStyle = panel.thresholds.some((t) => t.fill) ? 'area' : 'line';
    if (panel.points && !panel.lines && !panel.bars) note('points-only drawing is shown as lines');
    return out;
  }
  if (custom.drawStyle === 'bars') out.style = 'bars';
  else if ((custom.fillOpacity ?? 0) > 0) out.style = 'area';
  else out.style = 'lines';
  if (custom.drawStyle === 'points') note('points-only drawing is shown as lines');
  const stacking = custom.stacking?.mode;
  if (stacking === 'normal' || stacking === 'percent') out.stacked = true;
  if (stacking === 'percent') note('100% stacking is shown as normal stacking');
  const mode = custom.thresholdsStyle?.mode;
  if (mode === 'line' || mode === 'dashed') out.thresholdsStyle = 'line';
  else if (mode === 'area' || mode === 'line+area' || mode === 'dashed+area') out.thresholdsStyle = 'area';
  return out;
}
