import { embeddingNotice, securityHeaders } from './securityHeaders.ts';

const none = { embedding: { allowedOrigins: [] } };
const wiki = { embedding: { allowedOrigins: ['https://wiki.example.com', 'https://*.intranet.example'] } };

describe('securityHeaders', () => {
  it('forbids framing and inline script outside embed routes', () => {
    const headers = securityHeaders('/d/overview', wiki);
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'",
    );
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('lets the allowed origins frame embed routes, without X-Frame-Options', () => {
    const headers = securityHeaders('/embed/d/x/panel/1', wiki);
    expect(headers['Content-Security-Policy']).toMatch(/; frame-ancestors https:\/\/wiki\.example\.com https:\/\/\*\.intranet\.example$/);
    expect(headers['X-Frame-Options']).toBeUndefined();
  });

  it("falls back to frame-ancestors 'none' on embed routes when no origin is allowed", () => {
    const headers = securityHeaders('/embed/d/x/panel/1', none);
    expect(headers['Content-Security-Policy']).toMatch(/; frame-ancestors 'none'$/);
    expect(headers['X-Frame-Options']).toBeUndefined();
    expect(securityHeaders('/embedded', wiki)['Content-Security-Policy']).toMatch(/frame-ancestors 'none'$/);
  });

  it('explains at start-up why embedding is refused', () => {
    expect(embeddingNotice(none)).toMatch(/embedding\.allowedOrigins is empty/);
    expect(embeddingNotice(wiki)).toBeUndefined();
  });
});
