// MSW handlers for the demo Loki, mounted under `prefix`.

import { http, type HttpHandler } from 'msw';
import { jsonResponse, requestParams, textResponse } from './httpUtil.ts';
import { DemoLoki, type LokiResponse } from './loki.ts';

export function lokiHandlers(prefix: string, loki: DemoLoki): HttpHandler[] {
  const answer = (r: LokiResponse) => (typeof r.body === 'string' ? textResponse(r.body, r.status) : jsonResponse(r.body, r.status, r.contentType));
  const both = (path: string, run: (params: URLSearchParams) => LokiResponse): HttpHandler[] => [
    http.get(`${prefix}${path}`, async ({ request }) => answer(run(await requestParams(request)))),
    http.post(`${prefix}${path}`, async ({ request }) => answer(run(await requestParams(request)))),
  ];
  const api = `${prefix}/loki/api/v1`;
  return [
    ...both('/loki/api/v1/query_range', (p) => loki.queryRange(p)),
    ...both('/loki/api/v1/query', (p) => loki.query(p)),
    ...both('/loki/api/v1/series', (p) => loki.series(p)),
    http.get(`${api}/labels`, () => answer(loki.labels())),
    http.get(`${api}/label`, () => answer(loki.labels())),
    http.get(`${api}/label/:name/values`, async ({ request, params }) => answer(loki.labelValues(String(params.name), await requestParams(request)))),
    http.get(`${api}/index/stats`, () => answer(loki.indexStats())),
    // Loki 2.9 has the volume API but turns it off unless limits_config.volume_enabled is set.
    http.get(`${api}/index/volume`, () => textResponse('not found', 404)),
    http.get(`${api}/index/volume_range`, () => textResponse('not found', 404)),
    http.get(`${api}/status/buildinfo`, () => answer(loki.buildinfo())),
    http.get(`${api}/format_query`, async ({ request }) => jsonResponse({ status: 'success', data: ((await requestParams(request)).get('query') ?? '').trim() })),
    http.get(`${prefix}/ready`, () => textResponse('ready\n')),
  ];
}
