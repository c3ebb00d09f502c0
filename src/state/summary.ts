/** The plain-language summary of the plans on screen, in either language. */
import type { Dataset, Infeasibility, Lang, PlanResult } from '../model/types';
import type { ViewState } from './state';
import { formatOzone, formatPercent, formatYuan, joinNames, placeName, translate } from './i18n';
import type { PlanPair } from '../worker/api';
import type { UncertaintyReport } from '../model/uncertainty';
import { formatCount, formatQuantity, reachText, reportMatches, usable } from './sure';

/** The one rule for which plan a single-plan display shows: local only when local control is chosen. */
export function shownPlan<P extends Pick<PlanPair, 'regional' | 'local'>>(plans: P | null, scenario: ViewState['scenario']): P['regional'] | null {
  return plans ? (scenario === 'local' ? plans.local : plans.regional) : null;
}

function placesText(dataset: Dataset, ids: string[], lang: Lang): string {
  if (ids.length === dataset.receptors.length) return lang === 'zh' ? `全部 ${ids.length} 个地区` : `all ${ids.length} places`;
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

/**
 * How sure the plan is, in words, from a Monte Carlo report: how often each plan reaches the
 * target, then an interval that says which draws it covers (the ratio where both reach it, or the
 * shown plan's cost where it does). A report without draws (no uncertain inputs) says nothing.
 */
export function sureText(report: UncertaintyReport, view: Pick<ViewState, 'lang' | 'scenario'>): string {
  const lang = view.lang;
  if (report.draws === 0) return '';
  const draws = formatCount(report.draws, lang);
  const scenario = view.scenario === 'local' ? 'local' : 'regional';
  const name = translate(lang, scenario === 'local' ? 'scenario.local' : 'scenario.regional');
  const space = lang === 'zh' ? '' : ' ';
  const reach = reachText(report, lang);
  const ratio = usable(report.paired.ratio);
  if (scenario === 'regional' && ratio) {
    const [median, low, high] = [ratio.p50, ratio.p5, ratio.p95].map((x) => formatQuantity('ratio', x, lang));
    return `${reach}${space}${translate(lang, 'summary.surePaired', { n: formatCount(ratio.n, lang), draws, median, low, high })}`;
  }
  const cost = usable(report[scenario]);
  if (!cost) return translate(lang, 'summary.sureNever', { draws, scenario: lang === 'zh' ? name : name.toLowerCase() });
  const [median, low, high] = [cost.p50, cost.p5, cost.p95].map((x) => formatQuantity(scenario, x, lang));
  return `${reach}${space}${translate(lang, 'summary.sureWhere', { scenario: lang === 'zh' ? name : name.toLowerCase(), n: formatCount(cost.n, lang), draws, median, low, high })}`;
}

/** The plans a summary reads: equal effort, where given, adds what acting together saves against it. */
type Plans = { regional: PlanResult; local: PlanResult; equal?: PlanResult };

export function summaryText(dataset: Dataset, plans: Plans, view: ViewState, report: UncertaintyReport | null = null): string {
  const main = shownPlan(plans, view.scenario)!;
  const sentence = planText(dataset, plans, view);
  // The interval joins only when the report was made for the plans on screen.
  const sure = reportMatches(report, main.query.targets, view.adjust ?? {}, view.goal) ? sureText(report!, view) : '';
  return sure ? `${sentence}${view.lang === 'zh' ? '' : ' '}${sure}` : sentence;
}

function planText(dataset: Dataset, plans: Plans, view: ViewState): string {
  const lang = view.lang;
  const main = shownPlan(plans, view.scenario)!;
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
  const equal = plans.equal;
  if (view.scenario !== 'local' && equal?.feasible && equal.totalCost! > main.totalCost!)
    sentence += `${lang === 'zh' ? '' : ' '}${translate(lang, 'summary.equal', { share: formatPercent(equal.share!, lang), cost: formatYuan(equal.totalCost!, lang), saving: formatYuan(equal.totalCost! - main.totalCost!, lang) })}`;
  const leaders = leadingCutters(main).map((id) => placeName(dataset, id, lang));
  if (leaders.length > 0) sentence += `${lang === 'zh' ? '' : ' '}${translate(lang, leaders.length > 1 ? 'summary.leaders' : 'summary.leader', { leaders: joinNames(leaders, lang) })}`;
  return sentence;
}
