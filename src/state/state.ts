/**
 * The one view state. Every visible choice lives here and round-trips through the URL, so a
 * shared link, an embed and a lecture slide are all just URLs.
 */
import type { Dataset, JurisdictionId, Lang, ReceptorId } from '../model/types';
import { PLAYER_MODES, type PlayerMode } from '../model/sharing';
import { FUND_INDICATORS, RULES, type FundWeights, type Rule } from '../model/sharing-rules';
import { parseDecimal } from '../model/numbers';
import { levelFor, resolveTargets, specAt, type TargetSpec } from '../model/targets';
import { MAX_SEED, MIN_SEED } from '../model/uncertainty';
import type { ReceptorTarget } from '../model/types';
import { decodeDeck, encodeDeck, MAX_DECK_PARAM, MAX_SLIDES } from './deck';
import { LIMITS } from '../model/limits';

export { MAX_SLIDES };

export { RULES, type Rule };

export const STATE_VERSION = 1;

export type ScenarioView = 'compare' | 'regional' | 'local';
export type Unit = 'ug' | 'ppb';
export type ColorBy = 'tonnes' | 'spending' | 'share' | 'effectiveness';
export type View = 'explore' | 'pay' | 'game' | 'methods';
export type Theme = 'auto' | 'light' | 'dark' | 'projector';
/** What an embed shows: the older four (controls include the slider; summary is the cards and the
 * sentence) and, since the story-first embeds, the headline card and the slider alone. */
export type Panel = 'controls' | 'map' | 'chart' | 'summary' | 'headline' | 'slider';

/** How the visitor sets the target: a level (the legal-standard view), or μg/m³ or percent below the baseline. */
export type Goal = TargetSpec['kind'];
export const GOALS: Goal[] = ['level', 'below', 'cut'];

export interface ViewState {
  /** Ozone target at the first chosen place, μg/m³ (always stored in μg/m³; `unit` only changes display). */
  target: number;
  /**
   * How the target is set. Under a reduction every chosen place is held to the same reduction from
   * its own baseline (the one `target` is at the first place), and the Monte Carlo keeps the
   * reduction when the baseline is drawn: "so much below today" stays the task.
   */
  goal: Goal;
  unit: Unit;
  scenario: ScenarioView;
  /** Receptors whose peak ozone must meet the target. */
  receptors: ReceptorId[];
  /** Who pays: the responsibility rule and who the players are. */
  rule: Rule;
  players: PlayerMode;
  colorBy: ColorBy;
  /**
   * The place picked on the map (or its label), outlined in the merit order and the cuts table:
   * a jurisdiction, not a receptor. Places are the map's areas, which cut and pay; a jurisdiction
   * may hold no receptor (it can still be picked) or several (each of its receptors is in it).
   */
  selected: JurisdictionId | null;
  view: View;
  lang: Lang;
  theme: Theme;
  /** Embedded in another page: no page chrome, only `panels`. */
  embed: boolean;
  panels: Panel[];
  /** An embed on a transparent page background (bg=transparent), so the host page shows through. */
  transparent: boolean;
  /** Lecture: the slide number (1-based), or null outside a lesson. */
  slide: number | null;
  /** The teacher's own slides (view query strings); empty: the built-in lesson. */
  deck: string[];
  /** How the table of cuts is grouped. */
  group: Group;
  /** Weights of the regional fund's formula (who pays in), each 0..MAX_FUND_WEIGHT. */
  fund: FundWeights;
  /** The bundled dataset shown (its meta.id). */
  data: string;
  /** The visitor's own values for the dataset's adjustable assumptions (input id -> value). */
  adjust: Record<string, number>;
  /** Seed of the Monte Carlo run, so a link reproduces it. */
  seed: number;
}

/** What the loaded dataset fixes about a view: ids, defaults and ranges. */
export interface ViewContext {
  /** Bundled dataset ids, the default first. */
  datasets: string[];
  receptors: ReceptorId[];
  /** The places `selected` may name. */
  jurisdictions: JurisdictionId[];
  defaults: { data: string; target: number; receptors: ReceptorId[] };
  /** Each receptor's baseline, μg/m³: what a reduction is measured from. */
  baselines: { id: ReceptorId; baseline: number }[];
  /** Target slider range, μg/m³. */
  range: { min: number; max: number };
  /** Adjustable assumptions and their ranges. */
  inputs: { id: string; low: number; high: number }[];
}

