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
    expect(() => sweepTargets({ from: 1e9, to: 0, step: 1e-3 })).toThrow(/too long/);
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
