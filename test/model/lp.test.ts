import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { compile } from '../../src/model/compile';
import { buildProblem, exportLp, QueryError, solvePlan, type GLPK } from '../../src/model/lp';
import { greedyPlan, meritOrder } from '../../src/model/merit';
import { sweepTargets } from '../../src/model/sweep';
import type { Dataset, PlanResult } from '../../src/model/types';
import { calibratedDataset } from '../fixtures';

let glpk: GLPK;
const dataset: Dataset = calibratedDataset();
beforeAll(async () => {
  glpk = await loadGlpk();
});

const beijing = (target: number) => [{ receptor: 'beijing', target }];
const relClose = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const beijingIndex = dataset.jurisdictions.findIndex((j) => j.id === 'beijing');
const published = dataset.meta.calibration!;
const fullSweep = sweepTargets({ from: 218, to: 163, step: 0.5 });

describe('calibration headline', () => {
  it('reproduces the published costs at 196.7 μg/m³ within 5%', () => {
    const local = solvePlan(glpk, dataset, { scenario: 'local', targets: beijing(196.7) });
    const regional = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(196.7) });
    expect(relClose(local.totalCost!, 2.046e9, 0.05)).toBe(true);
    expect(relClose(regional.totalCost!, 0.572e9, 0.05)).toBe(true);
    expect(published.published).toEqual({ local: 2.046e9, regional: 0.572e9 });
  });

  it('keeps regional control cheaper across 218 -> 163, with a saving that grows as the target tightens', () => {
    let previousSaving = -Infinity;
    for (const t of fullSweep) {
      const regional = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(t) });
      expect(regional.feasible).toBe(true);
      const local = solvePlan(glpk, dataset, { scenario: 'local', targets: beijing(t) });
      if (!local.feasible) continue;
      expect(regional.totalCost!).toBeLessThan(local.totalCost!);
      const saving = local.totalCost! - regional.totalCost!;
      expect(saving).toBeGreaterThanOrEqual(previousSaving - 1e-6 * saving);
      previousSaving = saving;
    }
  });

  it('has a baseline above the start of the published sweep', () => {
    expect(dataset.receptors[0].baseline).toBeGreaterThan(218);
  });
});

describe('glpk.js against the greedy merit order (exact for one receptor)', () => {
  for (const scenario of ['regional', 'local'] as const) {
    it(`agrees to 1e-6 relative over the whole sweep (${scenario})`, () => {
      const order = meritOrder(dataset, 'beijing', scenario === 'local' ? (j) => j === beijingIndex : undefined);
      for (const t of fullSweep) {
        const lp = solvePlan(glpk, dataset, { scenario, targets: beijing(t) });
        const greedy = greedyPlan(dataset, order, dataset.receptors[0].baseline - t);
        expect(lp.feasible).toBe(greedy.feasible);
        if (!lp.feasible) continue;
        expect(relClose(lp.totalCost!, greedy.cost, 1e-6), `${scenario} ${t}: ${lp.totalCost} vs ${greedy.cost}`).toBe(true);
        // The dual of the binding target is the cost-effectiveness of the marginal step.
        expect(relClose(lp.marginalCost.beijing, greedy.marginal, 1e-6)).toBe(true);
      }
    });
  }
});

function checkInvariants(plan: PlanResult) {
  const compiled = compile(dataset);
  let cost = 0;
  plan.stepCuts.forEach((cut, k) => {
    expect(cut).toBeGreaterThanOrEqual(0);
    expect(cut).toBeLessThanOrEqual(compiled.steps[k].cap + 1e-9);
    cost += cut * compiled.steps[k].unitCost;
  });
  expect(relClose(cost, plan.totalCost!, 1e-9)).toBe(true);
  dataset.receptors.forEach((receptor, r) => {
    const removed = plan.stepCuts.reduce((sum, cut, k) => sum + cut * compiled.effect[r][k], 0);
    expect(plan.ozone[receptor.id]).toBeCloseTo(receptor.baseline - removed, 9);
  });
  for (const { receptor, target } of plan.query.targets) expect(plan.ozone[receptor]).toBeLessThanOrEqual(target + 1e-6);
  const sum = (tallies: Record<string, { cost: number }>) => Object.values(tallies).reduce((s, t) => s + t.cost, 0);
  for (const tallies of [plan.byJurisdiction, plan.byProvince, plan.bySector, plan.byPollutant]) expect(relClose(sum(tallies), plan.totalCost!, 1e-9)).toBe(true);
}

