import { precisionFixed } from 'd3';
import type { Lang } from '../model/types';
import type { Unit } from '../state/state';
import { formatYuan } from '../model/format';

/** The true minus sign (U+2212), as typeset numbers use it; a hyphen-minus reads as a dash. */
export const MINUS = '\u2212';

/** Replaces a hyphen-minus that starts a number (at the start, or after a space, bracket or colon) with U+2212; ranges such as 27-36 keep theirs. */
export const withMinus = (text: string) => text.replace(/(^|[\s(（:：])-(?=\d|\.\d)/g, `$1${MINUS}`);

/** A plain number for a chart, with at most `digits` decimals (trailing zeros dropped) and a true minus. */
export function chartNumber(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return withMinus(String(rounded === 0 ? 0 : rounded));
}

/**
 * yuan in words for readouts, with a true minus: always 亿元 in Chinese (small sums keep three
 * significant figures: 0.00512 亿元), bn or m yuan in English.
 */
export function chartYuan(yuan: number, lang: Lang, digits = 2): string {
  if (lang !== 'zh') return withMinus(formatYuan(yuan, lang, digits));
  const yi = yuan / 1e8;
  const a = Math.abs(yi);
  const places = a === 0 || a >= 1 ? digits : Math.min(8, 2 - Math.floor(Math.log10(a)));
  return `${chartNumber(yi, places)} 亿元`;
}

/**
 * The unit a yuan axis is labelled in: 亿元 (1e8) in Chinese always; bn yuan (1e9) in English,
 * or m yuan (1e6) when the largest value is under a billion. Ticks are plain numbers in it.
 */
export interface YuanAxisUnit {
  divisor: number;
  /** 'bn yuan' / 'm yuan' / '亿元'. */
  name: string;
}

export function yuanAxisUnit(max: number, lang: Lang): YuanAxisUnit {
  if (lang === 'zh') return { divisor: 1e8, name: '亿元' };
  return Math.abs(max) >= 1e9 ? { divisor: 1e9, name: 'bn yuan' } : { divisor: 1e6, name: 'm yuan' };
}

/** Tick labels for a yuan axis in `unit`: as many decimals as the tick step needs, a true minus. */
export function yuanTicks(ticks: number[], unit: YuanAxisUnit): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) / unit.divisor : 1;
  const digits = Math.min(6, precisionFixed(step || 1));
  return (value) => chartNumber(value / unit.divisor, digits);
}

/** Ozone in the display unit (μg/m³ as stored, or ppb). */
export const toDisplay = (ug: number, unit: Unit, ugPerPpb: number) => (unit === 'ppb' ? ug / ugPerPpb : ug);
export const fromDisplay = (value: number, unit: Unit, ugPerPpb: number) => (unit === 'ppb' ? value * ugPerPpb : value);

/** Province colours by position in the dataset (Okabe-Ito: colour-blind safe). */
const PROVINCE_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#7f7f7f'];
export const provinceColor = (index: number) => PROVINCE_PALETTE[index % PROVINCE_PALETTE.length];
