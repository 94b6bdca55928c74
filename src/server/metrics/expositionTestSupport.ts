// For tests: a strict reader of the Prometheus text format (0.0.4), so a malformed /metrics
// fails the test instead of being skipped over as Prometheus's scraper would refuse it.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  families: Map<string, { help?: string; type?: string }>;
  samples: Sample[];
}

const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const sampleLine = new RegExp(`^(${metricName})(?:\\{(.*)\\})? (\\S+)$`);
const labelPair = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;
const histogramSuffix = /_(bucket|sum|count)$/;

export function parseExposition(text: string): Exposition {
  const families = new Map<string, { help?: string; type?: string }>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const family = families.get(meta[2]!) ?? {};
      if (meta[1] === 'HELP') family.help = meta[3];
      else family.type = meta[3];
      families.set(meta[2]!, family);
      continue;
    }
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const value = parseValue(match[3]!, line);
    const name = match[1]!;
    const family = families.get(name) ?? families.get(name.replace(histogramSuffix, ''));
    if (!family?.type || family.help === undefined) throw new Error(`sample before its HELP and TYPE: ${line}`);
    samples.push({ name, labels: parseLabels(match[2] ?? '', line), value });
  }
  return { families, samples };
}

// As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case; prom-client writes `Nan`.
function parseValue(text: string, line: string): number {
  if (/^nan$/i.test(text)) return NaN;
  const infinity = /^([+-]?)inf(inity)?$/i.exec(text);
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`bad value in: ${line}`);
  return value;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest) {
    const pair = labelPair.exec(rest);
    if (!pair) throw new Error(`bad labels in: ${line}`);
    labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(pair[0].length);
  }
  return labels;
}

/** The value of the one sample with exactly these labels, or undefined when there is none. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string>): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const found = exposition.samples.filter((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} with labels ${wanted}`);
  return found[0]?.value;
}
