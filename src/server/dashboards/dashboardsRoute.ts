import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendJsonError } from '../jsonResponse.ts';
import { loadDashboards } from './loadDashboards.ts';

export const dashboardsPath = '/api/dashboards';

/** `GET /api/dashboards` (the list, with per-file errors) and `GET /api/dashboards/<uid>`. */
export function createDashboardsHandler(folder: string) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJsonError(res, 405, `method ${req.method} not allowed`);
    }
    const loaded = await loadDashboards(folder);
    if (path === dashboardsPath || path === `${dashboardsPath}/`) {
      return sendJson(res, 200, { dashboards: loaded.dashboards, errors: loaded.errors }, { 'Cache-Control': 'no-store' });
    }
    const uid = decodeURIComponent(path.slice(dashboardsPath.length + 1));
    const dashboard = loaded.byUid.get(uid);
    if (dashboard) return sendJson(res, 200, dashboard, { 'Cache-Control': 'no-store' });
    const broken = loaded.errors.length ? ` (${loaded.errors.length} file(s) failed to load; see /api/dashboards)` : '';
    sendJsonError(res, 404, `no dashboard with uid "${uid}"${broken}`);
  };
}
