import { http, type HttpHandler } from 'msw';
import { demoHealthChecks } from './healthChecks.ts';
import { jsonResponse } from './httpUtil.ts';

/** Sightline's `/api/health/checks` in demo mode, answered in the browser (see healthChecks.ts). */
export function healthChecksHandler(prefix: string, now: () => number): HttpHandler {
  return http.get(`${prefix}/api/health/checks`, () => jsonResponse(demoHealthChecks(now()), 200, 'application/json; charset=utf-8'));
}
