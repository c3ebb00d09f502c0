import type { Dataset } from './types';

/** The physical consistency check: how much ozone a linear response could remove at all. */
export interface ReceptorBudget {
  receptor: string;
  /** Σ over sources of max(a, 0)·E: μg/m³ removed by cutting every tonne in the basin. */
  potential: number;
  /** baseline - background: the most any cut inside the basin can remove, μg/m³. */
  removable: number;
  /** potential / removable (Infinity when nothing is removable but something would be). */
  ratio: number;
  /** The receptor's own jurisdiction's share of `potential` (0..1; 0 when potential is 0). */
  ownShare: number;
}

/** Above this the linear response removes more ozone than exists: impossible. */
export const BUDGET_MAX = 2;
/** Below this each tonne buys implausibly little ozone for a default dataset. */
export const BUDGET_MIN = 0.2;

/** Potential by receptor and jurisdiction: Σ over the jurisdiction's sources of max(a, 0)·E. */
export function potentialByJurisdiction(dataset: Dataset, r: number): number[] {
  const jurisdiction = new Map(dataset.jurisdictions.map((j, i) => [j.id, i]));
  const pollutant = new Map(dataset.pollutants.map((p, i) => [p.id, i]));
  const out = dataset.jurisdictions.map(() => 0);
  for (const source of dataset.sources) {
    const j = jurisdiction.get(source.jurisdiction)!;
    out[j] += Math.max(0, dataset.coefficients[r][j][pollutant.get(source.pollutant)!]) * source.emissions;
  }
  return out;
}

export function ozoneBudget(dataset: Dataset): ReceptorBudget[] {
  return dataset.receptors.map((receptor, r) => {
    const byJurisdiction = potentialByJurisdiction(dataset, r);
    const potential = byJurisdiction.reduce((a, b) => a + b, 0);
    const removable = receptor.baseline - receptor.background;
    const own = byJurisdiction[dataset.jurisdictions.findIndex((j) => j.id === receptor.jurisdiction)];
    return {
      receptor: receptor.id,
      potential,
      removable,
      ratio: removable > 0 ? potential / removable : potential > 0 ? Infinity : 0,
      ownShare: potential > 0 ? own / potential : 0,
    };
  });
}

/** Receptors whose budget ratio lies outside [BUDGET_MIN, BUDGET_MAX], worded for a warning. */
export function budgetWarnings(dataset: Dataset): { path: string; message: string }[] {
  return ozoneBudget(dataset)
    .map((b, r) => ({ b, r }))
    .filter(({ b }) => !(b.ratio >= BUDGET_MIN && b.ratio <= BUDGET_MAX))
    .map(({ b, r }) => ({
      path: `receptors[${r}]`,
      message:
        `cutting every tonne in the basin would remove ${b.potential.toFixed(1)} μg/m³ of ozone at ${b.receptor}, ` +
        `but only ${b.removable.toFixed(1)} μg/m³ (baseline minus background) can be removed there: ratio ${b.ratio.toFixed(2)}, ` +
        (b.ratio > BUDGET_MAX ? `above the physical limit of ${BUDGET_MAX}; the coefficients are too strong.` : `below ${BUDGET_MIN}; the coefficients look too weak.`),
    }));
}
