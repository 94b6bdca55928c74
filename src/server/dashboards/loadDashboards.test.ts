import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDashboards } from './loadDashboards.ts';

describe('loadDashboards', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboards-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped examples without errors', async () => {
    const loaded = await loadDashboards(resolve(__dirname, '../../../dashboards'));
    expect(loaded.errors).toEqual([]);
    expect(loaded.dashboards.map((d) => d.uid).sort()).toEqual(['api-health', 'homebot-overview', 'prometheus-self', 'sightline-self']);
  });

  it('lists a bad file with the field that is wrong, and still loads the others', async () => {
    writeFileSync(join(dir, 'good.yaml'), 'uid: good\ntitle: Good\n');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ uid: 'bad', title: 'Bad', panels: [{ id: 1, type: 'timeseries', gridPos: { x: 0, y: 0, w: 30, h: 4 }, targets: [{ expr: 'up' }] }] }));
    writeFileSync(join(dir, 'broken.yaml'), 'uid: [oops\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const loaded = await loadDashboards(dir);
    expect(loaded.dashboards.map((d) => d.uid)).toEqual(['good']);
    expect(loaded.errors).toHaveLength(2);
    expect(loaded.errors[0]).toMatchObject({ file: 'bad.json' });
    expect(loaded.errors[0].error).toContain('panels.0.gridPos.w');
    expect(loaded.errors[1].file).toBe('broken.yaml');
    expect(loaded.errors[1].error).toMatch(/^cannot parse/);
  });

  it('reports a duplicate uid against the file that has it first', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'uid: same\ntitle: A\n');
    writeFileSync(join(dir, 'b.yaml'), 'uid: same\ntitle: B\n');
    const loaded = await loadDashboards(dir);
    expect(loaded.dashboards).toHaveLength(1);
    expect(loaded.errors).toEqual([{ file: 'b.yaml', error: 'uid: "same" is already used by a.yaml' }]);
  });

  it('answers an empty list for a folder that does not exist', async () => {
    const loaded = await loadDashboards(join(dir, 'missing'));
    expect(loaded).toMatchObject({ dashboards: [], errors: [] });
  });
});
