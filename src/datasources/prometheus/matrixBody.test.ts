import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixSeries, readMatrixBody } from './matrixBody';
import { parsePromMatrix } from './parse';
import type { PromMatrixSeries } from './types';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

/** What the ordinary path (JSON.parse, then parsePromMatrix) gives for the same body. */
function expected(text: string) {
  return parsePromMatrix((JSON.parse(text) as { data: { result: PromMatrixSeries[] } }).data.result);
}

function fast(text: string) {
  const body = readMatrixBody(text);
  if (!body) return null;
  return matrixSeries((body.envelope as { data: { result: { metric: Record<string, string>; values?: unknown }[] } }).data.result, body.columns);
}

const matrix = (result: unknown) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });

describe('readMatrixBody', () => {
  it.each(['query_range-rate-matrix.json', 'query_range-histogram-quantile.json'])('reads the captured %s as JSON.parse does', (name) => {
    const text = fixture(name);
    expect(fast(text)).toEqual(expected(text));
    expect(fast(text)!.length).toBeGreaterThan(0);
  });

  it('keeps every number exactly: decimals, negatives, exponents, NaN and infinities', () => {
    const values = ['0', '1', '-2.5', '0.1', '0.30000000000000004', '123456789.123456', '1e-07', '6.02e+23', '-0', 'NaN', '+Inf', '-Inf', '9007199254740993', '1234567890123456789', '0.000001', '42.0'];
    const text = matrix([{ metric: { job: 'x' }, values: values.map((v, i) => [1700000000 + i / 8, v]) }]);
    const series = fast(text)!;
    expect(series).toEqual(expected(text));
    expect(Object.is(series[0].values[8], -0)).toBe(true);
    expect(series[0].values[9]).toBeNaN();
    expect(series[0].values.slice(10, 12)).toEqual([Infinity, -Infinity]);
  });

  it('gives times in whole milliseconds like secondsToMs, whatever the decimals', () => {
    const times = [1700000000, 1700000000.1, 1700000000.12, 1700000000.123, 1700000000.1235, 0.001, 1e9];
    const text = matrix([{ metric: {}, values: times.map((t) => [t, '1']) }]);
    expect(fast(text)![0].timestamps).toEqual(expected(text)[0].timestamps);
    expect(fast(text)![0].timestamps).toEqual([1700000000000, 1700000000100, 1700000000120, 1700000000123, 1700000000124, 1, 1e12]);
  });

  it('takes random values the same as JSON.parse', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const series = Array.from({ length: 5 }, (_, s) => ({
      metric: { __name__: 'm', instance: `host-${s}` },
      values: Array.from({ length: 500 }, (_, i) => [1700000000 + i * 15.5, String((random() - 0.5) * 10 ** Math.floor(random() * 30 - 15))]),
    }));
    const text = matrix(series);
    expect(fast(text)).toEqual(expected(text));
  });

  it('reads pretty-printed bodies and labels that mention "values" or hold escaped quotes', () => {
    const result = [
      { metric: { values: 'values', path: 'a "quoted" \\"values\\" [1,"2"]' }, values: [[1, '1'], [2, '2']] },
      { metric: { le: '+Inf' }, values: [] },
      { metric: { kind: 'native histogram' }, histograms: [[1, { count: '1', sum: '2' }]] },
    ];
    const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }, null, 2);
    expect(fast(text)).toEqual(expected(text));
    expect(fast(text)![0].labels).toEqual(result[0].metric);
  });

  it('leaves anything unexpected to JSON.parse (null)', () => {
    expect(readMatrixBody(matrix([{ metric: {}, values: [[1, 2]] }]))).toBeNull(); // a number where Go writes a string
    expect(readMatrixBody(matrix([{ metric: {}, values: [[1, '2', 3]] }]))).toBeNull();
    expect(readMatrixBody(matrix([{ metric: {}, values: [['1', '2']] }]))).toBeNull();
    expect(readMatrixBody(matrix([{ metric: {}, values: [[1, 'x\\"y']] }]))).toBeNull();
    expect(readMatrixBody('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"2"]')).toBeNull();
    expect(readMatrixBody('<html>Bad gateway</html>')).toBeNull();
  });

  it('passes error envelopes and other result types through untouched', () => {
    const error = fixture('query-syntax-error.json');
    expect(readMatrixBody(error)!.envelope).toEqual(JSON.parse(error));
    const vector = fixture('query-up-vector.json');
    expect(readMatrixBody(vector)!.envelope).toEqual(JSON.parse(vector));
  });
});
