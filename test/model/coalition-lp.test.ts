// The cost game's fast coalition solver (coalition-lp.ts) against the definition solved by GLPK
// (sharing.ts lpCost): the same v(S) on random coalitions of the 13 cities with every receptor
// constrained, at several targets, in both bundled datasets.
import { beforeAll, describe, expect, it } from 'vitest';
import { CoalitionLp } from '../../src/model/coalition-lp';
import { compile } from '../../src/model/compile';
import { loadGlpk } from '../../src/model/glpk';
import type { GLPK } from '../../src/model/lp';
import { meritOrder } from '../../src/model/merit';
import { DAMAGE_EPS, costGame, lpCost, players } from '../../src/model/sharing';
import type { Dataset } from '../../src/model/types';
import { calibratedDataset, defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

/** A small deterministic generator (mulberry32), so a failure names a reproducible coalition. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function compare(dataset: Dataset, target: number, coalitions: number, seed: number) {
  const compiled = compile(dataset);
  const list = players(dataset, 'cities');
  const targets = dataset.receptors.map((r) => ({ receptor: r.id, target: Math.min(target, r.baseline) }));
  const rows = targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const reductions = targets.map((t, i) => dataset.receptors[rows[i]].baseline - t.target);
  // The receptor's damage price where the dataset has one (far below most steps' cost, so a coalition short of
  // its targets undoes cuts in phase 2), else the dearest step (above every step's cost).
  const prices = targets.map((t, i) => dataset.receptors[rows[i]].damage ?? meritOrder(dataset, t.receptor).at(-1)?.costPerUg ?? 0);
  const fast = new CoalitionLp(compiled, rows, reductions, prices);
  const bit = (j: number) => list.findIndex((p) => p.jurisdictions.includes(dataset.jurisdictions[j].id));
  const next = random(seed);
  let priced = 0;
  for (let c = 0; c < coalitions; c++) {
    const mask = 1 + Math.floor(next() * (2 ** list.length - 1));
    const own = targets.map((_, t) => t).filter((t) => mask & (1 << bit(compiled.receptorJurisdiction[rows[t]])));
    if (own.length < 2) continue;
    const got = fast.solve(own, (j) => (mask & (1 << bit(j))) !== 0);
    const members = list.filter((_, i) => mask & (1 << i)).flatMap((p) => p.jurisdictions);
    const want = lpCost(glpk, dataset, own.map((t) => targets[t]), members, own.map((t) => prices[t]));
    expect(got, `coalition ${mask} could not be certified`).not.toBeNull();
    expect(Math.abs(got!.value - want.value), `v(${mask}) at ${target}`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(want.value)));
    // Bearing damage means the plain LP is infeasible: both must agree on that.
    expect(got!.shortfall > DAMAGE_EPS, `damage use of ${mask} at ${target}`).toBe(want.shortfall > DAMAGE_EPS);
    if (want.shortfall > DAMAGE_EPS) priced++;
  }
  return priced;
}

describe('the fast coalition LP', () => {
  it('equals the GLPK definition of v(S) on random coalitions (default dataset)', () => {
    let priced = 0;
    for (const [i, target] of [160, 180, 196.7, 205, 215].entries()) priced += compare(defaultDataset(), target, 120, 11 + i);
    expect(priced).toBeGreaterThan(0); // both kinds of coalition were covered
  });

  it('equals the GLPK definition of v(S) on random coalitions (calibrated dataset)', () => {
    for (const [i, target] of [170, 196.7, 210].entries()) compare(calibratedDataset(), target, 120, 101 + i);
  });

  it('gives the whole game the GLPK definition gives, coalition by coalition (3 provinces)', () => {
    const dataset = defaultDataset();
    const targets = dataset.receptors.map((r) => ({ receptor: r.id, target: 196.7 }));
    const game = costGame(glpk, dataset, { targets, players: 'provinces' });
    const list = players(dataset, 'provinces');
    const prices = targets.map((t) => meritOrder(dataset, t.receptor).at(-1)?.costPerUg ?? 0);
    for (let mask = 1; mask < 2 ** list.length; mask++) {
      const inS = list.filter((_, i) => mask & (1 << i));
      const own = targets.map((t, i) => ({ t, i })).filter(({ t }) => inS.some((p) => p.receptors.includes(t.receptor)));
      if (own.length < 2) continue;
      const want = lpCost(glpk, dataset, own.map(({ t }) => t), inS.flatMap((p) => p.jurisdictions), own.map(({ i }) => prices[i]));
      expect(game.value[mask]).toBeCloseTo(want.value, -1);
      expect(Math.abs(game.value[mask] - want.value)).toBeLessThanOrEqual(1e-7 * Math.max(1, want.value));
    }
  });
});
