import type { InstantSample } from '../../../datasources/types';
import type { Panel } from '../model/schema';
import { SampleTable } from './SampleTable';

/** A table panel: `columnUnits` formats columns, the panel's `unit` the Value column. */
export function TablePanel({ panel, samples }: { panel: Panel; samples: InstantSample[] }) {
  const unitOf = (column: string) => panel.columnUnits?.[column] ?? (column === 'Value' ? (panel.unit ?? 'short') : undefined);
  return <SampleTable samples={samples} unitOf={unitOf} decimals={panel.decimals} caption={panel.title} />;
}
