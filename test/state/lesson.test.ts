import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import type { Dataset } from '../../src/model/types';
import type { SweepRow } from '../../src/model/sweep';
import { defaultState, viewContext } from '../../src/state/state';
import { curveFloors, LESSON, ownNoxRaisesOzone, savingTrend, slideBody, sweepPath } from '../../src/state/lesson';
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
    curve.push({ target: t, regional: r.totalCost, local: l.totalCost, saving: r.feasible && l.feasible ? l.totalCost! - r.totalCost! : null, marginalLocal: null, marginalRegional: null });
  }
  return { dataset, view, plans, curve };
}

describe('the lesson says what the data and the plan say', () => {
  it('slide 2: local control reaching the target or not follows the plan, in both datasets', () => {
    const slide = LESSON[1];
    const grounded = slideBody(slide, 'en', facts(defaultDataset(), 196.7));
    expect(grounded).toMatch(/it cannot reach 196\.7\u00a0μg\/m³ at all/);
    expect(grounded).toMatch(/gets down to 213\.\d\u00a0μg\/m³ at best/);
    const calibrated = slideBody(slide, 'en', facts(calibratedDataset(), 196.7));
    expect(calibrated).toMatch(/^Under local control .* Reaching 196\.7\u00a0μg\/m³ costs it 2\.05 bn yuan a year/);
    expect(calibrated).not.toMatch(/cannot reach/);
    // Titration is claimed only where the dataset has it.
    expect(grounded.includes('raises its ozone')).toBe(ownNoxRaisesOzone(defaultDataset(), 'beijing'));
    // Without a plan for the view, no number is said.
    expect(slideBody(slide, 'en', { ...facts(defaultDataset(), 196.7), plans: null })).not.toMatch(/196\.7|213/);
  });

  it('slide 4: the floors and the saving trend come from the cost curve', () => {
    const f = facts(defaultDataset(), 196.7);
    const floors = curveFloors(f.curve);
    const text = slideBody(LESSON[3], 'en', f);
    expect(text).toContain(`tighter than ${floors.local!.toFixed(1)}\u00a0μg/m³`);
    expect(text).toContain(`reaches down to ${floors.regional!.toFixed(1)}\u00a0μg/m³`);
    const trend = savingTrend(f.curve);
    expect(text.includes('the saving grows')).toBe(!!trend?.grows);
  });

  it('the sweep walks from the slide target down to the lowest target regional control reaches, never past it', () => {
    const f = facts(defaultDataset(), 196.7);
    const path = sweepPath(196.7, f.curve, { min: 150, max: 240 });
    expect(path[0]).toBe(196.7);
    expect(path[path.length - 1]).toBe(curveFloors(f.curve).regional);
    expect(path.every((t, i) => i === 0 || t < path[i - 1])).toBe(true);
  });

  it('ends with a takeaway slide worded from the plan', () => {
    const last = LESSON[LESSON.length - 1];
    expect(last.title.en).toMatch(/takeaway/i);
    expect(slideBody(last, 'en', facts(calibratedDataset(), 196.7))).toMatch(/3\.6× as much/);
    expect(slideBody(last, 'en', facts(defaultDataset(), 196.7))).toMatch(/cannot get below 213\.\d/);
  });
});
