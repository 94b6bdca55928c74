// Derived fields, as Grafana's Loki datasource has them: a rule finds a value in a line (a named
// field, or the first capture group of a regex over the text) and turns it into a link through a
// URL template where `${__value.raw}` stands for the value.

import type { LineField } from './lineFields';

export interface DerivedFieldRule {
  /** Shown as the link's name: "Trace", "Order". */
  name: string;
  /** Take the value of this field (or stream label). */
  field?: string;
  /** Or match this regex against the line; the first capture group (else the whole match) is the value. */
  matcherRegex?: string;
  /** `/traces/${__value.raw}` (inside Sightline) or an absolute http(s) URL. */
  url: string;
}

export interface DerivedLink {
  name: string;
  value: string;
  url: string;
  /** true for a path inside Sightline, navigated without a page load. */
  internal: boolean;
}

/** What Sightline does with no configuration: a `trace_id` opens the trace view. */
export const DEFAULT_DERIVED_FIELDS: DerivedFieldRule[] = [{ name: 'Trace', matcherRegex: '\\btrace_?[iI][dD]["=:\\s]+"?([0-9a-fA-F]{16,32})\\b', url: '/traces/${__value.raw}' }];

const PLACEHOLDER = /\$\{__value\.raw\}/g;

/** Only relative paths and http(s) URLs: a rule can never produce a `javascript:` link. */
export function safeLinkUrl(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function applyDerivedFields(rules: DerivedFieldRule[], text: string, fields: LineField[], labels: Record<string, string>): DerivedLink[] {
  const links: DerivedLink[] = [];
  for (const rule of rules) {
    let value: string | undefined;
    if (rule.field) value = labels[rule.field] ?? fields.find((f) => f.key === rule.field)?.value;
    else if (rule.matcherRegex) {
      let re: RegExp;
      try {
        re = new RegExp(rule.matcherRegex);
      } catch {
        continue;
      }
      const m = re.exec(text);
      value = m ? (m[1] ?? m[0]) : undefined;
    }
    if (!value) continue;
    const encoded = encodeURIComponent(value);
    const url = safeLinkUrl(rule.url.replace(PLACEHOLDER, encoded));
    if (url) links.push({ name: rule.name, value, url, internal: url.startsWith('/') });
  }
  return links;
}
