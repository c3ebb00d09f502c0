// The certified LP path: GLPK answers are used only when the check on the unscaled LP passes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LP } from 'glpk.js/node';
import { solveChecked, UncertifiedError, type Tolerances } from '../../src/model/certified';
import { loadGlpk } from '../../src/model/glpk';
import { QueryError, type GLPK } from '../../src/model/lp';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const tolerances: Tolerances = { gap: (z) => Math.max(1e-9, 1e-9 * Math.abs(z)) };

/** min 2a + 3b s.t. a + b >= 4, a <= 3, b <= 10 (optimum a = 3, b = 1, cost 9, dual 3). */
const lp = (lb = 4): LP => ({
  name: 'small',
  objective: { direction: 1, name: 'cost', vars: [{ name: 'a', coef: 2 }, { name: 'b', coef: 3 }] },
  subjectTo: [{ name: 'need', vars: [{ name: 'a', coef: 1 }, { name: 'b', coef: 1 }], bnds: { type: 2, lb, ub: 0 } }],
  bounds: [
    { name: 'a', type: 4, lb: 0, ub: 3 },
    { name: 'b', type: 4, lb: 0, ub: 10 },
  ],
});

/** GLPK that always answers `result` (a solver that is wrong in a given way). */
const lying = (result: { status: number; z: number; vars: Record<string, number>; dual: Record<string, number> }): GLPK =>
  ({ ...glpk, solve: () => ({ name: 'small', time: 0, result }) }) as GLPK;

describe('solveChecked', () => {
  it('returns a certified optimum with its unscaled values and duals', () => {
    const out = solveChecked(glpk, lp(), tolerances, 'the small LP');
    expect(out.status).toBe('optimal');
    if (out.status !== 'optimal') return;
    expect(out.z).toBeCloseTo(9, 9);
    expect(out.vars.a).toBeCloseTo(3, 9);
    expect(out.vars.b).toBeCloseTo(1, 9);
    expect(out.dual.need).toBeCloseTo(3, 9);
  });

  it('proves infeasibility with a phase-one LP', () => {
    expect(solveChecked(glpk, lp(14), tolerances, 'the small LP')).toEqual({ status: 'infeasible' });
  });

  it('refuses a dearer "optimum", an infeasible one and an unproved "infeasible"', () => {
    const dearer = lying({ status: glpk.GLP_OPT, z: 12, vars: { a: 0, b: 4 }, dual: { need: 3 } });
    expect(() => solveChecked(dearer, lp(), tolerances, 'the small LP')).toThrow(UncertifiedError);
    expect(() => solveChecked(dearer, lp(), tolerances, 'the small LP')).toThrow(/the small LP.*duality gap 3 at cost 12/);
    const short = lying({ status: glpk.GLP_OPT, z: 6, vars: { a: 3, b: 0 }, dual: { need: 2 } });
    expect(() => solveChecked(short, lp(), tolerances, 'the small LP')).toThrow(/row need is violated by 1/);
    // "No feasible point" from the solver, but the phase-one LP (also answered by the liar) proves nothing.
    const noFeasible = lying({ status: glpk.GLP_NOFEAS, z: 0, vars: {}, dual: {} });
    expect(() => solveChecked(noFeasible, lp(), tolerances, 'the small LP')).toThrow(/infeasible, not proved/);
    // Reported to users as a query the model cannot answer (the worker and the CLI catch QueryError).
    expect(new UncertifiedError('')).toBeInstanceOf(QueryError);
  });

  it('accepts free columns whose reduced cost is zero (the nucleolus LP)', () => {
    // min t s.t. x1 + x2 = 1, x1 - t <= 0, x2 - t <= 0.2 with x1, x2, t free: t = 0.4.
    const free: LP = {
      name: 'free',
      objective: { direction: 1, name: 't', vars: [{ name: 't', coef: 1 }] },
      subjectTo: [
        { name: 'n', vars: [{ name: 'x1', coef: 1 }, { name: 'x2', coef: 1 }], bnds: { type: 5, lb: 1, ub: 1 } },
        { name: 's1', vars: [{ name: 'x1', coef: 1 }, { name: 't', coef: -1 }], bnds: { type: 3, lb: 0, ub: 0 } },
        { name: 's2', vars: [{ name: 'x2', coef: 1 }, { name: 't', coef: -1 }], bnds: { type: 3, lb: 0, ub: 0.2 } },
      ],
      bounds: ['x1', 'x2', 't'].map((name) => ({ name, type: 1, lb: 0, ub: 0 })),
    };
    const out = solveChecked(glpk, free, tolerances, 'the free LP');
    expect(out.status === 'optimal' && out.z).toBeCloseTo(0.4, 9);
  });
});
