import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile';
import { equalEffortPlan } from '../../src/model/equal-effort';
import { loadGlpk } from '../../src/model/glpk';
import { buildProblem, ozoneAfter, QueryError, solvePlan, type GLPK } from '../../src/model/lp';
import { sweep } from '../../src/model/sweep';
import { resolveTargets } from '../../src/model/targets';
import { defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

describe('equal effort', () => {
  const dataset = defaultDataset();
  const all = dataset.receptors.map((r) => r.id);

  it('cuts every step by the smallest common share that meets every target, exactly', () => {
    const targets = resolveTargets(dataset, all, { kind: 'level', value: 196.7 });
    const plan = equalEffortPlan(dataset, { targets });
    expect(plan.feasible).toBe(true);
    const { steps } = compile(dataset);
    const s = plan.share!;
    expect(s).toBeGreaterThan(0);
    steps.forEach((k) => expect(plan.stepCuts[k.index]).toBeCloseTo(s * k.cap, 6));
    expect(plan.totalCost).toBeCloseTo(s * steps.reduce((sum, k) => sum + k.unitCost * k.cap, 0), 0);
    // Every target met, one exactly (the binding one); a hair less of a share misses it.
    const gaps = targets.map((t) => plan.ozone[t.receptor] - t.target);
    expect(Math.max(...gaps)).toBeCloseTo(0, 9);
    const less = ozoneAfter(compile(dataset), steps.map((k) => (s - 1e-6) * k.cap));
    expect(targets.some((t) => less[t.receptor] > t.target)).toBe(true);
    // Its marginal cost is at the binding receptor, and it costs more than the least-cost plan.
    expect(Object.keys(plan.marginalCost)).toHaveLength(1);
    expect(plan.totalCost!).toBeGreaterThan(solvePlan(glpk, dataset, { scenario: 'regional', targets }).totalCost!);
    expect(solvePlan(glpk, dataset, { scenario: 'equal', targets }).totalCost).toBe(plan.totalCost);
  });

  it('says why no common share meets targets beyond what every step in full can do', () => {
    const plan = equalEffortPlan(dataset, { targets: resolveTargets(dataset, all, { kind: 'cut', value: 10 }) });
    expect(plan.feasible).toBe(false);
    expect(plan.totalCost).toBeNull();
    expect(plan.infeasibility.map((i) => i.reason).join('; ')).toMatch(/even with every control step in full, Tianjin stays at 181\.0 μg\/m³/);
  });

  it('has no LP to build, and is a sweep column', () => {
    expect(() => buildProblem(dataset, { scenario: 'equal', targets: [{ receptor: 'beijing', target: 196.7 }] })).toThrow(QueryError);
    const rows = sweep(glpk, dataset, { receptors: ['beijing'], from: 200, to: 196, step: 2 });
    for (const row of rows) {
      expect(row.equal).toBe(equalEffortPlan(dataset, { targets: [{ receptor: 'beijing', target: row.target }] }).totalCost);
      expect(row.equal!).toBeGreaterThanOrEqual(row.regional!);
    }
  });
});
