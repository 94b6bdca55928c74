export function DemoBanner() {
  return (
    <aside className="demo-banner" aria-label="Demo mode">
      <strong>Demo data.</strong> No datasource is configured, so every metric, log line and trace here is synthetic,
      generated in your browser. Set <code>PROMETHEUS_URL</code>, <code>LOKI_URL</code> or <code>TEMPO_URL</code> (or a{' '}
      <code>sightline.config.yaml</code>) to use real backends.
    </aside>
  );
}
