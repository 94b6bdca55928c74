import { expect, test, type Page } from '@playwright/test';
import { startFramingPage, type FramingPage } from '../../support/framingPage';
import { PORTS, URLS } from '../../support/ports';

// The live server allows URLS.framingAllowed in embedding.allowedOrigins (global-setup.ts).
const EMBED = `${URLS.liveApp}/embed/d/prometheus-self/panel/http-requests?from=now-5m&to=now&theme=light`;

let allowed: FramingPage;
let refused: FramingPage;

test.beforeAll(async () => {
  allowed = await startFramingPage(PORTS.framingAllowed);
  refused = await startFramingPage(PORTS.framingRefused);
});

test.afterAll(async () => {
  await allowed?.close();
  await refused?.close();
});

function childFrameUrl(page: Page) {
  return page.frames().find((frame) => frame !== page.mainFrame())?.url() ?? '';
}

test.describe('embedding a panel in another origin', () => {
  test('an allowed origin shows the panel with real Prometheus data, in the light theme, without chrome', async ({ page }) => {
    await page.goto(allowed.url(EMBED));
    const frame = page.frameLocator('iframe[title="Embedded Sightline panel"]');
    const panel = frame.getByRole('region', { name: 'HTTP requests per second by handler', exact: true });
    await expect(panel.getByRole('figure', { name: /Chart of [1-9]\d* series/ })).toBeVisible();
    await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'Open in Sightline' })).toHaveAttribute('href', /\/d\/prometheus-self\?.*viewPanel=http-requests/);
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('an origin that is not allowed gets no frame', async ({ page }) => {
    await page.goto(refused.url(EMBED));
    // Chromium replaces a frame refused by frame-ancestors with its error page.
    await expect.poll(() => childFrameUrl(page)).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByRole('region')).toHaveCount(0);
  });

  test('a non-embed route refuses to be framed, even by an allowed origin', async ({ page }) => {
    await page.goto(allowed.url(`${URLS.liveApp}/d/prometheus-self`));
    await expect.poll(() => childFrameUrl(page)).toMatch(/^chrome-error:/);
  });

  test('embed routes send frame-ancestors from the config, other routes none', async ({ request }) => {
    const embed = await request.get(EMBED);
    expect(embed.headers()['content-security-policy']).toContain(`frame-ancestors ${URLS.framingAllowed}`);
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    const other = await request.get(`${URLS.liveApp}/d/prometheus-self`);
    expect(other.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
