import type { DashboardSummary } from './schema';

/** Case-insensitive match of every word against the title or a tag; `tag` must match exactly. */
export function filterDashboards(list: DashboardSummary[], query = '', tag?: string): DashboardSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((d) => {
    if (tag && !d.tags.includes(tag)) return false;
    const haystack = [d.title, ...d.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function allTags(list: DashboardSummary[]): string[] {
  return [...new Set(list.flatMap((d) => d.tags))].sort();
}
