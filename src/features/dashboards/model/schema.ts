import * as z from 'zod';

// A Sightline dashboard file (JSON or YAML). Shared by the server, which validates files in the
// dashboards folder, and the browser, which validates uploads and Grafana imports. Objects are
// strict so a misspelt field (`target:` for `targets:`) is reported with its path, not ignored.

const duration = z.string().regex(/^(\d+(\.\d+)?(ms|s|m|h|d|w|y))+$/, 'expected a duration such as 30s, 5m or 1h');
const uid = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, ".", "_" or "-"');

export const panelTypes = ['timeseries', 'stat', 'gauge', 'bargauge', 'table', 'logs'] as const;
export type PanelType = (typeof panelTypes)[number];

export const thresholdStepSchema = z.strictObject({
  /** The step starts at this value; the first step has none (it is the base colour). */
  value: z.number().nullable().optional(),
  color: z.string().min(1),
});

export const targetSchema = z.strictObject({
  expr: z.string().min(1, 'a query cannot be empty'),
  /** `{{label}}` templates, as in Grafana's legend format. */
  legend: z.string().optional(),
  /** Hidden targets are kept in the file but not queried. */
  hide: z.boolean().optional(),
});

const gridPosSchema = z.strictObject({
  x: z.number().int().min(0).max(23),
  y: z.number().int().min(0),
  w: z.number().int().min(1).max(24),
  h: z.number().int().min(1).max(100),
});

export const panelSchema = z
  .strictObject({
    id: z.union([z.string().min(1), z.number().int()]).transform(String),
    title: z.string().default(''),
    description: z.string().optional(),
    type: z.enum(panelTypes),
    gridPos: gridPosSchema,
    /** A datasource uid from the configuration; the first of the panel's type when left out. */
    datasource: z.string().optional(),
    targets: z.array(targetSchema).min(1, 'a panel needs at least one target'),
    unit: z.string().optional(),
    decimals: z.number().int().min(0).max(10).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    thresholds: z.array(thresholdStepSchema).optional(),
    /** Never query finer than this (usually the scrape interval), as Grafana's "Min interval". */
    minInterval: duration.optional(),
    maxDataPoints: z.number().int().positive().optional(),
    /** timeseries: how series are drawn. */
    style: z.enum(['lines', 'area', 'bars']).optional(),
    stacked: z.boolean().optional(),
    thresholdsStyle: z.enum(['off', 'line', 'area']).optional(),
    /** stat, gauge, bargauge: how a series becomes one value. */
    reducer: z.enum(['last', 'mean', 'max', 'min']).optional(),
    /** table: per-column units, keyed by column name (`Value` is the sample value). */
    columnUnits: z.record(z.string(), z.string()).optional(),
    /** logs: how many lines to fetch. */
    limit: z.number().int().positive().max(5000).optional(),
  })
  .superRefine((panel, ctx) => {
    if (panel.gridPos.x + panel.gridPos.w > 24) {
      ctx.addIssue({ code: 'custom', path: ['gridPos', 'w'], message: `x + w must be at most 24 (got ${panel.gridPos.x} + ${panel.gridPos.w})` });
    }
    if (panel.min !== undefined && panel.max !== undefined && panel.min >= panel.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
    }
  });

const variableBase = {
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name made of letters, digits and "_"'),
  label: z.string().optional(),
};

export const variableSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...variableBase,
    kind: z.literal('query'),
    datasource: z.string().optional(),
    /** `label_values(metric, label)`, `label_values(label)` or `query_result(expr)`. */
    query: z.string().min(1),
    /** Keeps only the part of each value its first capture group matches (Grafana's "Regex"). */
    regex: z.string().optional(),
    multi: z.boolean().default(false),
    includeAll: z.boolean().default(false),
    default: z.union([z.string(), z.array(z.string())]).optional(),
  }),
  z.strictObject({
    ...variableBase,
    kind: z.literal('custom'),
    values: z.array(z.string()).min(1),
    multi: z.boolean().default(false),
    includeAll: z.boolean().default(false),
    default: z.union([z.string(), z.array(z.string())]).optional(),
  }),
  z.strictObject({
    ...variableBase,
    kind: z.literal('interval'),
    values: z.array(duration).min(1),
    default: duration.optional(),
    /** Grafana's "Auto" option: the range split into `autoCount` steps, at least `autoMin`. */
    auto: z.boolean().default(false),
    autoCount: z.number().int().positive().default(30),
    autoMin: duration.default('10s'),
  }),
]);

export const dashboardSchema = z
  .strictObject({
    uid,
    title: z.string().min(1),
    description: z.string().optional(),
    tags: z.array(z.string()).default([]),
    time: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }).default({ from: 'now-1h', to: 'now' }),
    refresh: z.union([duration, z.literal('')]).optional(),
    variables: z.array(variableSchema).default([]),
    panels: z.array(panelSchema).default([]),
  })
  .superRefine((dashboard, ctx) => {
    const ids = new Set<string>();
    dashboard.panels.forEach((panel, index) => {
      if (ids.has(panel.id)) ctx.addIssue({ code: 'custom', path: ['panels', index, 'id'], message: `duplicate panel id "${panel.id}"` });
      ids.add(panel.id);
    });
    const names = new Set<string>();
    dashboard.variables.forEach((variable, index) => {
      if (names.has(variable.name)) ctx.addIssue({ code: 'custom', path: ['variables', index, 'name'], message: `duplicate variable "${variable.name}"` });
      names.add(variable.name);
    });
  });

export type Dashboard = z.output<typeof dashboardSchema>;
export type DashboardInput = z.input<typeof dashboardSchema>;
export type Panel = z.output<typeof panelSchema>;
export type Target = z.output<typeof targetSchema>;
export type Variable = z.output<typeof variableSchema>;
export type ThresholdStep = z.output<typeof thresholdStepSchema>;

/** What the list shows for each file. */
export interface DashboardSummary {
  uid: string;
  title: string;
  tags: string[];
  file: string;
}

export interface DashboardFileError {
  file: string;
  error: string;
}

export interface DashboardList {
  dashboards: DashboardSummary[];
  errors: DashboardFileError[];
}

export class DashboardValidationError extends Error {}

/** Validates a parsed file; the error names every field that is wrong (`panels.2.gridPos.w: ...`). */
export function parseDashboard(raw: unknown): Dashboard {
  const result = dashboardSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  throw new DashboardValidationError(lines.join('; '));
}
