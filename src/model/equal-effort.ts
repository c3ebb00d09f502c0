/**
 * Equal effort, the reference a cooperative plan is judged against: every jurisdiction cuts the
 * same share s of its controllable NOx and VOC (every control step used to the same fraction s
 * of its tonnes: a uniform control level, as the US NOx SIP Call set upwind obligations), with s
 * the smallest share that meets every target.
 *
 * Ozone at receptor r is baseline_r − s·R_r, with R_r = Σ_k a_rk·cap_k the ozone every step in
 * full removes there, so each target is one linear inequality in s and the answer is exact, with
 * no LP and no bisection: s ≥ (baseline_r − target_r)/R_r where R_r > 0, s ≤ (target_r −
 * baseline_r)/(−R_r) where cuts raise ozone (R_r < 0, NOx titration), and 0 ≤ s ≤ 1.
 */
import { compile } from './compile';
import { checkTargets, emptyPlan, fillPlan, ozoneAfter, targetSlack } from './lp';
import type { Dataset, Infeasibility, PlanQuery, PlanResult } from './types';

/** The equal-effort plan for a query's targets (its scenario is taken to be 'equal'). Throws QueryError for bad targets. */
export function equalEffortPlan(dataset: Dataset, query: Pick<PlanQuery, 'targets' | 'allowedJurisdictions'>): PlanResult {
  const compiled = compile(dataset);
  checkTargets(compiled, query);
  const allowed = query.allowedJurisdictions ? new Set(query.allowedJurisdictions.map((j) => compiled.jurisdictionIndex.get(j)!)) : undefined;
  const steps = compiled.steps.filter((k) => !allowed || allowed.has(k.jurisdiction));
  const result = emptyPlan(dataset, { ...query, scenario: 'equal' }, true);
  const rows = query.targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const removable = rows.map((r) => steps.reduce((sum, k) => sum + compiled.effect[r][k.index] * k.cap, 0));
  let lower = 0;
  let upper = 1;
  let binding = -1;
  const why: Infeasibility[] = [];
  rows.forEach((r, i) => {
    const { receptor, target } = query.targets[i];
    const { baseline, background } = dataset.receptors[r];
    const need = baseline - target;
    const R = removable[i];
    const place = dataset.jurisdictions[compiled.receptorJurisdiction[r]].name.en;
    const atFull = baseline - Math.max(R, 0);
    if (target < background) {
      why.push({ receptor, target, bestReachable: background, reason: `${target} μg/m³ is below the background ozone in ${place} (${background} μg/m³), which no cut inside the basin can remove` });
    } else if (R > 0) {
      const s = need / R;
      if (s > lower) [lower, binding] = [s, i];
      if (s > 1 + 1e-12) why.push({ receptor, target, bestReachable: atFull, reason: `even with every control step in full, ${place} stays at ${atFull.toFixed(1)} μg/m³` });
    } else if (R < 0) {
      // Cutting everything alike raises ozone here: the share may go no further than the target allows.
      upper = Math.min(upper, Math.max(0, -need) / -R);
      if (need > targetSlack(target)) why.push({ receptor, target, bestReachable: baseline, reason: `an equal cut everywhere raises ozone in ${place} (NOx titration), so it stays above ${baseline.toFixed(1)} μg/m³` });
    } else if (need > targetSlack(target)) {
      why.push({ receptor, target, bestReachable: baseline, reason: `no control step lowers ozone in ${place}, so it stays at ${baseline.toFixed(1)} μg/m³` });
    }
  });
  if (why.length === 0 && lower > upper + 1e-12) {
    const share = (x: number) => `${(x * 100).toFixed(1)}%`;
    rows.forEach((_, i) =>
      why.push({
        ...query.targets[i],
        bestReachable: dataset.receptors[rows[i]].baseline - Math.max(removable[i], 0),
        reason: `the targets need a common share of at least ${share(lower)} for some places and at most ${share(upper)} for others (an equal cut raises ozone where NOx titration dominates)`,
      }),
    );
  }
  if (why.length > 0) {
    result.feasible = false;
    result.ozone = ozoneAfter(compiled, []);
    result.infeasibility = why;
    return result;
  }
  const cuts = new Array<number>(compiled.steps.length).fill(0);
  for (const k of steps) cuts[k.index] = lower * k.cap;
  fillPlan(result, compiled, cuts, ozoneAfter(compiled, cuts));
  // One more μg/m³ at the binding receptor costs the whole programme's cost per μg/m³ it removes there.
  if (binding >= 0 && lower > 0) result.marginalCost[query.targets[binding].receptor] = result.totalCost! / lower / removable[binding];
  result.share = lower;
  return result;
}
