// The parts of Grafana's dashboard JSON model the importer reads. Everything is optional: exports
// from Grafana 6 to 11 differ, and the importer checks each field before trusting it.
// See https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/

export type GrafanaDatasourceRef = string | null | { type?: string; uid?: string };

export interface GrafanaThresholdStep {
  color?: string;
  value?: number | null;
}

export interface GrafanaTarget {
  expr?: string;
  legendFormat?: string;
  hide?: boolean;
  instant?: boolean;
  format?: string;
  refId?: string;
  datasource?: GrafanaDatasourceRef;
}

export interface GrafanaPanel {
  id?: number | string;
  type?: string;
  title?: string;
  description?: string;
  gridPos?: { x?: number; y?: number; w?: number; h?: number };
  datasource?: GrafanaDatasourceRef;
  targets?: GrafanaTarget[];
  interval?: string;
  maxDataPoints?: number;
  collapsed?: boolean;
  panels?: GrafanaPanel[];
  transformations?: unknown[];
  fieldConfig?: {
    defaults?: {
      unit?: string;
      decimals?: number | null;
      min?: number | null;
      max?: number | null;
      thresholds?: { mode?: string; steps?: GrafanaThresholdStep[] };
      mappings?: unknown[];
      custom?: {
        drawStyle?: string;
        fillOpacity?: number;
        stacking?: { mode?: string };
        thresholdsStyle?: { mode?: string };
      };
    };
    overrides?: unknown[];
  };
  options?: { reduceOptions?: { calcs?: string[] }; dedupStrategy?: string };
  // Legacy graph
  yaxes?: { format?: string; decimals?: number | null; min?: number | string | null; max?: number | string | null }[];
  lines?: boolean;
  bars?: boolean;
  points?: boolean;
  stack?: boolean;
  fill?: number;
  thresholds?: string | { value?: number; colorMode?: string; op?: string; fill?: boolean; line?: boolean }[];
  seriesOverrides?: unknown[];
  // Legacy singlestat
  format?: string;
  decimals?: number | null;
  valueName?: string;
  colors?: string[];
  colorValue?: boolean;
  colorBackground?: boolean;
  gauge?: { show?: boolean; minValue?: number; maxValue?: number };
  sparkline?: { show?: boolean };
}

export interface GrafanaVariable {
  name?: string;
  label?: string;
  type?: string;
  query?: string | { query?: string; qryType?: number };
  definition?: string;
  datasource?: GrafanaDatasourceRef;
  regex?: string;
  multi?: boolean;
  includeAll?: boolean;
  current?: { value?: string | string[]; text?: string | string[] };
  options?: { value?: string }[];
  auto?: boolean;
  auto_count?: number | string;
  auto_min?: string;
}

export interface GrafanaDashboard {
  uid?: string;
  title?: string;
  description?: string;
  tags?: string[];
  time?: { from?: string; to?: string };
  refresh?: string | boolean;
  templating?: { list?: GrafanaVariable[] };
  panels?: GrafanaPanel[];
  rows?: unknown[];
}

export interface ImportNote {
  /** `Panel "Title"`, `Variable $name` or `Dashboard`. */
  where: string;
  message: string;
}
