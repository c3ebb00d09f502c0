/**
 * The built-in lesson: the research story as an ordered list of views. Each slide is a partial
 * view state (so it is just a URL) and words in both languages; numbers come from the live
 * plan on screen, never from here.
 */
import type { Dataset, Lang, LocalizedText } from '../model/types';
import { formatOzone, joinNames, translate } from './i18n';
import { decodeState, type ViewContext, type ViewState } from './state';

export interface Slide {
  title: LocalizedText;
  body: LocalizedText;
  view: Partial<Pick<ViewState, 'scenario' | 'view' | 'rule' | 'players' | 'colorBy' | 'selected'>>;
  /** The target: the dataset's default target plus this many μg/m³ (negative: tighter); absent:
   * the baseline of the first receptor (the status quo). */
  targetOffset?: number;
}

export const LESSON: Slide[] = [
  {
    title: { en: '1. Where Beijing stands', zh: '1. 北京的现状' },
    body: {
      en: "Today Beijing's peak 1-hour ozone sits above the national grade II standard of 200 μg/m³. The slider marks today's level; nothing is cut yet, so nothing is spent.",
      zh: '北京目前的臭氧小时峰值高于国家二级标准 200 μg/m³。滑块上标出了现状；此时不做任何削减，也就没有花费。',
    },
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
  {
    title: { en: '2. Beijing acting alone', zh: '2. 北京各自为战' },
    body: {
      en: "Under local control Beijing must meet 196.7 μg/m³ with its own sources only. Its cheap measures were taken years ago, and its own NOx cuts even raise its ozone, so it has to buy expensive VOC cuts. Read the cost card.",
      zh: '属地控制下，北京只能依靠本地污染源达到 196.7 μg/m³。廉价措施多年前已经用完，而削减本地 NOx 甚至会使臭氧上升，因此只能购买昂贵的 VOC 削减。请看成本卡片。',
    },
    targetOffset: 0,
    view: { scenario: 'local', view: 'explore', colorBy: 'spending' },
  },
  {
    title: { en: '3. The basin acting as one', zh: '3. 区域联合控制' },
    body: {
      en: "Ozone is regional: much of Beijing's ozone is made from Tianjin's and Hebei's emissions upwind. Under regional joint control the same target is met by the cheapest cuts anywhere in the basin. Compare the two costs.",
      zh: '臭氧是区域性污染：北京的臭氧很大一部分来自上风向天津和河北的排放。区域联合控制下，同一目标由全区域最便宜的削减来完成。比较两种方案的成本。',
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'explore', colorBy: 'tonnes' },
  },
  {
    title: { en: '4. The tighter the target, the larger the saving', zh: '4. 目标越严，节省越多' },
    body: {
      en: 'Tighten the target and watch the cost curves: local control climbs steeply and soon cannot reach the target at all (the hatched area), while regional control rises gently. The saving keeps growing.',
      zh: '收紧目标，观察成本曲线：属地控制急剧上升，很快就根本无法达到目标（阴影区域）；区域联合控制则平缓上升。节省不断扩大。',
    },
    targetOffset: -16.7,
    view: { scenario: 'compare', view: 'explore', colorBy: 'share' },
  },
  {
    title: { en: '5. Who cuts is not who pays', zh: '5. 谁削减，不等于谁买单' },
    body: {
      en: 'The least-cost plan asks Tianjin and Hebei to cut for Beijing. Efficiency and fairness are separable: a rule sets each party\'s responsibility, and payments from those who gain to those who cut leave everyone no worse off than acting alone.',
      zh: '最低成本方案要求天津和河北为北京削减。效率与公平可以分开：由规则确定各方责任，受益方向削减方支付补偿，使每一方都不比各自为战更差。',
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'pay', rule: 'shapley', players: 'provinces' },
  },
  {
    title: { en: '6. Other ways to share the bill', zh: '6. 其他分摊方式' },
    body: {
      en: 'Try other rules: by contribution to the ozone, by ability to pay (GDP) or by population. Some leave a party worse off than acting alone; the table flags who and by how much.',
      zh: '尝试其他规则：按臭氧贡献、按支付能力（GDP）或按人口分摊。有些规则会使某一方比各自为战更差，表格会标出是谁、差多少。',
    },
    targetOffset: 0,
    view: { scenario: 'compare', view: 'pay', rule: 'gdp', players: 'provinces' },
  },
];

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
    : joinNames(state.receptors.map((id) => dataset.jurisdictions.find((j) => j.id === id)?.name[lang] ?? id), lang);
  const what = state.view === 'pay' ? `${translate(lang, 'nav.pay')} · ${translate(lang, `rule.${state.rule}`)}` : translate(lang, `scenario.${state.scenario}`);
  return `${formatOzone(state.target, state.unit, lang, dataset.units.ugPerPpb)} · ${places} · ${what}`;
}
