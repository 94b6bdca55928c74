// Parsing a line (ANSI, JSON/logfmt, level, trace id) happens once per line object, when a row
// first needs it: 100,000 held lines are not all parsed up front.

import type { LogLine } from '../../datasources/types';
import { parseLine, type ParsedLine } from './lineFields';

const cache = new WeakMap<LogLine, ParsedLine>();

export function parsedLine(line: LogLine): ParsedLine {
  let parsed = cache.get(line);
  if (!parsed) cache.set(line, (parsed = parseLine(line)));
  return parsed;
}

const local = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });
const utc = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });

export function formatLineTime(ms: number, inUtc: boolean): string {
  return inUtc ? `${utc.format(ms).replace(',', '')} UTC` : local.format(ms);
}
