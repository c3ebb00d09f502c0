import type { Lang } from '../model/types';

/** Short yuan tick labels: 5亿 / 0.5bn. */
export function yuanTick(yuan: number, lang: Lang): string {
  if (lang === 'zh') return `${Number((yuan / 1e8).toFixed(1))}亿`;
  return yuan >= 1e9 || yuan === 0 ? `${Number((yuan / 1e9).toFixed(2))}bn` : `${Number((yuan / 1e6).toFixed(0))}m`;
}

/** Province colours (colour-blind safe: Okabe-Ito blue, orange, bluish green). */
export const PROVINCE_COLORS: Record<string, string> = { beijing: '#0072B2', tianjin: '#E69F00', hebei: '#009E73' };
