// MSW handlers for the demo Prometheus, mounted under `prefix`.

import { http, type HttpHandler } from 'msw';
import { jsonResponse, requestParams, textResponse } from './httpUtil.ts';
import { DemoPrometheus, type ApiResponse } from './metrics.ts';

export function prometheusHandlers(prefix: string, prom: DemoPrometheus): HttpHandler[] {
  const answer = (r: ApiResponse) => jsonResponse(r.body, r.status);
  const both = (path: string, run: (params: URLSearchParams) => ApiResponse): HttpHandler[] => [
    http.get(`${prefix}${path}`, async ({ request }) => answer(run(await requestParams(request)))),
    http.post(`${prefix}${path}`, async ({ request }) => answer(run(await requestParams(request)))),
  ];
  return [
    ...both('/api/v1/query', (p) => prom.query(p)),
    ...both('/api/v1/query_range', (p) => prom.queryRange(p)),
    ...both('/api/v1/labels', (p) => prom.labels(p)),
    ...both('/api/v1/series', (p) => prom.series(p)),
    ...both('/api/v1/query_exemplars', () => ({ status: 200, body: { status: 'success', data: [] } })),
    ...both('/api/v1/format_query', (p) => ({ status: 200, body: { status: 'success', data: (p.get('query') ?? '').trim() } })),
    http.get(`${prefix}/api/v1/label/:name/values`, async ({ request, params }) => answer(prom.labelValues(String(params.name), await requestParams(request)))),
    http.get(`${prefix}/api/v1/metadata`, async ({ request }) => answer(prom.metadata(await requestParams(request)))),
    http.get(`${prefix}/api/v1/targets`, () => answer(prom.targets())),
    http.get(`${prefix}/api/v1/alerts`, () => answer(prom.alerts())),
    http.get(`${prefix}/api/v1/rules`, () => answer(prom.rules())),
    http.get(`${prefix}/api/v1/status/buildinfo`, () => answer(prom.buildinfo())),
    http.get(`${prefix}/-/ready`, () => textResponse('Prometheus Server is Ready.\n')),
    http.get(`${prefix}/-/healthy`, () => textResponse('Prometheus Server is Healthy.\n')),
  ];
}
