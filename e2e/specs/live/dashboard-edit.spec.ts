import { expect, test } from '@playwright/test';
import { DashboardPage } from '../../pages/DashboardPage';

test.describe('Editing a dashboard in the browser', () => {
  test('an edit becomes a draft that draws, a bad edit names the field and keeps the text, discard goes back to the file', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self');
    await page.getByRole('button', { name: 'Edit' }).click();
    const text = page.getByRole('textbox', { name: 'Dashboard file' });
    const file = JSON.parse(await text.inputValue());
    expect(file).toMatchObject({ uid: 'prometheus-self', title: 'Prometheus self-monitoring' });

    // A field of the wrong type: the error names it, the text stays as typed.
    const broken = structuredClone(file);
    broken.panels[0].gridPos.w = 'wide';
    await text.fill(JSON.stringify(broken, null, 2));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert')).toContainText('panels.0.gridPos.w');
    await expect(text).toHaveValue(/"w": "wide"/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prometheus self-monitoring');

    // A valid edit: new title, and a new stat panel whose query runs against real Prometheus.
    const edited = structuredClone(file);
    edited.title = 'Prometheus, edited';
    edited.panels.push({ id: 'edited-stat', title: 'Added in the editor', type: 'stat', gridPos: { x: 0, y: 40, w: 6, h: 4 }, targets: [{ expr: 'vector(42)' }] });
    await text.fill(JSON.stringify(edited, null, 2));
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prometheus, edited');
    await expect(d.statValue(d.panel('Added in the editor'))).toHaveText('42');
    await expect(page.getByRole('note')).toContainText('Edited draft');

    // The draft survives a reload (kept in this browser) and exports as the edited file.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prometheus, edited');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
    expect(exported.title).toBe('Prometheus, edited');
    expect(exported.panels.map((p: { id: string }) => p.id)).toContain('edited-stat');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prometheus self-monitoring');
    await expect(page).toHaveURL(/\/d\/prometheus-self/);
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});
