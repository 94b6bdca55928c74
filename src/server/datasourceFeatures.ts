// Facts about the backends that the browser would otherwise find out with a request of its own on
// every cold load, asked once here and handed out with /api/config. One so far: whether a Tempo
// has the v2 trace-by-id route (Tempo 2.6+). Without it the trace view first asks for itself,
// which on a cold load held the trace's own request back by about 100 ms.

import type { DatasourceConfig } from './configSchema.ts';
import type { HttpAnswer } from './health/appProbeOutcome.ts';
import { httpGet } from './health/httpGet.ts';
import { credentialHeaders } from './proxy/forwardedHeaders.ts';
import { upstreamUrl } from './proxy/upstreamTarget.ts';

export interface DatasourceFeatures {
  /** Tempo: the v2 trace-by-id route exists. Absent while not known. */
  traceByIdV2?: boolean;
}

/**
 * Trace id 0 in a time range in 1970: Tempo 2.6+ answers from its ingesters without reading a
 * block (404 `trace not found`, or 400 for the id), older Tempo's router rejects the path.
 */
export const TRACE_ROUTE_PROBE = { path: `api/v2/traces/${'0'.repeat(32)}`, query: 'start=1&end=2' };

/**
 * What an answer to TRACE_ROUTE_PROBE says. Go's router answers a missing route with
 * `404 page not found`; Tempo's own 404s and 400s come from the route. No answer, a gateway's
 * auth refusal or a server error say nothing either way.
 */
export function traceByIdV2FromAnswer(answer: HttpAnswer): boolean | undefined {
  const status = answer.httpStatus;
  if (status === undefined) return undefined;
  if (status === 404) return (answer.body ?? '').trim() !== '404 page not found';
  if ((status >= 200 && status < 300) || status === 400) return true;
  return undefined;
}

export interface FeatureProbeOptions {
  get?: typeof httpGet;
  timeoutMs?: number;
  /** How long a known answer is kept before it is asked again (a Tempo may be upgraded). */
  refreshMs?: number;
  /** How long after an answer that said nothing it is asked again. */
  retryMs?: number;
  now?: () => number;
}

interface Probed {
  value?: boolean;
  /** When to ask again. */
  dueAt: number;
  inFlight?: Promise<void>;
}

/**
 * Asks lazily, when the config is first served, as HealthMonitor does: tests and tools that
 * merely build the middleware fire no requests.
 */
export class DatasourceFeatureProbe {
  private readonly tempos: DatasourceConfig[];
  private readonly state = new Map<string, Probed>();
  private readonly get: typeof httpGet;
  private readonly timeoutMs: number;
  private readonly refreshMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private firstRound: Promise<unknown> | undefined;

  constructor(datasources: DatasourceConfig[], options: FeatureProbeOptions = {}) {
    this.tempos = datasources.filter((ds) => ds.type === 'tempo');
    this.get = options.get ?? httpGet;
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.refreshMs = options.refreshMs ?? 10 * 60_000;
    this.retryMs = options.retryMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * What is known, per datasource uid. The first call waits up to `firstWaitMs` for the first
   * answers (the config is fetched while the app's script loads, so a short wait is hidden);
   * later calls never wait, and start a new round in the background for stale answers.
   */
  async current(firstWaitMs: number): Promise<Map<string, DatasourceFeatures>> {
    const round = this.startStale();
    if (!this.firstRound) {
      this.firstRound = round;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([round, new Promise((resolve) => (timer = setTimeout(resolve, firstWaitMs)))]);
      clearTimeout(timer);
    }
    const known = new Map<string, DatasourceFeatures>();
    for (const [uid, probed] of this.state) if (probed.value !== undefined) known.set(uid, { traceByIdV2: probed.value });
    return known;
  }

  private startStale(): Promise<unknown> {
    const now = this.now();
    const rounds = this.tempos.map((ds) => {
      const probed = this.state.get(ds.uid);
      if (probed?.inFlight) return probed.inFlight;
      if (probed && now < probed.dueAt) return undefined;
      return this.probe(ds, probed?.value);
    });
    return Promise.all(rounds);
  }

  private probe(ds: DatasourceConfig, previous: boolean | undefined): Promise<void> {
    const url = upstreamUrl(ds, TRACE_ROUTE_PROBE.path, TRACE_ROUTE_PROBE.query);
    // An answer that says nothing keeps what was known (a Tempo that is down was not downgraded),
    // and is asked again sooner.
    const settle = (learned: boolean | undefined) => {
      this.state.set(ds.uid, { value: learned ?? previous, dueAt: this.now() + (learned === undefined ? this.retryMs : this.refreshMs) });
    };
    const inFlight = this.get(url, credentialHeaders(ds), this.timeoutMs, this.now).then(
      (answer) => settle(traceByIdV2FromAnswer(answer)),
      () => settle(undefined),
    );
    this.state.set(ds.uid, { value: previous, dueAt: Infinity, inFlight });
    return inFlight;
  }
}
