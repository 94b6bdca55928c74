import type { SightlineConfig } from './config.ts';

// No inline script anywhere (the build emits none), so XSS cannot run injected markup.
// Inline styles stay allowed: charting and virtualized lists position elements with them.
// ws:/wss: for Loki's live tail; blob: workers for the MSW demo and off-thread layout.
const basePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
].join('; ');

export function isEmbedPath(path: string): boolean {
  return path.startsWith('/embed/');
}

/** Response headers for any path Sightline serves. Only /embed/ pages may be framed, and only by the configured origins. */
export function securityHeaders(path: string, config: Pick<SightlineConfig, 'embedding'>): Record<string, string> {
  const origins = config.embedding.allowedOrigins;
  const embed = isEmbedPath(path);
  const frameAncestors = embed && origins.length ? origins.join(' ') : "'none'";
  const headers: Record<string, string> = {
    'Content-Security-Policy': `${basePolicy}; frame-ancestors ${frameAncestors}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  // The legacy header for browsers without frame-ancestors. It cannot name origins, so embed
  // pages leave it out and rely on the CSP alone.
  if (!embed) headers['X-Frame-Options'] = 'DENY';
  return headers;
}

/** A start-up line explaining why /embed/ pages will not load in iframes, or undefined when they will. */
export function embeddingNotice(config: Pick<SightlineConfig, 'embedding'>): string | undefined {
  if (config.embedding.allowedOrigins.length) return undefined;
  return "Embedding is off: embedding.allowedOrigins is empty, so /embed/ pages send frame-ancestors 'none' and browsers refuse to show them in iframes.";
}
