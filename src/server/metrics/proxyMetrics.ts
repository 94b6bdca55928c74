import { Counter, Histogram, type Registry } from 'prom-client';
import type { DatasourceConfig } from '../configSchema.ts';

/** How a backend failed the proxy: no connection, no answer in time, or an answer cut off mid-stream. */
export type UpstreamErrorKind = 'unreachable' | 'timeout' | 'interrupted';

/** The status counted for a request whose client left before any answer (nginx's convention). */
export const clientClosedStatus = 499;

/** One proxied request, from the allowlist's yes to the last byte (or the break). */
export interface ProxyRequestMetrics {
  /** The backend's status, as relayed to the client. */
  responded: (status: number) => void;
  countBytes: (bytes: number) => void;
  /** The backend failed; `status` is what the client got instead (502, 504), when it got one. Only the first counts, and none after `end`. */
  failed: (kind: UpstreamErrorKind, status?: number) => void;
  /** The exchange is over: counts it once, however many of the paths above ran. */
  end: () => void;
}

/** The proxy's counting hooks. Labels are only configured datasources' uids and types, never paths or queries. */
export interface ProxyMetrics {
  /** The allowlist refused the request (a 403). */
  refused: (datasource: DatasourceConfig) => void;
  started: (datasource: DatasourceConfig) => ProxyRequestMetrics;
}

// From a cached instant query (a few ms) to a heavy range query near the default 30 s timeout.
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const upstreamErrorKinds: UpstreamErrorKind[] = ['unreachable', 'timeout', 'interrupted'];

export function createProxyMetrics(registry: Registry, datasources: DatasourceConfig[]): ProxyMetrics {
  const requests = new Counter({
    name: 'sightline_proxy_requests_total',
    help: 'Datasource proxy requests by datasource and the HTTP status Sightline answered (403: refused by the allowlist; 499: the client left first).',
    labelNames: ['datasource', 'datasource_type', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sightline_proxy_request_duration_seconds',
    help: 'Time from forwarding a proxied request to its last byte (or its failure).',
    labelNames: ['datasource', 'datasource_type'],
    buckets: durationBuckets,
    registers: [registry],
  });
  const refused = new Counter({
    name: 'sightline_proxy_refused_requests_total',
    help: 'Proxy requests refused by the read-only allowlist (admin, write or malformed paths).',
    labelNames: ['datasource'],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'sightline_proxy_upstream_errors_total',
    help: 'Backend failures seen by the proxy: unreachable, timeout, or interrupted mid-answer.',
    labelNames: ['datasource', 'kind'],
    registers: [registry],
  });
  const bytes = new Counter({
    name: 'sightline_proxy_response_bytes_total',
    help: 'Bytes of backend answers streamed back to browsers.',
    labelNames: ['datasource'],
    registers: [registry],
  });

  // Zero series for every configured datasource, so the first request, refusal or error is an
  // increase Prometheus can see (a counter that appears at 1 has no increase) and a quiet one reads 0,
  // not "no data". Not for the status counter: its codes are not known in advance.
  for (const { uid, type } of datasources) {
    duration.zero({ datasource: uid, datasource_type: type });
    refused.inc({ datasource: uid }, 0);
    bytes.inc({ datasource: uid }, 0);
    for (const kind of upstreamErrorKinds) upstreamErrors.inc({ datasource: uid, kind }, 0);
  }

  return {
    refused: (datasource) => {
      refused.inc({ datasource: datasource.uid });
      requests.inc({ datasource: datasource.uid, datasource_type: datasource.type, code: '403' });
    },
    started: (datasource) => {
      const stopTimer = duration.startTimer({ datasource: datasource.uid, datasource_type: datasource.type });
      let status: number | undefined;
      let streamed = 0;
      let failure: UpstreamErrorKind | undefined;
      let ended = false;
      return {
        responded: (code) => {
          status = code;
        },
        // Summed here and counted at the end: a labelled counter update per chunk costs more than the chunk's copy.
        countBytes: (count) => {
          streamed += count;
        },
        failed: (kind, code) => {
          // One failure per request: a broken exchange reports on both the request and its response.
          // After the end, a failure is the echo of the client leaving (the upstream socket is destroyed then).
          if (ended || failure) return;
          failure = kind;
          upstreamErrors.inc({ datasource: datasource.uid, kind });
          status ??= code;
        },
        end: () => {
          if (ended) return;
          ended = true;
          stopTimer();
          if (streamed) bytes.inc({ datasource: datasource.uid }, streamed);
          requests.inc({ datasource: datasource.uid, datasource_type: datasource.type, code: String(status ?? clientClosedStatus) });
        },
      };
    },
  };
}
