import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { QueryError, solvePlan, type GLPK } from '../../src/model/lp';
import { costGame, costGameSteps, coreCheck, MAX_PLAYERS, players, shapley, type CostGame, type PlayerMode } from '../../src/model/sharing';
import { equalCutPlan, regionalFund, responsibility, RULES, sharingReport, transfers } from '../../src/model/sharing-rules';
import { nucleolus } from '../../src/model/nucleolus';
import { freeRiding } from '../../src/model/free-riding';
import type { Dataset, ReceptorTarget } from '../../src/model/types';
import { validateDataset } from '../../src/model/validate';
import { calibratedDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const relClose = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

interface TinySpec {
  jurisdictions: { id: string; province?: string; population?: number; gdp?: number }[];
  /** One VOC source per entry: tonnes/yr and [share, yuan/t] control steps. */
  sources: { jurisdiction: string; emissions: number; steps: [number, number][] }[];
  /** Receptors sit in the jurisdiction of the same id; damage: yuan/yr per μg/m³. */
  receptors: { id: string; baseline: number; damage?: number }[];
  /** μg/m³ removed at receptor (outer key) per tonne cut in jurisdiction (inner key); 0 if absent. */
  effect: Record<string, Record<string, number>>;
}

/** A small valid dataset with one pollutant and one sector, for games worked out by hand. */
function tinyDataset(spec: TinySpec): Dataset {
  const name = (id: string) => ({ en: id, zh: id });
  const provinces = [...new Set(spec.jurisdictions.map((j) => j.province ?? j.id))];
  const raw = {
    format: 'airshed-dataset',
    formatVersion: 1,
    meta: {
      id: 'tiny', title: name('Tiny'), version: '1', description: name('Hand-made test basin'), license: 'CC0-1.0',
      provenance: 'Made up for unit tests.', references: { t: { kind: 'assumed', text: 'Test values.' } },
    },
    units: { emissions: 't/yr', cost: 'yuan/t', ozone: 'ug/m3', coefficient: 'ug/m3 per t/yr', ugPerPpb: 1.962, referenceTemperatureK: 298.15, ref: 't' },
    pollutants: [{ id: 'VOC', name: name('VOC') }],
    sectors: [{ id: 'industry', name: name('industry') }],
    provinces: provinces.map((id) => ({ id, name: name(id) })),
    jurisdictions: spec.jurisdictions.map((j, i) => ({
      id: j.id, name: name(j.id), province: j.province ?? j.id, seat: [116 + i, 39], population: j.population ?? 1e6, gdp: j.gdp ?? 1e9, ref: 't',
    })),
    sources: spec.sources.map((s, i) => ({
      id: `${s.jurisdiction}.industry.VOC.${i}`, jurisdiction: s.jurisdiction, sector: 'industry', pollutant: 'VOC', emissions: s.emissions,
      emissionsRef: 't', steps: s.steps.map(([share, cost]) => ({ share, cost })), costRef: 't',
    })),
    receptors: spec.receptors.map((r) => ({
      id: r.id, jurisdiction: r.id, baseline: r.baseline, ref: 't', background: 0, backgroundRef: 't', ...(r.damage === undefined ? {} : { damage: r.damage, damageRef: 't' }),
    })),
    coefficients: spec.receptors.map((r) => spec.jurisdictions.map((j) => [spec.effect[r.id]?.[j.id] ?? 0])),
    coefficientsRef: 't',
    standards: { grade2OneHour: 200, publishedTarget: 90, sweep: { from: 100, to: 80 }, ref: 't' },
  };
  const checked = validateDataset(raw);
  if (!checked.ok) throw new Error(`The test dataset is invalid: ${JSON.stringify(checked.problems)}`);
  return checked.dataset;
}

/**
 * Receptor a needs 100 -> 90 μg/m³. Per μg/m³ at a: a's own source 300 yuan (0.1 μg/t at 30 yuan/t,
 * 20 μg/m³ available), b and c 100 yuan each (0.1 μg/t at 10 yuan/t, 5 μg/m³ each) and d nothing.
 * v(S) = 0 without a; v(a) = 10·300 = 3000; v(a,b) = v(a,c) = 5·100 + 5·300 = 2000;
 * v(a,b,c) = 10·100 = 1000; d changes nothing.
 */
function upwindSpec(withDummy: boolean): TinySpec {
  const ids = withDummy ? ['a', 'b', 'c', 'd'] : ['a', 'b', 'c'];
  return {
    jurisdictions: ids.map((id) => ({ id })),
    sources: [
      { jurisdiction: 'a', emissions: 200, steps: [[1, 30]] },
      { jurisdiction: 'b', emissions: 50, steps: [[1, 10]] },
      { jurisdiction: 'c', emissions: 50, steps: [[1, 10]] },
      ...(withDummy ? [{ jurisdiction: 'd', emissions: 100, steps: [[1, 1]] as [number, number][] }] : []),
    ],
    receptors: [{ id: 'a', baseline: 100 }],
    effect: { a: { a: 0.1, b: 0.1, c: 0.1 } },
  };
}
const aTo = (target: number): ReceptorTarget[] => [{ receptor: 'a', target }];
const game = (dataset: Dataset, targets: ReceptorTarget[], mode: PlayerMode = 'cities') => costGame(glpk, dataset, { targets, players: mode });

describe('players', () => {
  it('groups jurisdictions and their receptors by province, or takes each jurisdiction alone', () => {
    const dataset = calibratedDataset();
    const provinces = players(dataset);
    expect(provinces.map((p) => p.id)).toEqual(['beijing', 'tianjin', 'hebei']);
    expect(provinces[2].jurisdictions).toHaveLength(11);
    expect(provinces[2].receptors).toEqual(provinces[2].jurisdictions);
    expect(provinces[0]).toMatchObject({ jurisdictions: ['beijing'], receptors: ['beijing'] });
    expect(players(dataset, 'cities')).toHaveLength(13);
    expect(() => players(dataset, 'counties' as PlayerMode)).toThrow(QueryError);
  });
});

describe('cost game and Shapley value on hand-made games', () => {
  it('gives v(S) by coalition bitmask, as worked out by hand', () => {
    const dataset = tinyDataset(upwindSpec(false));
    expect(validateDataset(dataset).ok).toBe(true);
    const g = game(dataset, aTo(90));
    // bits: a = 1, b = 2, c = 4
    expect(Array.from(g.value)).toEqual([0, 3000, 0, 2000, 0, 2000, 0, 1000].map((v) => expect.closeTo(v, 9)));
    expect(Array.from(g.shortfall).every((s) => s === 0)).toBe(true);
  });

  it('is efficient, symmetric and gives a dummy player nothing', () => {
    const g = game(tinyDataset(upwindSpec(true)), aTo(90));
    const phi = shapley(g);
    // The dummy d leaves the a, b, c game as above. Over the 6 orders of a, b, c, b saves 1000 when it
    // joins a coalition holding a (orders abc, acb, cab: 3 of 6) and 0 otherwise: φ_b = -3000/6 = -500.
    // Same for c by symmetry; φ_a = 1000 - (-500 - 500) = 2000.
    expect(phi.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([2000, -500, -500, 0]);
    expect(sum(phi)).toBeCloseTo(g.value[15], 9);
    expect(phi[1]).toBe(phi[2]);
    expect(Math.abs(phi[3])).toBeLessThan(1e-9);
  });

  it('hand-solves a 3-player cost-plus-damage game: damage where a coalition cannot reach, min(damage, cap) per μg/m³', () => {
    // Receptor a needs 100 -> 88 (12 μg/m³). Per μg/m³ at a: a's source 300 (4 available), b's 100 (5), c's 200 (5).
    // Grand plan: b 5, c 5, a 2: 500 + 1000 + 600 = 2100, marginal cost 300 (a's step, part used) = the cap.
    // Damage 250 < cap, so the price is 250. Short of the target, a coalition cuts only steps cheaper than 250:
    // v(a) = 12·250 = 3000 (12 short); v(a,b) = 500 + 7·250 = 2250 (7 short); v(a,c) = 1000 + 7·250 = 2750;
    // v(b) = v(c) = v(b,c) = 0 (no receptor); v(a,b,c) = 2100, targets met.
    const spec: TinySpec = {
      jurisdictions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      sources: [
        { jurisdiction: 'a', emissions: 40, steps: [[1, 30]] },
        { jurisdiction: 'b', emissions: 50, steps: [[1, 10]] },
        { jurisdiction: 'c', emissions: 50, steps: [[1, 20]] },
      ],
      receptors: [{ id: 'a', baseline: 100, damage: 250 }],
      effect: { a: { a: 0.1, b: 0.1, c: 0.1 } },
    };
    const g = game(tinyDataset(spec), aTo(88));
    expect(g.definition).toBe('targets+damage');
    expect(g.damageCap).toBeCloseTo(300, 6);
    expect(g.damagePrice).toEqual({ a: expect.closeTo(250, 9) });
    expect(Array.from(g.value)).toEqual([0, 3000, 0, 2250, 0, 2750, 0, 2100].map((v) => expect.closeTo(v, 6)));
    expect(Array.from(g.shortfall)).toEqual([0, 12, 0, 7, 0, 7, 0, 0].map((v) => expect.closeTo(v, 9)));
    // φ_a = 3000/3 + 2250/6 + 2750/6 + 2100/3 = 2533.33; φ_b = -750/6 - 650/3 = -341.67; φ_c = -250/6 - 150/3 = -91.67.
    const phi = shapley(g);
    [2533.3333333, -341.6666667, -91.6666667].forEach((v, i) => expect(phi[i]).toBeCloseTo(v, 5));
    // Nucleolus: with x_b = -p, x_c = -q the excesses are p+q-900, -p, -q, q-150 (a,b), p-650 (a,c), -p-q (b,c).
    // c and {a,b} balance at q = 75 (excess -75, the least possible), then b and {a,c} at p = 325.
    const nu = nucleolus(glpk, g);
    [2500, -325, -75].forEach((v, i) => expect(nu.allocation[i]).toBeCloseTo(v, 4));
    expect(nu.coreNonEmpty).toBe(true);
    expect(coreCheck(g, nu.allocation).inCore).toBe(true);
    const report = sharingReport(g, 'nucleolus', { nucleolus: nu });
    expect(report.players[0]).toMatchObject({ standAlone: expect.closeTo(3000, 6), standAloneDamage: true });
    expect(report.game).toMatchObject({ definition: 'targets+damage', damage: { coalitionsUsing: 3, cap: expect.closeTo(300, 6) } });
    expect(report.game.table?.[0]).toMatchObject({ members: ['a'], usedDamage: true });
    expect(report.game.table?.[6]).toMatchObject({ members: ['a', 'b', 'c'], usedDamage: false });

    // A damage price above the cooperative plan's marginal cost is capped at it: the price is 300.
    spec.receptors[0].damage = 1000;
    const capped = game(tinyDataset(spec), aTo(88));
    expect(capped.damagePrice).toEqual({ a: expect.closeTo(300, 6) });
    // v(a) = 12·300 (a's own step costs the same as the damage); v(a,b) = 500 + 7·300; v(a,c) = 1000 + 7·300.
    expect(Array.from(capped.value)).toEqual([0, 3600, 0, 2600, 0, 3100, 0, 2100].map((v) => expect.closeTo(v, 6)));

    // Without a damage price the game is declined, saying where every coalition can reach: a, with b and c
    // (the weakest coalitions with a) reaches 4 μg/m³ alone, so up to 96 μg/m³.
    delete spec.receptors[0].damage;
    expect(() => costGame(glpk, tinyDataset(spec), { targets: aTo(88), spec: { kind: 'level', value: 88 }, players: 'cities' })).toThrow(
      /3 of 7 coalitions cannot meet .* no health-damage price .* up to 96 μg\/m³/,
    );
    expect(costGame(glpk, tinyDataset(spec), { targets: aTo(96), players: 'cities' }).definition).toBe('targets');
  });

  it('uses the LP, with damage columns only when needed, for coalitions with several receptors', () => {
    // Receptor a needs 10 μg/m³, b needs 2. a's source: 0.1 at a, 30 yuan/t, 40 t (4 μg/m³, 300/μg).
    // b's: 0.1 at a and at b, 10 yuan/t, 50 t. c's: 0.01 at a only, 10 yuan/t, 200 t (2 μg/m³, 1000/μg).
    // Grand plan: b 500 + a 1200 + c 1·1000 = 2700, marginal cost at a 1000 (the cap). Damage: a 600, b 50.
    const dataset = tinyDataset({
      jurisdictions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      sources: [
        { jurisdiction: 'a', emissions: 40, steps: [[1, 30]] },
        { jurisdiction: 'b', emissions: 50, steps: [[1, 10]] },
        { jurisdiction: 'c', emissions: 200, steps: [[1, 10]] },
      ],
      receptors: [{ id: 'a', baseline: 100, damage: 600 }, { id: 'b', baseline: 100, damage: 50 }],
      effect: { a: { a: 0.1, b: 0.1, c: 0.01 }, b: { b: 0.1 } },
    });
    const g = game(dataset, [{ receptor: 'a', target: 90 }, { receptor: 'b', target: 98 }]);
    expect(g.damagePrice).toEqual({ a: expect.closeTo(600, 6), b: expect.closeTo(50, 6) });
    // v(a) = 1200 + 6·600 = 4800; v(b) = 200 (b can meet its target, so it must: no damage);
    // v(a,b) (LP) = 500 + 1200 + 1·600 = 2300, 1 short; v(a,c) = v(a) (c's 1000/μg is dearer than the damage);
    // v(b,c) = 200; v(a,b,c) (LP) = 2700, feasible.
    expect(Array.from(g.value)).toEqual([0, 4800, 200, 2300, 0, 4800, 200, 2700].map((v) => expect.closeTo(v, 6)));
    expect(Array.from(g.shortfall)).toEqual([0, 6, 0, 1, 0, 6, 0, 0].map((v) => expect.closeTo(v, 9)));
    // φ_a = 4800/3 + 2100/6 + 4800/6 + 2500/3 = 3583.33; φ_b = 200/3 - 2500/6 + 200/6 - 2100/3 = -1016.67; φ_c = 400/3.
    const phi = shapley(g);
    [3583.3333333, -1016.6666667, 133.3333333].forEach((v, i) => expect(phi[i]).toBeCloseTo(v, 5));
    // Tasks in the least-cost plan: a 1200, b 500, c 1000.
    const moved = transfers(g, responsibility(g, 'shapley'));
    expect(moved.players.map((p) => p.task)).toEqual([1200, 500, 1000].map((v) => expect.closeTo(v, 6)));
    expect(moved.players.map((p) => p.payment)).toEqual([2383.3333333, -1516.6666667, -866.6666667].map((v) => expect.closeTo(v, 5)));
    expect(moved.players.map((p) => p.standAloneDamage)).toEqual([true, false, false]);
    // Chander–Tulkens: stand-alone cost less a marginal-damage share of the surplus 4800 + 200 + 0 - 2700 = 2300,
    // with marginal damage a 600, b 50, c 0 (no receptor): a 4800 - 2300·600/650, b 200 - 2300·50/650, c 0.
    const ct = responsibility(g, 'chander-tulkens');
    [2676.9230769, 23.0769231, 0].forEach((v, i) => expect(ct.costs[i]).toBeCloseTo(v, 5));
    expect(sum(ct.costs)).toBeCloseTo(2700, 6);    // Free-riding: a's cuts help only a; b's help a and b alike (equal populations); c's help only a, not c.
    // Alone, weighing only its own damage: a's step avoids 600·0.1 = 60 yuan of damage per tonne at 30 yuan: all 40 t;
    // b's avoids 50·0.1 = 5 at 10 yuan: none; c has no receptor: none.
    const free = freeRiding(g);
    expect(free.map((f) => f.selfShare)).toEqual([1, 0.5, 0].map((v) => expect.closeTo(v, 9)));
    expect(free.map((f) => f.nashTonnes)).toEqual([40, 0, 0]);
    expect(free.map((f) => f.nashCost)).toEqual([1200, 0, 0].map((v) => expect.closeTo(v, 9)));
    expect(free.map((f) => f.planCost)).toEqual([1200, 500, 1000].map((v) => expect.closeTo(v, 6)));
  });

  it('reports progress once per coalition and returns the same game as costGame', () => {
    const dataset = tinyDataset(upwindSpec(false));
    const steps = costGameSteps(glpk, dataset, { targets: aTo(90), players: 'cities' });
    const seen: number[] = [];
    let next = steps.next();
    while (!next.done) {
      expect(next.value.total).toBe(7);
      seen.push(next.value.done);
      next = steps.next();
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(next.value.value)).toEqual(Array.from(game(dataset, aTo(90)).value));
  });

  it('refuses targets the whole basin cannot meet, and games too large to enumerate', () => {
    const dataset = tinyDataset(upwindSpec(false));
    expect(() => game(dataset, aTo(50))).toThrow(/Burden sharing needs targets the whole basin can meet/);
    const many = tinyDataset({
      jurisdictions: Array.from({ length: MAX_PLAYERS + 1 }, (_, i) => ({ id: `j${i}` })),
      sources: [{ jurisdiction: 'j0', emissions: 100, steps: [[1, 1]] }],
      receptors: [{ id: 'j0', baseline: 100 }],
      effect: { j0: { j0: 0.1 } },
    });
    expect(() => game(many, [{ receptor: 'j0', target: 99 }])).toThrow(/too many to enumerate/);
    expect(() => game(many, [{ receptor: 'j0', target: 99 }], 'provinces')).toThrow(/too many to enumerate/);
  });
});

describe('core check (the 3-player game a, b, c)', () => {
  // Core: x_a + x_b + x_c = 1000, x_b <= 0, x_c <= 0, x_a <= 3000, x_a + x_b <= 2000, x_a + x_c <= 2000.
  let g: CostGame;
  beforeAll(() => {
    g = game(tinyDataset(upwindSpec(false)), aTo(90));
  });

  it('finds no blocking coalition for an allocation inside the core (here the Shapley value)', () => {
    const check = coreCheck(g, [2000, -500, -500]);
    expect(check).toMatchObject({ inCore: true, efficient: true, blockingCount: 0, blocking: [] });
  });

  it('names the coalition that would leave, with its excess', () => {
    // a + c are charged 2600 - 400 = 2200 but could do it alone for 2000.
    const check = coreCheck(g, [2600, -1200, -400]);
    expect(check.inCore).toBe(false);
    expect(check.blocking).toEqual([{ members: ['a', 'c'], mask: 5, allocated: 2200, value: expect.closeTo(2000, 9), excess: expect.closeTo(200, 9) }]);
  });

  it('sorts several blocking coalitions by excess and flags an allocation that does not add up', () => {
    const check = coreCheck(g, [3100, -1200, -900]);
    expect(check.blocking.map((b) => [b.members.join('+'), Math.round(b.excess)])).toEqual([['a+c', 200], ['a', 100]]);
    expect(coreCheck(g, [0, 0, 0])).toMatchObject({ inCore: false, efficient: false, blockingCount: 0 });
  });
});

describe('responsibility rules, transfers and fund on the hand-made game', () => {
  let g: CostGame;
  beforeAll(() => {
    g = game(tinyDataset(upwindSpec(true)), aTo(90));
  });

  it('equal-proportion cuts: the smallest common fraction meeting the target', () => {
    // All four sources cut f of their emissions: ozone 100 - f(20 + 5 + 5 + 0) = 90 at f = 1/3.
    // Costs: a 200/3·30 = 2000, b and c 50/3·10 = 166.67, d 100/3·1 = 33.33.
    const plan = equalCutPlan(g.dataset, g.targets, g.players);
    expect(plan.fraction).toBeCloseTo(1 / 3, 12);
    expect(plan.costs).toEqual([2000, 500 / 3, 500 / 3, 100 / 3].map((v) => expect.closeTo(v, 9)));
    expect(plan.totalCost).toBeCloseTo(7100 / 3, 9);
    const rule = responsibility(g, 'equal');
    expect(rule.shares[0]).toBeCloseTo(2000 / (7100 / 3), 12);
    expect(sum(rule.costs)).toBeCloseTo(1000, 9);
  });

  it('equal-proportion cuts past a source that runs out of steps, and a case no common fraction can meet', () => {
    // b can cut only half its emissions. To 84: 30f up to f = 0.5 (15 μg/m³), then 25 per unit of f: f = 0.54.
    const spec = upwindSpec(true);
    spec.sources[1].steps = [[0.5, 10]];
    const kinked = equalCutPlan(tinyDataset(spec), aTo(84), players(tinyDataset(spec), 'cities'));
    expect(kinked.fraction).toBeCloseTo(0.54, 12);
    expect(kinked.ozone.a).toBeCloseTo(84, 9);
    expect(kinked.costs).toEqual([3240, 250, 270, 54].map((v) => expect.closeTo(v, 9)));
    // a's own cuts raise its ozone (titration, -0.1) faster than b's lower it: 100 + 20f - 5f never reaches 95,
    // though cutting b alone (5 μg/m³) does.
    const titrating = tinyDataset({
      jurisdictions: [{ id: 'a' }, { id: 'b' }],
      sources: [{ jurisdiction: 'a', emissions: 200, steps: [[1, 30]] }, { jurisdiction: 'b', emissions: 50, steps: [[1, 10]] }],
      receptors: [{ id: 'a', baseline: 100, damage: 1000 }],
      effect: { a: { a: -0.1, b: 0.1 } },
    });
    const g2 = game(titrating, aTo(95));
    const plan = equalCutPlan(titrating, aTo(95), g2.players);
    expect(plan).toMatchObject({ feasible: false, fraction: null, totalCost: null });
    expect(plan.reason).toMatch(/No equal-proportion cut meets the targets: .* a stays at 115\.0 μg\/m³ \(target 95\)/);
    expect(() => responsibility(g2, 'equal')).toThrow(QueryError);
    expect(sharingReport(g2, 'shapley', { nucleolus: nucleolus(glpk, g2) }).equalCut.feasible).toBe(false);
  });

  it('contribution, GDP and population shares', () => {
    // Ozone formed at a: a 0.1·200 = 20, b 5, c 5, d 0.
    expect(responsibility(g, 'contribution').shares).toEqual([20 / 30, 5 / 30, 5 / 30, 0].map((v) => expect.closeTo(v, 12)));
    expect(responsibility(g, 'gdp').shares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(sum(responsibility(g, 'population').costs)).toBeCloseTo(1000, 9);
  });

  it('transfers: payments sum to zero, flows to the total paid, and who is worse off', () => {
    // Least-cost plan: b and c cut 50 t each (500 yuan each). Shapley 2000, -500, -500, 0.
    const shapleyMoves = transfers(g, responsibility(g, 'shapley'));
    expect(shapleyMoves.players.map((p) => p.payment)).toEqual([2000, -1000, -1000, 0].map((v) => expect.closeTo(v, 6)));
    expect(shapleyMoves.flows).toEqual([
      { from: 'a', to: 'b', amount: expect.closeTo(1000, 6) },
      { from: 'a', to: 'c', amount: expect.closeTo(1000, 6) },
    ]);
    expect(shapleyMoves.players.some((p) => p.worseOff)).toBe(false);
    // Equal GDP shares charge b, c and d 250 each though they have no target: each is worse off by 250.
    const gdpMoves = transfers(g, responsibility(g, 'gdp'));
    expect(sum(gdpMoves.players.map((p) => p.payment))).toBeCloseTo(0, 6);
    expect(sum(gdpMoves.flows.map((f) => f.amount))).toBeCloseTo(gdpMoves.totalPaid, 6);
    expect(gdpMoves.players.map((p) => [p.worseOff, Math.round(p.worseBy)])).toEqual([[false, 0], [true, 250], [true, 250], [true, 250]]);
  });

  it('fund: formula shares of the reimbursements, balanced; all-zero weights are an error', () => {
    // Under Shapley b and c each cut 1000 beyond their responsibility: the fund is 2000.
    // Emissions 200, 50, 50, 100 of 400 t: a pays 1000, b 250, c 250, d 500.
    const fund = regionalFund(g, responsibility(g, 'shapley'), { emissions: 2 });
    expect(fund.size).toBeCloseTo(2000, 6);
    expect(fund.weights).toEqual({ emissions: 1, contribution: 0, gdp: 0, benefit: 0 });
    expect(fund.contributions).toEqual([1000, 250, 250, 500].map((v) => expect.closeTo(v, 6)));
    expect(fund.net).toEqual([1000, -750, -750, 500].map((v) => expect.closeTo(v, 6)));
    expect(Math.abs(fund.balance)).toBeLessThan(1e-9);
    expect(() => regionalFund(g, responsibility(g, 'shapley'), { emissions: 0, gdp: 0 })).toThrow(/all zero/);
    expect(() => regionalFund(g, responsibility(g, 'shapley'), { gdp: -1 })).toThrow(/>= 0/);
  });
});

describe('burden sharing on the default dataset at 196.7 μg/m³', () => {
  const dataset = calibratedDataset();
  const beijing = aTo(196.7).map((t) => ({ ...t, receptor: 'beijing' }));
  let provinces: CostGame;
  beforeAll(() => {
    provinces = game(dataset, beijing, 'provinces');
  });

  it('has v(N) = regional cost, v(Beijing) = local cost, and coalition costs matching the restricted LP', () => {
    const full = provinces.value[7];
    expect(relClose(full, solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing }).totalCost!, 1e-9)).toBe(true);
    expect(relClose(provinces.value[1], solvePlan(glpk, dataset, { scenario: 'local', targets: beijing }).totalCost!, 1e-9)).toBe(true);
    const beijingHebei = ['beijing', ...provinces.players[2].jurisdictions];
    const lp = solvePlan(glpk, dataset, { scenario: 'regional', targets: beijing, allowedJurisdictions: beijingHebei });
    expect(relClose(provinces.value[5], lp.totalCost!, 1e-9)).toBe(true);
    expect(provinces.value[2]).toBe(0); // Tianjin has no target of its own
  });

  it('gives finite results under every rule, non-negative shares where the rule allows no other, balanced transfers', () => {
    const nu = nucleolus(glpk, provinces);
    for (const rule of RULES) {
      if (rule === 'chander-tulkens') {
        // It shares by marginal health damage, which the calibrated dataset does not price.
        expect(() => sharingReport(provinces, rule, { nucleolus: nu })).toThrow(/no damage price for beijing/);
        continue;
      }
      const report = sharingReport(provinces, rule, { nucleolus: nu, fund: { emissions: 1, contribution: 1, benefit: 1 } });
      const numbers = report.players.flatMap((p) => [p.share, p.responsibility, p.task, p.payment, p.standAlone, p.saving, p.shapley]);
      expect(numbers.every(Number.isFinite), rule).toBe(true);
      expect(sum(report.players.map((p) => p.share))).toBeCloseTo(1, 9);
      if (rule !== 'shapley' && rule !== 'nucleolus') expect(report.players.every((p) => p.share >= 0 && p.responsibility >= 0), rule).toBe(true);
      expect(relClose(sum(report.players.map((p) => p.responsibility)), report.totalCost, 1e-9)).toBe(true);
      expect(Math.abs(sum(report.players.map((p) => p.payment)))).toBeLessThan(1e-6 * report.totalCost);
      expect(relClose(sum(report.flows.map((f) => f.amount)), report.totalPaid, 1e-9)).toBe(true);
      expect(Math.abs(report.fund!.balance)).toBeLessThan(1e-6 * report.totalCost);
      expect(report.equalCut.feasible).toBe(true);
      expect(report.game.damage.coalitionsUsing).toBe(0);
    }
  });

  it('computes the 13-player Shapley value, which sums to v(N)', () => {
    const cities = game(dataset, beijing, 'cities');
    expect(cities.value).toHaveLength(8192);
    const phi = shapley(cities);
    expect(relClose(sum(phi), cities.value[8191], 1e-9)).toBe(true);
    expect(relClose(cities.value[8191], provinces.value[7], 1e-9)).toBe(true);
    // Everyone but Beijing only helps Beijing, so each is owed, never charged.
    expect(phi.slice(1).every((x) => x <= 1e-6)).toBe(true);
  });

  it('shares the cost of several receptors through the LP, efficiently', () => {
    const all = dataset.receptors.map((r) => ({ receptor: r.id, target: 196.7 }));
    const g = game(dataset, all, 'provinces');
    expect(relClose(g.value[7], solvePlan(glpk, dataset, { scenario: 'regional', targets: all }).totalCost!, 1e-9)).toBe(true);
    expect(relClose(sum(shapley(g)), g.value[7], 1e-9)).toBe(true);
  });
});
