/** What the map colours each jurisdiction by, and the colour scale with its legend classes. */
import { scaleQuantize, schemeYlGnBu, schemeYlOrBr } from 'd3';
import { effectByJurisdiction } from '../model/attribution';
import type { Dataset, Lang, PlanResult } from '../model/types';
import type { ColorBy } from '../state/state';
import { formatPercent, formatTonnes, formatYuan } from '../state/i18n';

/** A payment drawn as an arrow between the label anchors of two groups of jurisdictions. */
export interface MapFlow {
  from: string[];
  to: string[];
  amount: number;
  label: string;
}

export const NO_VALUE_COLOR = '#e4e6e9';
const CLASSES = 5;

export interface MapMetric {
  values: Record<string, number | null>;
  color: (value: number | null) => string;
  legend: { color: string; label: string }[];
  format: (value: number) => string;
}

export function mapMetric(dataset: Dataset, plan: PlanResult | null, colorBy: ColorBy, lang: Lang): MapMetric {
  const effects = plan?.feasible ? effectByJurisdiction(dataset, plan) : undefined;
  const values: Record<string, number | null> = {};
  for (const j of dataset.jurisdictions) {
    const tally = plan?.feasible ? plan.byJurisdiction[j.id] : undefined;
    const value =
      !tally || !effects ? null
      : colorBy === 'tonnes' ? Object.values(tally.cutTonnes).reduce((a, b) => a + b, 0)
      : colorBy === 'spending' ? tally.cost
      : colorBy === 'share' ? effects[j.id].share
      : effects[j.id].costPerUg;
    // Zero means 'no cut': shown in the neutral colour like a missing value.
    values[j.id] = value !== null && value > 1e-9 ? value : null;
  }
  const format =
    colorBy === 'tonnes' ? (v: number) => formatTonnes(v, lang)
    : colorBy === 'share' ? (v: number) => formatPercent(v, lang)
    : (v: number) => formatYuan(v, lang);
  const present = Object.values(values).filter((v): v is number => v !== null);
  const max = present.length > 0 ? Math.max(...present) : 1;
  const min = colorBy === 'effectiveness' && present.length > 0 ? Math.min(...present) : 0;
  // Cheaper per μg/m³ is better, so cost-effectiveness uses its own (warm) scheme. Both are
  // sequential in lightness, so they read without colour vision; the two lightest steps are left
  // out so that even the lowest class is clearly darker than the grey of 'no cut'.
  const scheme = (colorBy === 'effectiveness' ? schemeYlOrBr : schemeYlGnBu)[CLASSES + 2].slice(2);
  const scale = scaleQuantize<string>().domain([min, max === min ? min + 1 : max]).range(scheme);
  // One value everywhere (a single place cutting) makes one class, not five identical ranges.
  const legend = present.length > 0 && max === min
    ? [{ color: scale(min), label: format(min) }]
    : scheme.map((color) => {
      const [lo, hi] = scale.invertExtent(color);
      return { color, label: `${format(lo)} – ${format(hi)}` };
    });
  return { values, color: (v) => (v === null ? NO_VALUE_COLOR : scale(v)), legend, format };
}
