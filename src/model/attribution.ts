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
