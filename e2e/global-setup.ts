import { startPrometheus, waitForTargetUp } from './support/prometheus';
import { startAppServer } from './support/appServer';
import { startFakeUpstream } from './support/fakeUpstream';
import { PORTS, URLS } from './support/ports';
import { liveDashboardsFolder, shippedDashboards } from './support/dashboardsFolder';
import { startOtlpReceiver } from './support/otlpReceiver';
import { startRecordingUpstream } from './support/recordingUpstream';
import { startFlippingApp } from './support/flippingApp';

// specs/live/health.spec.ts: one alert that always fires, one target nothing answers on.
const healthRules = `groups:
  - name: e2e.alerts
    rules:
      - alert: E2EAlwaysFiring
        expr: vector(1) > 0
        for: 0s
        labels:
          severity: warning
        annotations:
          summary: Always firing in the e2e stack
          description: vector(1) > 0 is always true (value {{ $value }}).
`;
const unscrapableTarget = `  - job_name: unscrapable
    static_configs:
      - targets: ["127.0.0.1:${PORTS.unscrapable}"]`;
// specs/live/sightline-self.spec.ts: the live Sightline server's own /metrics. Prometheus starts
// first, so this target is down (up=0) until the server listens a few seconds later.
const sightlineTarget = `  - job_name: sightline
    metrics_path: /metrics
    static_configs:
      - targets: ["127.0.0.1:${PORTS.liveApp}"]`;

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
    const prometheus = await startPrometheus({ port: PORTS.prometheus, rules: healthRules, extraScrapeConfigs: `${unscrapableTarget}\n${sightlineTarget}` });
    stops.push(prometheus.stop);
    const upstream = await startFakeUpstream(PORTS.fakeUpstream);
    stops.push(upstream.close);
    // Trace propagation (specs/live/telemetry.spec.ts): the live server exports its spans and
    // forwards the browser's to this receiver; two datasources point at a header-recording backend.
    const otlpReceiver = await startOtlpReceiver(PORTS.otlpReceiver);
    stops.push(otlpReceiver.close);
    const recordingUpstream = await startRecordingUpstream(PORTS.recordingUpstream);
    stops.push(recordingUpstream.close);
    const flippingApp = await startFlippingApp(PORTS.flippingApp);
    stops.push(flippingApp.close);
    const dashboards = liveDashboardsFolder();
    stops.push(dashboards.remove);
    const live = await startAppServer(
      PORTS.liveApp,
      [
        `dashboards: "${dashboards.dir}"`,
        'datasources:',
        `  - { uid: prometheus, type: prometheus, name: E2E Prometheus, url: "${URLS.prometheus}" }`,
        `  - { uid: loki, type: loki, name: Fake Loki, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: tempo, type: tempo, name: Fake Tempo, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: jaeger, type: jaeger, name: Fake Jaeger, url: "${URLS.fakeUpstream}/jaeger" }`,
        `  - { uid: recorder, type: prometheus, name: Recording upstream, url: "${URLS.recordingUpstream}/w3c" }`,
        `  - { uid: recorder-jaeger, type: prometheus, name: Recording upstream (Jaeger propagation), url: "${URLS.recordingUpstream}/jaeger", propagation: jaeger }`,
        `embedding: { allowedOrigins: ["${URLS.framingAllowed}"] }`,
        'health:',
        `  - { name: flipper, url: "${URLS.flippingApp}/health/ready", liveUrl: "${URLS.flippingApp}/health/live", deepUrl: "${URLS.flippingApp}/health/deep" }`,
      ].join('\n'),
      { OTLP_URL: URLS.otlpReceiver, SIGHTLINE_HEALTH_INTERVAL_MS: '1000' },
    );
    stops.push(live.stop);
    // The health spec counts exactly one target down: the sightline job must be up before any spec runs.
    await waitForTargetUp(prometheus.url, 'sightline');
    const demo = await startAppServer(PORTS.demoApp, `datasources: []\ndashboards: "${shippedDashboards}"\n`);
    stops.push(demo.stop);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
