import type { Dashboard, DashboardList } from './model/schema';
import { useImportedDashboards, type DraftOrigin } from './importedStore';

export class DashboardLoadError extends Error {}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new DashboardLoadError(`Cannot reach the Sightline server: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DashboardLoadError(`${url} answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) throw new DashboardLoadError((body as { error?: string }).error ?? `${url} answered ${response.status}`);
  return body as T;
}

export function fetchDashboardList(signal?: AbortSignal): Promise<DashboardList> {
  return getJson<DashboardList>('/api/dashboards', signal);
}

/** A draft in this browser (imported or edited) wins over a file with the same uid: it is what the user is looking at. */
export function fetchDashboard(uid: string, signal?: AbortSignal): Promise<Dashboard & { draft?: DraftOrigin }> {
  const { drafts, origins } = useImportedDashboards.getState();
  if (drafts[uid]) return Promise.resolve({ ...drafts[uid], draft: origins[uid] ?? 'imported' });
  return getJson<Dashboard>(`/api/dashboards/${encodeURIComponent(uid)}`, signal);
}
