import { beforeAll, describe, expect, it } from 'vitest';
import { costBasis } from '../../src/model/attribution';
import { hindcast, modelledChange, observedChange, responseScale } from '../../src/model/evidence';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { resolveTargets } from '../../src/model/targets';
import type { Dataset, EvidenceCase } from '../../src/model/types';
import { applyInputs, drawValues, monteCarlo, solveDraw } from '../../src/model/uncertainty';
import { ugPerPpbAt } from '../../src/model/units';
import { validateDataset } from '../../src/model/validate';
import { defaultDataset, tinyDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const text = (s: string) => ({ en: s, zh: s });
const dataset = defaultDataset();
const input = (id: string) => dataset.uncertainty!.find((u) => u.id === id)!;
const evidence = (id: string) => dataset.evidence!.find((e) => e.id === id)!;
const beijing = dataset.receptors.findIndex((r) => r.id === 'beijing');
/** The factor by which a draw rescaled Beijing's coefficients (all cells move together unless an input moved some). */
const scaleOf = (d: Dataset) => d.coefficients[beijing][5][1] / dataset.coefficients[beijing][5][1];

describe('the model of an evidence case', () => {
  // tinyDataset: 3 places, 1 pollutant; its receptors carry coefficients per place.
  const tiny = tinyDataset();
  const [r] = tiny.receptors;
  const a = (place: string) => tiny.coefficients[0][tiny.jurisdictions.findIndex((j) => j.id === place)][0];
  const emissions = (place: string) => tiny.sources.filter((s) => s.jurisdiction === place).reduce((t, s) => t + s.emissions, 0);
  const place = tiny.jurisdictions[1].id;
  const base: EvidenceCase = { id: 'c', name: text('c'), receptor: r.id, role: 'hindcast', ref: tiny.coefficientsRef, changes: [], observed: { direction: 'fell', note: text('n') } };

  it('removes coefficient × tonnes for a fractional cut, and for tonnes spread over the matched sources by their emissions', () => {
    const fraction = modelledChange(tiny, { ...base, changes: [{ where: { jurisdictions: [place] }, fraction: 0.2 }] });
    expect(fraction).toBeCloseTo(-a(place) * 0.2 * emissions(place), 9);
    const tonnes = modelledChange(tiny, { ...base, changes: [{ where: { jurisdictions: [place] }, tonnes: 1000 }] });
    expect(tonnes).toBeCloseTo(-a(place) * 1000, 9);
    // An increase is a negative cut; a scale multiplies the change.
    expect(modelledChange(tiny, { ...base, changes: [{ where: { jurisdictions: [place] }, fraction: -0.2 }] })).toBeCloseTo(-fraction, 9);
    expect(modelledChange(tiny, { ...base, changes: [{ where: { jurisdictions: [place] }, fraction: 0.2 }] }, 1.5)).toBeCloseTo(1.5 * fraction, 9);
  });

  it('counts negative coefficients as zero at a site without titration', () => {
    const t = structuredClone(tiny);
    t.coefficients[0][1][0] = -Math.abs(t.coefficients[0][1][0]);
    const cut = { ...base, changes: [{ fraction: 0.3 }] };
    expect(modelledChange(t, cut)).toBeGreaterThan(modelledChange(t, { ...cut, noTitration: true }));
    expect(modelledChange(t, { ...cut, noTitration: true })).toBeCloseTo(modelledChange({ ...t, coefficients: [t.coefficients[0].map((c) => c.map((x) => Math.max(x, 0)))] }, cut), 12);
  });

  it('reads an observed level as the change from the baseline', () => {
    expect(observedChange(tiny, { ...base, observed: { level: r.baseline - 12, direction: 'fell', note: text('n') } })).toBeCloseTo(-12, 12);
    expect(observedChange(tiny, base)).toBeNull();
  });
});

describe('the response scale', () => {
  it('reproduces the first response case at 0, the second at 1, and their geometric mean between', () => {
    const [first, second] = dataset.evidence!.filter((e) => e.role === 'response');
    const ratio = (e: EvidenceCase) => observedChange(dataset, e)! / modelledChange(dataset, e);
    expect(responseScale(dataset, 0)).toBeCloseTo(ratio(first), 12);
    expect(responseScale(dataset, 1)).toBeCloseTo(ratio(second), 12);
    expect(responseScale(dataset, 0.3)).toBeCloseTo(ratio(first) ** 0.7 * ratio(second) ** 0.3, 12);
    // Without response evidence nothing is rescaled.
    expect(responseScale({ ...dataset, evidence: [] }, 0.3)).toBe(1);
  });

  it('is built into the default dataset: at its own values the model sits where its response input says', () => {
    expect(responseScale(dataset, input('response').nominal)).toBeCloseTo(1, 5);
    // The two cases bracket the scale, inside the range the evidence review allows (0.27-0.70 of zeroing the emissions).
    const [low, high] = [responseScale(dataset, 0), responseScale(dataset, 1)].sort((x, y) => x - y);
    expect(low).toBeLessThan(1);
    expect(high).toBeGreaterThan(1);
  });

  it('moves with the baseline it was derived on: in a draw the model reproduces the evidence at the drawn values, within the allowed range', () => {
    const { high } = input('baseline-beijing');
    const baseline = dataset.receptors[beijing].baseline;
    for (const b of [baseline, baseline + 4, high]) {
      const atAttainment = applyInputs(dataset, { 'baseline-beijing': b, response: 0 });
      expect(atAttainment.receptors[beijing].baseline).toBeCloseTo(b, 9);
      // Attainment: the study's cuts take the drawn baseline exactly to the observed level.
      expect(modelledChange(atAttainment, evidence('attainment'))).toBeCloseTo(evidence('attainment').observed.level! - b, 6);
      const atOlympics = applyInputs(dataset, { 'baseline-beijing': b, response: 1 });
      expect(modelledChange(atOlympics, evidence('olympics-miyun'))).toBeCloseTo(evidence('olympics-miyun').observed.change!, 6);
    }
    // A higher baseline needs a larger drop to reach the attainment level: a stronger response.
    const k = (b: number) => scaleOf(applyInputs(dataset, { 'baseline-beijing': b, response: 0 }));
    expect(k(high)).toBeGreaterThan(k(baseline));
  });

  it('is held within the dataset\'s response range where the evidence would push it further', () => {
    const range = dataset.responseRange!;
    const bare = { ...dataset, evidence: undefined };
    // The rescale a draw makes: its coefficients against the same draw without evidence.
    const factor = (values: Record<string, number>) => applyInputs(dataset, values).coefficients[beijing][5][1] / applyInputs(bare, values).coefficients[beijing][5][1];
    // A baseline drawn right next to the attainment level leaves that bound with almost nothing to remove.
    expect(factor({ 'baseline-beijing': input('baseline-beijing').low, response: 0 })).toBeCloseTo(range.low, 6);
    expect(factor({ titration: input('titration').high, 'beijing-own': input('beijing-own').high, response: 1 })).toBeLessThanOrEqual(range.high + 1e-9);
    for (const values of drawValues(dataset, { targets: [{ receptor: 'beijing', target: 196.7 }], draws: 200, seed: 5 })) {
      const f = factor(values);
      expect(f).toBeGreaterThanOrEqual(range.low - 1e-9);
      expect(f).toBeLessThanOrEqual(range.high + 1e-9);
    }
  });

  it('follows the sampled evidence: a larger Olympic drop or smaller attainment cuts mean a stronger response', () => {
    const drop = input('olympic-drop');
    expect(scaleOf(applyInputs(dataset, { 'olympic-drop': drop.low, response: 1 }))).toBeGreaterThan(scaleOf(applyInputs(dataset, { 'olympic-drop': drop.high, response: 1 })));
    const cut = input('attainment-cut');
    expect(scaleOf(applyInputs(dataset, { 'attainment-cut': cut.low, response: 0 }))).toBeGreaterThan(scaleOf(applyInputs(dataset, { 'attainment-cut': cut.high, response: 0 })));
  });

  it('is re-derived after titration moves, so the evidence still holds', () => {
    const t = input('titration');
    const moved = applyInputs(dataset, { titration: t.high, response: 0 });
    expect(modelledChange(moved, evidence('attainment'))).toBeCloseTo(observedChange(moved, evidence('attainment'))!, 6);
  });
});

describe('inventory errors', () => {
  const emissionInputs = dataset.uncertainty!.filter((u) => u.effect === 'emissions');

  it('cover every source at most once, so no inventory is counted twice', () => {
    for (const s of dataset.sources) {
      const matching = emissionInputs.filter((u) => (['jurisdictions', 'sectors', 'pollutants'] as const).every((key) => {
        const list = u.where?.[key];
        const id = key === 'jurisdictions' ? s.jurisdiction : key === 'sectors' ? s.sector : s.pollutant;
        return !list || list.includes(id);
      }));
      expect(matching.length, s.id).toBeLessThanOrEqual(1);
    }
  });

  it('change what cutting costs, never the ozone that can be removed (the regional floor stays)', () => {
    const floor = (d: Dataset) => solvePlan(glpk, d, { scenario: 'regional', targets: [{ receptor: 'beijing', target: 100 }] }).infeasibility[0].bestReachable;
    const cost = (d: Dataset) => solvePlan(glpk, d, { scenario: 'regional', targets: [{ receptor: 'beijing', target: dataset.standards.publishedTarget }] }).totalCost!;
    for (const u of emissionInputs) {
      const [low, high] = [applyInputs(dataset, { [u.id]: u.low }), applyInputs(dataset, { [u.id]: u.high })];
      expect(floor(low), u.id).toBeCloseTo(floor(dataset), 9);
      expect(floor(high), u.id).toBeCloseTo(floor(dataset), 9);
      expect(cost(high), u.id).toBeGreaterThanOrEqual(cost(low));
    }
    const voc = emissionInputs.find((u) => u.id === 'industry-voc')!;
    expect(cost(applyInputs(dataset, { [voc.id]: voc.high }))).toBeGreaterThan(cost(applyInputs(dataset, { [voc.id]: voc.low })));
  });
});

describe('one unit convention', () => {
  it('holds the default dataset to 298.15 K: its ppb factor, its measured baseline and its background converted', () => {
    expect(dataset.units.referenceTemperatureK).toBe(298.15);
    expect(dataset.units.ugPerPpb).toBeCloseTo(ugPerPpbAt(298.15), 4);
    expect(dataset.units.statistic?.en).toMatch(/90th percentile of the daily maximum 1-hour ozone/);
    // Beijing 2015, measured at 273.15 K: 225.9 μg/m³.
    expect(dataset.receptors[beijing].baseline).toBeCloseTo((225.9 * 273.15) / 298.15, 1);
    // Background 44.5 ppb (Lu 2019), a mixing ratio: the same at any temperature, in μg/m³ at 298.15 K.
    expect(dataset.receptors[beijing].background).toBeCloseTo(44.5 * ugPerPpbAt(298.15), 1);
    expect(validateDataset(structuredClone(dataset))).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('targets below the baseline', () => {
  it('resolve at each receptor\'s own baseline', () => {
    const b = dataset.receptors[beijing].baseline;
    expect(resolveTargets(dataset, ['beijing'], { kind: 'cut', value: 10 })[0].target).toBeCloseTo(0.9 * b, 12);
    expect(resolveTargets(dataset, ['beijing'], { kind: 'below', value: 20 })[0].target).toBeCloseTo(b - 20, 12);
    expect(resolveTargets(dataset, ['tianjin'], { kind: 'level', value: 190 })[0].target).toBe(190);
    expect(() => resolveTargets(dataset, ['beijing'], { kind: 'cut', value: 100 })).toThrow(/less than 100%/);
  });

  it('follow each draw\'s baseline in the Monte Carlo, so the task stays "so much below today"', () => {
    const spec = { kind: 'cut', value: 5 } as const;
    const targets = resolveTargets(dataset, ['beijing'], spec);
    const query = { targets, spec, draws: 40, seed: 9 };
    const report = monteCarlo(glpk, dataset, query);
    const regional: number[] = [];
    for (const values of drawValues(dataset, query)) {
      const drawn = applyInputs(dataset, values);
      const cost = solveDraw(glpk, drawn, resolveTargets(drawn, ['beijing'], spec)).regional.cost;
      if (cost !== null) regional.push(cost);
    }
    expect(report.regional!.n).toBe(regional.length);
    expect(report.regional!.mean).toBeCloseTo(regional.reduce((x, y) => x + y, 0) / regional.length, 0);
    // Held at the level instead, the draws differ.
    const level = monteCarlo(glpk, dataset, { targets, draws: 40, seed: 9 });
    expect(level.regional!.mean).not.toBeCloseTo(report.regional!.mean, 0);
  });
});

describe('hindcast', () => {
  const cases = hindcast(dataset);

  it('puts the model beside every observation, in the dataset\'s units', () => {
    expect(cases.map((c) => c.id)).toEqual(dataset.evidence!.map((e) => e.id));
    for (const c of cases) {
      expect(c.units).toBe('ug/m3 at 298.15 K');
      expect(Number.isFinite(c.modelled.change)).toBe(true);
      expect(['rose', 'fell', 'flat']).toContain(c.modelled.direction);
      expect(c.agreement).toBe(c.role === 'response' ? 'by-construction' : c.observed.direction === c.modelled.direction ? 'agrees' : 'disagrees');
    }
  });

  it('reproduces the observed sign of Beijing\'s 2013-2015 cuts (titration), across the titration range', () => {
    expect(cases.find((c) => c.id === 'beijing-2013-2015')).toMatchObject({ observed: { direction: 'rose' }, modelled: { direction: 'rose' }, agreement: 'agrees' });
    const weakest = applyInputs(dataset, { titration: input('titration').low });
    expect(modelledChange(weakest, evidence('beijing-2013-2015'))).toBeGreaterThan(0);
  });
});

describe('what a plan\'s cost rests on', () => {
  it('splits the spending by whether each step\'s unit cost is sourced (published or derived) or assumed', () => {
    const plan = solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'beijing', target: 190 }] });
    const basis = costBasis(dataset, plan);
    expect(basis.sourced + basis.assumed).toBeCloseTo(plan.totalCost!, 0);
    expect(basis.sourced).toBeGreaterThan(0);
    expect(basis.assumed).toBeGreaterThan(0);
    // Marking every reference assumed moves everything to assumed.
    const allAssumed = structuredClone(dataset);
    for (const ref of Object.values(allAssumed.meta.references)) ref.kind = 'assumed';
    expect(costBasis(allAssumed, plan).sourced).toBe(0);
    expect(costBasis(allAssumed, plan).assumed).toBeCloseTo(basis.sourced + basis.assumed, 0);
  });
});
