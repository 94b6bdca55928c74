import { builtinVariables, formatVariable, interpolate, referencedVariables } from './interpolate';

describe('interpolate', () => {
  const vars = {
    job: { values: ['api'], asRegex: false },
    service: { values: ['homebot', 'dyocense-api'], asRegex: true },
    handler: { values: ['/api/v1/query'], asRegex: true },
  };

  it('substitutes $name, ${name}, ${name:format} and [[name]]', () => {
    expect(interpolate('up{job="$job"} ${job} ${job:raw} [[job]]', vars)).toBe('up{job="api"} api api api');
  });

  it('joins several values as an escaped regex alternation', () => {
    expect(interpolate('up{service=~"$service"}', vars)).toBe('up{service=~"(homebot|dyocense-api)"}');
    // One value of a multi variable: regex metacharacters escaped for the PromQL string.
    expect(interpolate('x{handler=~"$handler"}', vars)).toBe('x{handler=~"/api/v1/query"}');
    expect(formatVariable({ values: ['a.b', 'c|d'], asRegex: true })).toBe('(a\\\\.b|c\\\\|d)');
  });

  it('leaves unknown variables as written, so the backend error names them', () => {
    expect(interpolate('rate(x[$nope])', vars)).toBe('rate(x[$nope])');
  });

  it('does not take a longer name for a shorter one', () => {
    expect(interpolate('$jobs $job', vars)).toBe('$jobs api');
  });

  it('lists the variables a text uses', () => {
    expect(referencedVariables('a{x="$job", y=~"${service}"} [[job]]')).toEqual(['job', 'service']);
  });
});

describe('builtinVariables', () => {
  it('computes $__interval, $__rate_interval and $__range as Grafana does', () => {
    const b = builtinVariables({ rangeMs: 3_600_000, intervalMs: 15_000, scrapeIntervalMs: 15_000 });
    expect(b.__interval.values).toEqual(['15s']);
    expect(b.__interval_ms.values).toEqual(['15000']);
    // max(15s + 15s, 4 x 15s) = 1m
    expect(b.__rate_interval.values).toEqual(['1m']);
    expect(b.__range.values).toEqual(['3600s']);
    expect(b.__range_s.values).toEqual(['3600']);
  });

  it('grows $__rate_interval with the step on long ranges', () => {
    const b = builtinVariables({ rangeMs: 7 * 86_400_000, intervalMs: 1_200_000, scrapeIntervalMs: 15_000 });
    expect(b.__rate_interval.values).toEqual(['20m15s']);
  });

  it('feeds interpolate', () => {
    const b = builtinVariables({ rangeMs: 900_000, intervalMs: 2000, scrapeIntervalMs: 1000 });
    expect(interpolate('rate(x[$__rate_interval]) / $__range_s', b)).toBe('rate(x[4s]) / 900');
  });
});
