/** What the map colours each jurisdiction by, and the colour scale with its legend classes. */
import { scaleQuantize, schemeYlGnBu, schemeYlOrBr } from 'd3';
import { effectByJurisdiction } from '../model/attribution';
import type { Dataset, Lang, PlanResult } from '../model/types';
import type { ColorBy, ViewState } from '../state/state';
import { formatOzone, formatPercent, formatTonnes, formatYuan, joinNames, placeName, translator } from '../state/i18n';

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
  /** The colour classes; empty when no place cuts (the legend then says so, not '0 – 0'). */
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
  // No cut anywhere: no classes. One value everywhere (a single place cutting) makes one class,
  // not five identical ranges.
  const legend = present.length === 0 ? []
    : max === min
    ? [{ color: scale(min), label: format(min) }]
    : scheme.map((color) => {
      const [lo, hi] = scale.invertExtent(color);
      return { color, label: `${format(lo)} – ${format(hi)}` };
    });
  return { values, color: (v) => (v === null ? NO_VALUE_COLOR : scale(v)), legend, format };
}

/** What the map shows, in words: metric, plan, target and places; and a note when that plan cannot reach the target. */
export interface MapCaption {
  title: string;
  note: string | null;
}

type CaptionView = Pick<ViewState, 'colorBy' | 'scenario' | 'target' | 'unit' | 'lang' | 'receptors'>;

export function mapCaption(dataset: Dataset, plan: PlanResult | null, view: CaptionView): MapCaption {
  const t = translator(view.lang);
  // The plan on the map is the one passed in (Who pays maps the regional plan whatever the scenario).
  const mapped = plan?.query.scenario ?? (view.scenario === 'local' ? 'local' : 'regional');
  const planText = view.scenario === 'compare' && mapped === 'regional' ? t('map.plan.compareRegional') : t(`map.plan.${mapped}`);
  // The places whose targets the plan meets (Who pays holds every place to the target).
  const ids = plan ? plan.query.targets.map((target) => target.receptor) : view.receptors;
  const places = ids.length === dataset.receptors.length && ids.length > 1
    ? t('headline.allPlaces', { n: ids.length })
    : joinNames(ids.map((id) => placeName(dataset, id, view.lang)), view.lang);
  return {
    title: t('map.title', { metric: t(`color.${view.colorBy}`), plan: planText, target: formatOzone(view.target, view.unit, view.lang, dataset.units.ugPerPpb), places }),
    note: plan && !plan.feasible ? t('map.unreachable', { plan: t(`map.plan.${mapped}`) }) : null,
  };
}
