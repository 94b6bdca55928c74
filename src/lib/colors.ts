// A categorical palette readable on both themes (Grafana's classic order, slightly muted).
export const SERIES_COLORS = [
  '#7eb26d', '#eab839', '#6ed0e0', '#ef843c', '#e24d42', '#1f78c1', '#ba43a9', '#705da0',
  '#508642', '#cca300', '#447ebc', '#c15c17', '#890f02', '#0a437c', '#6d1f62', '#584477',
];

export function colorForIndex(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** A stable colour for a name (service, level...): the same name gets the same colour everywhere. */
export function colorForName(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return SERIES_COLORS[Math.abs(hash) % SERIES_COLORS.length];
}
