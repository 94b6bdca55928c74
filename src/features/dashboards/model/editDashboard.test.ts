import { describe, expect, it } from 'vitest';
import { parseEditedDashboard } from './editDashboard';

const file = {
  uid: 'edit-me',
  title: 'Edit me',
  panels: [{ id: 'a', title: 'Up', type: 'stat', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ expr: 'up' }] }],
};

describe('parseEditedDashboard', () => {
  it('reads edited JSON and YAML into a dashboard with defaults filled in', () => {
    const fromJson = parseEditedDashboard(JSON.stringify({ ...file, title: 'Renamed' }));
    expect(fromJson.title).toBe('Renamed');
    expect(fromJson.panels[0].targets[0].expr).toBe('up');
    const fromYaml = parseEditedDashboard('uid: y\ntitle: From YAML\npanels: []\n');
    expect(fromYaml.uid).toBe('y');
  });

  it('says where the text stops parsing', () => {
    expect(() => parseEditedDashboard('{"uid": "x",}')).toThrow(/^The text does not parse: .*(position|JSON)/);
  });

  it('names each field that does not validate', () => {
    const bad = { ...file, panels: [{ ...file.panels[0], gridPos: { x: 0, y: 0, w: 'wide', h: 4 } }] };
    expect(() => parseEditedDashboard(JSON.stringify(bad))).toThrow(/^Not a valid dashboard: panels\.0\.gridPos\.w: /);
    expect(() => parseEditedDashboard(JSON.stringify({ title: 'no uid', panels: [] }))).toThrow(/uid/);
  });
});
