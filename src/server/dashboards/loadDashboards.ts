import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDashboard, type Dashboard, type DashboardFileError, type DashboardList } from '../../features/dashboards/model/schema.ts';

const DASHBOARD_FILE = /\.(json|ya?ml)$/i;

export interface LoadedDashboards extends DashboardList {
  byUid: Map<string, Dashboard>;
}

/**
 * Reads every dashboard file in the folder. A file that does not parse or validate becomes an
 * entry in `errors` naming the file and the field; the others still load. Read on each request:
 * the files are small and their owners edit them in place.
 */
export async function loadDashboards(folder: string): Promise<LoadedDashboards> {
  const byUid = new Map<string, Dashboard>();
  const out: LoadedDashboards = { dashboards: [], errors: [], byUid };
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => DASHBOARD_FILE.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  const seenIn = new Map<string, string>();
  for (const file of names) {
    const result = await loadDashboardFile(join(folder, file), file);
    if ('error' in result) {
      out.errors.push(result);
      continue;
    }
    const { dashboard } = result;
    const first = seenIn.get(dashboard.uid);
    if (first) {
      out.errors.push({ file, error: `uid: "${dashboard.uid}" is already used by ${first}` });
      continue;
    }
    seenIn.set(dashboard.uid, file);
    byUid.set(dashboard.uid, dashboard);
    out.dashboards.push({ uid: dashboard.uid, title: dashboard.title, tags: dashboard.tags, file });
  }
  out.dashboards.sort((a, b) => a.title.localeCompare(b.title));
  return out;
}

async function loadDashboardFile(path: string, file: string): Promise<{ dashboard: Dashboard } | DashboardFileError> {
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { file, error: `cannot parse: ${(error as Error).message.split('\n')[0]}` };
  }
  try {
    return { dashboard: parseDashboard(raw) };
  } catch (error) {
    return { file, error: (error as Error).message };
  }
}
