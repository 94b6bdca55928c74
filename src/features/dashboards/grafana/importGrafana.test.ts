import modern from './__fixtures__/node-service-grafana10.json';
import legacy from './__fixtures__/legacy-graph-grafana6.json';
import { importGrafana } from './importGrafana';
import { importDashboardText } from './importDashboardText';
import { splitCustomOptions } from './convertVariable';

const ours = [
  { uid: 'prometheus', type: 'prometheus' as const, name: 'Prometheus' },
  { uid: 'loki', type: 'loki' as const, name: 'Loki' },
];

const notesFor = (notes: { where: string; message: string }[], where: string) => notes.filter((n) => n.where === where).map((n) => n.message);

describe('importGrafana: a Grafana 10 export', () => {
  const { dashboard, notes } = importGrafana(modern, ours);

  it('keeps the dashboard’s identity, time and refresh', () => {
    expect(dashboard).toMatchObject({ uid: 'node-service', title: 'Node service', tags: ['node', 'service'], time: { from: 'now-6h', to: 'now' }, refresh: '30s' });
  });

  it('converts every supported panel kind, rows flattened, with grid positions', () => {
    expect(dashboard.panels.map((p) => [p.id, p.type])).toEqual([
      ['2', 'timeseries'],
      ['3', 'timeseries'],
      ['4', 'stat'],
      ['5', 'gauge'],
      ['6', 'bargauge'],
      ['7', 'table'],
      ['8', 'logs'],
      ['10', 'timeseries'],
    ]);
    expect(dashboard.panels[7].gridPos).toEqual({ x: 0, y: 19, w: 24, h: 8 });
  });

  it('keeps units, decimals, thresholds, draw style and legend formats', () => {
    const rate = dashboard.panels[0];
    expect(rate).toMatchObject({ unit: 'reqps', decimals: 1, style: 'area', stacked: true, thresholdsStyle: 'area', minInterval: '15s' });
    expect(rate.thresholds).toEqual([{ color: 'green', value: null }, { color: 'red', value: 100 }]);
    expect(rate.targets[0]).toEqual({ expr: 'sum by (route) (rate(http_requests_total{job=~"$job"}[$__rate_interval]))', legend: '{{route}}' });
    expect(dashboard.panels[1]).toMatchObject({ style: 'bars' });
    expect(dashboard.panels[1].targets[0].legend).toBeUndefined();
    expect(dashboard.panels[3]).toMatchObject({ unit: 'percentunit', min: 0, max: 1, reducer: 'mean' });
    expect(dashboard.panels[7].targets[1]).toMatchObject({ hide: true });
  });

  it('converts query, custom and interval variables', () => {
    expect(dashboard.variables).toEqual([
      { name: 'job', label: 'Job', kind: 'query', query: 'label_values(up, job)', multi: true, includeAll: true, default: ['$__all'] },
      { name: 'region', kind: 'custom', values: ['eu', 'us', 'ap'], multi: false, includeAll: false, default: 'eu' },
      { name: 'window', kind: 'interval', values: ['1m', '5m', '10m', '30m'], default: '5m', auto: true, autoCount: 30, autoMin: '10s' },
    ]);
  });

  it('lists what could not be converted, panel by panel', () => {
    expect(notesFor(notes, 'Panel "Request rate"')).toEqual(['field/series overrides are not converted']);
    expect(notesFor(notes, 'Panel "Queue"')).toEqual(['value mappings are not converted']);
    expect(notesFor(notes, 'Panel "Cache hit ratio"')).toEqual(['percentage thresholds are kept as absolute values']);
    expect(notesFor(notes, 'Panel "Memory by job"')).toEqual(['calculation "diff" is not supported; the last value is shown']);
    expect(notesFor(notes, 'Panel "Targets"')).toEqual(['transformations are not converted']);
    expect(notesFor(notes, 'Panel "Notes"')).toEqual(['panel type "text" is not supported; the panel is left out']);
    expect(notesFor(notes, 'Panel "ES errors"')[0]).toMatch(/datasource is elasticsearch/);
    expect(notesFor(notes, 'Variable $datasource')).toEqual(['datasource variables are not supported; it is left out']);
    // Its "auto" option is converted (the range split into auto_count steps).
    expect(notesFor(notes, 'Variable $window')).toEqual([]);
  });
});

