/**
 * Targets as the reader sets them: an ozone level (the legal-standard view), or a reduction from
 * each receptor's baseline in μg/m³ or percent. A reduction is resolved against the baseline of
 * the dataset at hand, so when the baseline is uncertain (a Monte Carlo draw) the task, "10%
 * below today", stays the same task.
 */
import { QueryError } from './lp';
import type { Receptor, ReceptorTarget } from './types';

export type TargetSpec =
  | { kind: 'level'; value: number }
  /** μg/m³ below each receptor's baseline. */
  | { kind: 'below'; value: number }
  /** Percent below each receptor's baseline. */
  | { kind: 'cut'; value: number };

export const TARGET_KINDS: readonly TargetSpec['kind'][] = ['level', 'below', 'cut'];

/** The level a spec sets at a receptor with this baseline, μg/m³. */
export function levelFor(baseline: number, spec: TargetSpec): number {
  return spec.kind === 'level' ? spec.value : spec.kind === 'below' ? baseline - spec.value : baseline * (1 - spec.value / 100);
}

/** The reduction from a baseline that a level is, as a spec of the given kind (μg/m³ or percent below; the level itself). */
export function specAt(baseline: number, level: number, kind: TargetSpec['kind']): TargetSpec {
  return { kind, value: kind === 'level' ? level : kind === 'below' ? baseline - level : (1 - level / baseline) * 100 };
}

/**
 * The targets a spec sets at these receptors (of a dataset, or any list with baselines), μg/m³.
 * Throws QueryError for an unknown receptor or a reduction of 100% or more.
 */
export function resolveTargets(dataset: { receptors: Pick<Receptor, 'id' | 'baseline'>[] }, receptors: string[], spec: TargetSpec): ReceptorTarget[] {
  if (spec.kind === 'cut' && !(spec.value < 100)) throw new QueryError(`A cut of ${spec.value}% would take ozone to zero or below: give less than 100%.`);
  return receptors.map((id) => {
    const receptor = dataset.receptors.find((r) => r.id === id);
    if (!receptor) throw new QueryError(`Unknown receptor ${JSON.stringify(id)}; known: ${dataset.receptors.map((r) => r.id).join(', ')}.`);
    return { receptor: id, target: levelFor(receptor.baseline, spec) };
  });
}

/** How a spec reads in English, for CLI output and reports: "196.7 μg/m³", "20 μg/m³ below baseline", "10% below baseline". */
export function describeTarget(spec: TargetSpec): string {
  if (spec.kind === 'level') return `${spec.value} μg/m³`;
  return spec.kind === 'below' ? `${spec.value} μg/m³ below baseline` : `${spec.value}% below baseline`;
}
