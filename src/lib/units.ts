// Value formatting with Grafana's unit ids, so imported dashboards keep their units.
// See https://grafana.com/docs/grafana/latest/panels-visualizations/configure-standard-options/#unit

export type UnitId = string;

const SI_PREFIXES = ['', ' K', ' M', ' B', ' T'];
const BYTES_IEC = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB'];
const BYTES_SI = [' B', ' kB', ' MB', ' GB', ' TB', ' PB'];

/** Units offered in pickers and accepted from Grafana imports. */
export const KNOWN_UNITS = [
  'none', 'short', 'percent', 'percentunit', 's', 'ms', 'µs', 'ns', 'bytes', 'decbytes', 'bits', 'reqps', 'rps', 'ops', 'currencyUSD', 'currencyEUR', 'currencyGBP',
] as const;

export function isKnownUnit(unit: string): boolean {
  return (KNOWN_UNITS as readonly string[]).includes(unit);
}

function fixed(value: number, decimals: number | undefined, fallback = 2): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  // Grafana's automatic decimals: enough to show 3 significant digits, trailing zeros dropped.
  const abs = Math.abs(value);
  const auto = abs === 0 ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? fallback : Math.min(6, Math.ceil(-Math.log10(abs)) + 2);
  return String(Number(value.toFixed(auto)));
}

function scaled(value: number, base: number, suffixes: string[], decimals?: number): string {
  let i = 0;
  let v = value;
  while (Math.abs(v) >= base && i < suffixes.length - 1) {
    v /= base;
    i++;
  }
  return `${fixed(v, decimals)}${suffixes[i]}`;
}

function duration(seconds: number, decimals?: number): string {
  const abs = Math.abs(seconds);
  if (abs === 0) return `${fixed(0, decimals)} s`;
  if (abs < 1e-6) return `${fixed(seconds * 1e9, decimals)} ns`;
  if (abs < 1e-3) return `${fixed(seconds * 1e6, decimals)} µs`;
  if (abs < 1) return `${fixed(seconds * 1e3, decimals)} ms`;
  if (abs < 60) return `${fixed(seconds, decimals)} s`;
  if (abs < 3600) return `${fixed(seconds / 60, decimals)} min`;
  if (abs < 86400) return `${fixed(seconds / 3600, decimals)} hour`;
  return `${fixed(seconds / 86400, decimals)} day`;
}

const CURRENCY: Record<string, string> = { currencyUSD: '$', currencyEUR: '€', currencyGBP: '£' };

/** Formats a value in a unit: `formatValue(0.0123, 's')` is `12.3 ms`, `formatValue(0.5, 'percentunit')` `50%`. */
export function formatValue(value: number | null | undefined, unit: UnitId = 'short', decimals?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'No value';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 'none':
      return fixed(value, decimals);
    case 'percent':
      return `${fixed(value, decimals)}%`;
    case 'percentunit':
      return `${fixed(value * 100, decimals)}%`;
    case 's':
      return duration(value, decimals);
    case 'ms':
      return duration(value / 1e3, decimals);
    case 'µs':
      return duration(value / 1e6, decimals);
    case 'ns':
      return duration(value / 1e9, decimals);
    case 'bytes':
      return scaled(value, 1024, BYTES_IEC, decimals);
    case 'decbytes':
      return scaled(value, 1000, BYTES_SI, decimals);
    case 'bits':
      return scaled(value, 1000, [' b', ' kb', ' Mb', ' Gb', ' Tb'], decimals);
    case 'reqps':
    case 'rps':
      return `${scaled(value, 1000, SI_PREFIXES, decimals)} req/s`;
    case 'ops':
      return `${scaled(value, 1000, SI_PREFIXES, decimals)} ops/s`;
    default:
      if (CURRENCY[unit]) return `${value < 0 ? '-' : ''}${CURRENCY[unit]}${scaled(Math.abs(value), 1000, SI_PREFIXES, decimals)}`;
      return scaled(value, 1000, SI_PREFIXES, decimals);
  }
}
