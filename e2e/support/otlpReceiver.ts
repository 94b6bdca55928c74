import { createServer, type IncomingMessage } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopbackServer';

/** One span as the tests read it: OTLP/JSON flattened, with who delivered its batch. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  /** User-Agent of the export request: `node` for batches Sightline's /otlp/v1/traces forwarded. */
  deliveredBy: string;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }[] }[];
  }[];
}
interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

const attributeMap = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));

/**
 * A stand-in OTLP/HTTP collector: POST `/v1/traces` (JSON, the only encoding Sightline's
 * exporters send) is recorded; GET `/spans` lists what arrived, for the Playwright workers,
 * which run in other processes than this one.
 */
export async function startOtlpReceiver(port: number): Promise<LoopbackServer> {
  const spans: ReceivedSpan[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/spans') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(spans));
    if (req.method !== 'POST' || req.url !== '/v1/traces') return void res.writeHead(404).end();
    try {
      const body = JSON.parse((await readBody(req)).toString('utf8')) as OtlpJson;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributeMap(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributeMap(span.attributes),
              deliveredBy: String(req.headers['user-agent'] ?? ''),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch {
      res.writeHead(400).end();
    }
  });
  return listenOnLoopback(server, port);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
