import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { effectByJurisdiction } from '../../src/model/attribution';
import { compile } from '../../src/model/compile';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { meritOrder } from '../../src/model/merit';
import type { Dataset, PlanResult } from '../../src/model/types';
import { adjustedDataset } from '../../src/model/uncertainty';
import { mapMetric } from '../../src/map/metrics';
import { planRows } from '../../src/state/exports';
import { createSolver } from '../../src/worker/solver';
import type { PlanPair } from '../../src/worker/api';
import { DATA_PATH, defaultDataset } from '../fixtures';

// The page gets plans from the worker, which solved them with the visitor's adjustments, and
// derives everything else it shows (map colours and legend, merit order, tables, exports) from
// a dataset: the one it derives with adjustedDataset from the plan's own adjustments. Every
// uncertain input is moved here, and the page's numbers are checked against the plan's.
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const loaded = defaultDataset();
/** The view a first visit opens on (the one the figures are for). */
const targets = [{ receptor: 'beijing', target: loaded.defaults!.target! }];

async function planWith(values: Record<string, number>): Promise<PlanPair> {
  const solver = createSolver(glpk, { sliceMs: -1 });
  const init = await solver.init(new Uint8Array(readFileSync(DATA_PATH)));
  expect(init.ok).toBe(true);
  expect(await solver.adjust(values)).toEqual({ ok: true });
  return solver.plan(targets);
}

/** What the page shows, from a dataset and the plan, against what the plan itself says. */
function agreement(data: Dataset, plan: PlanResult) {
  const { steps } = compile(data);
  // Cost: the merit order's and the tables' unit costs times the plan's cuts give the plan's total.
  const cost = plan.stepCuts.reduce((sum, cut, k) => sum + cut * steps[k].unitCost, 0);
  const rows = planRows(data, 'regional', plan).reduce((sum, row) => sum + (row.costYuan ?? 0), 0);
  // Ozone: the map's effects (from the coefficients) add up to what the plan removes.
  const effects = Object.values(effectByJurisdiction(data, plan)).reduce((sum, e) => sum + e.reduction, 0);
  const baseline = data.receptors.find((r) => r.id === 'beijing')!.baseline;
  return { cost: cost / plan.totalCost!, rows: rows / plan.totalCost!, effects: effects / (baseline - plan.ozone.beijing) };
}

describe('one dataset of record', () => {
  it('with no adjustment, is the dataset as loaded', async () => {
    const pair = await planWith({});
    expect(pair.adjust).toEqual({});
    expect(adjustedDataset(loaded, pair.adjust)).toBe(loaded);
  });

  const inputs = loaded.uncertainty!.map((input) => ({ ...input, value: input.high !== input.nominal ? input.high : input.low }));
  it.each(inputs)('$id at $value: the page derives every number from the dataset the plan was solved with', async ({ id, value }) => {
    const pair = await planWith({ [id]: value });
    // The plan names what it was solved with; the page applies it to the dataset as loaded.
    expect(pair.adjust).toEqual({ [id]: value });
    const record = adjustedDataset(loaded, pair.adjust);
    const plan = pair.regional;
    expect(plan.feasible).toBe(true);
    // The same dataset solves to the same plan.
    const again = solvePlan(glpk, record, plan.query);
    expect(again.totalCost! / plan.totalCost!).toBeCloseTo(1, 9);
    expect(again.stepCuts).toEqual(plan.stepCuts);
    const shown = agreement(record, plan);
    expect(shown.cost).toBeCloseTo(1, 9);
    expect(shown.rows).toBeCloseTo(1, 9);
    expect(shown.effects).toBeCloseTo(1, 9);
    // The merit order of the same dataset: each step's cost per μg/m³ is its unit cost over its effect.
    const { steps, effect, receptorIndex } = compile(record);
    const r = receptorIndex.get('beijing')!;
    for (const m of meritOrder(record, 'beijing')) expect(m.costPerUg).toBeCloseTo(steps[m.step].unitCost / effect[r][m.step], 6);
  });

  it('fixes the legend of issue 16: response 0.8 and costs ×2 give the plan\'s own cost per μg/m³', async () => {
    const pair = await planWith({ response: 0.8, costs: 2 });
    const record = adjustedDataset(loaded, pair.adjust);
    const legend = (data: Dataset) => mapMetric(data, pair.regional, 'effectiveness', 'en').legend.map((c) => c.label);
    const shown = legend(record);
    // The map's range is the plan's spending over the ozone its cuts remove, place by place.
    const effects = effectByJurisdiction(record, pair.regional);
    const perUg = Object.values(effects).flatMap((e) => (e.costPerUg === null ? [] : [e.costPerUg]));
    const metric = mapMetric(record, pair.regional, 'effectiveness', 'en');
    expect(shown[0].split(' – ')[0]).toBe(metric.format(Math.min(...perUg)));
    expect(shown.at(-1)!.split(' – ')[1]).toBe(metric.format(Math.max(...perUg)));
    // The dataset as loaded (what the page used before) tells another story.
    expect(legend(loaded)).not.toEqual(shown);
    expect(agreement(loaded, pair.regional).cost).not.toBeCloseTo(1, 3);
  });
});
