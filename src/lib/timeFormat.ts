import { useMemo } from 'react';
import { usePreferences, type TimezonePreference } from '../app/preferences';

const DAY_MS = 86_400_000;

export interface TimeFormatters {
  /** Axis ticks: time of day, with the date once the range spans more than a day. */
  axis: (t: number) => string;
  /** Tooltips and log lines: full date and time, seconds included. */
  full: (t: number) => string;
  timeZone: string | undefined;
}

/** Formatters in the browser's zone or UTC (Grafana's two common choices). */
export function timeFormatters(timezone: TimezonePreference, rangeMs: number, locale?: string): TimeFormatters {
  const timeZone = timezone === 'utc' ? 'UTC' : undefined;
  const axis = new Intl.DateTimeFormat(locale, rangeMs > DAY_MS ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const full = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: timezone === 'utc' ? 'short' : undefined });
  return { axis: (t) => axis.format(t), full: (t) => full.format(t), timeZone };
}

export function useTimeFormatters(rangeMs: number): TimeFormatters {
  const timezone = usePreferences((s) => s.timezone);
  // Only whether the range spans more than a day changes the axis format.
  const long = rangeMs > DAY_MS;
  return useMemo(() => timeFormatters(timezone, long ? 2 * DAY_MS : 0), [timezone, long]);
}
