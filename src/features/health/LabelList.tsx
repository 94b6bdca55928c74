import type { Labels } from '../../datasources/types';

/** Labels as text (React escapes them): never as HTML, whatever a target or alert carries. */
export function LabelList({ labels, skip = [] }: { labels: Labels; skip?: string[] }) {
  const entries = Object.entries(labels).filter(([name]) => !skip.includes(name));
  if (entries.length === 0) return null;
  return (
    <ul className="label-list" aria-label="Labels">
      {entries.map(([name, value]) => (
        <li key={name}>
          {name}="{value}"
        </li>
      ))}
    </ul>
  );
}