export const TARGET_STEP = 0.1;

/** Before any dataset has loaded: nothing is known, nothing is shown. */
export const EMPTY_CONTEXT: ViewContext = { datasets: [], receptors: [], jurisdictions: [], defaults: { data: '', target: 0, receptors: [] }, baselines: [], range: { min: 0, max: 1 }, inputs: [] };
export { MAX_SEED };

/** The slider range: the dataset's own, else from below its sweep to above its highest baseline. */
export function targetRange(dataset: Dataset): { min: number; max: number } {
  if (dataset.standards.range) return dataset.standards.range;
  const low = Math.min(dataset.standards.sweep.to, dataset.standards.publishedTarget, dataset.standards.grade2OneHour);
  const high = Math.max(dataset.standards.sweep.from, ...dataset.receptors.map((r) => r.baseline));
  return { min: Math.floor((low * 0.9) / 10) * 10, max: Math.ceil((high + 1) / 10) * 10 };
}

export function viewContext(dataset: Dataset, datasets: string[] = [dataset.meta.id]): ViewContext {
  const receptors = dataset.receptors.map((r) => r.id);
  const range = targetRange(dataset);
  const target = dataset.defaults?.target ?? dataset.standards.publishedTarget;
  return {
    datasets,
    receptors,
    jurisdictions: dataset.jurisdictions.map((j) => j.id),
    defaults: {
      data: datasets[0],
      target: Math.min(range.max, Math.max(range.min, target)),
      receptors: dataset.defaults?.receptors ?? [receptors[0]],
    },
    baselines: dataset.receptors.map(({ id, baseline }) => ({ id, baseline })),
    range,
    inputs: (dataset.uncertainty ?? []).filter((u) => u.adjustable).map(({ id, low, high }) => ({ id, low, high })),
  };
}

/** The baseline a view's reduction is measured from: its first chosen place's. */
export function baselineOf(view: Pick<ViewState, 'receptors'>, ctx: Pick<ViewContext, 'baselines'>): number {
  return ctx.baselines.find((b) => b.id === view.receptors[0])?.baseline ?? NaN;
}

/** The view's target as the visitor set it: the level, or the reduction the level is at the first place (so that place's target is exactly the level). */
export function specOf(view: Pick<ViewState, 'target' | 'goal' | 'receptors'>, ctx: Pick<ViewContext, 'baselines'>): TargetSpec {
  return specAt(baselineOf(view, ctx), view.target, view.goal);
}

/** Each chosen place's target, μg/m³: the level, or the same reduction from each place's own baseline. */
export function targetsOf(view: Pick<ViewState, 'target' | 'goal' | 'receptors'>, ctx: Pick<ViewContext, 'baselines'>): ReceptorTarget[] {
  if (view.goal === 'level') return view.receptors.map((receptor) => ({ receptor, target: view.target }));
  return resolveTargets({ receptors: ctx.baselines }, view.receptors, specOf(view, ctx));
}

export type Group = 'jurisdiction' | 'province' | 'sector' | 'pollutant';
export const GROUPS: Group[] = ['jurisdiction', 'province', 'sector', 'pollutant'];
/** Fund weights are relative, 0..1 as on the sliders; a link cannot make one overflow. */
export const MAX_FUND_WEIGHT = 1;
export const SCENARIOS: ScenarioView[] = ['compare', 'regional', 'local'];
export const UNITS: Unit[] = ['ug', 'ppb'];
export const COLOR_BYS: ColorBy[] = ['tonnes', 'spending', 'share', 'effectiveness'];
export const VIEWS: View[] = ['explore', 'pay', 'game', 'methods'];
export const THEMES: Theme[] = ['auto', 'light', 'dark', 'projector'];
export const LANGS: Lang[] = ['en', 'zh'];
export const PANELS: Panel[] = ['headline', 'slider', 'controls', 'map', 'chart', 'summary'];

