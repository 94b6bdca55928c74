// The field-summary sidebar: which fields the loaded lines carry, and their most common values.

export interface FieldStats {
  key: string;
  /** Lines that have the field. */
  count: number;
  /** Most common values first, at most `topValues`. */
  values: Array<{ value: string; count: number }>;
  distinct: number;
}

export function summarizeFields(lines: Array<Array<{ key: string; value: string }>>, topFields = 20, topValues = 5): FieldStats[] {
  const byKey = new Map<string, Map<string, number>>();
  const present = new Map<string, number>();
  for (const fields of lines) {
    for (const { key, value } of fields) {
      let values = byKey.get(key);
      if (!values) byKey.set(key, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + 1);
      present.set(key, (present.get(key) ?? 0) + 1);
    }
  }
  return [...byKey.entries()]
    .map(([key, values]) => ({
      key,
      count: present.get(key) ?? 0,
      distinct: values.size,
      values: [...values.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, topValues)
        .map(([value, count]) => ({ value, count })),
    }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, topFields);
}
