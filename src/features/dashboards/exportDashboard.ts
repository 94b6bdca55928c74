import type { Dashboard } from './model/schema';

/** The dashboard as the file its owners keep in git (JSON, which the dashboards folder accepts). */
export function dashboardFileText(dashboard: Dashboard & { draft?: unknown }): string {
  const { draft: _draft, ...file } = dashboard;
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function downloadText(filename: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
