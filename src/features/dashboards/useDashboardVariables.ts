import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { labelValues, queryInstant } from '../../datasources/prometheus';
import type { PublicConfig } from '../../datasources/types';
import { pickDatasource } from '../../app/config';
import { withQuerySpan } from '../../telemetry/query';
import type { Dashboard, Variable } from './model/schema';
import { interpolate, type VariableValue } from './model/interpolate';
import { applyVariableRegex, currentValue, parseVariableQuery, queryResultText, staticOptions, withAutoIntervals } from './model/variables';

export interface ResolvedVariables {
  values: Record<string, VariableValue>;
  options: Record<string, string[]>;
  errors: Record<string, string>;
}

interface TimeWindow {
  fromMs: number;
  toMs: number;
}

async function queryOptions(config: PublicConfig, variable: Extract<Variable, { kind: 'query' }>, query: string, timeWindow: TimeWindow, signal: AbortSignal): Promise<string[]> {
  const ds = pickDatasource(config, ['prometheus'], variable.datasource);
  if (!ds) throw new Error(`no Prometheus datasource${variable.datasource ? ` named "${variable.datasource}"` : ''} is configured`);
  const parsed = parseVariableQuery(query);
  const span = { 'datasource.uid': ds.uid, 'db.query.text': query.slice(0, 500) };
  let values: string[];
  if (parsed.kind === 'label_values') {
    values = await withQuerySpan('dashboard variable label_values', span, () =>
      labelValues(ds.uid, parsed.label, { match: parsed.metric, start: timeWindow.fromMs, end: timeWindow.toMs }, signal),
    );
  } else if (parsed.kind === 'metrics') {
    const re = new RegExp(parsed.regex);
    values = (await labelValues(ds.uid, '__name__', { start: timeWindow.fromMs, end: timeWindow.toMs }, signal)).filter((name) => re.test(name));
  } else {
    const result = await withQuerySpan('dashboard variable query_result', span, () => queryInstant(ds.uid, { query: parsed.expr, time: timeWindow.toMs }, signal));
    values = result.resultType === 'vector' ? result.samples.map((s) => queryResultText(s.labels, s.value, s.timestamp)) : [];
  }
  return applyVariableRegex(values, variable.regex);
}

/**
 * Resolves the dashboard's variables in file order, so a query variable can use the ones above it
 * (`label_values(http_requests_total{job=~"$job"}, endpoint)`). Options are fetched once per
 * selection, not on every refresh tick: the window is the dashboard's range when it was opened.
 */
export function useDashboardVariables(dashboard: Dashboard | undefined, config: PublicConfig, fromUrl: Record<string, string | string[]>, timeWindow: TimeWindow | null) {
  const resolved = useVariableOptions(dashboard, config, fromUrl, timeWindow);
  // "auto" intervals follow the range as it changes, without fetching options again.
  const rangeMs = timeWindow ? timeWindow.toMs - timeWindow.fromMs : 0;
  const data = useMemo(
    () => resolved.data && dashboard && { ...resolved.data, values: withAutoIntervals(dashboard.variables, resolved.data.values, rangeMs) },
    [resolved.data, dashboard, rangeMs],
  );
  return { ...resolved, data };
}

function useVariableOptions(dashboard: Dashboard | undefined, config: PublicConfig, fromUrl: Record<string, string | string[]>, timeWindow: TimeWindow | null) {
  return useQuery({
    queryKey: ['dashboard-variables', dashboard?.uid, dashboard?.variables, fromUrl],
    enabled: Boolean(dashboard && timeWindow),
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<ResolvedVariables> => {
      const out: ResolvedVariables = { values: {}, options: {}, errors: {} };
      for (const variable of dashboard!.variables) {
        let options: string[] = [];
        if (variable.kind === 'query') {
          try {
            options = await queryOptions(config, variable, interpolate(variable.query, out.values), timeWindow!, signal);
          } catch (error) {
            if ((error as Error).name === 'AbortError') throw error;
            out.errors[variable.name] = (error as Error).message;
          }
        } else {
          options = staticOptions(variable) ?? [];
        }
        out.options[variable.name] = options;
        out.values[variable.name] = currentValue(variable, options, fromUrl[variable.name]);
      }
      return out;
    },
  });
}
