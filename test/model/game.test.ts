import { describe, expect, it } from 'vitest';
import {
  cooperative, defaultDamageScale, fundTransfers, gameDataset, gameModel, gameSummary, nash, priceOfAnarchy, scoreRound, sidePaymentTransfers, welfare,
  FUND_RULES, MAX_LEVEL, type GameModel,
} from '../../src/model/game';
import type { Dataset } from '../../src/model/types';
import { defaultDataset, tinyDataset } from '../fixtures';

/** The tiny dataset as three city players (riverton and lakeside with a receptor each, hillcrest with none), priced 4 and 5 M yuan per μg/m³. */
function tinyGame(): GameModel {
  const tiny = tinyDataset();
  const priced: Dataset = { ...tiny, receptors: tiny.receptors.map((r) => ({ ...r, damage: r.id === 'riverton' ? 4e6 : 5e6 })) };
  return gameModel(priced, 'cities');
}

/** Every profile of n players over levels 0..MAX_LEVEL. */
function* profiles(n: number): Generator<number[]> {
  const total = (MAX_LEVEL + 1) ** n;
  for (let code = 0; code < total; code++) yield Array.from({ length: n }, (_, i) => Math.floor(code / (MAX_LEVEL + 1) ** i) % (MAX_LEVEL + 1));
}

/** Brute force: profiles where no player gains by changing its own level, and the welfare maximisers. */
function bruteForce(model: GameModel) {
  const n = model.players.length;
  const equilibria: number[][] = [];
  let best = -Infinity;
  let optima: number[][] = [];
  for (const profile of profiles(n)) {
    const score = scoreRound(model, profile);
    const stable = score.players.every((p, i) =>
      Array.from({ length: MAX_LEVEL + 1 }, (_, l) => l).every((l) => scoreRound(model, profile.map((x, j) => (j === i ? l : x))).players[i].payoff <= p.payoff + 1e-6),
    );
    if (stable) equilibria.push(profile);
    const w = score.totals.welfare;
    if (w > best + 1e-6) [best, optima] = [w, [profile]];
    else if (Math.abs(w - best) <= 1e-6) optima.push(profile);
  }
  return { equilibria, optima, best };
}

const M = 1e6;

describe('game model, hand-checked on three players', () => {
  const model = tinyGame();

  it('cuts 20% steps of the controllable tonnes cheapest-first, at the hand-computed costs', () => {
    // riverton: 6000 t at 4000, 6000 t at 12000, 2000 t at 20000 yuan/t; 2800 t per level.
    expect(model.cost[0].map((c) => c / M)).toEqual([0, 11.2, 22.4, 52.8, 86.4].map((x) => expect.closeTo(x, 9)));
    // hillcrest: 12000 t at 3000, 6000 t at 9000; 3600 t per level.
    expect(model.cost[1].map((c) => c / M)).toEqual([0, 10.8, 21.6, 32.4, 57.6].map((x) => expect.closeTo(x, 9)));
    // lakeside: 4500 t at 8000, 2000 t at 25000, 4500 t at 30000; 2200 t per level.
    expect(model.cost[2].map((c) => c / M)).toEqual([0, 17.6, 35.2, 89, 155].map((x) => expect.closeTo(x, 9)));
    expect(model.tonnes[0][4].NMVOC).toBeCloseTo(11200, 6);
  });

  it('scores a round: ozone from everyone, benefit at home, payoff', () => {
    const score = scoreRound(model, [2, 0, 0]);
    // riverton at level 2 cuts 5600 t: 6.72 μg/m³ at riverton, 2.24 at lakeside.
    expect(score.ozone.riverton).toBeCloseTo(170 - 6.72, 9);
    expect(score.ozone.lakeside).toBeCloseTo(165 - 2.24, 9);
    expect(score.players.map((p) => p.payoff / M)).toEqual([4.48, 0, 11.2].map((x) => expect.closeTo(x, 6)));
    expect(score.players[1].ozone).toBeNull();
    expect(score.totals.welfare / M).toBeCloseTo(15.68, 6);
  });

  it('finds the Nash levels (2, 0, 0), dominant, and the optimum (2, 3, 2), as brute force does', () => {
    const n = nash(model);
    expect(n).toMatchObject({ levels: [2, 0, 0], dominant: true });
    expect(cooperative(model)).toEqual([2, 3, 2]);
    const brute = bruteForce(model);
    expect(brute.equilibria).toEqual([[2, 0, 0]]);
    expect(brute.optima).toEqual([[2, 3, 2]]);
    expect(welfare(model, [2, 3, 2])).toBeCloseTo(brute.best, 6);
    expect(priceOfAnarchy(model, n.levels) / M).toBeCloseTo(37.08 - 15.68, 6);
    expect(priceOfAnarchy(model, [2, 3, 2])).toBeCloseTo(0, 6);
  });

  it('moves money with side payments and the fund, never creating any', () => {
    const paid = sidePaymentTransfers(model, [{ from: 'lakeside', to: 'hillcrest', amount: 30 * M }]);
    expect(paid).toEqual([0, 30 * M, -30 * M]);
    const score = scoreRound(model, [2, 3, 2], paid);
    expect(score.players[1].payoff / M).toBeCloseTo(30 - 32.4, 6);
    expect(score.totals.welfare / M).toBeCloseTo(37.08, 6);
    for (const rule of FUND_RULES) {
      const t = fundTransfers(model, [2, 3, 2], rule);
      expect(t.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 3);
    }
    expect(fundTransfers(model, [2, 3, 2], 'equal').map((t) => t / M)).toEqual([22.4 - 30, 32.4 - 30, 35.2 - 30].map((x) => expect.closeTo(x, 6)));
    expect(() => sidePaymentTransfers(model, [{ from: 'atlantis', to: 'riverton', amount: 1 }])).toThrow(/Unknown player "atlantis"/);
    expect(() => scoreRound(model, [2, 5, 0])).toThrow(/from 0 to 4/);
    expect(() => scoreRound(model, [2, 0])).toThrow(/one level per player/);
  });

  it('refuses a dataset without damage prices', () => {
    expect(() => gameModel(tinyDataset(), 'cities')).toThrow(/damage price at every receptor; riverton, lakeside have none/);
  });
});

