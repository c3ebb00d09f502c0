/** Number formats shared by the methods page's tables (both languages). */
import type { Lang } from '../../model/types';
import { trueMinus } from '../../state/money';

/** The id of a reference's entry in the list, for #anchors (keys are sanitised). */
export const refAnchor = (key: string) => `ref-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Only http(s) URLs become links; anything else is shown as text, never followed. */
export function safeUrl(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** yuan/yr in one unit per language for a whole table: bn yuan (3 decimals) or 亿元 (2). */
export function money(yuan: number, lang: Lang): string {
  return lang === 'zh' ? `${num(yuan / 1e8, lang, 2)} 亿元` : `${num(yuan / 1e9, lang, 3)} bn yuan`;
}

export function num(value: number, lang: Lang, digits: number): string {
  if (value === Infinity) return '∞';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A plain number with as many decimals as it needs (up to 4), no grouping surprises. */
export function plain(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4 }).format(value);
}

export function ozone(ug: number, lang: Lang): string {
  return `${num(ug, lang, 1)} μg/m³`;
}

export function percent(fraction: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

export function signedPercent(fraction: number, lang: Lang): string {
  return trueMinus(new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction));
}

/** A value with its display unit: 3×, 87.5 μg/m³, 0.58. */
export function withUnit(value: number, unit: string, lang: Lang): string {
  const v = plain(value, lang);
  if (!unit) return v;
  if (unit === '×' || unit === '%') return `${v}${unit}`;
  return `${v} ${unit}`;
}

export { placeName } from '../../model/places';
