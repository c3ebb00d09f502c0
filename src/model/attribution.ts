import { compile } from './compile';
import type { Dataset, PlanResult } from './types';

export interface JurisdictionEffect {
  /** μg/m³ removed at the constrained receptors (summed) by this jurisdiction's cuts. */
  reduction: number;
  /** Share of the plan's total reduction at those receptors (0..1; can exceed 1 or go below 0 with titration). */
  share: number;
  /** yuan per μg/m³ removed at the receptors; null where the jurisdiction removes nothing. */
  costPerUg: number | null;
}

/** Who lowers the target receptors' ozone, and at what cost per μg/m³: the map's last two colourings. */
export function effectByJurisdiction(dataset: Dataset, plan: PlanResult): Record<string, JurisdictionEffect> {
  const compiled = compile(dataset);
  const rows = plan.query.targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const reduction = new Array<number>(dataset.jurisdictions.length).fill(0);
  plan.stepCuts.forEach((cut, k) => {
    if (cut > 0) for (const r of rows) reduction[compiled.steps[k].jurisdiction] += cut * compiled.effect[r][k];
  });
  const total = reduction.reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    dataset.jurisdictions.map((j, i) => {
      const cost = plan.byJurisdiction[j.id]?.cost ?? 0;
      return [j.id, { reduction: reduction[i], share: total > 0 ? reduction[i] / total : 0, costPerUg: reduction[i] > 1e-9 ? cost / reduction[i] : null }];
    }),
  );
}

/**
 * What a plan's cost rests on: yuan/yr spent on steps whose unit cost is published (or derived
 * from published figures) against assumed (or calibrated) ones, by each step's own reference
 * (else its source's), so a reader sees how much of a figure is sourced.
 */
export function costBasis(dataset: Dataset, plan: PlanResult): { sourced: number; assumed: number } {
  const compiled = compile(dataset);
  const out = { sourced: 0, assumed: 0 };
  plan.stepCuts.forEach((cut, k) => {
    if (!(cut > 0)) return;
    const step = compiled.steps[k];
    const source = dataset.sources[step.source];
    const kind = dataset.meta.references[source.steps[step.level].costRef ?? source.costRef]?.kind;
    out[kind === 'published' || kind === 'derived' ? 'sourced' : 'assumed'] += cut * step.unitCost;
  });
  return out;
}
