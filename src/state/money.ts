/**
 * Money and signs on screen: one unit for a group of figures (a card group, a headline), so a
 * reader compares like with like (0.57 and 2.05 bn yuan, not 572 m and 2.05 bn), and the true
 * minus sign (U+2212) for negative figures.
 */
import type { Lang } from '../model/types';

export const MINUS = '\u2212';

/** A hyphen-minus at the start of a number (after optional spaces) becomes the true minus sign. */
export const trueMinus = (text: string): string => text.replace(/(^|[\s(（:：])-(?=\d)/g, `$1${MINUS}`);

/** The scale of a group of yuan figures: 亿元 always in Chinese; bn yuan in English unless every figure is below 1 bn. */
export type YuanScale = 'yi' | 'bn' | 'm';

export function yuanScale(values: (number | null | undefined)[], lang: Lang): YuanScale {
  if (lang === 'zh') return 'yi';
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v !== 0).map(Math.abs);
  if (finite.length === 0) return 'bn';
  return Math.max(...finite) >= 1e8 ? 'bn' : 'm';
}

const DIVISOR: Record<YuanScale, number> = { yi: 1e8, bn: 1e9, m: 1e6 };

/** Three significant figures, at most two decimals above 1 (0.572, 2.05, 39.99, 118.2). */
function digitsFor(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return 0;
  if (a >= 100) return 1;
  if (a >= 1) return 2;
  return Math.min(4, 2 - Math.floor(Math.log10(a)));
}

/** The number alone in a group's scale: "0.572", "−1.3". */
export function yuanNumber(yuan: number, scale: YuanScale): string {
  const x = yuan / DIVISOR[scale];
  const text = String(Number(x.toFixed(digitsFor(x))));
  return trueMinus(text === '-0' ? '0' : text);
}

/** The unit of a scale: "bn yuan", "m yuan", "亿元". */
export function yuanUnit(scale: YuanScale): string {
  return scale === 'yi' ? '亿元' : scale === 'bn' ? 'bn yuan' : 'm yuan';
}

/** A figure with its group's unit: "0.572 bn yuan", "5.72 亿元". */
export function formatYuanIn(yuan: number, scale: YuanScale): string {
  return `${yuanNumber(yuan, scale)}\u00a0${yuanUnit(scale)}`.replace('\u00a0亿元', ' 亿元');
}
