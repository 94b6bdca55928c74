import type { HealthChecksResponse } from '../../server/health/types';

/** Sightline's own probe results (see src/server/health). Errors say what answered and how. */
export async function fetchHealthChecks(signal?: AbortSignal): Promise<HealthChecksResponse> {
  let response: Response;
  let body: string;
  try {
    response = await fetch('/api/health/checks', { signal, headers: { accept: 'application/json' } });
    body = await response.text();
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new Error(`cannot reach Sightline's /api/health/checks: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`/api/health/checks answered ${response.status}: ${body.slice(0, 200)}`);
  try {
    return JSON.parse(body) as HealthChecksResponse;
  } catch {
    throw new Error(`/api/health/checks answered with invalid JSON (${body.length} bytes)`);
  }
}