describe('plan invariants', () => {
  it('keeps cuts within bounds, costs consistent and ozone equal to baseline minus weighted cuts', () => {
    for (const scenario of ['regional', 'local'] as const) for (const t of [215, 196.7, 185]) checkInvariants(solvePlan(glpk, dataset, { scenario, targets: beijing(t) }));
    checkInvariants(solvePlan(glpk, dataset, { scenario: 'regional', targets: dataset.receptors.map((r) => ({ receptor: r.id, target: 200 })) }));
  });

  it('never lets cost fall as the target tightens', () => {
    let previous = 0;
    for (const t of fullSweep) {
      const cost = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(t) }).totalCost!;
      expect(cost).toBeGreaterThanOrEqual(previous - 1e-6);
      previous = cost;
    }
  });

  it('local control with several receptors equals the sum of each acting alone', () => {
    const receptors = ['beijing', 'tianjin', 'baoding'];
    const together = solvePlan(glpk, dataset, { scenario: 'local', targets: receptors.map((receptor) => ({ receptor, target: 200 })) });
    const alone = receptors.map((receptor) => solvePlan(glpk, dataset, { scenario: 'local', targets: [{ receptor, target: 200 }] }).totalCost!);
    expect(relClose(together.totalCost!, alone.reduce((a, b) => a + b, 0), 1e-9)).toBe(true);
    for (const id of receptors) expect(together.byJurisdiction[id].cost).toBeGreaterThan(0);
    expect(together.byJurisdiction.langfang.cost).toBe(0);
  });

  it('costs nothing when the target is already met', () => {
    const plan = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(230) });
    expect(plan).toMatchObject({ feasible: true, totalCost: 0, marginalCost: {} });
  });
});

describe('infeasible targets', () => {
  it('says what local control can reach at best, and why', () => {
    const plan = solvePlan(glpk, dataset, { scenario: 'local', targets: beijing(170) });
    expect(plan.feasible).toBe(false);
    expect(plan.totalCost).toBeNull();
    const [why] = plan.infeasibility;
    expect(why.bestReachable).toBeGreaterThan(170);
    expect(why.bestReachable).toBeLessThan(196.7);
    expect(why.reason).toMatch(/Beijing's own sources can bring Beijing down to \d+\.\d μg\/m³ at best/);
    // Just above the best reachable value is feasible: the diagnosis is tight.
    expect(solvePlan(glpk, dataset, { scenario: 'local', targets: beijing(why.bestReachable + 0.01) }).feasible).toBe(true);
  });

  it('refuses targets below the background ozone no basin cut can remove', () => {
    const plan = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(50) });
    expect(plan.feasible).toBe(false);
    expect(plan.infeasibility[0]).toMatchObject({ bestReachable: dataset.receptors[0].background });
    expect(plan.infeasibility[0].reason).toMatch(/below the background ozone in Beijing/);
  });

  it('rejects queries naming unknown things with a QueryError', () => {
    expect(() => solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing(Number.NaN) })).toThrow(QueryError);
    expect(() => solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'paris', target: 190 }] })).toThrow(/Unknown receptor "paris"/);
    expect(() => solvePlan(glpk, dataset, { scenario: 'both' as never, targets: beijing(190) })).toThrow(/Unknown scenario/);
  });
});

describe('LP export', () => {
  it('writes every column, the target row and its right-hand side in CPLEX LP format', () => {
    const text = exportLp(dataset, { scenario: 'regional', targets: beijing(196.7) });
    const problem = buildProblem(dataset, { scenario: 'regional', targets: beijing(196.7) });
    expect(text).toMatch(/^\\/);
    expect(text).toContain('Minimize');
    expect(text).toMatch(/Subject To\n ozone_0_beijing:/);
    expect(text).toContain(`>= ${dataset.receptors[0].baseline - 196.7}`);
    for (const v of problem.lp.objective.vars) expect(text).toContain(` ${v.name}`);
    expect(text.trimEnd().endsWith('End')).toBe(true);
  });
});
