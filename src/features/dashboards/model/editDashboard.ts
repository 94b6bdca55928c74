import { parse as parseYaml } from 'yaml';
import { DashboardValidationError, parseDashboard, type Dashboard } from './schema';

/**
 * The text of an edited dashboard file (JSON or YAML) back to a dashboard, or an error that says
 * what is wrong: where the text does not parse, or which fields do not validate.
 */
export function parseEditedDashboard(text: string): Dashboard {
  let raw: unknown;
  try {
    raw = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`The text does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return parseDashboard(raw);
  } catch (error) {
    if (error instanceof DashboardValidationError) throw new Error(`Not a valid dashboard: ${error.message}`);
    throw error;
  }
}
