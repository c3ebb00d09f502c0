/**
 * The cost curve's vertical scale. Near the tightest target it can reach, the regional plan's cost
 * climbs tens of times above the range where the two plans can be compared, which would flatten
 * the comparison (and the published study's points) into the bottom of the plot. The scale is
 * set by where both plans reach and by the published points; what lies above is drawn off the top
 * and named in a note. It does not depend on the view's target, so the axis holds still while
 * the slider moves.
 */
import type { SweepRow } from '../model/sweep';

/** Headroom over the compared range, so the curves do not run along the top edge. */
export const CURVE_HEADROOM = 1.6;

export interface CurveScale {
  /** Top of the y domain, yuan/yr (before d3's nice()). */
  max: number;
  /** The dearest point drawn off the top, when the curve leaves the plot. */
  offScale: { target: number; cost: number } | null;
}

export function curveScale(rows: SweepRow[], published: { local: number; regional: number } | null): CurveScale {
  const costs = (r: SweepRow) => [r.local, r.regional].filter((c): c is number => c !== null);
  const all = Math.max(1, ...rows.flatMap(costs), published?.local ?? 0, published?.regional ?? 0);
  const compared = rows.filter((r) => r.local !== null && r.regional !== null && (r.local > 0 || r.regional > 0));
  if (compared.length === 0) return { max: all, offScale: null };
  const focus = Math.max(...compared.flatMap(costs), published?.local ?? 0, published?.regional ?? 0) * CURVE_HEADROOM;
  if (focus >= all) return { max: all, offScale: null };
  let dearest: { target: number; cost: number } | null = null;
  for (const r of rows) for (const cost of costs(r)) if (!dearest || cost > dearest.cost) dearest = { target: r.target, cost };
  return { max: focus, offScale: dearest };
}