export function defaultState(ctx: ViewContext, lang: Lang = 'en'): ViewState {
  return {
    target: ctx.defaults.target,
    goal: 'level',
    unit: 'ug',
    scenario: 'compare',
    receptors: [...ctx.defaults.receptors],
    rule: 'nucleolus',
    players: 'provinces',
    colorBy: 'tonnes',
    selected: null,
    view: 'explore',
    lang,
    theme: 'auto',
    embed: false,
    panels: [...PANELS],
    transparent: false,
    slide: null,
    deck: [],
    group: 'jurisdiction',
    fund: { emissions: 1, contribution: 1, gdp: 1, benefit: 1 },
    data: ctx.defaults.data,
    adjust: {},
    seed: 1,
  };
}

/** Something in a URL that was ignored or changed, for a visible notice. */
export interface Notice {
  param: string;
  /** i18n key of the explanation. */
  key: 'notice.ignored' | 'notice.clamped' | 'notice.unknownIds' | 'notice.newerVersion' | 'notice.implausible' | 'notice.loadFailed' | 'notice.repeated';
  value: string;
}

/** Enumerated parameters: state key, URL name, allowed values. */
const ENUMS = [
  ['unit', 'unit', UNITS],
  ['scenario', 'scenario', SCENARIOS],
  ['rule', 'rule', RULES],
  ['players', 'players', PLAYER_MODES],
  ['colorBy', 'color', COLOR_BYS],
  ['view', 'view', VIEWS],
  ['lang', 'lang', LANGS],
  ['theme', 'theme', THEMES],
  ['group', 'group', GROUPS],
] as const satisfies readonly (readonly [keyof ViewState, string, readonly string[]])[];

const KNOWN_PARAMS = new Set(['v', 'target', 'cut', 'receptors', 'selected', 'embed', 'panels', 'dark', 'bg', 'slide', 'deck', 'data', 'adjust', 'seed', 'fund', ...ENUMS.map(([, p]) => p)]);
const MAX_PARAM_LENGTH = 200;
/** Parameters that list things: as long as the longest list a valid dataset allows (the page writes them, so it must read them back). */
const LONG_PARAMS = new Map<string, number>([
  ['deck', MAX_DECK_PARAM],
  ['receptors', LIMITS.receptors * 65], // ids of at most 64 characters and a comma
  ['adjust', LIMITS.uncertainInputs * 80], // id:value,
]);

/**
 * URL migrations: MIGRATIONS[n] turns a version-n link into version n+1, so old links keep
 * working. Version 1 is the first published format, so the list is empty until it changes.
 */
export const MIGRATIONS: Record<number, (params: URLSearchParams) => void> = {};

/** Shown back to the user in a notice: short and printable only (rendered as text, never HTML). */
const quote = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw).replace(/[^\p{L}\p{N} .,_-]/gu, '?');

export const clampTarget = (t: number, range: ViewContext['range']) =>
  Number(Math.min(range.max, Math.max(range.min, Math.round(t / TARGET_STEP) * TARGET_STEP)).toFixed(1));

/** The bundled dataset a link asks for (its `data` parameter), or the default. */
export function requestedDataset(search: string, datasets: string[]): string {
  const id = new URLSearchParams(search).get('data');
  return id !== null && datasets.includes(id) ? id : datasets[0];
}

/**
 * Reads a view state from URL parameters. Unknown or hostile values are ignored or clamped and
 * reported as notices; nothing from the URL is ever executed or rendered as markup. Numbers
 * follow parseDecimal's rule (plain decimals only); a repeated parameter keeps its first value
 * and each later one is reported.
 */
