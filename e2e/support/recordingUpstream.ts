import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopbackServer';

export interface RecordedUpstreamRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * A backend that answers like Prometheus (one flat `up` series) and records every request's
 * headers, so a test can see the trace context the proxy sent. Datasources point at it under
 * different path prefixes (`/w3c`, `/jaeger`) to tell their requests apart. GET `/__recorded`
 * lists what it received.
 */
export async function startRecordingUpstream(port: number): Promise<LoopbackServer> {
  const recorded: RecordedUpstreamRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    if (url.pathname === '/__recorded') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
    recorded.push({ path: url.pathname, headers: req.headers });
    const json = (data: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data }));
    if (url.pathname.endsWith('/api/v1/query_range')) {
      const [start, end, step] = ['start', 'end', 'step'].map((name) => Number(url.searchParams.get(name)));
      const values: [number, string][] = [];
      for (let t = start!; t <= end! && values.length < 11_000; t += step! || 15) values.push([t, '1']);
      return json({ resultType: 'matrix', result: [{ metric: { __name__: 'up', job: 'recording-upstream' }, values }] });
    }
    if (url.pathname.endsWith('/api/v1/query')) {
      return json({ resultType: 'vector', result: [{ metric: { __name__: 'up', job: 'recording-upstream' }, value: [Date.now() / 1000, '1'] }] });
    }
    json([]);
  });
  return listenOnLoopback(server, port);
}
