import { startPrometheus } from './support/prometheus';
import { startAppServer } from './support/appServer';
import { startFakeUpstream } from './support/fakeUpstream';
import { PORTS, URLS } from './support/ports';
import { startOtlpReceiver } from './support/otlpReceiver';
import { startRecordingUpstream } from './support/recordingUpstream';

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
    // Trace propagation (specs/live/telemetry.spec.ts): the live server exports its spans and
    // forwards the browser's to this receiver; two datasources point at a header-recording backend.
    const otlpReceiver = await startOtlpReceiver(PORTS.otlpReceiver);
    stops.push(otlpReceiver.close);
    const recordingUpstream = await startRecordingUpstream(PORTS.recordingUpstream);
    stops.push(recordingUpstream.close);
    const live = await startAppServer(
      PORTS.liveApp,
      [
        'datasources:',
        `  - { uid: prometheus, type: prometheus, name: E2E Prometheus, url: "${URLS.prometheus}" }`,
        `  - { uid: loki, type: loki, name: Fake Loki, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: tempo, type: tempo, name: Fake Tempo, url: "${URLS.fakeUpstream}" }`,
        `  - { uid: jaeger, type: jaeger, name: Fake Jaeger, url: "${URLS.fakeUpstream}/jaeger" }`,
        `  - { uid: recorder, type: prometheus, name: Recording upstream, url: "${URLS.recordingUpstream}/w3c" }`,
        `  - { uid: recorder-jaeger, type: prometheus, name: Recording upstream (Jaeger propagation), url: "${URLS.recordingUpstream}/jaeger", propagation: jaeger }`,
      ].join('\n'),
      { OTLP_URL: URLS.otlpReceiver },
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
