/** Words and numbers for "How sure?": intervals from a Monte Carlo report, tornado readings. */
import type { Dataset, Lang, ReceptorTarget, UncertainInput } from '../model/types';
import type { Outcome, Reach, Summary, Tornado, TornadoRow, UncertaintyReport } from '../model/uncertainty';
import { formatPercent, formatYuan, translate, type MessageKey } from './i18n';
import type { Goal } from './state';

/** A headline quantity of a report or a tornado. */
export type Quantity = 'regional' | 'local' | 'saving' | 'ratio';

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** local / regional as a multiple: 3.1× / 3.1 倍; a dash when there is no number. */
export function formatRatio(x: number | null, lang: Lang): string {
  if (!finite(x)) return '–';
  const digits = Math.abs(x) >= 10 ? 0 : 1;
  return lang === 'zh' ? `${x.toFixed(digits)} 倍` : `${x.toFixed(digits)}×`;
}

/** A quantity's value in words: yuan or a multiple; a dash when there is no number. */
export function formatQuantity(quantity: Quantity, x: number | null, lang: Lang): string {
  if (!finite(x)) return '–';
  return quantity === 'ratio' ? formatRatio(x, lang) : formatYuan(x, lang);
}

/** An input's value with its unit: 1.5×, 95 μg/m³, 50% (a share), 0.578. */
export function formatInput(input: Pick<UncertainInput, 'effect' | 'unit'>, value: number, lang: Lang): string {
  if (!finite(value)) return '–';
  if (input.effect === 'ownShare') return formatPercent(value, lang);
  const number = String(Number(value.toPrecision(3)));
  if (!input.unit) return number;
  return input.unit === '×' || input.unit === '%' ? `${number}${input.unit}` : `${number}\u00a0${input.unit}`;
}

/** A summary's usable numbers, or null when it has none (no draw gave the quantity) or any is not finite. */
export function usable(summary: Summary): { p5: number; p50: number; p95: number; n: number } | null {
  if (!summary || !finite(summary.p5) || !finite(summary.p50) || !finite(summary.p95) || summary.n < 1) return null;
  return summary;
}

const sameValues = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => b[k] === a[k]);
};

/**
 * Whether a report was made for these targets, set this way (a level, or a reduction that follows
 * each draw's baseline), and these adjusted assumptions: the view on screen.
 */
export function reportMatches(
  report: Pick<UncertaintyReport, 'targets' | 'fixed' | 'spec'> | null, targets: ReceptorTarget[], adjust: Record<string, number>, goal: Goal = 'level',
): boolean {
  if (!report) return false;
  const same = report.targets.length === targets.length && report.targets.every((t, i) => t.receptor === targets[i].receptor && Math.abs(t.target - targets[i].target) < 1e-9);
  return same && (report.spec?.kind ?? 'level') === goal && sameValues(report.fixed ?? {}, adjust);
}

/** A share of the draws: whole percent, but a share that is not exactly 0 or 1 never reads as 0% or 100%. */
export function formatShare(share: number, lang: Lang): string {
  if (share > 0 && share < 0.01) return lang === 'zh' ? '不足 1%' : 'under 1%';
  if (share > 0.99 && share < 1) return lang === 'zh' ? '99% 以上' : 'over 99%';
  return formatPercent(share, lang);
}

/** The number of draws, as each language writes it. */
export const formatCount = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(n);

/** How often each plan reaches the target, in one sentence (read this first). */
export function reachText(report: Pick<UncertaintyReport, 'draws' | 'reach'>, lang: Lang, key: Extract<MessageKey, 'sure.reach' | 'headline.sureReach'> = 'sure.reach'): string {
  const { regional, local } = report.reach as Reach;
  return translate(lang, key, { draws: formatCount(report.draws, lang), regional: formatShare(regional, lang), local: formatShare(local, lang) });
}

/** The quantity a tornado is read for: the saving when both plans reach the target, else the regional cost (null: neither). */
export function tornadoQuantity(base: Outcome): 'saving' | 'regional' | 'local' | null {
  if (finite(base.saving)) return 'saving';
  if (finite(base.regional)) return 'regional';
  if (finite(base.local)) return 'local';
  return null;
}

export interface TornadoBar {
  input: string;
  /** How much the input moves the chance of reaching the target (the report's lowest against highest fifth), where it ranks the bar. */
  reachSwing: number | null;
  name: string;
  /** The quantity with the input at its low and high end; null where the plan cannot reach the target. */
  atLow: number | null;
  atHigh: number | null;
  low: string;
  high: string;
  /** |atHigh - atLow|; Infinity when one end cannot reach the target (that matters most). */
  swing: number;
  /** At an end with no number: which plan cannot reach the target there. */
  missingAtLow: 'local' | 'regional' | null;
  missingAtHigh: 'local' | 'regional' | null;
}

const missing = (outcome: Outcome, quantity: Quantity): 'local' | 'regional' | null =>
  finite(outcome[quantity]) ? null : quantity !== 'regional' && !finite(outcome.local) ? 'local' : 'regional';

/** The tornado's rows for one quantity, largest swing first; inputs that change nothing are left out. */
export function tornadoBars(tornado: Tornado, quantity: Quantity, dataset: Dataset, lang: Lang): TornadoBar[] {
  const inputs = new Map((dataset.uncertainty ?? []).map((u) => [u.id, u]));
  return tornado.rows
    .map((row: TornadoRow): TornadoBar => {
      const atLow = finite(row.atLow[quantity]) ? row.atLow[quantity] : null;
      const atHigh = finite(row.atHigh[quantity]) ? row.atHigh[quantity] : null;
      const input = inputs.get(row.input) ?? { effect: 'cost' as const, unit: row.unit };
      const swing = atLow !== null && atHigh !== null ? Math.abs(atHigh - atLow) : atLow === null && atHigh === null ? 0 : Infinity;
      return {
        input: row.input, name: row.name[lang], atLow, atHigh, low: formatInput(input, row.low, lang), high: formatInput(input, row.high, lang), swing,
        missingAtLow: missing(row.atLow, quantity), missingAtHigh: missing(row.atHigh, quantity), reachSwing: row.reachSwing,
      };
    })
    .filter((bar) => bar.swing > 0 && (bar.atLow !== null || bar.atHigh !== null))
    // Bars with an end that cannot reach the target matter most; among them, the larger change in the chance of reaching it first.
    .sort((a, b) => (a.swing === b.swing ? (b.reachSwing ?? -1) - (a.reachSwing ?? -1) : a.swing < b.swing ? 1 : -1));
}

/** The input that moves a quantity most in a tornado, or null. */
export function mostImportant(tornado: Tornado | null, quantity: Quantity, dataset: Dataset, lang: Lang): TornadoBar | null {
  return tornado ? (tornadoBars(tornado, quantity, dataset, lang)[0] ?? null) : null;
}


