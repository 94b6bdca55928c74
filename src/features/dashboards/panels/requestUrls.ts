import { proxyUrl } from '../../../datasources/proxyPath';
import { msToNs } from '../../../lib/nanoseconds';
import type { PanelQueryPlan } from '../model/panelQuery';

export type PanelRequestKind = 'range' | 'instant' | 'logs';

/** The proxy URL each target of a panel asks (what the inspector shows; the clients build the same). */
export function panelRequestUrls(kind: PanelRequestKind, uid: string, plan: PanelQueryPlan, limit = 100): string[] {
  return plan.exprs.map(({ expr }) => {
    if (kind === 'logs') {
      return proxyUrl(uid, 'loki/api/v1/query_range', { query: expr, start: msToNs(plan.fromMs), end: msToNs(plan.toMs), limit: String(limit), direction: 'backward' });
    }
    if (kind === 'instant') return proxyUrl(uid, 'api/v1/query', { query: expr, time: String(plan.toMs / 1000) });
    return proxyUrl(uid, 'api/v1/query_range', { query: expr, start: String(plan.fromMs / 1000), end: String(plan.toMs / 1000), step: String(plan.stepMs / 1000) });
  });
}
