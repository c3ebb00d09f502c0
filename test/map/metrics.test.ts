// What the map draws, in Node: values per colouring, colour classes and their legend, the empty
// state, the title and the note; and the label placement.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import type { PlanResult } from '../../src/model/types';
import { mapCaption, mapMetric, NO_VALUE_COLOR } from '../../src/map/metrics';
import { labelPriority, overlaps, placeLabels } from '../../src/map/labels';
import { effectByJurisdiction } from '../../src/model/attribution';
import { defaultState, viewContext } from '../../src/state/state';
import { defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const dataset = defaultDataset();
const plan = (scenario: 'regional' | 'local', target: number, receptors = ['beijing']): PlanResult =>
  solvePlan(glpk, dataset, { scenario, targets: receptors.map((receptor) => ({ receptor, target })) });
const view = (patch: Partial<ReturnType<typeof defaultState>> = {}) => ({ ...defaultState(viewContext(dataset, ['bth-ozone']), 'en'), ...patch });

describe('map metric', () => {
  it('gives each colouring its values: tonnes, spending, share, cost per μg/m³; no cut is null', () => {
    const p = plan('regional', 196.7);
    const effects = effectByJurisdiction(dataset, p);
    const tonnes = mapMetric(dataset, p, 'tonnes', 'en');
    const spending = mapMetric(dataset, p, 'spending', 'en');
    const share = mapMetric(dataset, p, 'share', 'en');
    const effectiveness = mapMetric(dataset, p, 'effectiveness', 'en');
    for (const j of dataset.jurisdictions) {
      const tally = p.byJurisdiction[j.id];
      const cut = Object.values(tally.cutTonnes).reduce((a, b) => a + b, 0);
      expect(tonnes.values[j.id]).toBe(cut > 1e-9 ? cut : null);
      expect(spending.values[j.id]).toBe(tally.cost > 1e-9 ? tally.cost : null);
      expect(share.values[j.id]).toBe(effects[j.id].share > 1e-9 ? effects[j.id].share : null);
      const perUg = effects[j.id].costPerUg;
      expect(effectiveness.values[j.id]).toBe(perUg !== null && perUg > 1e-9 ? perUg : null);
    }
    const shares = Object.values(share.values).filter((v): v is number => v !== null);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(Object.values(tonnes.values).filter((v) => v !== null).length).toBeGreaterThan(1);
  });

  it('makes five classes from 0 to the largest value, darker for more, and grey for no cut', () => {
    const m = mapMetric(dataset, plan('regional', 190), 'spending', 'en');
    expect(m.legend).toHaveLength(5);
    expect(new Set(m.legend.map((l) => l.color)).size).toBe(5);
    const values = Object.values(m.values).filter((v): v is number => v !== null);
    const max = Math.max(...values);
    expect(m.color(max)).toBe(m.legend[4].color);
    expect(m.color(max / 100)).toBe(m.legend[0].color);
    expect(m.color(null)).toBe(NO_VALUE_COLOR);
    expect(m.legend[0].label).toMatch(/^0 .* – /);
    // Cost-effectiveness starts at the cheapest place, not at 0, and uses its own (warm) scheme.
    const e = mapMetric(dataset, plan('regional', 190), 'effectiveness', 'en');
    const least = Math.min(...Object.values(e.values).filter((v): v is number => v !== null));
    expect(e.color(least)).toBe(e.legend[0].color);
    expect(e.legend[0].color).not.toBe(m.legend[0].color);
  });

  it('one place cutting makes one class of cost-effectiveness, not five identical ranges', () => {
    // Just below the baseline acting alone makes one cut.
    const loose = dataset.receptors[0].baseline - 1;
    expect(mapMetric(dataset, plan('local', loose), 'tonnes', 'en').legend).toHaveLength(5); // 0 up to its value
    const m = mapMetric(dataset, plan('local', loose), 'effectiveness', 'en');
    expect(Object.values(m.values).filter((v) => v !== null)).toHaveLength(1);
    expect(m.legend).toHaveLength(1);
    expect(m.legend[0].label).not.toMatch(/–/);
  });

  it('with no cut (no plan, an unreachable target, or a target already met) has no classes at all', () => {
    for (const p of [null, plan('local', 170), plan('regional', dataset.receptors[0].baseline + 1)]) {
      const m = mapMetric(dataset, p, 'tonnes', 'en');
      expect(Object.values(m.values).every((v) => v === null)).toBe(true);
      expect(m.legend).toEqual([]);
      expect(m.color(null)).toBe(NO_VALUE_COLOR);
    }
  });

  it('formats values per colouring, in each language', () => {
    const p = plan('regional', 196.7);
    expect(mapMetric(dataset, p, 'tonnes', 'en').format(12_300)).toMatch(/kt|t/);
    expect(mapMetric(dataset, p, 'share', 'en').format(0.25)).toBe('25%');
    expect(mapMetric(dataset, p, 'spending', 'zh').format(5e8)).toMatch(/亿元/);
  });
});

describe('map caption', () => {
  it('names the metric, the plan, the target and the places', () => {
    expect(mapCaption(dataset, plan('regional', 196.7), view({ scenario: 'regional', target: 196.7 })).title).toBe('Tonnes cut: regional joint control, 196.7\u00a0μg/m³ in Beijing');
    expect(mapCaption(dataset, plan('local', 215), view({ scenario: 'local', target: 215, colorBy: 'spending' })).title).toBe('Spending: local control, 215.0\u00a0μg/m³ in Beijing');
    const all = dataset.receptors.map((r) => r.id);
    expect(mapCaption(dataset, plan('regional', 205, all), view({ scenario: 'regional', target: 205, receptors: all })).title).toMatch(/in all 13 places$/);
    expect(mapCaption(dataset, plan('regional', 196.7), view({ lang: 'zh', scenario: 'regional', target: 196.7 })).title).toBe('削减量：区域联合控制，北京目标 196.7 μg/m³');
  });

  it('says that "compare both" maps the regional plan', () => {
    const caption = mapCaption(dataset, plan('regional', 196.7), view({ scenario: 'compare', target: 196.7 }));
    expect(caption.title).toMatch(/the regional joint control plan \(of the two compared\)/);
    expect(caption.note).toBeNull();
  });

  it('adds a note when the mapped plan cannot reach the target', () => {
    const caption = mapCaption(dataset, plan('local', 170), view({ scenario: 'local', target: 170 }));
    expect(caption.note).toBe('The local control plan cannot reach this target, so no cuts are mapped.');
    expect(mapCaption(dataset, plan('local', 170), view({ lang: 'zh', scenario: 'local', target: 170 })).note).toMatch(/^属地控制方案无法达到此目标/);
  });
});

describe('label placement', () => {
  const box = (id: string, x: number, y: number, priority: number) => ({ id, x, y, width: 60, height: 24, priority });

  it('places labels without overlap, the most important first, hiding what does not fit', () => {
    const labels = [box('a', 110, 98, 3), box('b', 110, 98, 1), box('c', 110, 98, 0), box('d', 300, 300, 2), box('e', 110, 98, 4), box('f', 110, 98, 5), box('g', 110, 98, 6)];
    const placed = placeLabels(labels, { width: 200, height: 200 });
    const shown = labels.filter((l) => placed.get(l.id)!.visible).map((l) => {
      const p = placed.get(l.id)!;
      return { left: p.x - 30, right: p.x + 30, top: p.y - 12, bottom: p.y + 12 };
    });
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i], shown[j])).toBe(false);
    // The selected (0) keeps its spot; the next moves aside; the one off the map slides in.
    expect(placed.get('c')).toEqual({ x: 110, y: 98, visible: true });
    expect(placed.get('b')).toEqual({ x: 110, y: 72, visible: true });
    expect(labels.some((l) => !placed.get(l.id)!.visible)).toBe(true);
    expect(placed.get('d')).toMatchObject({ x: 170, y: 188, visible: true });
    expect(shown.every((b) => b.left >= 0 && b.right <= 200 && b.top >= 0 && b.bottom <= 200)).toBe(true);
  });

  it('hides a label with no free position', () => {
    const labels = [box('a', 30, 12, 0), box('b', 30, 12, 1)];
    const placed = placeLabels(labels, { width: 60, height: 24 });
    expect(placed.get('a')!.visible).toBe(true);
    expect(placed.get('b')!.visible).toBe(false);
  });

  it('orders the selected place, then the constrained receptors, then the rest by value', () => {
    expect(labelPriority('a', 'a', ['a'], 5, 10)).toBe(0);
    expect(labelPriority('b', 'a', ['b'], 5, 10)).toBe(1);
    expect(labelPriority('c', 'a', ['b'], 10, 10)).toBeLessThan(labelPriority('d', 'a', ['b'], 1, 10));
    expect(labelPriority('e', null, [], null, 10)).toBe(3);
  });
});
