/**
 * The built-in lesson: the research story as an ordered list of views. Each slide is a partial
 * view state (so it is just a URL) and words in both languages; numbers come from the live
 * plan on screen, never from here.
 */
import type { Dataset, Lang, LocalizedText, PlanResult } from '../model/types';
import type { SweepRow } from '../model/sweep';
import { formatOzone, formatYuan, joinNames, translate, placeName } from './i18n';
import { headline } from './headline';
import { formatYuanIn, yuanScale } from './money';
import { decodeState, type ViewContext, type ViewState } from './state';

/** What a slide's computed sentences are worded from: the dataset, the plans on screen (only when
 * they are for the slide's view) and the cost curve. */
export interface LessonFacts {
  dataset: Dataset;
  view: ViewState;
  /** The solved plans for the view on screen, or null while they are for another view. */
  plans: { regional: PlanResult; local: PlanResult } | null;
  curve: SweepRow[] | null;
}

export interface Slide {
  title: LocalizedText;
  body: LocalizedText;
  /** Sentences worded from the data and the solved plan, after the body (empty while solving). */
  facts?: (facts: LessonFacts, lang: Lang) => string;
  view: Partial<Pick<ViewState, 'scenario' | 'view' | 'rule' | 'players' | 'colorBy' | 'selected'>>;
  /** The target: the dataset's default target plus this many μg/m³ (negative: tighter); absent:
   * the baseline of the first receptor (the status quo). */
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
  const j = dataset.jurisdictions.findIndex((x) => x.id === receptor);
  const p = dataset.pollutants.findIndex((x) => x.id.toLowerCase() === 'nox');
  return r >= 0 && j >= 0 && p >= 0 && dataset.coefficients[r][j][p] < 0;
}

/** The lowest target each scenario reaches along the cost curve (null: none on the curve). */
export function curveFloors(curve: SweepRow[]): { local: number | null; regional: number | null } {
  const floor = (key: 'local' | 'regional') => {
    const reached = curve.filter((row) => row[key] !== null).map((row) => row.target);
    return reached.length > 0 ? Math.min(...reached) : null;
  };
  return { local: floor('local'), regional: floor('regional') };
}

/** Where both scenarios reach the target: whether the saving grows as the target tightens, with its two ends. */
export function savingTrend(curve: SweepRow[]): { grows: boolean; loose: SweepRow; tight: SweepRow } | null {
  const both = curve.filter((row) => row.saving !== null && row.saving > 0).sort((a, b) => b.target - a.target);
  if (both.length < 2) return null;
  const grows = both.every((row, i) => i === 0 || row.saving! >= both[i - 1].saving! - 1e-6 * Math.abs(both[i - 1].saving!));
  return { grows, loose: both[0], tight: both[both.length - 1] };
}

const first = (f: LessonFacts) => f.view.receptors[0] ?? f.dataset.receptors[0].id;