export function decodeState(search: string, ctx: ViewContext, preferredLang: Lang = 'en', migrations = MIGRATIONS): { state: ViewState; notices: Notice[] } {
  const knownReceptors = ctx.receptors;
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state = defaultState(ctx, preferredLang);
  const note = (param: string, key: Notice['key'], value: string) => notices.push({ param, key, value: quote(value) });

  const seen = new Set<string>();
  for (const [param, raw] of [...params]) {
    if (seen.has(param)) note(param.slice(0, 40), 'notice.repeated', raw);
    seen.add(param);
  }
  for (const param of seen) {
    const all = params.getAll(param);
    if (all.length > 1) params.set(param, all[0]);
  }

  for (const [param, raw] of [...params]) {
    if (raw.length > (LONG_PARAMS.get(param) ?? MAX_PARAM_LENGTH) || param.length > 40) {
      note(param.slice(0, 40), 'notice.ignored', raw);
      params.delete(param);
    }
  }
  const rawVersion = params.get('v');
  let version = rawVersion === null ? STATE_VERSION : (parseDecimal(rawVersion) ?? NaN);
  if (version !== STATE_VERSION && !(Number.isInteger(version) && version < STATE_VERSION && version in migrations)) {
    note('v', 'notice.newerVersion', rawVersion ?? '');
    version = STATE_VERSION;
  }
  for (; version < STATE_VERSION; version++) migrations[version]?.(params);

  // The places come first: a reduction is measured from the first one's baseline.
  const rawReceptors = params.get('receptors');
  if (rawReceptors !== null) {
    const ids = rawReceptors === 'all' ? knownReceptors : rawReceptors.split(',').filter(Boolean);
    const known = ids.filter((id) => knownReceptors.includes(id));
    const unknown = ids.filter((id) => !knownReceptors.includes(id));
    if (unknown.length > 0) note('receptors', 'notice.unknownIds', unknown.join(','));
    if (known.length > 0) state.receptors = knownReceptors.filter((id) => known.includes(id));
  }
  // target=196.7 is a level; target=-20 is 20 μg/m³ below the baseline; cut=10 (or 10%) is 10% below it.
  const rawCut = params.get('cut');
  const rawTarget = params.get('target');
  const setTarget = (param: string, raw: string, goal: Goal, value: number) => {
    const level = levelFor(baselineOf(state, ctx), { kind: goal, value });
    if (!Number.isFinite(level)) return note(param, 'notice.ignored', raw);
    state.goal = goal;
    state.target = clampTarget(level, ctx.range);
    if (state.target !== Number(level.toFixed(1))) note(param, 'notice.clamped', raw);
  };
  if (rawCut !== null) {
    const value = parseDecimal(rawCut.replace(/%$/, ''));
    if (value === null || value < 0 || value >= 100) note('cut', 'notice.ignored', rawCut);
    else setTarget('cut', rawCut, 'cut', value);
    if (rawTarget !== null) note('target', 'notice.ignored', rawTarget);
  } else if (rawTarget !== null) {
    const value = parseDecimal(rawTarget);
    if (value === null || value === 0) note('target', 'notice.ignored', rawTarget);
    else if (value < 0) setTarget('target', rawTarget, 'below', -value);
    else setTarget('target', rawTarget, 'level', value);
  }
  for (const [key, param, allowed] of ENUMS) {
    const raw = params.get(param);
    if (raw === null) continue;
    if ((allowed as readonly string[]).includes(raw)) (state as unknown as Record<string, string>)[key] = raw;
    else note(param, 'notice.ignored', raw);
  }
  // Embeds take dark=auto|true|false, the iframe idiom; it maps onto the theme.
  const dark = params.get('dark');
  if (dark !== null) {
    const theme = ({ auto: 'auto', true: 'dark', false: 'light' } as const)[dark as 'auto' | 'true' | 'false'];
    if (theme) state.theme = theme;
    else note('dark', 'notice.ignored', dark);
  }

  const bg = params.get('bg');
  if (bg !== null) {
    if (bg === 'transparent') state.transparent = true;
    else note('bg', 'notice.ignored', bg);
  }

  const selected = params.get('selected');
  if (selected !== null) {
    if (ctx.jurisdictions.includes(selected)) state.selected = selected;
    else note('selected', 'notice.unknownIds', selected);
  }
  if (params.has('embed')) state.embed = params.get('embed') !== 'false';
  const rawPanels = params.get('panels');
  if (rawPanels !== null) {
    const panels = rawPanels.split(',').filter((p): p is Panel => (PANELS as string[]).includes(p));
    if (panels.length === 0 || panels.length !== rawPanels.split(',').length) note('panels', 'notice.ignored', rawPanels);
    if (panels.length > 0) state.panels = PANELS.filter((p) => panels.includes(p));
  }
  const rawDeck = params.get('deck');
  if (rawDeck !== null) {
    const deck = decodeDeck(rawDeck);
    if (deck) state.deck = deck;
    else note('deck', 'notice.ignored', rawDeck);
  }
  const rawSlide = params.get('slide');
  if (rawSlide !== null) {
    const slide = parseDecimal(rawSlide);
    if (slide !== null && Number.isInteger(slide) && slide >= 1 && slide <= (state.deck.length || MAX_SLIDES)) state.slide = slide;
    else note('slide', 'notice.ignored', rawSlide);
  }
  const data = params.get('data');
  if (data !== null) {
    if (ctx.datasets.includes(data)) state.data = data;
    else note('data', 'notice.unknownIds', data);
  }
  const rawAdjust = params.get('adjust');
  if (rawAdjust !== null) {
    for (const pair of rawAdjust.split(',').filter(Boolean)) {
      const [id, rawValue = ''] = pair.split(':');
      const input = ctx.inputs.find((i) => i.id === id);
      const value = parseDecimal(rawValue);
      if (!input || value === null) note('adjust', 'notice.ignored', pair);
      else {
        state.adjust[id] = Math.min(input.high, Math.max(input.low, value));
        if (state.adjust[id] !== value) note('adjust', 'notice.clamped', pair);
      }
    }
  }
  const rawFund = params.get('fund');
  if (rawFund !== null) {
    for (const pair of rawFund.split(',').filter(Boolean)) {
      const [id, raw = ''] = pair.split(':');
      const value = parseDecimal(raw);
      if (!(FUND_INDICATORS as readonly string[]).includes(id) || value === null || value < 0) note('fund', 'notice.ignored', pair);
      else {
        state.fund[id as keyof FundWeights] = Math.min(value, MAX_FUND_WEIGHT);
        if (value > MAX_FUND_WEIGHT) note('fund', 'notice.clamped', pair);
      }
    }
  }
  const rawSeed = params.get('seed');
  if (rawSeed !== null) {
    const seed = parseDecimal(rawSeed);
    if (seed !== null && Number.isInteger(seed) && seed >= MIN_SEED && seed <= MAX_SEED) state.seed = seed;
    else note('seed', 'notice.ignored', rawSeed);
  }
  for (const param of params.keys()) if (!KNOWN_PARAMS.has(param)) note(param.slice(0, 40), 'notice.ignored', params.get(param) ?? '');
  return { state, notices };
}

