// Prometheus result data to our models. Loki's metric queries use the same shapes.

import type { InstantSample, TimeSeries } from '../types';
import type { PromMatrixSeries, PromQueryData, PromQueryResult, PromSamplePair, PromVectorSample } from './types';

/** Prometheus formats values with Go's strconv: "NaN", "+Inf" and "-Inf" besides plain numbers. */
export function parseSampleValue(value: string): number {
  if (value === '+Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return Number(value);
}

/** Float unix seconds to epoch ms; rounding removes float noise (Prometheus times are whole ms). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

export function parsePromMatrix(result: PromMatrixSeries[]): TimeSeries[] {
  return result.map(({ metric, values = [] }) => {
    const timestamps = new Array<number>(values.length);
    const parsed = new Array<number>(values.length);
    for (let i = 0; i < values.length; i++) {
      timestamps[i] = secondsToMs(values[i][0]);
      parsed[i] = parseSampleValue(values[i][1]);
    }
    return { labels: metric, timestamps, values: parsed };
  });
}

// Native-histogram samples (`histogram` instead of `value`) are not supported yet and skipped.
export function parsePromVector(result: PromVectorSample[]): InstantSample[] {
  return result.flatMap(({ metric, value }) =>
    value ? [{ labels: metric, timestamp: secondsToMs(value[0]), value: parseSampleValue(value[1]) }] : [],
  );
}

export function parsePromScalar([t, v]: PromSamplePair): { timestamp: number; value: number } {
  return { timestamp: secondsToMs(t), value: parseSampleValue(v) };
}

export function parsePromString([t, v]: PromSamplePair): { timestamp: number; value: string } {
  return { timestamp: secondsToMs(t), value: v };
}

export function parsePromQueryData(data: PromQueryData): PromQueryResult {
  switch (data.resultType) {
    case 'matrix':
      return { resultType: 'matrix', series: parsePromMatrix(data.result) };
    case 'vector':
      return { resultType: 'vector', samples: parsePromVector(data.result) };
    case 'scalar':
      return { resultType: 'scalar', ...parsePromScalar(data.result) };
    case 'string':
      return { resultType: 'string', ...parsePromString(data.result) };
  }
}
