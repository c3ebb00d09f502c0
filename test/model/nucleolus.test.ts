import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import type { GLPK } from '../../src/model/lp';
import { nucleolus, nucleolusSteps } from '../../src/model/nucleolus';
import { costGame, coreCheck, costTolerance, shapley, type CostGame, type Player } from '../../src/model/sharing';
import { RULES, sharingReport } from '../../src/model/sharing-rules';
import type { Dataset } from '../../src/model/types';
import { calibratedDataset, defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const player = (id: string): Player => ({ id, name: { en: id, zh: id }, jurisdictions: [id], receptors: [] });
/** A game given by its values, v indexed by bitmask (bit 0 = a, bit 1 = b, bit 2 = c). */
const handGame = (ids: string[], value: number[]) => ({ players: ids.map(player), value: Float64Array.from(value) });

/** Excesses x(S) - v(S) of every proper coalition, largest first. */
function sortedExcesses(game: Pick<CostGame, 'players' | 'value'>, x: number[]): number[] {
  const full = game.value.length - 1;
  const out: number[] = [];
  for (let mask = 1; mask < full; mask++) out.push(x.reduce((s, xi, i) => (mask & (1 << i) ? s + xi : s), 0) - game.value[mask]);
  return out.sort((a, b) => b - a);
}

/** -1, 0 or 1: a lexicographically smaller, equal (within tol) or larger than b. */
function lexCompare(a: number[], b: number[], tol: number): number {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > tol) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** A deterministic pseudo-random generator for perturbations. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** No efficient perturbation of x (small or large) gives a lexicographically smaller excess vector. */
function expectLexicographicallyMinimal(game: Pick<CostGame, 'players' | 'value'>, x: number[], scale: number) {
  const n = x.length;
  const base = sortedExcesses(game, x);
  const rand = random(7);
  const tol = 1e-9 * Math.max(1, ...Array.from(game.value, Math.abs));
  for (let k = 0; k < 200; k++) {
    const d = Array.from({ length: n }, () => rand() - 0.5);
    const mean = sum(d) / n;
    const size = scale * 10 ** (-4 * rand());
    const y = x.map((xi, i) => xi + (d[i] - mean) * size);
    expect(lexCompare(sortedExcesses(game, y), base, tol), `perturbation ${k}`).toBeGreaterThanOrEqual(0);
  }
}

describe('nucleolus of hand-made 3-player cost games', () => {
  it('matches the value worked out by hand, and differs from Shapley', () => {
    // v(a) = v(b) = v(c) = 10, v(ab) = 12, v(ac) = 16, v(bc) = 20, v(abc) = 21.
    // With x_a + x_b + x_c = 21 the excesses are
    //   e(a) = x_a - 10, e(b) = x_b - 10, e(c) = x_c - 10,
    //   e(ab) = 21 - x_c - 12 = 9 - x_c, e(ac) = 5 - x_b, e(bc) = 1 - x_a.
    // Round 1, all excesses <= t: x_a in [1 - t, 10 + t], x_b in [5 - t, 10 + t], x_c in [9 - t, 10 + t].
    //   c's interval is empty below t = -0.5 (the sums only need t >= -2), so t* = -0.5: x_c = 9.5,
    //   with c and ab tight (e = -0.5).
    // Round 2, x_a + x_b = 11.5: b's interval [5 - t, 10 + t] needs t >= -2.5, the sum 6 - 2t <= 11.5 only
    //   t >= -2.75, so t* = -2.5: x_b = 7.5 (b and ac tight), x_a = 4.
    // Nucleolus (4, 7.5, 9.5); Shapley (5, 7, 9), also in the core but with e(ab) = 0.
    const game = handGame(['a', 'b', 'c'], [0, 10, 10, 12, 10, 16, 20, 21]);
    const nu = nucleolus(glpk, game);
    expect(nu.allocation).toEqual([4, 7.5, 9.5].map((v) => expect.closeTo(v, 9)));
    expect(nu.maxExcess).toBeCloseTo(-0.5, 9);
    expect(nu.coreNonEmpty).toBe(true);
    expect(nu.levels.map((l) => [Math.round(l.excess * 1e6) / 1e6, [...l.masks].sort()])).toEqual([[-0.5, [3, 4]], [-2.5, [2, 5]]]);
    expect(nu.rounds).toBe(2);
    expect(shapley(game).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 7, 9]);
    expectLexicographicallyMinimal(game, nu.allocation, 5);
  });

  it('takes the upwind game from the sharing tests to (2000, -500, -500), and says when the core is empty', () => {
    // v(a) = 3000, v(b) = v(c) = v(bc) = 0, v(ab) = v(ac) = 2000, v(abc) = 1000. By symmetry x_b = x_c = y:
    // e(b) = y, e(ac) = -1000 - y, so t >= -500 at y = -500; x_a = 2000.
    const upwind = handGame(['a', 'b', 'c'], [0, 3000, 0, 2000, 0, 2000, 0, 1000]);
    expect(nucleolus(glpk, upwind).allocation).toEqual([2000, -500, -500].map((v) => expect.closeTo(v, 9)));
    // Singletons cost 5, pairs 0, all three 3: the core is empty. The pairs' excesses add up to
    // 2·x(N) - 0 = 6, so the largest is at least 2, reached with all three pairs tight at 2:
    // x_a + x_b = x_a + x_c = x_b + x_c = 2, so x = (1, 1, 1) (singletons' excess -4).
    const empty = handGame(['a', 'b', 'c'], [0, 5, 5, 0, 5, 0, 0, 3]);
    const nu = nucleolus(glpk, empty);
    expect(nu.allocation).toEqual([1, 1, 1].map((v) => expect.closeTo(v, 9)));
    expect(nu.maxExcess).toBeCloseTo(2, 9);
    expect(nu.coreNonEmpty).toBe(false);
    expect(coreCheck(empty, nu.allocation).inCore).toBe(false);
  });

  it('handles one player and a game with nothing to pay', () => {
    expect(nucleolus(glpk, handGame(['a'], [0, 7])).allocation).toEqual([7]);
    const zero = nucleolus(glpk, handGame(['a', 'b'], [0, 0, 0, 0]));
    expect(zero.allocation).toEqual([0, 0].map((v) => expect.closeTo(v, 12)));
    expect(zero.coreNonEmpty).toBe(true);
  });

  it('reports progress step by step and is deterministic', () => {
    const game = handGame(['a', 'b', 'c'], [0, 10, 10, 12, 10, 16, 20, 21]);
    const steps = nucleolusSteps(glpk, game);
    const seen: number[] = [];
    let next = steps.next();
    while (!next.done) {
      expect(next.value.total).toBe(2);
      seen.push(next.value.done);
      next = steps.next();
    }
    expect(seen).toEqual([1, 2]);
    expect(next.value).toEqual(nucleolus(glpk, game));
  });
});

