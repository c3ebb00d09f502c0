/** The plain-language summary of the plans on screen, in either language. */
import type { Dataset, Infeasibility, Lang, PlanResult } from '../model/types';
import type { ViewState } from './state';
import { formatOzone, formatYuan, joinNames, translate } from './i18n';

function placeName(dataset: Dataset, id: string, lang: Lang): string {
  return dataset.jurisdictions.find((j) => j.id === id)?.name[lang] ?? id;
}

function placesText(dataset: Dataset, ids: string[], lang: Lang): string {
  if (ids.length === dataset.receptors.length) return lang === 'zh' ? '全部 13 个地区' : 'all 13 places';
  return joinNames(ids.map((id) => placeName(dataset, id, lang)), lang);
}

/** Why a target cannot be met, worded from the numbers (the model's English reason is for the CLI). */
export function infeasibleText(dataset: Dataset, plan: PlanResult, view: ViewState): string {
  const lang = view.lang;
  const why: Infeasibility = plan.infeasibility[0];
  const receptor = dataset.receptors.find((r) => r.id === why.receptor)!;
  const place = placeName(dataset, why.receptor, lang);
  const best = formatOzone(why.bestReachable, view.unit, lang, dataset.units.ugPerPpb);
  const conflict = plan.infeasibility.every((i) => i.target >= i.bestReachable - 1e-9);
  const reason = conflict
    ? translate(lang, 'reason.conflict', { best })
    : why.bestReachable === receptor.background
      ? translate(lang, 'reason.background', { best })
      : plan.query.scenario === 'local'
        ? translate(lang, 'reason.own', { place, best })
        : translate(lang, 'reason.all', { best });
  return translate(lang, 'summary.infeasible', {
    scenario: translate(lang, plan.query.scenario === 'local' ? 'scenario.local' : 'scenario.regional'),
    target: formatOzone(why.target, view.unit, lang, dataset.units.ugPerPpb),
    place,
    reason,
  });
}

/** The places that cut the most tonnes in a plan, largest first. */
export function leadingCutters(plan: PlanResult, count = 2): string[] {
  return Object.entries(plan.byJurisdiction)
    .map(([id, tally]) => [id, Object.values(tally.cutTonnes).reduce((a, b) => a + b, 0)] as const)
    .filter(([, tonnes]) => tonnes > 1e-6)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([id]) => id);
}

export function summaryText(dataset: Dataset, plans: { regional: PlanResult; local: PlanResult }, view: ViewState): string {
  const lang = view.lang;
  const main = view.scenario === 'local' ? plans.local : plans.regional;
  // Words follow the plans on screen, which can trail the slider by a solve.
  const { targets } = main.query;
  const target = formatOzone(targets[0].target, view.unit, lang, dataset.units.ugPerPpb);
  const places = placesText(dataset, targets.map((t) => t.receptor), lang);
  if (!main.feasible) return infeasibleText(dataset, main, view);
  if (main.totalCost === 0) return translate(lang, 'summary.nothing', { places, target });
  const cost = formatYuan(main.totalCost!, lang);
  let sentence: string;
  if (view.scenario === 'local') sentence = translate(lang, 'summary.local', { target, places, cost });
  else if (plans.local.feasible && plans.local.totalCost! > 0) {
    const pct = Math.round((1 - main.totalCost! / plans.local.totalCost!) * 100);
    sentence = translate(lang, 'summary.regional', { target, places, cost, pct });
  } else sentence = translate(lang, 'summary.regionalNoLocal', { target, places, cost });
  const leaders = leadingCutters(main).map((id) => placeName(dataset, id, lang));
  if (leaders.length > 0) sentence += `${lang === 'zh' ? '' : ' '}${translate(lang, leaders.length > 1 ? 'summary.leaders' : 'summary.leader', { leaders: joinNames(leaders, lang) })}`;
  return sentence;
}