export const LESSON: Slide[] = [
  {
    title: { en: '1. Where Beijing stands', zh: '1. 北京的现状' },
    body: {
      en: "The slider marks today's peak 1-hour ozone; nothing is cut yet, so nothing is spent.",
      zh: '滑块上标出了臭氧小时峰值的现状；此时不做任何削减，也就没有花费。',
    },
    facts: (f, lang) => {
      const receptor = f.dataset.receptors.find((r) => r.id === first(f))!;
      const standard = f.dataset.standards.grade2OneHour;
      const oz = (x: number) => formatOzone(x, f.view.unit, lang, f.dataset.units.ugPerPpb);
      const params = { place: placeName(f.dataset, receptor.id, lang), baseline: oz(receptor.baseline), standard: oz(standard) };
      const text = receptor.baseline > standard
        ? { en: "Today {place}'s peak is {baseline}, above the national grade II standard of {standard}.", zh: '{place}目前的峰值为 {baseline}，高于国家二级标准 {standard}。' }
        : { en: "Today {place}'s peak is {baseline}, within the national grade II standard of {standard}.", zh: '{place}目前的峰值为 {baseline}，未超过国家二级标准 {standard}。' };
      return fill(text, lang, params);
    },
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
  {
    title: { en: '2. Beijing acting alone', zh: '2. 北京属地控制' },
    body: {
      en: 'Under local control Beijing must meet the target with its own sources only, and its cheap measures were taken years ago.',
      zh: '属地控制下，北京只能依靠本地污染源达标，而廉价措施多年前已经用完。',
    },
    facts: (f, lang) => {
      const place = placeName(f.dataset, first(f), lang);
      const titration = ownNoxRaisesOzone(f.dataset, first(f))
        ? fill({ en: "In this dataset cutting {place}'s own NOx even raises its ozone, so its cuts must be VOC.", zh: '在此数据集中，削减{place}本地的 NOx 甚至会使其臭氧上升，因此只能削减 VOC。' }, lang, { place })
        : '';
      if (!f.plans) return titration;
      const oz = (x: number) => formatOzone(x, f.view.unit, lang, f.dataset.units.ugPerPpb);
      const local = f.plans.local;
      const target = oz(local.query.targets[0].target);
      const outcome = local.feasible
        ? fill({ en: 'Reaching {target} costs it {cost} a year: read the cost card.', zh: '达到 {target} 每年要花费{cost}：请看成本卡片。' }, lang, { target, cost: formatYuan(local.totalCost!, lang) })
        : fill({ en: 'With every control step of its own in use it gets down to {best} at best, so it cannot reach {target} at all: read the cost card.', zh: '即使用尽本地全部控制措施，最低也只能降到 {best}，根本无法达到 {target}：请看成本卡片。' }, lang, { target, best: oz(local.infeasibility[0].bestReachable) });
      return join(lang, [titration, outcome]);
    },
    targetOffset: 0,
    view: { scenario: 'local', view: 'explore', colorBy: 'spending' },
  },
  {
    title: { en: '3. The basin acting as one', zh: '3. 区域联合控制' },
    body: {
      en: "Ozone is regional: much of Beijing's ozone is made from Tianjin's and Hebei's emissions upwind. Under regional joint control the same target is met by the cheapest cuts anywhere in the basin.",
      zh: '臭氧是区域性污染：北京的臭氧很大一部分来自上风向天津和河北的排放。区域联合控制下，同一目标由全区域最便宜的削减来完成。',
    },
    facts: (f, lang) => (f.plans ? headline(f.dataset, f.plans, { ...f.view, lang, scenario: 'compare' }).text : ''),
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
      if (!f.curve) return '';
      const oz = (x: number) => formatOzone(x, f.view.unit, lang, f.dataset.units.ugPerPpb);
      const floors = curveFloors(f.curve);
      const parts: string[] = [];
      if (floors.local === null) parts.push(fill({ en: 'Local control reaches none of these targets.', zh: '属地控制达不到其中任何一个目标。' }, lang, {}));
      else parts.push(fill({ en: 'On the curve, local control reaches no target tighter than {local}: everything under it (the hatched area) is out of its reach.', zh: '在曲线上，属地控制达不到比 {local} 更严的目标：其下的阴影区域都无法达到。' }, lang, { local: oz(floors.local) }));
      if (floors.regional !== null) parts.push(fill({ en: 'Regional joint control reaches down to {regional}, at a rising cost.', zh: '区域联合控制可以降到 {regional}，但成本不断上升。' }, lang, { regional: oz(floors.regional) }));
      const trend = savingTrend(f.curve);
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
      en: 'The least-cost plan asks Tianjin and Hebei to cut for Beijing. Efficiency and fairness are separable: a rule sets each party\'s responsibility, and payments from those who gain to those who cut share the saving that acting together creates. The panel checks whether any group of parties would still do better on its own; the rule shown, the nucleolus, lies in the core (no such group) whenever one exists.',
      zh: '最低成本方案要求天津和河北为北京削减。效率与公平可以分开：由规则确定各方责任，受益方向削减方支付补偿，分享联合行动带来的节省。面板会检查是否仍有参与方组合单独行动更合算；这里使用的规则核仁，只要核心存在就位于核心内（没有这样的组合）。',
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
      en: 'Ozone crosses borders, so the cheapest cuts for Beijing are often elsewhere. Who cuts and who pays are separate questions: acting together first, then a rule and payments so that no party ends worse off.',
      zh: '臭氧跨越行政边界，北京最便宜的削减往往在别处。谁削减与谁买单是两个问题：先联合行动，再用规则和转移支付，使任何一方都不吃亏。',
    },
    facts: (f, lang) => (f.plans ? headline(f.dataset, f.plans, { ...f.view, lang, scenario: 'compare' }).text : ''),
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
 * control reaches on the cost curve (never below the slider's range), in steps of `step`. */
export function sweepPath(start: number, curve: SweepRow[], range: { min: number; max: number }, step = 0.5): number[] {
  const floor = curveFloors(curve).regional;
  const end = Math.max(range.min, floor ?? start);
  const path: number[] = [];
  for (let t = start; t >= end - 1e-9; t -= step) path.push(Number(t.toFixed(1)));
  if (path.length === 0 || Math.abs(path[path.length - 1] - end) > 1e-9) path.push(Number(end.toFixed(1)));
  return path.filter((t) => t <= start + 1e-9);
}

/** The view a slide shows, keeping the viewer's language, theme and embed settings. */
export function slideView(current: ViewState, index: number, ctx: ViewContext, baseline: number): ViewState {
  const slide = LESSON[index];
  return {
    ...current,
    receptors: [...ctx.defaults.receptors],
    selected: null,
    ...slide.view,
    target: slide.targetOffset === undefined ? Math.round(baseline * 10) / 10 : ctx.defaults.target + slide.targetOffset,
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