describe.each([
  ['bth-ozone', defaultDataset],
  ['bth-ozone-calibrated', calibratedDataset],
])('nucleolus on %s, Beijing at 196.7 μg/m³', (_id, load: () => Dataset) => {
  const dataset = load();
  const targets = [{ receptor: 'beijing', target: 196.7 }];
  let provinces: CostGame;
  let cities: CostGame;
  beforeAll(() => {
    provinces = costGame(glpk, dataset, { targets, players: 'provinces' });
    cities = costGame(glpk, dataset, { targets, players: 'cities' });
  });

  it('is efficient, in the core whenever the core is not empty, and unique', () => {
    for (const game of [provinces, cities]) {
      const nu = nucleolus(glpk, game);
      const full = game.value.length - 1;
      expect(Math.abs(sum(nu.allocation) - game.value[full])).toBeLessThanOrEqual(costTolerance(game));
      expect(nu.coreNonEmpty).toBe(true);
      expect(coreCheck(game, nu.allocation)).toMatchObject({ inCore: true, efficient: true, blockingCount: 0 });
      // Deterministic: the same figures again.
      expect(nucleolus(glpk, game).allocation).toEqual(nu.allocation);
      // Beijing, the only party with a target, pays; the others are paid or pay nothing.
      expect(nu.allocation[0]).toBeGreaterThan(0);
      expect(nu.allocation.slice(1).every((x) => x <= costTolerance(game))).toBe(true);
    }
  });

  it('is lexicographically minimal against perturbations (3 provinces)', () => {
    const nu = nucleolus(glpk, provinces);
    expectLexicographicallyMinimal(provinces, nu.allocation, Math.abs(nu.maxExcess));
  });

  it('is the report\'s default rule, in the core while the Shapley value is not', () => {
    expect(RULES[0]).toBe('nucleolus');
    const report = sharingReport(provinces, 'nucleolus', { nucleolus: nucleolus(glpk, provinces) });
    expect(report.core.inCore).toBe(true);
    expect(report.nucleolus).toMatchObject({ inCore: true, coreNonEmpty: true, blockingCount: 0 });
    expect(report.shapley.inCore).toBe(false);
    expect(report.players.map((p) => p.hasTarget)).toEqual([true, false, false]);
    expect(report.cooperationSaving).toBeCloseTo(report.standAloneTotal - report.totalCost, 3);
  });
});
