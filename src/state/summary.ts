/** The plain-language summary of the plans on screen, in either language. */
import type { Dataset, Infeasibility, Lang, PlanResult } from '../model/types';
import type { ViewState } from './state';
import { formatOzone, formatYuan, joinNames, placeName, translate } from './i18n';
import type { PlanPair } from '../worker/api';
import type { UncertaintyReport } from '../model/uncertainty';
import { formatQuantity, reportMatches, usable } from './sure';

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
 * How sure the headline is, in words, from a Monte Carlo report: the ratio of acting alone to
 * regional control with its 90% interval (or the shown scenario's cost when there is no ratio),
 * and how many draws cannot reach the target.
 */
export function sureText(report: UncertaintyReport, view: Pick<ViewState, 'lang' | 'scenario'>): string {
  const lang = view.lang;
  const draws = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(report.draws);
  const scenario = view.scenario === 'local' ? 'local' : 'regional';
  const name = (s: 'local' | 'regional', start: boolean) => {
    const text = translate(lang, s === 'local' ? 'scenario.local' : 'scenario.regional');
    return start || lang === 'zh' ? text : text.toLowerCase();
  };
  const unreachable = (s: 'local' | 'regional') =>
    report.infeasible[s] > 0 ? `${lang === 'zh' ? '' : ' '}${translate(lang, 'summary.sureUnreachable', { scenario: name(s, true), count: report.infeasible[s] })}` : '';
  // The ratio speaks for the draws where both plans reach the target: only when that is most of them.
  const ratio = usable(report.paired.ratio);
  if (scenario === 'regional' && ratio && ratio.n * 2 >= report.draws) {
    const [median, low, high] = [ratio.p50, ratio.p5, ratio.p95].map((x) => formatQuantity('ratio', x, lang));
    return translate(lang, 'summary.sureRatio', { draws, median, low, high }) + unreachable('local');
  }
  const cost = usable(report[scenario]);
  if (!cost) return translate(lang, 'summary.sureNone', { draws, scenario: name(scenario, false) });
  const [median, low, high] = [cost.p50, cost.p5, cost.p95].map((x) => formatQuantity(scenario, x, lang));
  const count = report.infeasible[scenario];
  if (count > 0) return translate(lang, 'summary.sureCostSome', { draws, scenario: name(scenario, false), count, median, low, high });
  return translate(lang, 'summary.sureCost', { draws, scenario: name(scenario, false), median, low, high });
}

export function summaryText(dataset: Dataset, plans: { regional: PlanResult; local: PlanResult }, view: ViewState, report: UncertaintyReport | null = null): string {
  const main = shownPlan(plans, view.scenario)!;
  const sentence = planText(dataset, plans, view);
  // The interval joins only when the report was made for the plans on screen.
  if (!reportMatches(report, main.query.targets, view.adjust ?? {})) return sentence;
  return `${sentence}${view.lang === 'zh' ? '' : ' '}${sureText(report!, view)}`;
}

function planText(dataset: Dataset, plans: { regional: PlanResult; local: PlanResult }, view: ViewState): string {
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
  const leaders = leadingCutters(main).map((id) => placeName(dataset, id, lang));
  if (leaders.length > 0) sentence += `${lang === 'zh' ? '' : ' '}${translate(lang, leaders.length > 1 ? 'summary.leaders' : 'summary.leader', { leaders: joinNames(leaders, lang) })}`;
  return sentence;
}
