import { describe, expect, it } from 'vitest';
import { CURVE_HEADROOM, curveScale } from '../../src/charts/curve-scale';
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
