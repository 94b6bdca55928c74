import { stringifySearch } from '../../app/urlSearch';
import type { ResolvedRange } from '../../lib/timeRange';

export interface ShareTarget {
  /** Path of the view, e.g. `/d/homebot-overview`. */
  path: string;
  /** The view's search params as they are in the URL (query, variables, selected span...). */
  search: Record<string, unknown>;
}

export interface ShareOptions {
  origin: string;
  /** Freeze relative times (`now-6h`) to the absolute range on screen, for incident reports. */
  absolute: boolean;
  resolved: ResolvedRange | null;
}

/** A link that reopens exactly the view: same path, same params; absolute times when asked. */
export function shareUrl(target: ShareTarget, options: ShareOptions): string {
  const search = { ...target.search };
  if (options.absolute && options.resolved) {
    search.from = String(Math.round(options.resolved.fromMs));
    search.to = String(Math.round(options.resolved.toMs));
  }
  return `${options.origin}${target.path}${stringifySearch(search)}`;
}

export interface EmbedOptions extends ShareOptions {
  dashboardUid: string;
  panelId: string;
  theme: 'light' | 'dark';
  transparent: boolean;
  width: number;
  height: number;
}

/** The URL of one panel without chrome, carrying the range and the dashboard's variables. */
export function embedUrl(dashboardSearch: Record<string, unknown>, options: EmbedOptions): string {
  const search: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dashboardSearch)) {
    if (key.startsWith('var-') || key === 'from' || key === 'to' || key === 'refresh') search[key] = value;
  }
  search.theme = options.theme;
  if (options.transparent) search.transparent = 'true';
  const path = `/embed/d/${encodeURIComponent(options.dashboardUid)}/panel/${encodeURIComponent(options.panelId)}`;
  return shareUrl({ path, search }, options);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `<iframe>` snippet to paste into a wiki page. */
export function embedSnippet(url: string, options: Pick<EmbedOptions, 'width' | 'height'> & { title: string }): string {
  return `<iframe src="${escapeAttribute(url)}" width="${Math.round(options.width)}" height="${Math.round(options.height)}" title="${escapeAttribute(options.title)}" frameborder="0"></iframe>`;
}
