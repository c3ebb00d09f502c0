import { compile, type Compiled } from './compile';
import type { Dataset } from './types';

export interface MeritStep {
  step: number;
  /** μg/m³ removed at the receptor per tonne. */
  effect: number;
  /** yuan per μg/m³ at the receptor: the step's cost-effectiveness. */
  costPerUg: number;
  /** μg/m³ this step removes if used in full. */
  reduction: number;
  /** Cumulative reduction and cost up to and including this step. */
  cumulativeReduction: number;
  cumulativeCost: number;
}

/** Steps that lower ozone at one receptor, cheapest per μg/m³ first (the merit order / MAC curve). */
export function meritOrder(dataset: Dataset, receptor: string, allowed?: (jurisdiction: number) => boolean): MeritStep[] {
  const compiled: Compiled = compile(dataset);
  const r = compiled.receptorIndex.get(receptor);
  if (r === undefined) throw new Error(`Unknown receptor ${receptor}`);
  const candidates = compiled.steps
    .filter((k) => compiled.effect[r][k.index] > 0 && k.cap > 0 && (!allowed || allowed(k.jurisdiction)))
    .map((k) => ({ step: k.index, effect: compiled.effect[r][k.index], costPerUg: k.unitCost / compiled.effect[r][k.index], reduction: compiled.effect[r][k.index] * k.cap }))
    .sort((a, b) => a.costPerUg - b.costPerUg || a.step - b.step);
  let cumulativeReduction = 0;
  let cumulativeCost = 0;
  return candidates.map((c) => {
    cumulativeReduction += c.reduction;
    cumulativeCost += c.costPerUg * c.reduction;
    return { step: c.step, effect: c.effect, costPerUg: c.costPerUg, reduction: c.reduction, cumulativeReduction, cumulativeCost };
  });
}

export interface GreedyPlan {
  feasible: boolean;
  cost: number;
  /** Marginal cost (yuan per μg/m³) of the last step used; 0 when no cut is needed. */
  marginal: number;
  cuts: Map<number, number>;
}

/** Fills the merit order up to a required reduction: the exact LP optimum for one receptor. */
export function greedyPlan(dataset: Dataset, order: MeritStep[], reduction: number): GreedyPlan {
  const compiled = compile(dataset);
  const cuts = new Map<number, number>();
  let remaining = reduction;
  let cost = 0;
  let marginal = 0;
  for (const m of order) {
    if (remaining <= 0) break;
    const used = Math.min(m.reduction, remaining);
    const tonnes = used / m.effect;
    cuts.set(m.step, tonnes);
    cost += tonnes * compiled.steps[m.step].unitCost;
    marginal = m.costPerUg;
    remaining -= used;
  }
  return { feasible: remaining <= 1e-9 * Math.max(1, reduction), cost, marginal, cuts };
}
