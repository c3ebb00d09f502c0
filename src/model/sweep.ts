import type { GLPK } from 'glpk.js/node';
import { LIMITS } from './limits';
import { buildProblem, setTargets, solveProblem } from './lp';
import { equalEffortPlan } from './equal-effort';
import type { Dataset, PlanResult, Scenario } from './types';

export interface SweepRow {
  target: number;
  /** yuan/yr, null where the scenario cannot meet the target. */
  local: number | null;
  regional: number | null;
  /** local - regional, null unless both are feasible. */
  saving: number | null;
  marginalLocal: number | null;
  marginalRegional: number | null;
  /** Equal effort (equal-effort.ts): every jurisdiction cutting the same share; yuan/yr, null where no share meets the target. */
  equal: number | null;
}

export interface SweepQuery {
  receptors: string[];
  from: number;
  to: number;
  step: number;
}

export const MAX_SWEEP_POINTS = 20_000;
/** The finest sweep step, μg/m³. */
export const MIN_SWEEP_STEP = 0.001;

/**
 * Targets from `from` towards `to` (either direction) in steps, endpoints included, without float
 * drift. Throws RangeError, worded for users, for targets that are not positive μg/m³ up to
 * LIMITS.ozone (as a plan's targets must be), a step below MIN_SWEEP_STEP or too many points.
 */
export function sweepTargets({ from, to, step }: Pick<SweepQuery, 'from' | 'to' | 'step'>): number[] {
  if (![from, to, step].every(Number.isFinite)) throw new RangeError('Sweep needs finite from, to and step.');
  for (const [name, t] of [['from', from], ['to', to]] as const)
    if (t <= 0 || t > LIMITS.ozone) throw new RangeError(`Sweep targets must be positive numbers of μg/m³ up to ${LIMITS.ozone}: ${name} is ${t}.`);
  if (!(step >= MIN_SWEEP_STEP)) throw new RangeError(`Sweep needs a positive step of at least ${MIN_SWEEP_STEP} μg/m³, got ${step}.`);
  const n = Math.floor(Math.abs(to - from) / step + 1e-9);
  if (n + 1 > MAX_SWEEP_POINTS) throw new RangeError(`A sweep of ${n + 1} targets is too long (at most ${MAX_SWEEP_POINTS}); use a larger step.`);
  const sign = to < from ? -1 : 1;
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 3);
  return Array.from({ length: n + 1 }, (_, i) => Number((from + sign * i * step).toFixed(digits)));
}

/**
 * Solves sweep rows one target at a time, so a caller (the worker) can interleave other work.
 * One LP per scenario is built once and re-targeted. Costs only rise as the target tightens, so
 * once a scenario is infeasible, targets at least as tight are answered without solving.
 */
export function createSweeper(glpk: GLPK, dataset: Dataset, receptors: string[]): (target: number) => SweepRow {
  const scenarios: Scenario[] = ['local', 'regional'];
  const at = (t: number) => receptors.map((receptor) => ({ receptor, target: t }));
  const problems = scenarios.map((scenario) => buildProblem(dataset, { scenario, targets: at(dataset.standards.sweep.from) }));
  /** Loosest target found infeasible so far, per scenario. */
  const infeasibleAt: (number | null)[] = scenarios.map(() => null);
  return (target) => {
    const [local, regional] = problems.map((problem, i): PlanResult | null => {
      const dead = infeasibleAt[i];
      if (dead !== null && target <= dead) return null;
      setTargets(problem, at(target));
      const plan = solveProblem(glpk, problem);
      if (plan.feasible) return plan;
      // Only an unreachable target stays unreachable when tightened; a miss of the places' plans
      // together (local control) may not.
      if (plan.infeasibility.every((why) => why.ozoneTogether === undefined)) infeasibleAt[i] = Math.max(dead ?? -Infinity, target);
      return null;
    });
    const marginal = (p: PlanResult | null) => (p ? Math.max(0, ...Object.values(p.marginalCost)) : null);
    return {
      target,
      local: local?.totalCost ?? null,
      regional: regional?.totalCost ?? null,
      saving: local && regional ? local.totalCost! - regional.totalCost! : null,
      marginalLocal: marginal(local),
      marginalRegional: marginal(regional),
      equal: equalEffortPlan(dataset, { targets: at(target) }).totalCost,
    };
  };
}

/** Cost against target for both scenarios and equal effort over a range. */
export function sweep(glpk: GLPK, dataset: Dataset, query: SweepQuery): SweepRow[] {
  const row = createSweeper(glpk, dataset, query.receptors);
  return sweepTargets(query).map(row);
}

/** A range of targets, μg/m³ (loosest first). */
export interface TargetRange {
  from: number;
  to: number;
}

export interface RegionalAdvantage {
  /** Targets where both plans meet the target and acting together costs at least `margin` of the local cost less. */
  cheaper: TargetRange | null;
  /** Targets only acting together can meet. */
  onlyRegional: TargetRange | null;
  /** The largest saving among the targets both meet. */
  largest: { target: number; saving: number; ratio: number | null } | null;
}

/** Share of the local cost below which a saving is round-off or too small to tell, not an advantage. */
export const ADVANTAGE_MARGIN = 0.005;

const spanOf = (targets: number[]): TargetRange | null => (targets.length === 0 ? null : { from: Math.max(...targets), to: Math.min(...targets) });

/** Where in a sweep acting together beats acting alone, and by how much. */
export function regionalAdvantage(rows: SweepRow[], margin = ADVANTAGE_MARGIN): RegionalAdvantage {
  const both = rows.filter((r) => r.saving !== null && r.local !== null);
  const cheaper = both.filter((r) => r.saving! > margin * r.local!);
  const best = both.reduce<SweepRow | null>((top, r) => (top === null || r.saving! > top.saving! ? r : top), null);
  return {
    cheaper: spanOf(cheaper.map((r) => r.target)),
    onlyRegional: spanOf(rows.filter((r) => r.regional !== null && r.local === null).map((r) => r.target)),
    largest: best && best.saving! > 0 ? { target: best.target, saving: best.saving!, ratio: best.regional! > 0 ? best.local! / best.regional! : null } : null,
  };
}
