import { describe, expect, it } from 'vitest';
import { CURVE_HEADROOM, curveScale, meritScale } from '../../src/charts/focus';
import type { MeritStep } from '../../src/model/merit';
import type { SweepRow } from '../../src/model/sweep';

const row = (target: number, local: number | null, regional: number | null): SweepRow =>
  ({ target, local, regional, saving: local !== null && regional !== null ? local - regional : null }) as SweepRow;

describe('the cost curve scale', () => {
  it('fits where both plans reach and the published points, and names the dearest point drawn off the top', () => {
    // Regional control alone climbs to 100 bn near its floor; where both reach, costs stay under 6 bn.
    const rows = [row(210, 0, 0), row(200, 1e9, 0.9e9), row(195, 5e9, 4e9), row(190, null, 20e9), row(180, null, 100e9)];
    const scale = curveScale(rows, { local: 2.046e9, regional: 0.572e9 });
    expect(scale.max).toBeCloseTo(5e9 * CURVE_HEADROOM);
    expect(scale.offScale).toEqual({ target: 180, cost: 100e9 });
  });

  it('keeps the whole curve when nothing lies far above the compared range', () => {
    const rows = [row(200, 1e9, 0.9e9), row(195, 5e9, 4e9), row(190, null, 6e9)];
    expect(curveScale(rows, null)).toEqual({ max: 6e9, offScale: null });
  });

  it('keeps the whole curve when the plans are never compared (acting alone reaches nothing, or costs nothing)', () => {
    expect(curveScale([row(200, null, 1e9), row(190, null, 50e9)], null)).toEqual({ max: 50e9, offScale: null });
    expect(curveScale([row(210, 0, 0), row(190, null, 50e9)], null)).toEqual({ max: 50e9, offScale: null });
  });

  it('a published point above the compared range raises the scale to show it', () => {
    const rows = [row(200, 1e9, 0.9e9), row(190, null, 100e9)];
    expect(curveScale(rows, { local: 3e9, regional: 0.5e9 }).max).toBeCloseTo(3e9 * CURVE_HEADROOM);
  });
});

describe('the merit order scale', () => {
  /** Steps of the given reductions and costs per μg/m³, in merit order. */
  const steps = (list: [number, number][]): MeritStep[] => {
    let cumulative = 0;
    return list.map(([reduction, costPerUg], step) => ({ step, effect: 1, costPerUg, reduction, cumulativeReduction: (cumulative += reduction), cumulativeCost: 0 }));
  };

  it('ends the x axis where the steps end, not where the slider could go', () => {
    expect(meritScale(steps([[10, 1e6], [18, 2e6]]), 47).xMax).toBe(28);
    expect(meritScale(steps([[10, 1e6], [18, 2e6]]), 20).xMax).toBe(20);
  });

  it('lets the last, dearest steps run off the top when they would flatten the rest', () => {
    const scale = meritScale(steps([[10, 1e6], [10, 2e6], [5, 3e6], [3, 100e6]]), 47);
    expect(scale.yMax).toBeCloseTo(3e6 * 1.2);
    expect(scale.offScale).toBe(100e6);
    // Steps of similar cost keep the whole axis.
    expect(meritScale(steps([[10, 1e6], [10, 2e6], [8, 3e6]]), 47)).toEqual({ xMax: 28, yMax: 3e6, offScale: null });
  });
});
