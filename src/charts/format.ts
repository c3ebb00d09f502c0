import type { Lang } from '../model/types';

/** Short yuan tick labels: 5亿 / 0.5bn. */
export function yuanTick(yuan: number, lang: Lang): string {
  if (lang === 'zh') return `${Number((yuan / 1e8).toFixed(1))}亿`;
  return yuan >= 1e9 || yuan === 0 ? `${Number((yuan / 1e9).toFixed(2))}bn` : `${Number((yuan / 1e6).toFixed(0))}m`;
}

/** Province colours by position in the dataset (Okabe-Ito: colour-blind safe). */
const PROVINCE_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const provinceColor = (index: number) => PROVINCE_PALETTE[index % PROVINCE_PALETTE.length];
