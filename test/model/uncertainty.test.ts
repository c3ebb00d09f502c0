import { beforeAll, describe, expect, it } from 'vitest';
import { ozoneBudget } from '../../src/model/budget';
import { compile } from '../../src/model/compile';
import { loadGlpk } from '../../src/model/glpk';
import { QueryError, solvePlan, type GLPK } from '../../src/model/lp';
import { costGame, shapley } from '../../src/model/sharing';
import type { Dataset, ReceptorTarget } from '../../src/model/types';
import {
  applyInputs, checkAdjustments, drawValues, inputValue, latinHypercube, MAX_SHAPLEY_PROVINCES, meritGame, monteCarlo, mulberry32, nominalValues, solveDraw, tornado,
  type DrawPlan, type UncertaintyReport,
} from '../../src/model/uncertainty';
import { validateDataset } from '../../src/model/validate';
import { defaultDataset } from '../fixtures';
import { beijingTarget, uncertainDataset } from '../uncertainty-fixture';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const dataset = uncertainDataset();
const original = JSON.stringify(dataset);
const input = (id: string) => dataset.uncertainty!.find((u) => u.id === id)!;
const beijing: ReceptorTarget[] = [{ receptor: 'beijing', target: beijingTarget(dataset, 0.8) }];
const beijingIndex = dataset.receptors.findIndex((r) => r.id === 'beijing');
const relClose = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sourcesWhere = (d: Dataset, test: (s: Dataset['sources'][number]) => boolean) => d.sources.filter(test);

describe('the fixture', () => {
  it('is a valid dataset with an input of every effect kind', () => {
    expect(validateDataset(dataset).ok).toBe(true);
    expect(new Set(dataset.uncertainty!.map((u) => u.effect))).toEqual(new Set(['emissions', 'cost', 'stepShare', 'coefficient', 'ownShare', 'baseline', 'background']));
  });
});

