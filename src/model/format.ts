import type { Lang } from './types';

/** yuan/yr in words a reader expects: 亿元 in Chinese, bn/m yuan in English. */
export function formatYuan(yuan: number, lang: Lang, digits = 2): string {
  if (yuan === 0) return lang === 'zh' ? '0 元' : '0 yuan';
  if (lang === 'zh') {
    const yi = yuan / 1e8;
    return Math.abs(yi) >= 0.01 ? `${trim(yi, digits)} 亿元` : `${trim(yuan / 1e4, 1)} 万元`;
  }
  return Math.abs(yuan) >= 1e9 ? `${trim(yuan / 1e9, digits)} bn yuan` : `${trim(yuan / 1e6, Math.max(0, digits - 1))} m yuan`;
}

/** Fixed digits without trailing zeros beyond what is meaningful (0.570 -> 0.57). */
function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

export function formatTonnes(tonnes: number, lang: Lang): string {
  return lang === 'zh' ? `${trim(tonnes / 1e4, 2)} 万吨` : `${trim(tonnes / 1e3, 1)} kt`;
}
