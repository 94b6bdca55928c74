import { jsonFixture } from '../testing';
import { parsePromMatrix, parsePromQueryData, parseSampleValue, secondsToMs } from './parse';

const fixture = (name: string) => jsonFixture(import.meta.url, name);

describe('parseSampleValue', () => {
  it('reads Go float formatting, including NaN and infinities', () => {
    expect(parseSampleValue('0.095')).toBe(0.095);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('1e+00')).toBe(1);
  });

  it('turns float seconds into whole epoch ms without float noise', () => {
    expect(secondsToMs(1795353707.608)).toBe(1795353707608);
    expect(secondsToMs(1795353300)).toBe(1795353300000);
  });
});

describe('parsePromMatrix', () => {
  it('parses the rate matrix: one series per handler, seconds to ms', () => {
    const series = parsePromMatrix(fixture('query_range-rate-matrix.json').data.result);
    expect(series).toHaveLength(6);
    expect(series[0].labels).toEqual({ code: '200', handler: '/-/ready', instance: '127.0.0.1:19091', job: 'prometheus' });
    expect(series[0].timestamps).toHaveLength(20);
    expect(series[0].timestamps[0]).toBe(1795353668537);
    expect(series[0].timestamps[1] - series[0].timestamps[0]).toBe(2000);
    expect(series[1].timestamps[0]).toBe(1795353674537);
    expect(series[1].values[0]).toBe(0.060283333333333335);
    expect(series[1].values.at(-1)).toBe(0.4819980392156862);
  });

  it('keeps NaN from histogram_quantile over handlers without requests', () => {
    const series = parsePromMatrix(fixture('query_range-histogram-quantile.json').data.result);
    expect(series[0].labels).toEqual({ handler: '/-/ready' });
    expect(series[0].values).toHaveLength(20);
    expect(series[0].values.every(Number.isNaN)).toBe(true);
    expect(series[5].labels).toEqual({ handler: '/metrics' });
    expect(series[5].values).toHaveLength(19);
    expect(series[5].values[0]).toBe(0.095);
  });

  it('parses infinities inside a matrix', () => {
    const [s] = parsePromMatrix([
      {
        metric: { le: '+Inf' },
        values: [
          [1, '+Inf'],
          [2, '-Inf'],
          [3.5, '42'],
        ],
      },
    ]);
    expect(s).toEqual({ labels: { le: '+Inf' }, timestamps: [1000, 2000, 3500], values: [Infinity, -Infinity, 42] });
  });
});

describe('parsePromQueryData', () => {
  it('parses an instant vector', () => {
    const result = parsePromQueryData(fixture('query-up-vector.json').data);
    expect(result).toEqual({
      resultType: 'vector',
      samples: [
        {
          labels: { __name__: 'up', environment: 'production', instance: '127.0.0.1:9', job: 'homebot-api', service: 'homebot' },
          timestamp: 1795353707608,
          value: 0,
        },
        { labels: { __name__: 'up', instance: '127.0.0.1:19091', job: 'prometheus' }, timestamp: 1795353707608, value: 1 },
      ],
    });
  });

  it('parses a scalar: a bare pair, not a list', () => {
    expect(parsePromQueryData(fixture('query-scalar.json').data)).toEqual({
      resultType: 'scalar',
      timestamp: 1795353707829,
      value: 1,
    });
  });

  it('parses a string result', () => {
    expect(parsePromQueryData({ resultType: 'string', result: [1795353707.829, 'hello'] })).toEqual({
      resultType: 'string',
      timestamp: 1795353707829,
      value: 'hello',
    });
  });
});
