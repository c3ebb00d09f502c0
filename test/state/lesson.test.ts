import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import type { Dataset } from '../../src/model/types';
import type { SweepRow } from '../../src/model/sweep';
import { defaultState, viewContext } from '../../src/state/state';
import { floors, LESSON, ownNoxRaisesOzone, savingTrend, slideBody, slideView, sweepPath } from '../../src/state/lesson';
import { monteCarlo } from '../../src/model/uncertainty';
import { regionalAdvantage } from '../../src/model/sweep';
import { calibratedDataset, defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

function facts(dataset: Dataset, target: number) {
  const view = { ...defaultState(viewContext(dataset), 'en'), target };
  const targets = [{ receptor: 'beijing', target }];
  const plans = { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
  const curve: SweepRow[] = [];
  for (let t = 230; t >= 150; t -= 2) {
    const q = [{ receptor: 'beijing', target: t }];
    const r = solvePlan(glpk, dataset, { scenario: 'regional', targets: q });
    const l = solvePlan(glpk, dataset, { scenario: 'local', targets: q });
    curve.push({ target: t, regional: r.totalCost, local: l.totalCost, saving: r.feasible && l.feasible ? l.totalCost! - r.totalCost! : null, marginalLocal: null, marginalRegional: null, equal: null });
  }
  return { dataset, view, plans, curve };
}

describe('the lesson says what the data and the plan say', () => {
  it('slide 1: the status quo is a cut of 0%, so nothing is spent in any draw either', () => {
    const dataset = defaultDataset();
    const ctx = viewContext(dataset);
    const view = slideView(defaultState(ctx, 'en'), 0, ctx, dataset.receptors[0].baseline);
    expect(view).toMatchObject({ goal: 'cut', target: dataset.receptors[0].baseline });
    const text = slideBody(LESSON[0], 'en', facts(dataset, dataset.receptors[0].baseline));
    expect(text).toContain('90th percentile of the daily maximum 1-hour ozone');
    expect(text).toContain(`baseline is ${dataset.receptors[0].baseline.toFixed(1)}\u00a0μg/m³`);
  });

  it('slide 2: acting alone reaching the target or not follows the plan, at the central estimates, with the draws when they are in', () => {
    const slide = LESSON[1];
    for (const [dataset, target] of [[defaultDataset(), 196.7], [defaultDataset(), 190], [calibratedDataset(), 196.7]] as const) {
      const f = facts(dataset, target);
      const text = slideBody(slide, 'en', f);
      if (f.plans.local.feasible) expect(text).toMatch(new RegExp(`At the central estimates reaching ${target.toFixed(1)}\u00a0μg/m³ costs it [\\d.]+ (bn|m) yuan a year`));
      else expect(text).toContain(`it gets down to ${f.plans.local.infeasibility[0].bestReachable.toFixed(1)}\u00a0μg/m³ at best, short of ${target.toFixed(1)}`);
      expect(text).not.toMatch(/cannot reach/);
      // Titration is claimed only where the dataset has it.
      expect(text.includes('raises its ozone')).toBe(ownNoxRaisesOzone(dataset, 'beijing'));
    }
    const f = facts(defaultDataset(), 190);
    const report = monteCarlo(glpk, f.dataset, { targets: f.plans.local.query.targets, draws: 50, seed: 2 });
    expect(slideBody(slide, 'en', { ...f, report })).toMatch(/reaches 190\.0\u00a0μg\/m³ in (\d+%|under 1%|over 99%) of draws/);
    // Without a plan for the view, no number is said.
    expect(slideBody(slide, 'en', { ...facts(defaultDataset(), 196.7), plans: null })).not.toMatch(/196\.7|\d+\.\d\u00a0μg/);
  });

  it('slide 4: the exact floors, and where acting together is cheaper from the cost curve', () => {
    const f = facts(defaultDataset(), 196.7);
    const floor = floors(f.dataset, 'beijing');
    const text = slideBody(LESSON[3], 'en', f);
    expect(text).toContain(`tighter than ${floor.local.toFixed(1)}\u00a0μg/m³`);
    expect(text).toContain(`reaches down to ${floor.regional.toFixed(1)}\u00a0μg/m³`);
    // The same floor the plan reports when the target is out of reach.
    expect(solvePlan(glpk, f.dataset, { scenario: 'local', targets: [{ receptor: 'beijing', target: 150 }] }).infeasibility[0].bestReachable).toBeCloseTo(floor.local, 9);
    const advantage = regionalAdvantage(f.curve);
    expect(text).toContain(`cheaper than acting alone only between ${advantage.cheaper!.from.toFixed(1)}\u00a0μg/m³ and ${advantage.cheaper!.to.toFixed(1)}\u00a0μg/m³`);
    const trend = savingTrend(f.curve);
    expect(text.includes('the saving grows')).toBe(!!trend?.grows);
  });

  it('slide 5 says how much of the least-cost plan is spent outside Beijing, from the plan', () => {
    const f = facts(defaultDataset(), 190);
    const plan = f.plans.regional;
    const outside = Math.round((1 - plan.byJurisdiction.beijing.cost / plan.totalCost!) * 100);
    expect(slideBody(LESSON[4], 'en', f)).toContain(`${outside}% of the spending is outside Beijing`);
  });

  it('the sweep walks from the slide target down to the lowest target regional control reaches, never past it', () => {
    const dataset = defaultDataset();
    const floor = floors(dataset, 'beijing').regional;
    const path = sweepPath(196.7, floor, { min: 150, max: 240 });
    expect(path[0]).toBe(196.7);
    // It ends on the floor rounded up to the slider's step: the tightest target regional control still reaches.
    expect(path[path.length - 1]).toBe(Math.ceil(floor * 10) / 10);
    expect(path[path.length - 1]).toBeGreaterThanOrEqual(floor);
    expect(path.every((t, i) => i === 0 || t < path[i - 1])).toBe(true);
  });

  it('ends with a takeaway worded from the plan and the curve, beside the published study', () => {
    const last = LESSON[LESSON.length - 1];
    expect(last.title.en).toMatch(/takeaway/i);
    expect(slideBody(last, 'en', facts(calibratedDataset(), 196.7))).toMatch(/3\.6× as much/);
    const f = facts(defaultDataset(), 196.7);
    const text = slideBody(last, 'en', f);
    expect(text).toContain(`this model's cost of acting together is ${(f.plans.regional.totalCost! / 0.572e9).toFixed(1)}× the study's`);
    expect(text).not.toMatch(/cheapest cuts for Beijing are often elsewhere/);
  });
});