describe('game model on the default dataset', () => {
  const dataset = defaultDataset();
  const high = gameDataset(dataset, defaultDamageScale(dataset));

  it('plays at the upper end of the damage input by default, and refuses a scale outside it', () => {
    expect(defaultDamageScale(dataset)).toBe(18);
    expect(high.receptors[0].damage).toBeCloseTo(18 * dataset.receptors[0].damage!, 3);
    expect(gameDataset(dataset, 1)).toBe(dataset);
    expect(() => gameDataset(dataset, 40)).toThrow(/from 0.3 to 18/);
  });

  it('at the nominal price no level pays, even together', () => {
    const s = gameSummary(gameModel(dataset, 'provinces'));
    expect(s.nash.levels).toEqual([0, 0, 0]);
    expect(s.cooperative.levels).toEqual([0, 0, 0]);
    expect(s.priceOfAnarchy).toBe(0);
  });

  it('provinces: Nash and optimum agree with brute force; each cuts less alone', () => {
    const model = gameModel(high, 'provinces');
    const s = gameSummary(model);
    const brute = bruteForce(model);
    expect(brute.equilibria).toEqual([s.nash.levels]);
    expect(brute.optima).toEqual([s.cooperative.levels]);
    expect(s.nash).toMatchObject({ levels: [1, 1, 3], dominant: true, sweeps: 2 });
    expect(s.cooperative.levels).toEqual([2, 3, 3]);
    expect(s.priceOfAnarchy / 1e9).toBeCloseTo(3.96, 2);
    // Tianjin keeps the least of its own benefit, so it under-invests most.
    const shares = s.selfBenefitShare as number[];
    expect(Math.min(...shares)).toBe(shares[1]);
  });

  it('13 cities: dominant Nash levels below the optimum everywhere, a larger price of anarchy', () => {
    const s = gameSummary(gameModel(high, 'cities'));
    expect(s.nash.dominant).toBe(true);
    expect(s.nash.levels).toEqual([1, 1, 1, 1, 2, 1, 3, 3, 2, 2, 2, 2, 3]);
    expect(s.cooperative.levels).toEqual([2, 3, 3, 3, 3, 3, 4, 4, 3, 3, 4, 4, 4]);
    s.nash.levels.forEach((l, i) => expect(l).toBeLessThan(s.cooperative.levels[i]));
    expect(s.priceOfAnarchy / 1e9).toBeCloseTo(14.83, 2);
    expect(s.priceOfAnarchy).toBeGreaterThan(gameSummary(gameModel(high, 'provinces')).priceOfAnarchy);
  });
});