describe('importGrafana: a Grafana 6 API answer with legacy panels', () => {
  const { dashboard, notes } = importGrafana(legacy, ours);

  it('unwraps { dashboard, meta } and ignores refresh: false', () => {
    expect(dashboard.uid).toBe('legacy_api');
    expect(dashboard.refresh).toBeUndefined();
  });

  it('turns graph into timeseries with its y axis unit and thresholds', () => {
    const graph = dashboard.panels[0];
    expect(graph).toMatchObject({ type: 'timeseries', unit: 'ops', decimals: 0, min: 0, style: 'area', stacked: true, thresholdsStyle: 'area' });
    expect(graph.thresholds).toEqual([{ color: 'green', value: null }, { color: 'orange', value: 150 }, { color: 'red', value: 250 }]);
  });

  it('turns singlestat into stat, or gauge when it showed one, with its thresholds and colours', () => {
    expect(dashboard.panels[1]).toMatchObject({ type: 'stat', unit: 's', decimals: 2, reducer: 'mean' });
    expect(dashboard.panels[1].thresholds).toEqual([
      { color: '#299c46', value: null },
      { color: 'rgba(237, 129, 40, 0.89)', value: 0.5 },
      { color: '#d44a3a', value: 1 },
    ]);
    expect(dashboard.panels[2]).toMatchObject({ type: 'gauge', unit: 'percent', min: 0, max: 100, reducer: 'last' });
    expect(dashboard.panels[3]).toMatchObject({ type: 'table' });
  });

  it('lists legacy leftovers', () => {
    expect(notesFor(notes, 'Panel "API requests"')).toEqual(['field/series overrides are not converted']);
    expect(notesFor(notes, 'Panel "Top paths"')).toEqual(['table queries run as instant queries at the end of the range']);
    expect(notesFor(notes, 'Panel "Empty"')).toEqual([
      'query A has no expression (query builders other than PromQL/LogQL text are not converted)',
      'no query could be converted; the panel is left out',
    ]);
    expect(notesFor(notes, 'Panel "Heat"')).toEqual(['panel type "heatmap" is not supported; the panel is left out']);
    expect(notesFor(notes, 'Variable $env')).toEqual(['a constant variable becomes a custom variable with one value']);
    expect(notesFor(notes, 'Variable $search')).toEqual(['it has no values; it is left out']);
    expect(notesFor(notes, 'Variable $adhoc')).toEqual(['adhoc variables are not supported; it is left out']);
    expect(notesFor(notes, 'Variable $broken')[0]).toMatch(/is not label_values/);
    expect(dashboard.variables.map((v) => v.name)).toEqual(['instance', 'env']);
    expect(dashboard.variables[0]).toMatchObject({ regex: '/([^:]+):.*/', default: '$__all' });
  });
});

describe('importDashboardText', () => {
  it('tells Grafana JSON from our own files', () => {
    expect(importDashboardText(JSON.stringify(modern), ours).source).toBe('grafana');
    const own = importDashboardText('uid: mine\ntitle: Mine\npanels: []\n', ours);
    expect(own).toMatchObject({ source: 'sightline', notes: [], dashboard: { uid: 'mine' } });
  });

  it('names what is wrong with text that is neither', () => {
    expect(() => importDashboardText('{"title": 3', ours)).toThrow(/Cannot read this as JSON or YAML/);
    expect(() => importDashboardText('uid: x\n', ours)).toThrow('Not a valid Sightline dashboard: title:');
    expect(() => importDashboardText('[1]', ours)).toThrow(/Not a dashboard/);
  });
});

describe('splitCustomOptions', () => {
  it('reads commas, escaped commas and key : value pairs', () => {
    expect(splitCustomOptions('a, b\\,c ,x : y')).toEqual(['a', 'b,c', 'y']);
  });
});
