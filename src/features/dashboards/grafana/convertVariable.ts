import type { DashboardInput } from '../model/schema';
import { parseVariableQuery } from '../model/variables';
import { datasourceType } from './convertPanel';
import type { GrafanaVariable, ImportNote } from './grafanaTypes';

type VariableInput = NonNullable<DashboardInput['variables']>[number];

/** Grafana keeps `custom` options as `a, b, c` or `label : value` pairs. */
export function splitCustomOptions(query: string): string[] {
  return query
    .match(/(?:\\,|[^,])+/g)!
    .map((part) => part.replace(/\\,/g, ',').trim())
    .map((part) => (/^.+ : .+$/.test(part) ? part.split(' : ')[1].trim() : part))
    .filter(Boolean);
}

function currentDefault(v: GrafanaVariable): string | string[] | undefined {
  const value = v.current?.value;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  return value;
}

/** One Grafana template variable to ours, or null (with a note) when it has no equivalent. */
export function convertVariable(v: GrafanaVariable, notes: ImportNote[]): VariableInput | null {
  const where = `Variable $${v.name ?? '?'}`;
  const note = (message: string) => notes.push({ where, message });
  if (!v.name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.name)) {
    notes.push({ where, message: 'its name is not a valid variable name; it is left out' });
    return null;
  }
  const base = { name: v.name, label: v.label || undefined };
  const query = typeof v.query === 'string' ? v.query : (v.query?.query ?? v.definition ?? '');
  switch (v.type) {
    case 'query': {
      const dsType = datasourceType(v.datasource, 'prometheus');
      if (dsType !== 'prometheus') {
        note(`query variables on ${dsType} are not supported; it is left out`);
        return null;
      }
      try {
        parseVariableQuery(query);
      } catch (error) {
        note(`${(error as Error).message}; it is left out`);
        return null;
      }
      return { ...base, kind: 'query', query: query.trim(), regex: v.regex || undefined, multi: Boolean(v.multi), includeAll: Boolean(v.includeAll), default: currentDefault(v) };
    }
    case 'custom':
    case 'constant':
    case 'textbox': {
      const values = v.type === 'custom' ? splitCustomOptions(query || '') : [query || String(v.current?.value ?? '')];
      if (values.length === 0 || values[0] === '') {
        note('it has no values; it is left out');
        return null;
      }
      if (v.type !== 'custom') note(`a ${v.type} variable becomes a custom variable with one value`);
      return { ...base, kind: 'custom', values, multi: Boolean(v.multi), includeAll: Boolean(v.includeAll), default: currentDefault(v) };
    }
    case 'interval': {
      const values = splitCustomOptions(query || '').filter((d) => /^(\d+(ms|s|m|h|d|w|y))+$/.test(d));
      if (values.length === 0) {
        note('no interval could be read; it is left out');
        return null;
      }
      const current = currentDefault(v);
      const auto = Boolean(v.auto);
      const def = typeof current === 'string' && (values.includes(current) || (auto && current === 'auto')) ? current : undefined;
      const autoMin = typeof v.auto_min === 'string' && /^(\d+(ms|s|m|h|d|w|y))+$/.test(v.auto_min) ? v.auto_min : '10s';
      return { ...base, kind: 'interval', values, default: def, auto, autoCount: Number(v.auto_count) > 0 ? Math.floor(Number(v.auto_count)) : 30, autoMin };
    }
    default:
      note(`${v.type ?? 'untyped'} variables are not supported; it is left out`);
      return null;
  }
}
