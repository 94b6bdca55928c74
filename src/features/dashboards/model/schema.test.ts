import { parseDashboard } from './schema';

const panel = { id: 'p', type: 'timeseries', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ expr: 'up' }] };

describe('parseDashboard', () => {
  it('fills defaults', () => {
    const d = parseDashboard({ uid: 'a', title: 'A', panels: [{ ...panel, id: 3 }] });
    expect(d.time).toEqual({ from: 'now-1h', to: 'now' });
    expect(d.tags).toEqual([]);
    expect(d.panels[0].id).toBe('3');
  });

  it('names the field that is wrong', () => {
    expect(() => parseDashboard({ uid: 'a', title: 'A', panels: [{ ...panel, type: 'piechart' }] })).toThrow(/panels\.0\.type/);
    expect(() => parseDashboard({ uid: 'a b', title: 'A' })).toThrow(/^uid: expected 1-64/);
    expect(() => parseDashboard({ uid: 'a', title: 'A', panels: [{ ...panel, target: [] }] })).toThrow(/panels\.0/);
    expect(() => parseDashboard({ uid: 'a', title: 'A', panels: [{ ...panel, gridPos: { x: 20, y: 0, w: 8, h: 4 } }] })).toThrow(
      'panels.0.gridPos.w: x + w must be at most 24',
    );
    expect(() => parseDashboard({ uid: 'a', title: 'A', variables: [{ name: 'w', kind: 'interval', values: ['5 minutes'] }] })).toThrow(
      /variables\.0\.values\.0: expected a duration/,
    );
  });

  it('rejects duplicate panel ids and variable names', () => {
    expect(() => parseDashboard({ uid: 'a', title: 'A', panels: [panel, panel] })).toThrow('panels.1.id: duplicate panel id "p"');
    const v = { name: 'x', kind: 'custom', values: ['1'] };
    expect(() => parseDashboard({ uid: 'a', title: 'A', variables: [v, v] })).toThrow('variables.1.name: duplicate variable "x"');
  });
});
