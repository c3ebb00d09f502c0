/**
 * The built-in lesson: the research story as an ordered list of views. Each slide is a partial
 * view state (so it is just a URL) and words in both languages; numbers come from the live
 * plan on screen, the cost curve and the Monte Carlo report, never from here.
 */
import type { Dataset, Lang, LocalizedText, PlanResult } from '../model/types';
import { floorOf } from '../model/lp';
import { regionalAdvantage, type SweepRow } from '../model/sweep';
import type { UncertaintyReport } from '../model/uncertainty';
import { formatOzone, formatPercent, formatYuan, joinNames, translate, placeName, statisticHelp } from './i18n';
import { headline } from './headline';
import { formatYuanIn, yuanScale } from './money';
import { formatShare, reachText } from './sure';
import { decodeState, type ViewContext, type ViewState } from './state';

/** What a slide's computed sentences are worded from: the dataset, the plans on screen (only when
 * they are for the slide's view), the cost curve and the Monte Carlo report (only when it is for
 * the slide's view). */
export interface LessonFacts {
  dataset: Dataset;
  view: ViewState;
  /** The solved plans for the view on screen, or null while they are for another view. */
  plans: { regional: PlanResult; local: PlanResult } | null;
  curve: SweepRow[] | null;
  report?: UncertaintyReport | null;
}

export interface Slide {
  title: LocalizedText;
  body: LocalizedText;
  /** Sentences worded from the data and the solved plan, after the body (empty while solving). */
  facts?: (facts: LessonFacts, lang: Lang) => string;
  view: Partial<Pick<ViewState, 'scenario' | 'view' | 'rule' | 'players' | 'colorBy' | 'selected'>>;
  /** The target: the dataset's default target plus this many μg/m³ (negative: tighter); absent:
   * the baseline of the first receptor, set as a cut of 0% (the status quo, in every draw too). */
  targetOffset?: number;
  /** The slide tightens the target step by step from its start to the lowest target regional
   * control reaches (from the cost curve), instead of jumping there. */
  sweep?: boolean;
}

const fill = (text: LocalizedText, lang: Lang, params: Record<string, string>) => text[lang].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
const join = (lang: Lang, parts: string[]) => parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');

/** Whether cutting a place's own NOx raises its own ozone in the dataset (NOx titration). */
export function ownNoxRaisesOzone(dataset: Dataset, receptor: string): boolean {
  const r = dataset.receptors.findIndex((x) => x.id === receptor);
  const j = dataset.jurisdictions.findIndex((x) => x.id === dataset.receptors[r]?.jurisdiction);
  const p = dataset.pollutants.findIndex((x) => x.id.toLowerCase() === 'nox');
  return r >= 0 && j >= 0 && p >= 0 && dataset.coefficients[r][j][p] < 0;
}

/** The lowest target each scenario reaches at a receptor: exact (every allowed step in use), the same figure the cost cards give. */
export function floors(dataset: Dataset, receptor: string): { local: number; regional: number } {
  return { local: floorOf(dataset, receptor, 'local'), regional: floorOf(dataset, receptor, 'regional') };
}

/** Where both scenarios reach the target: whether the saving grows as it tightens, with its two ends. */
export function savingTrend(curve: SweepRow[]): { grows: boolean; loose: SweepRow; tight: SweepRow } | null {
  const both = curve.filter((row) => row.saving !== null && row.saving > 0).sort((a, b) => b.target - a.target);
  if (both.length < 2) return null;
  const grows = both.every((row, i) => i === 0 || row.saving! >= both[i - 1].saving! - 1e-6 * Math.abs(both[i - 1].saving!));
  return { grows, loose: both[0], tight: both[both.length - 1] };
}

const first = (f: LessonFacts) => f.view.receptors[0] ?? f.dataset.receptors[0].id;
const ozoneIn = (f: LessonFacts, lang: Lang) => (x: number) => formatOzone(x, f.view.unit, lang, f.dataset.units.ugPerPpb);
/** The report's reach, worded, when the slide has one. */
const reachOf = (f: LessonFacts, lang: Lang) => (f.report && f.report.draws > 0 ? reachText(f.report, lang) : '');

/** Share of the regional plan's spending outside the first place's own jurisdiction. */
function spendingOutside(f: LessonFacts): number | null {
  const plan = f.plans?.regional;
  if (!plan?.feasible || !(plan.totalCost! > 0)) return null;
  const own = f.dataset.receptors.find((r) => r.id === first(f))?.jurisdiction;
  return 1 - (plan.byJurisdiction[own ?? '']?.cost ?? 0) / plan.totalCost!;
}

