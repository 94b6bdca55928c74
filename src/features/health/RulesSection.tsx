import { Link } from '@tanstack/react-router';
import type { PromRuleGroup } from '../../datasources/prometheus/types';
import { exploreRangeForRule } from './ruleLinks';
import { StateText } from './StateText';
import { agoText } from './timeText';

const healthState = { ok: 'ok', err: 'failing', unknown: 'unknown' } as const;

export function RulesSection({ groups, nowMs }: { groups: PromRuleGroup[]; nowMs: number }) {
  if (groups.length === 0) return <p className="muted">Prometheus has no rules loaded.</p>;
  return (
    <>
      {groups.map((group) => (
        <section key={`${group.file}/${group.name}`} aria-label={`Rule group ${group.name}`}>
          <h3>
            {group.name}{' '}
            <span className="muted">
              (every {group.interval}s, last evaluated {agoText(group.lastEvaluation, nowMs)})
            </span>
          </h3>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">State</th>
                <th scope="col">Health</th>
                <th scope="col">Last evaluation</th>
                <th scope="col">Expression</th>
              </tr>
            </thead>
            <tbody>
              {group.rules.map((rule) => {
                const range = exploreRangeForRule(rule, nowMs);
                return (
                  <tr key={rule.name} aria-label={`Rule ${rule.name}`}>
                    <th scope="row">
                      {rule.name} <span className="muted">({rule.type})</span>
                    </th>
                    <td>{rule.type === 'alerting' ? <StateText state={rule.state}>{rule.state}</StateText> : <span className="muted">records</span>}</td>
                    <td>
                      <StateText state={healthState[rule.health]}>{rule.health}</StateText>
                      {rule.lastError && <div className="error-text small">{rule.lastError}</div>}
                    </td>
                    <td title={rule.lastEvaluation}>{agoText(rule.lastEvaluation, nowMs)}</td>
                    <td>
                      <Link to="/explore/metrics" search={{ q: rule.query, from: range.from, to: range.to }} aria-label={`Explore ${rule.name} expression`}>
                        <code>{rule.query}</code>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
