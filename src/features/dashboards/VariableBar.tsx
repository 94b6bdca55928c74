import { useId } from 'react';
import type { Variable } from './model/schema';
import { ALL_VALUE, type VariableValue } from './model/interpolate';

interface VariableBarProps {
  variables: Variable[];
  values: Record<string, VariableValue>;
  options: Record<string, string[]>;
  errors: Record<string, string>;
  /** Whether the URL asked for "All" (kept as `$__all` so the link follows new values). */
  isAll: (name: string) => boolean;
  onChange: (name: string, values: string[]) => void;
}

export function VariableBar({ variables, values, options, errors, isAll, onChange }: VariableBarProps) {
  if (variables.length === 0) return null;
  return (
    <div className="variable-bar" role="group" aria-label="Dashboard variables">
      {variables.map((variable) => (
        <VariableControl
          key={variable.name}
          variable={variable}
          value={values[variable.name]}
          options={options[variable.name] ?? []}
          error={errors[variable.name]}
          all={isAll(variable.name)}
          onChange={(v) => onChange(variable.name, v)}
        />
      ))}
    </div>
  );
}

function VariableControl({ variable, value, options, error, all, onChange }: {
  variable: Variable;
  value: VariableValue | undefined;
  options: string[];
  error?: string;
  all: boolean;
  onChange: (values: string[]) => void;
}) {
  const id = useId();
  const multi = variable.kind !== 'interval' && variable.multi;
  const includeAll = variable.kind !== 'interval' && variable.includeAll;
  const current = value?.values ?? [];
  // A value from the link that the backend no longer lists stays selectable.
  const choices = [...options, ...current.filter((v) => !options.includes(v))];
  const selected = all ? [ALL_VALUE] : current;
  return (
    <div className="variable">
      <label htmlFor={id}>{variable.label ?? variable.name}</label>
      <select
        id={id}
        multiple={multi}
        size={multi ? Math.min(4, choices.length + (includeAll ? 1 : 0)) : undefined}
        value={multi ? selected : selected[0] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const picked = [...e.target.selectedOptions].map((o) => o.value);
          // Picking "All" with other values means All; picking values after All drops it.
          const next = picked.includes(ALL_VALUE) && (!all || picked.length === 1) ? [ALL_VALUE] : picked.filter((v) => v !== ALL_VALUE);
          onChange(next);
        }}
      >
        {includeAll && <option value={ALL_VALUE}>All</option>}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} role="alert" className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}
