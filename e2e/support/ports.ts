// Uncommon loopback ports, so the e2e stack does not collide with a developer's own Prometheus
// (9090) or Loki (3100). Below Linux's ephemeral range (32768-60999): a port there can be held
// by any outgoing connection at the moment a server wants to bind it. Override with E2E_PORT_BASE.
const base = Number(process.env.E2E_PORT_BASE ?? 29390);

export const PORTS = {
  prometheus: base,
  fakeUpstream: base + 1,
  liveApp: base + 2,
  demoApp: base + 3,
  /** The app whose readiness the health spec flips (support/flippingApp.ts). */
  flippingApp: base + 4,
  /** Nothing listens here: Prometheus's unscrapable target. */
  unscrapable: base + 5,
  otlpReceiver: base + 6,
  recordingUpstream: base + 7,
  /** A wiki-like page on a second origin that Sightline allows to frame embeds. */
  framingAllowed: base + 8,
  /** The same page on an origin that is not allowed. */
  framingRefused: base + 9,
  /** An app a spec starts for itself, with a datasource configured on a port nothing listens on. */
  unreachableApp: base + 10,
};

export const URLS = {
  prometheus: `http://127.0.0.1:${PORTS.prometheus}`,
  fakeUpstream: `http://127.0.0.1:${PORTS.fakeUpstream}`,
  liveApp: `http://127.0.0.1:${PORTS.liveApp}`,
  demoApp: `http://127.0.0.1:${PORTS.demoApp}`,
  flippingApp: `http://127.0.0.1:${PORTS.flippingApp}`,
  otlpReceiver: `http://127.0.0.1:${PORTS.otlpReceiver}`,
  recordingUpstream: `http://127.0.0.1:${PORTS.recordingUpstream}`,
  framingAllowed: `http://127.0.0.1:${PORTS.framingAllowed}`,
  framingRefused: `http://127.0.0.1:${PORTS.framingRefused}`,
};
