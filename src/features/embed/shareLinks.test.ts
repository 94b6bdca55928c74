import { parseSearch } from '../../app/urlSearch';
import { embedSnippet, embedUrl, shareUrl } from './shareLinks';

const resolved = { fromMs: 1_795_350_000_000, toMs: 1_795_353_600_000 };
const origin = 'https://sightline.example.com';

describe('shareUrl', () => {
  const target = { path: '/d/homebot-overview', search: { from: 'now-6h', to: 'now', 'var-service': ['a', 'b'], viewPanel: 'p1' } };

  it('keeps the relative range and every view param', () => {
    const url = shareUrl(target, { origin, absolute: false, resolved });
    expect(url.startsWith(`${origin}/d/homebot-overview?`)).toBe(true);
    expect(parseSearch(new URL(url).search)).toEqual(target.search);
  });

  it('freezes the range to what is on screen when asked', () => {
    const url = new URL(shareUrl(target, { origin, absolute: true, resolved }));
    expect(url.searchParams.get('from')).toBe('1795350000000');
    expect(url.searchParams.get('to')).toBe('1795353600000');
    expect(url.searchParams.getAll('var-service')).toEqual(['a', 'b']);
  });
});

describe('embedUrl', () => {
  it('carries range, refresh, variables and theme, and nothing else of the dashboard URL', () => {
    const url = new URL(
      embedUrl(
        { from: 'now-1h', to: 'now', refresh: '30s', 'var-job': 'api', viewPanel: 'x', kiosk: 'true' },
        { origin, absolute: false, resolved, dashboardUid: 'homebot-overview', panelId: 'scans', theme: 'light', transparent: true, width: 600, height: 300 },
      ),
    );
    expect(url.pathname).toBe('/embed/d/homebot-overview/panel/scans');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: 'now-1h', to: 'now', refresh: '30s', 'var-job': 'api', theme: 'light', transparent: 'true' });
  });
});

describe('embedSnippet', () => {
  it('escapes the URL and title into attributes', () => {
    expect(embedSnippet('https://x/embed?a=1&b="2"', { width: 600.4, height: 300, title: 'Scans <per> min' })).toBe(
      '<iframe src="https://x/embed?a=1&amp;b=&quot;2&quot;" width="600" height="300" title="Scans &lt;per&gt; min" frameborder="0"></iframe>',
    );
  });
});
