// Small response helpers for the MSW handlers: Go-style JSON (the backends escape <, > and & in
// strings as \u003c, \u003e, \u0026) with each backend's exact content type, and plain text.

import { HttpResponse } from 'msw';

export function goJson(body: unknown): string {
  return JSON.stringify(body).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): HttpResponse<string> {
  return new HttpResponse(goJson(body), { status, headers: { 'Content-Type': contentType } });
}

export function textResponse(text: string, status = 200): HttpResponse<string> {
  return new HttpResponse(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Query parameters, plus the form body of a form-encoded POST (Prometheus and Loki accept both). */
export async function requestParams(request: Request): Promise<URLSearchParams> {
  const params = new URLSearchParams(new URL(request.url).search);
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(await request.text())) params.append(k, v);
  }
  return params;
}
