import { useId, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useConfig } from '../../app/config';
import { useImportedDashboards } from './importedStore';
import { importDashboardText, type ImportResult } from './grafana/importDashboardText';

/** Paste or upload a Grafana dashboard JSON (or one of ours); what could not be converted is listed per panel. */
export function ImportDashboard() {
  const id = useId();
  const config = useConfig();
  const save = useImportedDashboards((s) => s.save);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const convert = (source: string) => {
    setError(null);
    setResult(null);
    try {
      setResult(importDashboardText(source, config.datasources));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const open = () => {
    if (!result) return;
    save(result.dashboard);
    void queryClient.invalidateQueries({ queryKey: ['dashboard', result.dashboard.uid] });
    void navigate({ to: '/d/$uid', params: { uid: result.dashboard.uid } });
  };

  return (
    <section className="import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import a dashboard</h2>
      <p className="muted">A Grafana dashboard JSON (timeseries, graph, stat, singlestat, gauge, bar gauge, table and logs panels), or a Sightline dashboard file.</p>
      <label htmlFor={`${id}-text`}>Dashboard JSON</label>
      <textarea id={`${id}-text`} rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="mono import-text" />
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => convert(text)} disabled={!text.trim()}>
          Convert
        </button>
        <label>
          Or upload a file{' '}
          <input
            type="file"
            accept=".json,.yaml,.yml,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const content = await file.text();
              setText(content);
              convert(content);
            }}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error-box">
          {error}
        </p>
      )}
      {result && (
        <div className="import-result" aria-label="Import result">
          <p>
            “{result.dashboard.title}” ({result.source === 'grafana' ? 'Grafana' : 'Sightline'}): {result.dashboard.panels.length} panel(s),{' '}
            {result.dashboard.variables.length} variable(s).
          </p>
          {result.notes.length > 0 ? (
            <>
              <h3>Not converted</h3>
              <ul aria-label="Not converted">
                {result.notes.map((note, i) => (
                  <li key={i}>
                    <strong>{note.where}</strong>: {note.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everything was converted.</p>
          )}
          <button type="button" className="primary" onClick={open}>
            Open imported dashboard
          </button>
        </div>
      )}
    </section>
  );
}
