// What one answer from an app health endpoint means. The rules (also in README, "Health"):
// - no HTTP answer (refused, timed out) or a status outside 2xx: failing;
// - 2xx whose body cannot be read (truncated or broken JSON): degraded, with the reason;
// - 2xx with any dependency check degraded or failing, or a body status such as "degraded": degraded;
// - otherwise ok. A 2xx plain-text body ("OK") is ok: the HTTP status is the contract.
// No Node imports (the browser's demo reuses this).

import { parseHealthBody, readHealthBody, stateOfWord } from './healthBody.ts';
import type { CheckState, ProbeResult } from './types.ts';

export interface HttpAnswer {
  at: number;
  latencyMs: number;
  /** Undefined when no answer came; `networkError` says why. */
  httpStatus?: number;
  contentType?: string;
  body?: string;
  networkError?: string;
}

export function appProbeOutcome(answer: HttpAnswer): ProbeResult {
  const base = { at: answer.at, latencyMs: answer.latencyMs, httpStatus: answer.httpStatus };
  if (answer.httpStatus === undefined) {
    return { ...base, state: 'failing', error: answer.networkError ?? 'no answer', checks: [], facts: [] };
  }
  const report = readHealthBody(parseHealthBody(answer.body ?? '', answer.contentType));
  const { reported, checks, facts } = report;
  const unwell = checks.filter((check) => check.state === 'failing' || check.state === 'degraded');
  const success = answer.httpStatus >= 200 && answer.httpStatus < 300;
  let state: CheckState;
  let error: string | undefined;
  if (!success) {
    state = 'failing';
    const named = unwell.length ? `; failing: ${unwell.map((check) => check.name).join(', ')}` : '';
    error = `HTTP ${answer.httpStatus}${reported ? ` (${reported})` : ''}${named}${report.problem ? `; ${report.problem}` : ''}`;
  } else if (report.problem) {
    state = 'degraded';
    error = report.problem;
  } else if (unwell.length || (reported !== undefined && isUnwellWord(reported))) {
    state = 'degraded';
    error = unwell.length ? `unwell: ${unwell.map((check) => `${check.name} (${check.reported})`).join(', ')}` : `status ${reported}`;
  } else {
    state = 'ok';
  }
  return { ...base, state, error, reported, checks, facts };
}

function isUnwellWord(word: string): boolean {
  const state = stateOfWord(word);
  return state === 'degraded' || state === 'failing';
}
