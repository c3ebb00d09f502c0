/**
 * The one view state. Every visible choice lives here and round-trips through the URL, so a
 * shared link, an embed and a lecture slide are all just URLs.
 */
import type { Lang } from '../model/types';

export const STATE_VERSION = 1;

export type ScenarioView = 'compare' | 'regional' | 'local';
export type Unit = 'ug' | 'ppb';
export type ColorBy = 'tonnes' | 'spending' | 'share' | 'effectiveness';
export type View = 'explore' | 'methods';

export interface ViewState {
  /** Ozone target, μg/m³ (always stored in μg/m³; `unit` only changes display). */
  target: number;
  unit: Unit;
  scenario: ScenarioView;
  /** Receptors whose peak ozone must meet the target. */
  receptors: string[];
  colorBy: ColorBy;
  selected: string | null;
  view: View;
  lang: Lang;
}

export const TARGET_MIN = 150;
export const TARGET_MAX = 230;
export const TARGET_STEP = 0.1;

export const SCENARIOS: ScenarioView[] = ['compare', 'regional', 'local'];
export const UNITS: Unit[] = ['ug', 'ppb'];
export const COLOR_BYS: ColorBy[] = ['tonnes', 'spending', 'share', 'effectiveness'];
export const VIEWS: View[] = ['explore', 'methods'];
export const LANGS: Lang[] = ['en', 'zh'];

export function defaultState(lang: Lang = 'en'): ViewState {
  return {
    target: 196.7,
    unit: 'ug',
    scenario: 'compare',
    receptors: ['beijing'],
    colorBy: 'tonnes',
    selected: null,
    view: 'explore',
    lang,
  };
}

/** Something in a URL that was ignored or changed, for a visible notice. */
export interface Notice {
  param: string;
  /** i18n key of the explanation. */
  key: 'notice.ignored' | 'notice.clamped' | 'notice.unknownIds' | 'notice.newerVersion';
  value: string;
}

const MAX_PARAM_LENGTH = 200;
/** Shown back to the user in a notice: short and printable only (rendered as text, never HTML). */
const quote = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw).replace(/[^\p{L}\p{N} .,_-]/gu, '?');

export const roundTarget = (t: number) => Math.round(t / TARGET_STEP) * TARGET_STEP;
export const clampTarget = (t: number) => Number(Math.min(TARGET_MAX, Math.max(TARGET_MIN, roundTarget(t))).toFixed(1));

/**
 * Reads a view state from URL parameters. Unknown or hostile values are ignored or clamped and
 * reported as notices; nothing from the URL is ever executed or rendered as markup.
 */
export function decodeState(search: string, knownReceptors: string[], preferredLang: Lang = 'en'): { state: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state = defaultState(preferredLang);
  const note = (param: string, key: Notice['key'], value: string) => notices.push({ param, key, value: quote(value) });
  const pick = <T extends string>(param: string, allowed: readonly T[]): T | undefined => {
    const raw = params.get(param);
    if (raw === null) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    note(param, 'notice.ignored', raw);
    return undefined;
  };

  const version = params.get('v');
  if (version !== null && version !== String(STATE_VERSION)) note('v', 'notice.newerVersion', version);

  for (const [param, raw] of params) {
    if (raw.length > MAX_PARAM_LENGTH) {
      note(param, 'notice.ignored', raw);
      params.delete(param);
    }
  }

  const rawTarget = params.get('target');
  if (rawTarget !== null) {
    const value = Number(rawTarget);
    if (rawTarget.trim() === '' || !Number.isFinite(value)) note('target', 'notice.ignored', rawTarget);
    else {
      state.target = clampTarget(value);
      if (state.target !== Number(value.toFixed(1))) note('target', 'notice.clamped', rawTarget);
    }
  }
  state.unit = pick('unit', UNITS) ?? state.unit;
  state.scenario = pick('scenario', SCENARIOS) ?? state.scenario;
  state.colorBy = pick('color', COLOR_BYS) ?? state.colorBy;
  state.view = pick('view', VIEWS) ?? state.view;
  state.lang = pick('lang', LANGS) ?? state.lang;

  const rawReceptors = params.get('receptors');
  if (rawReceptors !== null) {
    const ids = rawReceptors === 'all' ? knownReceptors : rawReceptors.split(',').filter(Boolean);
    const known = ids.filter((id) => knownReceptors.includes(id));
    const unknown = ids.filter((id) => !knownReceptors.includes(id));
    if (unknown.length > 0) note('receptors', 'notice.unknownIds', unknown.join(','));
    if (known.length > 0) state.receptors = [...new Set(known)];
  }
  const selected = params.get('selected');
  if (selected !== null) {
    if (knownReceptors.includes(selected)) state.selected = selected;
    else note('selected', 'notice.unknownIds', selected);
  }
  const knownParams = new Set(['v', 'target', 'unit', 'scenario', 'color', 'view', 'lang', 'receptors', 'selected']);
  for (const param of params.keys()) if (!knownParams.has(param)) note(param, 'notice.ignored', params.get(param) ?? '');
  return { state, notices };
}

/** Writes only the values that differ from the defaults, plus the format version. */
export function encodeState(state: ViewState, knownReceptors: string[]): string {
  const defaults = defaultState(state.lang);
  const params = new URLSearchParams();
  if (state.target !== defaults.target) params.set('target', state.target.toFixed(1));
  if (state.unit !== defaults.unit) params.set('unit', state.unit);
  if (state.scenario !== defaults.scenario) params.set('scenario', state.scenario);
  const receptors = state.receptors.length === knownReceptors.length ? 'all' : state.receptors.join(',');
  if (receptors !== defaults.receptors.join(',')) params.set('receptors', receptors);
  if (state.colorBy !== defaults.colorBy) params.set('color', state.colorBy);
  if (state.selected) params.set('selected', state.selected);
  if (state.view !== defaults.view) params.set('view', state.view);
  params.set('lang', state.lang);
  if ([...params.keys()].length > 0) params.set('v', String(STATE_VERSION));
  params.sort();
  return params.toString();
}