/** Writes only the values that differ from the defaults (language and dataset always), plus the format version. */
export function encodeState(state: ViewState, ctx: ViewContext): string {
  const knownReceptors = ctx.receptors;
  const defaults = defaultState(ctx, state.lang);
  const params = new URLSearchParams();
  // A reduction always travels, so the link keeps the way the target was set.
  if (state.goal === 'cut') params.set('cut', String(Number(specOf(state, ctx).value.toFixed(2))));
  else if (state.goal === 'below') params.set('target', `-${specOf(state, ctx).value.toFixed(1)}`);
  else if (state.target !== defaults.target) params.set('target', state.target.toFixed(1));
  for (const [key, param] of ENUMS) if (state[key] !== defaults[key] || key === 'lang') params.set(param, String(state[key]));
  const receptors = state.receptors.length === knownReceptors.length ? 'all' : state.receptors.join(',');
  if (receptors !== defaults.receptors.join(',')) params.set('receptors', receptors);
  if (state.selected) params.set('selected', state.selected);
  if (state.embed) params.set('embed', '');
  if (state.panels.join(',') !== defaults.panels.join(',')) params.set('panels', state.panels.join(','));
  if (state.transparent) params.set('bg', 'transparent');
  if (state.slide !== null) params.set('slide', String(state.slide));
  if (state.deck.length > 0) params.set('deck', encodeDeck(state.deck));
  // A link names the bundled dataset it was made with (a visitor's own file cannot travel in a link).
  if (ctx.datasets.includes(state.data)) params.set('data', state.data);
  const adjusted = ctx.inputs.filter((i) => state.adjust[i.id] !== undefined).map((i) => `${i.id}:${Number(state.adjust[i.id].toPrecision(4))}`);
  if (adjusted.length > 0) params.set('adjust', adjusted.join(','));
  if (state.seed !== defaults.seed) params.set('seed', String(state.seed));
  if (FUND_INDICATORS.some((k) => state.fund[k] !== defaults.fund[k])) params.set('fund', FUND_INDICATORS.map((k) => `${k}:${state.fund[k]}`).join(','));
  params.set('v', String(STATE_VERSION));
  params.sort();
  // Commas and a bare `embed` are safe in a query and keep shared links readable.
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/(^|&)embed=(?=&|$)/, '$1embed');
}