/** What the cost curve says about acting together: where it is cheaper, by how much at most, and where only it reaches. */
function advantageText(f: LessonFacts, lang: Lang): string {
  if (!f.curve) return '';
  const oz = ozoneIn(f, lang);
  const advantage = regionalAdvantage(f.curve);
  const parts: string[] = [];
  if (advantage.cheaper && advantage.largest) {
    parts.push(fill({
      en: 'On this curve acting together is cheaper than acting alone only between {from} and {to}; the largest saving is {saving} a year, at {at}.',
      zh: '在这条曲线上，只有在 {from} 至 {to} 之间区域联合控制比属地控制便宜；最大节省为每年{saving}（{at} 时）。',
    }, lang, { from: oz(advantage.cheaper.from), to: oz(advantage.cheaper.to), saving: formatYuan(advantage.largest.saving, lang), at: oz(advantage.largest.target) }));
  } else parts.push(fill({ en: 'On this curve acting together is nowhere cheaper than acting alone where both reach the target.', zh: '在这条曲线上，凡是两者都能达标之处，区域联合控制都不比属地控制便宜。' }, lang, {}));
  return join(lang, parts);
}

export const LESSON: Slide[] = [
  {
    title: { en: '1. Where Beijing stands', zh: '1. 北京的现状' },
    body: {
      en: 'The slider marks the baseline: ozone as it was in the base year, with nothing cut, so nothing is spent.',
      zh: '滑块标出的是基准：基准年的臭氧水平，不做任何削减，因此没有花费。',
    },
    facts: (f, lang) => {
      const receptor = f.dataset.receptors.find((r) => r.id === first(f))!;
      const standard = f.dataset.standards.grade2OneHour;
      const oz = ozoneIn(f, lang);
      const params = { place: placeName(f.dataset, receptor.id, lang), baseline: oz(receptor.baseline), standard: oz(standard), what: statisticHelp(f.dataset, lang) };
      const text = receptor.baseline > standard
        ? { en: "{place}'s baseline is {baseline}, above the 1-hour limit of {standard} (national grade II). The target is: {what}", zh: '{place}的基准为 {baseline}，高于 1 小时浓度限值 {standard}（国家二级标准）。目标指的是：{what}' }
        : { en: "{place}'s baseline is {baseline}, within the 1-hour limit of {standard} (national grade II). The target is: {what}", zh: '{place}的基准为 {baseline}，未超过 1 小时浓度限值 {standard}（国家二级标准）。目标指的是：{what}' };
      return fill(text, lang, params);
    },
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
  {
    title: { en: '2. Beijing acting alone', zh: '2. 北京属地控制' },
    body: {
      en: 'Under local control Beijing must meet the target with its own sources only, and part of its cheap measures were used in 2013-2015.',
      zh: '属地控制下，北京只能依靠本地污染源达标，而其部分廉价措施已在 2013—2015 年用掉。',
    },
    facts: (f, lang) => {
      const place = placeName(f.dataset, first(f), lang);
      const titration = ownNoxRaisesOzone(f.dataset, first(f))
        ? fill({ en: "In this dataset cutting {place}'s own NOx even raises its ozone, so its cuts must be VOC.", zh: '在此数据集中，削减{place}本地的 NOx 甚至会使其臭氧上升，因此只能削减 VOC。' }, lang, { place })
        : '';
      if (!f.plans) return titration;
      const oz = ozoneIn(f, lang);
      const local = f.plans.local;
      const target = oz(local.query.targets[0].target);
      const outcome = local.feasible
        ? fill({ en: 'At the central estimates reaching {target} costs it {cost} a year: read the cost card.', zh: '按中心估计，达到 {target} 每年要花费{cost}：请看成本卡片。' }, lang, { target, cost: formatYuan(local.totalCost!, lang) })
        : fill({ en: 'At the central estimates, with every control step of its own in use, it gets down to {best} at best, short of {target}.', zh: '按中心估计，即使用尽本地全部控制措施，最低也只能降到 {best}，达不到 {target}。' }, lang, { target, best: oz(local.infeasibility[0].bestReachable) });
      const reach = f.report && f.report.draws > 0
        ? fill({ en: 'Across the uncertain inputs it reaches {target} in {share} of draws.', zh: '考虑不确定输入，它在 {share} 的抽样中能达到 {target}。' }, lang, { target, share: formatShare(f.report.reach.local, lang) })
        : '';
      return join(lang, [titration, outcome, reach]);
    },
    targetOffset: 0,
    view: { scenario: 'local', view: 'explore', colorBy: 'spending' },
  },
  {
    title: { en: '3. The basin acting as one', zh: '3. 区域联合控制' },
    body: {
      en: "Ozone is regional: about half of what Beijing's ozone is made of comes from outside Beijing. Under regional joint control the same target is met by the cheapest cuts anywhere in the basin.",
      zh: '臭氧是区域性污染：北京臭氧的可控部分约有一半来自北京以外。区域联合控制下，同一目标由全区域最便宜的削减来完成。',
    },
    facts: (f, lang) => (f.plans ? join(lang, [headline(f.dataset, f.plans, { ...f.view, lang, scenario: 'compare' }).text, reachOf(f, lang)]) : ''),
    targetOffset: 0,
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
  {
    title: { en: '4. Tightening the target', zh: '4. 收紧目标' },
    body: {
      en: 'The target now tightens step by step (P pauses). Watch the cost curves and the cards.',
      zh: '目标正在逐步收紧（按 P 暂停）。请观察成本曲线和成本卡片。',
    },
    facts: (f, lang) => {
      const oz = ozoneIn(f, lang);
      const floor = floors(f.dataset, first(f));
      const parts = [
        fill({ en: 'Acting alone reaches no target tighter than {local} (the hatched area is out of its reach); acting together reaches down to {regional}, at a rising cost.', zh: '属地控制达不到比 {local} 更严的目标（阴影区域无法达到）；区域联合控制可以降到 {regional}，但成本不断上升。' }, lang, {
          local: oz(floor.local), regional: oz(floor.regional),
        }),
        advantageText(f, lang),
      ];
      const trend = f.curve ? savingTrend(f.curve) : null;
      if (trend?.grows) {
        // One unit for both figures of the sentence.
        const scale = yuanScale([trend.loose.saving, trend.tight.saving], lang);
        parts.push(fill({ en: 'Where both reach the target, the saving grows as it tightens: from {a} at {ta} to {b} at {tb} a year.', zh: '在两者都能达标的范围内，目标越严，节省越多：从 {ta} 时的{a}增加到 {tb} 时的{b}（每年）。' }, lang, {
          a: formatYuanIn(trend.loose.saving!, scale), ta: oz(trend.loose.target), b: formatYuanIn(trend.tight.saving!, scale), tb: oz(trend.tight.target),
        }));
      }
      return join(lang, parts);
    },
    targetOffset: 0,
    sweep: true,
    view: { scenario: 'compare', view: 'explore', colorBy: 'share' },
  },
  {
    title: { en: '5. Who cuts is not who pays', zh: '5. 谁削减，不等于谁买单' },
    body: {
      en: 'Efficiency and fairness are separable: a rule sets each party\'s responsibility, and payments from those who gain to those who cut share the saving that acting together creates. The panel checks whether any group of parties would still do better on its own; the rule shown, the nucleolus, lies in the core (no such group) whenever one exists.',
      zh: '效率与公平可以分开：由规则确定各方责任，受益方向削减方支付补偿，分享联合行动带来的节省。面板会检查是否仍有参与方组合单独行动更合算；这里使用的规则核仁，只要核心存在就位于核心内（没有这样的组合）。',
    },
    facts: (f, lang) => {
      const outside = spendingOutside(f);
      if (outside === null) return '';
      const place = placeName(f.dataset, first(f), lang);
      return fill({ en: 'In the least-cost plan {share} of the spending is outside {place}: that is what payments can settle.', zh: '在最低成本方案中，{share}的花费发生在{place}以外：这正是转移支付要解决的部分。' }, lang, { share: formatPercent(outside, lang), place });
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'pay', rule: 'nucleolus', players: 'provinces' },
  },
  {
    title: { en: '6. Other ways to share the bill', zh: '6. 其他分摊方式' },
    body: {
      en: 'Try other rules: by contribution to the ozone, by ability to pay (GDP) or by population. Some rules can leave a party worse off than acting alone; when one does, the table flags who and by how much.',
      zh: '尝试其他规则：按臭氧贡献、按支付能力（GDP）或按人口分摊。有些规则可能使某一方比属地控制更差；出现这种情况时，表格会标出是谁、差多少。',
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'pay', rule: 'gdp', players: 'provinces' },
  },
  {
    title: { en: '7. The takeaway', zh: '7. 结论' },
    body: {
      en: 'Ozone crosses borders; what acting together saves depends on the target and on uncertain evidence. Who cuts and who pays are separate questions: share the bill so that no party ends worse off.',
      zh: '臭氧跨越行政边界；联合行动能省多少取决于目标和并不确定的证据。谁削减与谁买单是两个问题：分摊费用，使任何一方都不吃亏。',
    },
    facts: (f, lang) => {
      if (!f.plans) return '';
      // The window where acting together is cheaper was slide 4's; here the answer and the study, short enough for a 720-line projector.
      const parts = [headline(f.dataset, f.plans, { ...f.view, lang, scenario: 'compare' }).text, reachOf(f, lang)];
      const published = f.dataset.meta.publishedResult;
      const regional = f.plans.regional;
      if (published && published.receptor === first(f) && Math.abs(published.target - regional.query.targets[0].target) < 0.05 && regional.feasible) {
        const scale = yuanScale([published.local, published.regional], lang);
        parts.push(fill({
          en: 'The published study found {local} acting alone against {regional} acting together (its inputs were never published); this model\'s cost of acting together is {times} the study\'s.',
          zh: '已发表的研究得出属地控制{local}、区域联合控制{regional}（其输入数据从未公开）；本模型的区域联合控制成本是该研究的{times}。',
        }, lang, { local: formatYuanIn(published.local, scale), regional: formatYuanIn(published.regional, scale), times: lang === 'zh' ? `${(regional.totalCost! / published.regional).toFixed(1)} 倍` : `${(regional.totalCost! / published.regional).toFixed(1)}×` }));
      }
      return join(lang, parts);
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
];

/** A slide's words: its body, then the sentences computed from the data and the plan on screen. */
export function slideBody(slide: Slide, lang: Lang, facts: LessonFacts | null): string {
  const computed = facts && slide.facts ? slide.facts(facts, lang) : '';
  return join(lang, [slide.body[lang], computed]);
}

/** The targets a sweep slide passes through, from its start down to the lowest target regional
 * control reaches (the exact floor, never below the slider's range), in steps of `step`. */
export function sweepPath(start: number, floor: number, range: { min: number; max: number }, step = 0.5): number[] {
  // The last stop is the floor rounded up to the slider's 0.1, so it is still a target the plan reaches.
  const end = Math.max(range.min, Math.min(start, Math.ceil(floor * 10 - 1e-9) / 10));
  const path: number[] = [];
  for (let t = start; t > end + 1e-9; t -= step) path.push(Number(t.toFixed(1)));
  path.push(Number(end.toFixed(1)));
  return path;
}

/** The view a slide shows, keeping the viewer's language, theme and embed settings. */
export function slideView(current: ViewState, index: number, ctx: ViewContext, baseline: number): ViewState {
  const slide = LESSON[index];
  return {
    ...current,
    receptors: [...ctx.defaults.receptors],
    selected: null,
    ...slide.view,
    // The status quo is a cut of 0%: the same "nothing cut" in every draw of the uncertain baseline.
    goal: slide.targetOffset === undefined ? 'cut' : 'level',
    target: slide.targetOffset === undefined ? baseline : ctx.defaults.target + slide.targetOffset,
    slide: index + 1,
  };
}

/** The view of the teacher's own slide: its saved view, in the viewer's language and theme. */
export function deckSlideView(current: ViewState, index: number, ctx: ViewContext): ViewState {
  const saved = decodeState(current.deck[index], ctx, current.lang).state;
  return { ...saved, lang: current.lang, theme: current.theme, embed: current.embed, panels: current.panels, deck: current.deck, slide: index + 1 };
}

/** A one-line description of a saved view, for the slide list and the lesson bar. */
export function describeView(dataset: Dataset, ctx: ViewContext, query: string, lang: Lang): string {
  const { state } = decodeState(query, ctx, lang);
  const places = state.receptors.length === ctx.receptors.length
    ? translate(lang, 'controls.receptorsAll', { n: ctx.receptors.length })
    : joinNames(state.receptors.map((id) => placeName(dataset, id, lang)), lang);
  const what = state.view === 'pay' ? `${translate(lang, 'nav.pay')} · ${translate(lang, `rule.${state.rule}`)}` : translate(lang, `scenario.${state.scenario}`);
  return `${formatOzone(state.target, state.unit, lang, dataset.units.ugPerPpb)} · ${places} · ${what}`;
}
