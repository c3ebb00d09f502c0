/**
 * Targets as the reader sets them: an ozone level (the legal-standard view), or a reduction from
 * each receptor's baseline in μg/m³ or percent. A reduction is resolved against the baseline of
 * the dataset at hand, so when the baseline is uncertain (a Monte Carlo draw) the task, "10%
 * below today", stays the same task.
 */
import { QueryError } from './lp';
import type { Dataset, ReceptorTarget } from './types';

export type TargetSpec =
  | { kind: 'level'; value: number }
  /** μg/m³ below each receptor's baseline. */
  | { kind: 'below'; value: number }
  /** Percent below each receptor's baseline. */
  | { kind: 'cut'; value: number };

export const TARGET_KINDS: readonly TargetSpec['kind'][] = ['level', 'below', 'cut'];

/** The targets a spec sets at these receptors of this dataset, μg/m³. Throws QueryError for an unknown receptor or a reduction of 100% or more. */
export function resolveTargets(dataset: Dataset, receptors: string[], spec: TargetSpec): ReceptorTarget[] {
  if (spec.kind === 'cut' && !(spec.value < 100)) throw new QueryError(`A cut of ${spec.value}% would take ozone to zero or below: give less than 100%.`);
  return receptors.map((id) => {
    const receptor = dataset.receptors.find((r) => r.id === id);
    if (!receptor) throw new QueryError(`Unknown receptor ${JSON.stringify(id)}; known: ${dataset.receptors.map((r) => r.id).join(', ')}.`);
    const target = spec.kind === 'level' ? spec.value : spec.kind === 'below' ? receptor.baseline - spec.value : receptor.baseline * (1 - spec.value / 100);
    return { receptor: id, target };
  });
}

/** How a spec reads in English, for CLI output and reports: "196.7 μg/m³", "20 μg/m³ below baseline", "10% below baseline". */
export function describeTarget(spec: TargetSpec): string {
  if (spec.kind === 'level') return `${spec.value} μg/m³`;
  return spec.kind === 'below' ? `${spec.value} μg/m³ below baseline` : `${spec.value}% below baseline`;
}
