import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { sweep, sweepTargets } from '../../src/model/sweep';
import { calibratedDataset } from '../fixtures';

let glpk: GLPK;
const dataset = calibratedDataset();
beforeAll(async () => {
  glpk = await loadGlpk();
});

describe('sweepTargets', () => {
  it('includes both ends without floating-point drift', () => {
    const targets = sweepTargets({ from: 218, to: 163, step: 0.1 });
    expect(targets).toHaveLength(551);
    expect(targets[0]).toBe(218);
    expect(targets.at(-1)).toBe(163);
    expect(targets[7]).toBe(217.3);
  });

  it('rejects a non-positive step and absurd lengths', () => {
    expect(() => sweepTargets({ from: 218, to: 163, step: 0 })).toThrow(RangeError);
    expect(() => sweepTargets({ from: 1000, to: 0.001, step: 1e-3 })).toThrow(/too long/);
  });

  it('rejects targets that are not positive μg/m³ up to the limit, and a tiny step, with a clear message', () => {
    expect(() => sweepTargets({ from: 200, to: -5, step: 1 })).toThrow(/Sweep targets must be positive numbers of μg\/m³ up to 1000: to is -5/);
    expect(() => sweepTargets({ from: 0, to: 100, step: 1 })).toThrow(/from is 0/);
    expect(() => sweepTargets({ from: 2000, to: 100, step: 1 })).toThrow(/from is 2000/);
    // A tiny step used to reach toFixed() with > 100 digits (a raw RangeError from the engine).
    expect(() => sweepTargets({ from: 200, to: 200, step: 1e-300 })).toThrow(/positive step of at least 0.001 μg\/m³, got 1e-300/);
    expect(sweepTargets({ from: 200, to: 199.998, step: 0.001 })).toEqual([200, 199.999, 199.998]);
  });
});

describe('sweep', () => {
  it('matches single solves row by row, with the saving and null where local control is infeasible', () => {
    const rows = sweep(glpk, dataset, { receptors: ['beijing'], from: 218, to: 163, step: 5 });
    expect(rows.map((r) => r.target)).toEqual([218, 213, 208, 203, 198, 193, 188, 183, 178, 173, 168, 163]);
    for (const row of rows) {
      for (const scenario of ['local', 'regional'] as const) {
        const plan = solvePlan(glpk, dataset, { scenario, targets: [{ receptor: 'beijing', target: row.target }] });
        expect(row[scenario]).toBe(plan.totalCost);
      }
      expect(row.saving).toBe(row.local === null || row.regional === null ? null : row.local - row.regional);
    }
    expect(rows.at(-1)!.local).toBeNull();
    expect(rows[0].local).not.toBeNull();
  });
});
