/**
 * The answer first: one plain-language sentence for the view on screen, computed from the
 * solved plans (never written into a string). It names what acting together costs, and either
 * how many times as much acting alone costs or, when acting alone cannot reach the target, the
 * lowest ozone acting alone gets to.
 */
import type { Dataset, Lang, PlanResult } from '../model/types';
import type { UncertaintyReport } from '../model/uncertainty';
import type { ViewState } from './state';
import { formatOzone, joinNames, translate, placeName } from './i18n';
import { formatYuanIn, yuanScale, type YuanScale } from './money';
import { formatCount, formatRatio, reachText, reportMatches, usable } from './sure';

export type HeadlineKind = 'ratio' | 'aloneCannot' | 'aloneConflict' | 'togetherCannot' | 'nothing' | 'local' | 'localCannot';

export interface Headline {
  kind: HeadlineKind;
  text: string;
  /** local ÷ regional when both reach the target and regional control costs something; else null. */
  ratio: number | null;
  regional: number | null;
  local: number | null;
  /** The lowest ozone the failing scenario reaches at the place it fails, μg/m³ (null when both reach the target). */
  best: number | null;
  /** The unit every yuan figure of the headline and the cost cards shares. */
  scale: YuanScale;
}

type Plans = { regional: PlanResult; local: PlanResult };
type HeadlineView = Pick<ViewState, 'lang' | 'unit' | 'scenario'> & Partial<Pick<ViewState, 'adjust' | 'goal'>>;

const name = placeName;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The places that must meet the target, in words. */
function placesText(dataset: Dataset, ids: string[], lang: Lang): string {
  if (ids.length === dataset.receptors.length && ids.length > 1) return translate(lang, 'headline.allPlaces', { n: ids.length });
  return joinNames(ids.map((id) => name(dataset, id, lang)), lang);
}

/** "Beijing acting alone" / "北京属地控制" / "each place acting alone". */
function aloneText(dataset: Dataset, ids: string[], lang: Lang): string {
  if (ids.length === 1) return translate(lang, 'headline.aloneOne', { place: name(dataset, ids[0], lang) });
  return translate(lang, 'headline.aloneMany');
}

/** The yuan scale of a pair of plans: the headline and the cost cards share it. */
export function plansScale(plans: Plans, lang: Lang): YuanScale {
  const saving = plans.regional.feasible && plans.local.feasible ? plans.local.totalCost! - plans.regional.totalCost! : null;
  return yuanScale([plans.regional.totalCost, plans.local.totalCost, saving], lang);
}

export function headline(dataset: Dataset, plans: Plans, view: HeadlineView): Headline {
  const lang = view.lang;
  const { regional, local } = plans;
  const scale = plansScale(plans, lang);
  const ids = regional.query.targets.map((t) => t.receptor);
  const oz = (ug: number) => formatOzone(ug, view.unit, lang, dataset.units.ugPerPpb);
  const yuan = (x: number) => formatYuanIn(x, scale);
  const params = { target: oz(regional.query.targets[0].target), places: placesText(dataset, ids, lang), alone: aloneText(dataset, ids, lang) };
  const base = { regional: regional.totalCost, local: local.totalCost, scale, ratio: null, best: null };
  const out = (kind: HeadlineKind, extra: Record<string, string>, more: Partial<Headline> = {}): Headline => {
    const text = translate(lang, `headline.${kind}`, { ...params, ...extra });
    return { ...base, ...more, kind, text: lang === 'en' ? capitalise(text) : text };
  };

  if (!regional.feasible) {
    const why = regional.infeasibility[0];
    return out('togetherCannot', { place: name(dataset, why.receptor, lang), best: oz(why.bestReachable) }, { best: why.bestReachable });
  }
  if (regional.totalCost === 0 && local.feasible && local.totalCost === 0) return out('nothing', {});
  if (!local.feasible) {
    const why = local.infeasibility[0];
    const place = name(dataset, why.receptor, lang);
    const alone = aloneText(dataset, [why.receptor], lang);
    const conflict = why.bestReachable <= why.target + 1e-9;
    if (view.scenario === 'local') return out('localCannot', { alone, best: oz(why.bestReachable), regional: yuan(regional.totalCost!) }, { best: why.bestReachable });
    if (conflict) return out('aloneConflict', { place, regional: yuan(regional.totalCost!) });
    return out('aloneCannot', { alone, best: oz(why.bestReachable), regional: yuan(regional.totalCost!) }, { best: why.bestReachable });
  }
  const ratio = regional.totalCost! > 0 ? local.totalCost! / regional.totalCost! : null;
  const figures = { regional: yuan(regional.totalCost!), local: yuan(local.totalCost!), ratio: formatRatio(ratio, lang) };
  if (view.scenario === 'local') return out('local', figures, { ratio });
  return out('ratio', figures, { ratio });
}

/**
 * How sure the headline is, from the How-sure report when it is for the plans on screen ('' otherwise,
 * and for a dataset without uncertain inputs): how often each plan reaches the target, then one
 * interval that says which draws it covers: the ratio over the draws where both reach it, or the
 * shown plan's cost over the draws where it does.
 */
export function headlineInterval(report: UncertaintyReport | null, plans: Plans, view: HeadlineView, scale: YuanScale): string {
  if (!reportMatches(report, plans.regional.query.targets, view.adjust ?? {}, view.goal) || report!.draws === 0) return '';
  const lang = view.lang;
  const space = lang === 'zh' ? '' : ' ';
  const reach = reachText(report!, lang, 'headline.sureReach');
  const ratio = usable(report!.paired.ratio);
  if (view.scenario !== 'local' && ratio) {
    const [low, high] = [formatRatio(ratio.p5, lang), formatRatio(ratio.p95, lang)];
    return `${reach}${space}${translate(lang, 'headline.surePaired', { n: formatCount(ratio.n, lang), low, high })}`;
  }
  const q = view.scenario === 'local' ? 'local' : 'regional';
  const cost = usable(report![q]);
  if (!cost || formatYuanIn(cost.p5, scale) === formatYuanIn(cost.p95, scale)) return reach;
  const where = translate(lang, q === 'local' ? 'headline.sureWhereLocal' : 'headline.sureWhereRegional', { low: formatYuanIn(cost.p5, scale), high: formatYuanIn(cost.p95, scale) });
  return `${reach}${space}${where}`;
}