describe('sampling', () => {
  it('mulberry32 repeats for a seed, differs between seeds and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs).not.toEqual(Array.from({ length: 1000 }, () => c()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(sum(xs) / xs.length - 0.5)).toBeLessThan(0.05);
  });

  it('latin hypercube puts exactly one draw in each stratum of every column', () => {
    const draws = 97;
    const sample = latinHypercube(draws, 5, mulberry32(3));
    expect(sample).toHaveLength(draws);
    for (let d = 0; d < 5; d++) {
      const column = sample.map((row) => row[d]);
      expect(column.every((u) => u >= 0 && u < 1)).toBe(true);
      expect(column.map((u) => Math.floor(u * draws)).sort((a, b) => a - b)).toEqual(Array.from({ length: draws }, (_, i) => i));
    }
    // Columns are permuted independently.
    expect(sample.map((row) => Math.floor(row[0] * draws))).not.toEqual(sample.map((row) => Math.floor(row[1] * draws)));
  });

  it('maps quantiles to values on a linear or a log scale', () => {
    const linear = input('emissions-solvent');
    expect([0, 0.5, 1].map((u) => inputValue(linear, u))).toEqual([0.5, 1, 1.5].map((v) => expect.closeTo(v, 12)));
    const log = input('cost-beijing');
    expect([0, 0.5, 1].map((u) => inputValue(log, u))).toEqual([0.5, 1, 2].map((v) => expect.closeTo(v, 12)));
  });

  it('draws every sampled input once per stratum of its range, and fixed inputs at their value', () => {
    const values = drawValues(dataset, { targets: beijing, draws: 50, seed: 4, fixed: { 'cost-beijing': 1.5 } });
    expect(values).toHaveLength(50);
    expect(values.every((v) => v['cost-beijing'] === 1.5)).toBe(true);
    const { low, high } = input('background');
    const strata = values.map((v) => Math.floor(((v.background - low) / (high - low)) * 50)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('applyInputs', () => {
  it('leaves every number alone at nominal values and never mutates its argument', () => {
    const same = applyInputs(dataset, nominalValues(dataset));
    expect(same).not.toBe(dataset);
    expect(same).toEqual(dataset);
    const moved = applyInputs(dataset, Object.fromEntries(dataset.uncertainty!.map((u) => [u.id, u.high])));
    expect(moved).not.toEqual(dataset);
    expect(JSON.stringify(dataset)).toBe(original);
  });

  it('treats an inventory error as a cost: the same ozone from f times the tonnes costs f times as much to remove, in the matching sector only', () => {
    const moved = applyInputs(dataset, { 'emissions-power': 1.3 });
    moved.sources.forEach((s, i) => {
      expect(s.emissions).toBe(dataset.sources[i].emissions);
      s.steps.forEach((k, level) => expect(k.cost).toBeCloseTo(dataset.sources[i].steps[level].cost * (s.sector === 'power' ? 1.3 : 1), 6));
    });
    expect(moved.coefficients).toEqual(dataset.coefficients);
  });

  it("scales every step's cost of the matching jurisdictions", () => {
    const moved = applyInputs(dataset, { 'cost-beijing': 2 });
    moved.sources.forEach((s, i) => s.steps.forEach((k, level) => expect(k.cost).toBeCloseTo(dataset.sources[i].steps[level].cost * (s.jurisdiction === 'beijing' ? 2 : 1), 6)));
  });

  it('clamps values to [low, high] and rejects unknown ids and non-finite values', () => {
    expect(applyInputs(dataset, { 'cost-beijing': 10 })).toEqual(applyInputs(dataset, { 'cost-beijing': 2 }));
    expect(() => applyInputs(dataset, { 'no-such-input': 1 })).toThrow(QueryError);
    expect(() => applyInputs(dataset, { 'no-such-input': 1 })).toThrow(/Unknown uncertain input "no-such-input"; known: emissions-power/);
    expect(() => applyInputs(dataset, { 'cost-beijing': Number.NaN })).toThrow(/finite/);
  });

  it('scales step shares and caps a source at removing all its emissions, keeping proportions and costs', () => {
    const steps = input('steps-beijing');
    const factor = 0.8 / steps.nominal;
    const moved = applyInputs(dataset, { 'steps-beijing': 0.8 });
    moved.sources.forEach((s, i) => {
      const before = dataset.sources[i].steps;
      const scale = s.jurisdiction === 'beijing' ? Math.min(factor, 1 / sum(before.map((k) => k.share))) : 1;
      s.steps.forEach((k, level) => {
        expect(k.share).toBeCloseTo(before[level].share * scale, 12);
        expect(k.cost).toBe(before[level].cost);
      });
    });
    // A source whose shares would sum above 1 is scaled back to exactly 1.
    const tight = structuredClone(dataset);
    const source = sourcesWhere(tight, (s) => s.jurisdiction === 'beijing')[0];
    source.steps = [0.3, 0.2, 0.1, 0.1].map((share, level) => ({ share, cost: 1000 * (level + 1) }));
    const capped = applyInputs(tight, { 'steps-beijing': 1 }).sources[tight.sources.indexOf(source)];
    expect(sum(capped.steps.map((k) => k.share))).toBeCloseTo(1, 12);
    capped.steps.forEach((k, level) => expect(k.share / source.steps[level].share).toBeCloseTo(capped.steps[0].share / source.steps[0].share, 12));
  });

  it('scales coefficients by receptor, pollutant and sign', () => {
    const check = (id: string, value: number, applies: (a: number, p: number) => boolean) => {
      const moved = applyInputs(dataset, { [id]: value });
      dataset.coefficients.forEach((row, r) =>
        row.forEach((cell, j) => cell.forEach((a, p) => expect(moved.coefficients[r][j][p]).toBeCloseTo(a * (applies(a, p) ? value : 1), 15))),
      );
    };
    const nox = dataset.pollutants.findIndex((p) => p.id === 'NOx');
    check('coefficient-scale', 1.5, (a) => a > 0);
    check('nox-weight', 0.6, (a, p) => a > 0 && p === nox);
    check('titration', 2, (a) => a < 0);
    expect(dataset.coefficients.flat(2).some((a) => a < 0)).toBe(true);
  });

  it("moves a receptor's own share of its ozone-forming potential to the value asked for, keeping the total", () => {
    const own = input('own-share-beijing');
    const before = ozoneBudget(dataset);
    expect(before[beijingIndex].ownShare).toBeCloseTo(own.nominal, 12);
    for (const value of [own.low, own.high, (own.low + own.nominal) / 2]) {
      const after = ozoneBudget(applyInputs(dataset, { [own.id]: value }));
      expect(after[beijingIndex].ownShare).toBeCloseTo(value, 10);
      expect(after[beijingIndex].potential).toBeCloseTo(before[beijingIndex].potential, 6);
      expect(after.filter((_, r) => r !== beijingIndex)).toEqual(before.filter((_, r) => r !== beijingIndex));
    }
  });

  it('shifts baselines and backgrounds, keeping background in [0, baseline - 0.1]', () => {
    const up = applyInputs(dataset, { 'baseline-beijing': input('baseline-beijing').high });
    expect(up.receptors[beijingIndex].baseline).toBeCloseTo(dataset.receptors[beijingIndex].baseline + 8, 9);
    expect(up.receptors.filter((_, r) => r !== beijingIndex)).toEqual(dataset.receptors.filter((_, r) => r !== beijingIndex));
    const down = applyInputs(dataset, { background: -15 });
    down.receptors.forEach((r, i) => expect(r.background).toBeCloseTo(Math.max(0, dataset.receptors[i].background - 15), 9));
    const near = structuredClone(dataset);
    near.receptors[1].background = near.receptors[1].baseline - 5;
    near.receptors[2].background = 10;
    const clamped = applyInputs(near, { background: 15 });
    expect(clamped.receptors[1].background).toBeCloseTo(near.receptors[1].baseline - 0.1, 9);
    expect(clamped.receptors[2].background).toBeCloseTo(25, 9);
    expect(applyInputs(near, { background: -15 }).receptors[2].background).toBe(0);
  });

  it('scales a shifted receptor\'s coefficients with baseline minus background, keeping its ozone budget ratio', () => {
    const ratio = (d: Dataset) => ozoneBudget(d)[beijingIndex].ratio;
    const up = applyInputs(dataset, { 'baseline-beijing': input('baseline-beijing').high });
    expect(ratio(up)).toBeCloseTo(ratio(dataset), 9);
    expect(up.coefficients[beijingIndex][0][1]).toBeGreaterThan(dataset.coefficients[beijingIndex][0][1]);
    const other = (beijingIndex + 1) % dataset.receptors.length;
    expect(up.coefficients[other]).toEqual(dataset.coefficients[other]);
    expect(ratio(applyInputs(dataset, { background: input('background').high }))).toBeCloseTo(ratio(dataset), 9);
  });

  it('lists the problems with values carried in from outside', () => {
    expect(checkAdjustments(dataset, { 'cost-beijing': 1.5, background: 0 })).toEqual([]);
    const problems = checkAdjustments(dataset, { bogus: 1, 'cost-beijing': 3, background: Number.NaN });
    expect(problems.map((p) => [p.id, p.kind])).toEqual([['bogus', 'unknown'], ['cost-beijing', 'range'], ['background', 'value']]);
    expect(problems[0].message).toMatch(/Unknown uncertain input "bogus"/);
    expect(problems[1].message).toMatch(/cost-beijing must lie between 0.5 and 2 ×, got 3/);
    expect(problems[2].message).toMatch(/background must be a finite number/);
    const { uncertainty: _, ...bare } = dataset;
    expect(checkAdjustments(bare, { x: 1 })[0].message).toMatch(/this dataset lists none/);
  });
});

/** Plan invariants for a draw's plan: cuts within [0, cap], cost = Σ cut·unit cost, targets met; local cuts only the receptors' own sources. */
function checkPlan(d: Dataset, plan: DrawPlan, targets: ReceptorTarget[], local: boolean) {
  if (plan.cost === null) {
    expect(plan.stepCuts).toEqual([]);
    return;
  }
  const compiled = compile(d);
  expect(plan.stepCuts).toHaveLength(compiled.steps.length);
  const own = new Set(targets.map((t) => compiled.receptorJurisdiction[compiled.receptorIndex.get(t.receptor)!]));
  const outside = plan.stepCuts.filter((cut, k) => !(cut >= 0 && cut <= compiled.steps[k].cap) || (local && cut > 0 && !own.has(compiled.steps[k].jurisdiction)));
  expect(outside).toEqual([]);
  expect(relClose(sum(plan.stepCuts.map((cut, k) => cut * compiled.steps[k].unitCost)), plan.cost, 1e-9)).toBe(true);
  for (const { receptor, target } of targets) {
    const r = compiled.receptorIndex.get(receptor)!;
    const ozone = d.receptors[r].baseline - sum(plan.stepCuts.map((cut, k) => cut * compiled.effect[r][k]));
    expect(ozone).toBeLessThanOrEqual(target + 1e-6);
  }
}

describe('each draw', () => {
  it("gives plans that keep cuts within bounds and meet the target (fast path, every draw of a run)", () => {
    const values = drawValues(dataset, { targets: beijing, draws: 300, seed: 9 });
    let feasible = 0;
    for (const v of values) {
      const d = applyInputs(dataset, v);
      const draw = solveDraw(glpk, d, beijing);
      checkPlan(d, draw.regional, beijing, false);
      checkPlan(d, draw.local, beijing, true);
      if (draw.local.cost !== null) {
        feasible++;
        // Regional control may use every source local control may, so it never costs more.
        expect(draw.regional.cost!).toBeLessThanOrEqual(draw.local.cost * (1 + 1e-9));
      }
    }
    expect(feasible).toBeGreaterThan(100);
  });

  it('gives plans that meet every target with several receptors (LP path)', () => {
    const targets = ['beijing', 'tianjin', 'baoding'].map((receptor) => ({ receptor, target: beijing[0].target }));
    for (const v of drawValues(dataset, { targets, draws: 8, seed: 2 })) {
      const d = applyInputs(dataset, v);
      const draw = solveDraw(glpk, d, targets, true);
      expect(draw.shapley).toBeNull();
      checkPlan(d, draw.regional, targets, false);
      checkPlan(d, draw.local, targets, true);
    }
  });

  it('costs what glpk.js finds, in both scenarios (one receptor: the merit order is exact)', () => {
    let compared = 0;
    for (const target of [beijing[0].target, beijingTarget(dataset, 0.9)]) {
      const targets = [{ receptor: 'beijing', target }];
      for (const v of drawValues(dataset, { targets, draws: 10, seed: 5 })) {
        const d = applyInputs(dataset, v);
        const draw = solveDraw(glpk, d, targets);
        for (const scenario of ['regional', 'local'] as const) {
          const lp = solvePlan(glpk, d, { scenario, targets });
          expect(draw[scenario].cost === null).toBe(!lp.feasible);
          if (!lp.feasible) continue;
          expect(relClose(draw[scenario].cost!, lp.totalCost!, 1e-6), `${scenario} ${target}: ${draw[scenario].cost} vs ${lp.totalCost}`).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(25);
  });

  it("values coalitions exactly as costGame does, so the Shapley shares are the game's", () => {
    let compared = 0;
    for (const v of drawValues(dataset, { targets: beijing, draws: 8, seed: 11 })) {
      const d = applyInputs(dataset, v);
      if (solveDraw(glpk, d, beijing).regional.cost === null) continue; // costGame needs a feasible v(N)
      compared++;
      const game = costGame(glpk, d, { targets: beijing, players: 'provinces' });
      const fast = meritGame(d, beijing[0])!;
      expect(fast.players).toEqual(game.players);
      Array.from(game.value).forEach((value, mask) => expect(relClose(fast.value[mask], value, 1e-9), `mask ${mask}`).toBe(true));
      Array.from(game.shortfall).forEach((s, mask) => expect(fast.shortfall[mask]).toBeCloseTo(s, 9));
      const phi = solveDraw(glpk, d, beijing, true).shapley!;
      shapley(game).forEach((x, i) => expect(relClose(phi[i], x, 1e-9)).toBe(true));
    }
    expect(compared).toBeGreaterThan(3);
    // A target Beijing cannot meet alone: its damage price values the shortfall.
    const tight = [{ receptor: 'beijing', target: beijingTarget(dataset, 1.2) }];
    const game = costGame(glpk, dataset, { targets: tight, players: 'cities' });
    expect(Array.from(game.shortfall).some((s) => s > 0)).toBe(true);
    const fast = meritGame(dataset, tight[0], 'cities')!;
    Array.from(game.value).forEach((value, mask) => expect(relClose(fast.value[mask], value, 1e-9)).toBe(true));
  });

  it('does not attempt a target below the background, as solvePlan does not, though the cuts could reach it', () => {
    // Coefficients strong enough for the linear response to remove more than baseline - background.
    const strong = applyInputs(dataset, { 'coefficient-scale': input('coefficient-scale').high, 'own-share-beijing': input('own-share-beijing').high });
    strong.coefficients = strong.coefficients.map((row) => row.map((cell) => cell.map((a) => a * 20)));
    const { background } = strong.receptors[beijingIndex];
    const at = (target: number) => [{ receptor: 'beijing', target }];
    for (const scenario of ['regional', 'local'] as const) expect(solveDraw(glpk, strong, at(background + 1))[scenario].cost).not.toBeNull();
    expect(solveDraw(glpk, strong, at(background - 1))).toEqual({ regional: { cost: null, stepCuts: [] }, local: { cost: null, stepCuts: [] }, shapley: null });
    expect(solvePlan(glpk, strong, { scenario: 'regional', targets: at(background - 1) }).feasible).toBe(false);
  });
});

/** Every number is finite and nulls appear only where the report allows them. */
function checkNumbers(report: unknown, allowNull: RegExp) {
  const walk = (value: unknown, path: string) => {
    if (value === null) expect(path).toMatch(allowNull);
    else if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
    else if (typeof value === 'object') for (const [key, child] of Object.entries(value as object)) walk(child, `${path}.${key}`);
  };
  walk(report, '');
  expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
}

/** Where a Monte Carlo report may hold null: a summary no draw gave a value to, an infeasible nominal cost. */
const REPORT_NULLS = /^\.(regional|local|spec|paired\.\w+|nominal\.\w+|cutShares\.\w+|shapleyShares\.\w+)$/;

describe('monteCarlo', () => {
  let report: UncertaintyReport;
  beforeAll(() => {
    report = monteCarlo(glpk, dataset, { targets: beijing, draws: 400, seed: 1 });
  });

  it('repeats exactly for a seed and differs for another', () => {
    expect(monteCarlo(glpk, dataset, { targets: beijing, draws: 400, seed: 1 })).toEqual(report);
    const other = monteCarlo(glpk, dataset, { targets: beijing, draws: 400, seed: 2 });
    expect(other.regional).not.toEqual(report.regional);
    expect(other.nominal).toEqual(report.nominal);
  });

  it('leads with reach, then each plan over the draws it reaches, then both over the same draws', () => {
    expect(report).toMatchObject({ draws: 400, seed: 1, targets: beijing, inputs: dataset.uncertainty!.map((u) => u.id), fixed: {}, spec: null });
    const nominal = solveDraw(glpk, dataset, beijing);
    expect(report.nominal).toEqual({
      regional: nominal.regional.cost,
      local: nominal.local.cost,
      saving: nominal.local.cost! - nominal.regional.cost!,
      ratio: nominal.local.cost! / nominal.regional.cost!,
    });
    expect(report.reach).toEqual({ regional: 1 - report.infeasible.regional / 400, local: 1 - report.infeasible.local / 400 });
    expect(report.reach.local).toBeGreaterThan(0);
    expect(report.reach.local).toBeLessThan(1);
    expect(report.regional!.n).toBe(400 - report.infeasible.regional);
    expect(report.local!.n).toBe(400 - report.infeasible.local);
    // Side by side only over the same draws: every paired summary counts the draws where both reach.
    const paired = Object.values(report.paired);
    // Every paired figure covers the same draws (a free plan on both sides has the ratio 1).
    expect(new Set(paired.map((x) => x!.n))).toEqual(new Set([report.local!.n]));
    for (const x of [report.regional, report.local, ...paired]) {
      expect(x!.p5).toBeLessThanOrEqual(x!.p50);
      expect(x!.p50).toBeLessThanOrEqual(x!.p95);
    }
    expect(report.paired.ratio!.p5).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(report.paired.saving!.p5).toBeGreaterThanOrEqual(-1e-6);
    expect(report.paired.saving!.p5).toBeLessThan(report.paired.saving!.p95);
    checkNumbers(report, REPORT_NULLS);
  });

  it('tells how the chance of reaching the target depends on each input, from the draws in its lowest and highest fifth', () => {
    expect(Object.keys(report.reachByInput)).toEqual(report.inputs);
    const values = drawValues(dataset, { targets: beijing, draws: 400, seed: 1 });
    const reached = values.map((v) => solveDraw(glpk, applyInputs(dataset, v), beijing).local.cost !== null);
    const order = values.map((v, i) => ({ v: v['steps-beijing'], i })).sort((a, b) => a.v - b.v);
    const share = (part: typeof order) => part.filter(({ i }) => reached[i]).length / part.length;
    expect(report.reachByInput['steps-beijing'].low.local).toBeCloseTo(share(order.slice(0, 80)), 12);
    expect(report.reachByInput['steps-beijing'].high.local).toBeCloseTo(share(order.slice(-80)), 12);
    // More of Beijing's steps open: acting alone reaches the target more often.
    expect(report.reachByInput['steps-beijing'].high.local).toBeGreaterThan(report.reachByInput['steps-beijing'].low.local);
  });

  it('counts what an independent glpk.js solve of the same draws finds', () => {
    const query = { targets: [{ receptor: 'beijing', target: beijingTarget(dataset, 0.8) }], draws: 60, seed: 3 };
    const small = monteCarlo(glpk, dataset, query);
    const infeasible = { local: 0, regional: 0 };
    let both = 0;
    const regional: number[] = [];
    for (const v of drawValues(dataset, query)) {
      const d = applyInputs(dataset, v);
      const [r, l] = (['regional', 'local'] as const).map((scenario) => solvePlan(glpk, d, { scenario, targets: query.targets }));
      if (!l.feasible) infeasible.local++;
      if (!r.feasible) infeasible.regional++;
      else regional.push(r.totalCost!);
      if (r.feasible && l.feasible) both++;
    }
    expect(small.infeasible).toEqual(infeasible);
    expect(infeasible.local).toBeGreaterThan(0);
    expect(both).toBeGreaterThan(0);
    expect(small.paired.saving!.n).toBe(both);
    expect(small.regional!.n).toBe(regional.length);
    expect(relClose(small.regional!.mean, sum(regional) / regional.length, 1e-6)).toBe(true);
    // Percentiles interpolate linearly between the sorted draws.
    const sorted = [...regional].sort((a, b) => a - b);
    const quantile = (p: number) => {
      const x = p * (sorted.length - 1);
      return sorted[Math.floor(x)] + (sorted[Math.ceil(x)] - sorted[Math.floor(x)]) * (x - Math.floor(x));
    };
    for (const [key, p] of [['p5', 0.05], ['p50', 0.5], ['p95', 0.95]] as const) expect(relClose(small.regional![key], quantile(p), 1e-6), key).toBe(true);
  });

  it("splits the regional plan's tonnes among jurisdictions (shares sum to 1 in every draw)", () => {
    const summaries = Object.values(report.cutShares);
    expect(Object.keys(report.cutShares)).toEqual(dataset.jurisdictions.map((j) => j.id));
    // Every draw with a regional plan cuts something (the target is below every drawn baseline).
    expect(new Set(summaries.map((s) => s!.n))).toEqual(new Set([report.regional!.n]));
    // Every summary covers the same draws, so the means sum to the mean of per-draw sums.
    expect(sum(summaries.map((s) => s!.mean))).toBeCloseTo(1, 9);
    expect(summaries.every((s) => s!.p5 >= 0 && s!.p95 <= 1)).toBe(true);
  });

  it("gives each province's Shapley share of the regional cost (the shares sum to 1)", () => {
    expect(Object.keys(report.shapleyShares)).toEqual(['beijing', 'tianjin', 'hebei']);
    expect(sum(Object.values(report.shapleyShares).map((s) => s!.mean))).toBeCloseTo(1, 9);
    expect(report.shapleyShares.beijing!.p50).toBeGreaterThan(0);
  });

  it('holds fixed inputs at their values and samples the rest', () => {
    const fixed = { 'cost-beijing': 2, 'baseline-beijing': input('baseline-beijing').low };
    const held = monteCarlo(glpk, dataset, { targets: beijing, draws: 50, fixed });
    expect(held.inputs).toEqual(dataset.uncertainty!.map((u) => u.id).filter((id) => !(id in fixed)));
    expect(held.fixed).toEqual(fixed);
    const at = solveDraw(glpk, applyInputs(dataset, fixed), beijing);
    expect(held.nominal.regional).toBe(at.regional.cost);
    expect(held.nominal.local).toBe(at.local.cost);
  });

  it('draws nothing for a dataset without uncertain inputs, and says so by its zero draws', () => {
    const { uncertainty: _, ...bare } = dataset;
    const flat = monteCarlo(glpk, bare, { targets: beijing, draws: 20 });
    expect(flat).toMatchObject({ draws: 0, inputs: [], regional: null, local: null, paired: { regional: null, local: null, saving: null, ratio: null }, reachByInput: {} });
    expect(flat.nominal.regional).toBeGreaterThan(0);
    expect(tornado(glpk, bare, { targets: beijing })).toEqual({ base: flat.nominal, rows: [] });
  });

  it('counts a target below the background as infeasible in every draw, without NaN', () => {
    const target = dataset.receptors[beijingIndex].background + input('background').low - 1;
    const impossible = monteCarlo(glpk, dataset, { targets: [{ receptor: 'beijing', target }], draws: 30 });
    expect(impossible.infeasible).toEqual({ local: 30, regional: 30 });
    expect(impossible).toMatchObject({ regional: null, local: null, reach: { regional: 0, local: 0 }, paired: { regional: null, local: null, saving: null, ratio: null } });
    expect(Object.values(impossible.cutShares).every((s) => s === null)).toBe(true);
    expect(Object.values(impossible.shapleyShares).every((s) => s === null)).toBe(true);
    checkNumbers(impossible, REPORT_NULLS);
  });

  it("runs on the bundled dataset's own inputs, if it lists any", () => {
    const bundled = defaultDataset();
    const targets = [{ receptor: bundled.receptors[0].id, target: bundled.standards.publishedTarget }];
    const own = monteCarlo(glpk, bundled, { targets, draws: 100 });
    expect(own.inputs).toEqual((bundled.uncertainty ?? []).map((u) => u.id));
    expect((own.regional?.n ?? 0) + own.infeasible.regional).toBe(100);
    checkNumbers(own, REPORT_NULLS);
  });

  it('solves several receptors with the LP and leaves the Shapley shares out', () => {
    const targets = ['beijing', 'tianjin'].map((receptor) => ({ receptor, target: beijing[0].target }));
    const several = monteCarlo(glpk, dataset, { targets, draws: 10 });
    expect(several.shapleyShares).toEqual({});
    expect(several.regional!.n + several.infeasible.regional).toBe(10);
    expect(several.regional!.n).toBeGreaterThan(0);
    const progress: number[] = [];
    monteCarlo(glpk, dataset, { targets, draws: 3 }, (done, total) => progress.push(done / total));
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('leaves the Shapley shares out when there are too many provinces to enumerate every draw', () => {
    const many = structuredClone(dataset);
    many.provinces = many.jurisdictions.map((j) => ({ id: j.id, name: j.name }));
    for (const j of many.jurisdictions) j.province = j.id;
    expect(many.provinces.length).toBeGreaterThan(MAX_SHAPLEY_PROVINCES);
    const report = monteCarlo(glpk, many, { targets: beijing, draws: 5 });
    expect(report.shapleyShares).toEqual({});
    expect(report.regional).not.toBeNull();
  });

  it('rejects bad queries with a QueryError', () => {
    for (const query of [{ draws: 0 }, { draws: 1.5 }, { draws: 10_001 }, { seed: -1 }, { seed: 0.5 }, { fixed: { bogus: 1 } }]) {
      expect(() => monteCarlo(glpk, dataset, { targets: beijing, ...query }), JSON.stringify(query)).toThrow(QueryError);
    }
    expect(() => monteCarlo(glpk, dataset, { targets: [{ receptor: 'paris', target: 190 }] })).toThrow(/Unknown receptor "paris"/);
  });
});

describe('tornado', () => {
  it('moves one input at a time to each end and sorts by the swing in the saving', () => {
    const result = tornado(glpk, dataset, { targets: beijing });
    expect(result.base).toEqual(monteCarlo(glpk, dataset, { targets: beijing, draws: 1 }).nominal);
    expect(result.rows.map((r) => r.input).sort()).toEqual(dataset.uncertainty!.map((u) => u.id).sort());
    const swings = result.rows.map((r) => r.swing);
    const numeric = swings.filter((s): s is number => s !== null);
    expect(swings.slice(0, numeric.length)).toEqual([...numeric].sort((a, b) => b - a));
    expect(numeric[0]).toBeGreaterThan(0);
    // Rows without a swing come last: a saving at one end before none at all.
    const ends = result.rows.slice(numeric.length).map((r) => Number(r.atLow.saving !== null) + Number(r.atHigh.saving !== null));
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    expect(ends.every((n) => n < 2)).toBe(true);
    for (const row of result.rows) {
      const u = input(row.input);
      expect(row).toMatchObject({ name: u.name, low: u.low, high: u.high, unit: u.unit });
      const low = solveDraw(glpk, applyInputs(dataset, { [u.id]: u.low }), beijing);
      expect(row.atLow.regional).toBe(low.regional.cost);
      expect(row.atLow.local).toBe(low.local.cost);
      if (row.swing !== null) expect(row.swing).toBeCloseTo(Math.abs(row.atHigh.saving! - row.atLow.saving!), 3);
      else expect(row.atLow.saving === null || row.atHigh.saving === null).toBe(true);
    }
    checkNumbers(result, /^\.(base|rows\.\d+\.(atLow|atHigh))\.\w+$|^\.rows\.\d+\.(swing|reachSwing)$/);
  });

  it('ranks the inputs without a saving at an end by how much they move the chance of reaching the target', () => {
    const hard = [{ receptor: 'beijing', target: beijingTarget(dataset, 1) }];
    const report = monteCarlo(glpk, dataset, { targets: hard, draws: 200, seed: 4 });
    const ranked = tornado(glpk, dataset, { targets: hard }, report);
    const unranked = tornado(glpk, dataset, { targets: hard });
    expect(ranked.rows.map((r) => r.input).sort()).toEqual(unranked.rows.map((r) => r.input).sort());
    const byReach = ranked.rows.filter((r) => r.swing === null);
    expect(byReach.length).toBeGreaterThan(0);
    expect(byReach.every((r) => r.reachSwing !== null)).toBe(true);
    expect(byReach.map((r) => r.reachSwing)).toEqual(byReach.map((r) => r.reachSwing).sort((a, b) => b! - a!));
    const reach = report.reachByInput[byReach[0].input];
    expect(byReach[0].reachSwing).toBe(Math.max(Math.abs(reach.high.regional - reach.low.regional), Math.abs(reach.high.local - reach.low.local)));
    expect(byReach[0].reachSwing).toBeGreaterThan(0);
  });

  it('leaves fixed inputs out', () => {
    const result = tornado(glpk, dataset, { targets: beijing, fixed: { 'cost-beijing': 0.5 } });
    expect(result.rows.map((r) => r.input)).not.toContain('cost-beijing');
    expect(result.base.regional).toBe(solveDraw(glpk, applyInputs(dataset, { 'cost-beijing': 0.5 }), beijing).regional.cost);
  });
});
