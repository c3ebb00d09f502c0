/**
 * Scales that show the finding rather than the extremes. Both charts' linear axes would
 * otherwise be set by the last, dearest few μg/m³.
 *
 * The cost curve's vertical scale. Near the tightest target it can reach, the regional plan's cost
 * climbs tens of times above the range where the two plans can be compared, which would flatten
 * the comparison (and the published study's points) into the bottom of the plot. The scale is
 * set by where both plans reach and by the published points; what lies above is drawn off the top
 * and named in a note. It does not depend on the view's target, so the axis holds still while
 * the slider moves.
 */
import type { MeritStep } from '../model/merit';
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

/** Share of the reachable reduction whose steps set the merit order's cost axis. */
export const MERIT_FOCUS = 0.8;

export interface MeritScale {
  /** μg/m³ of the x axis: the reduction the slider can ask for, but no further than the steps reach. */
  xMax: number;
  /** Top of the cost axis, yuan per μg/m³; dearer steps run off the top. */
  yMax: number;
  /** The dearest step's cost per μg/m³, when it runs off the top. */
  offScale: number | null;
}

/** The merit order's axes: x to what the steps can remove (within what the slider asks), y set by the steps that remove the first 80% of it. */
export function meritScale(order: MeritStep[], sliderReduction: number): MeritScale {
  const reach = order.at(-1)?.cumulativeReduction ?? 0;
  const xMax = Math.max(1, Math.min(sliderReduction, reach));
  const visible = order.filter((s) => s.cumulativeReduction - s.reduction < xMax);
  const dearest = Math.max(1, ...visible.map((s) => s.costPerUg));
  const focus = Math.max(1, ...visible.filter((s) => s.cumulativeReduction - s.reduction < MERIT_FOCUS * xMax).map((s) => s.costPerUg));
  // Stretch the focus only when the dearest steps would otherwise flatten the rest (more than twice as dear).
  return dearest > 2 * focus ? { xMax, yMax: focus * 1.2, offScale: dearest } : { xMax, yMax: dearest, offScale: null };
}
