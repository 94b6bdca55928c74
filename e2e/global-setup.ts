import { startPrometheus } from './support/prometheus';
import { startAppServer } from './support/appServer';
import { startFakeUpstream } from './support/fakeUpstream';
import { PORTS, URLS } from './support/ports';

/**
 * The e2e stack: real Prometheus (Debian package) with its own data dir, the fake Loki/Tempo
 * upstream built on the demo handlers, and two production servers: one wired to those backends,
 * one with no datasource (demo mode).
 */
export default async function globalSetup() {
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const prometheus = await startPrometheus({ port: PORTS.prometheus });
    stops.push(prometheus.stop);
    const upstream = await startFakeUpstream(PORTS.fakeUpstream);
    stops.push(upstream.close);
    const live = await startAppServer(
      PORTS.liveApp,
      [
        'datasources:',
        `  - { uid: prometheus, type: prometheus, name: E2E Prometheus, url: "${URLS.prometheus}" }`,
        `  - { uid: loki, type: loki, name: Fake Loki, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: tempo, type: tempo, name: Fake Tempo, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: jaeger, type: jaeger, name: Fake Jaeger, url: "${URLS.fakeUpstream}/jaeger" }`,
      ].join('\n'),
    );
    stops.push(live.stop);
    const demo = await startAppServer(PORTS.demoApp, 'datasources: []\n');
    stops.push(demo.stop);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
