import { beforeAll, describe, expect, it } from 'vitest';
import { meritOrderKey } from '../../src/charts/keys';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { jurisdictionOf, jurisdictionsOf, placeName } from '../../src/model/places';
import { validateDataset } from '../../src/model/validate';
import { labelPriority } from '../../src/map/labels';
import { mapCaption, mapMetric } from '../../src/map/metrics';
import { headline } from '../../src/state/headline';
import { describeView, LESSON, slideBody, slideView } from '../../src/state/lesson';
import { decodeState, defaultState, encodeState, viewContext, type ViewState } from '../../src/state/state';
import { splitDataset } from '../fixtures';

// Receptor ids differ from jurisdiction ids here: Riverton holds two receptors (rv-north,
// rv-south), Hillcrest none, Lakeside one (lk-pier). `selected` holds a jurisdiction.
const dataset = splitDataset();
const ctx = viewContext(dataset);
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const viewOf = (patch: Partial<ViewState>): ViewState => ({ ...defaultState(ctx, 'en'), ...patch });
function plansFor(view: ViewState) {
  const targets = view.receptors.map((receptor) => ({ receptor, target: view.target }));
  return { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }), solveMs: 0, adjust: {} };
}

describe('receptors that are not jurisdictions', () => {
  it('the dataset is valid, and the view knows both kinds', () => {
    expect(validateDataset(dataset)).toMatchObject({ ok: true });
    expect(ctx.receptors).toEqual(['rv-north', 'rv-south', 'lk-pier']);
    expect(ctx.jurisdictions).toEqual(['riverton', 'hillcrest', 'lakeside']);
    expect(jurisdictionOf(dataset, 'rv-south')).toBe('riverton');
    expect(jurisdictionsOf(dataset, ['rv-north', 'lk-pier', 'rv-south'])).toEqual(['riverton', 'lakeside']);
  });

  it('one lookup names a place from either id kind', () => {
    expect(placeName(dataset, 'riverton', 'en')).toBe('Riverton');
    expect(placeName(dataset, 'hillcrest', 'zh')).toBe('山冈');
    // Alone in its jurisdiction a receptor takes its name; one of two is told apart by its id.
    expect(placeName(dataset, 'lk-pier', 'en')).toBe('Lakeside');
    expect(placeName(dataset, 'rv-north', 'en')).toBe('Riverton · rv-north');
    expect(placeName(dataset, 'nowhere', 'en')).toBe('nowhere');
  });

  it('a link selects a jurisdiction (even one with no receptor), never a receptor id', () => {
    const hill = decodeState('?selected=hillcrest&receptors=rv-north,rv-south', ctx);
    expect(hill.state).toMatchObject({ selected: 'hillcrest', receptors: ['rv-north', 'rv-south'] });
    expect(hill.notices).toEqual([]);
    expect(decodeState(`?${encodeState(hill.state, ctx)}`, ctx).state).toMatchObject({ selected: 'hillcrest', receptors: ['rv-north', 'rv-south'] });
    const receptor = decodeState('?selected=rv-north', ctx);
    expect(receptor.state.selected).toBeNull();
    expect(receptor.notices).toMatchObject([{ param: 'selected', key: 'notice.unknownIds' }]);
  });

  it('the merit order key: local control shows the receptor\'s own province; the selection is named', () => {
    const key = (patch: Partial<ViewState>) => meritOrderKey(dataset, viewOf({ scenario: 'local', ...patch }));
    expect(key({ receptors: ['rv-south'] }).filter((k) => k.id.startsWith('province-')).map((k) => k.id)).toEqual(['province-north']);
    expect(key({ receptors: ['lk-pier'] }).filter((k) => k.id.startsWith('province-')).map((k) => k.id)).toEqual(['province-south']);
    expect(key({ receptors: ['lk-pier'], selected: 'hillcrest' }).find((k) => k.id === 'selected')?.label).toBe('Hillcrest, selected on the map');
  });

  it('the map: labels of places holding a constrained receptor go first; the caption names the receptors', () => {
    const view = viewOf({ receptors: ['rv-north', 'rv-south'], target: 160 });
    const constrained = jurisdictionsOf(dataset, view.receptors);
    expect(labelPriority('riverton', null, constrained, null, 1)).toBe(1);
    expect(labelPriority('hillcrest', 'hillcrest', constrained, null, 1)).toBe(0);
    expect(labelPriority('lakeside', null, constrained, null, 1)).toBeGreaterThan(1);
    const plans = plansFor(view);
    expect(plans.regional.feasible).toBe(true);
    // Every jurisdiction has a value slot, Hillcrest included, whatever the receptors.
    expect(Object.keys(mapMetric(dataset, plans.regional, 'spending', 'en').values)).toEqual(['riverton', 'hillcrest', 'lakeside']);
    expect(mapCaption(dataset, plans.regional, view).title).toContain('Riverton · rv-north and Riverton · rv-south');
  });

  it('local control: both Riverton receptors are served by Riverton\'s own sources', () => {
    const plans = plansFor(viewOf({ receptors: ['rv-north', 'rv-south'], target: 160 }));
    expect(plans.local.feasible).toBe(true);
    const spending = Object.entries(plans.local.byJurisdiction).filter(([, tally]) => tally.cost > 0).map(([id]) => id);
    expect(spending).toEqual(['riverton']);
  });

  it('the headline and the lesson name places, not ids', () => {
    const view = viewOf({ receptors: ['lk-pier'], target: 155 });
    expect(headline(dataset, plansFor(view), view).text).toContain('Lakeside');
    expect(headline(dataset, plansFor(view), view).text).not.toContain('lk-pier');
    for (let i = 0; i < LESSON.length; i++) {
      const slide = slideView(view, i, ctx, dataset.receptors[2].baseline);
      expect(slide.selected).toBeNull();
      expect(slide.receptors).toEqual(['lk-pier']);
      const text = slideBody(LESSON[i], 'en', { dataset, view: slide, plans: plansFor(slide), curve: null });
      expect(text).not.toMatch(/lk-pier|undefined|NaN/);
    }
    expect(describeView(dataset, ctx, 'receptors=rv-north,lk-pier&target=150', 'en')).toContain('Riverton · rv-north and Lakeside');
  });
});
