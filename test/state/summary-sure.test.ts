import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { monteCarlo, type Summary, type UncertaintyReport } from '../../src/model/uncertainty';
import { defaultState, viewContext, type ViewState } from '../../src/state/state';
import { summaryText, sureText } from '../../src/state/summary';
import { defaultDataset } from '../fixtures';

const dataset = defaultDataset();
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...defaultState(viewContext(dataset), 'en'), ...patch });
const summary = (p5: number, p50: number, p95: number, n = 1000): Summary => ({ n, mean: p50, p5, p50, p95 });
/** A made-up report: every number in the phrase must come from it. */
function report(patch: Partial<UncertaintyReport> = {}): UncertaintyReport {
  const nominal = { regional: 5e8, local: 1.5e9, saving: 1e9, ratio: 3 };
  return {
    draws: 1000, seed: 1, targets: [{ receptor: 'beijing', target: 196.7 }], inputs: [], fixed: {}, nominal,
    regional: summary(3e8, 5e8, 9e8), local: summary(9e8, 1.5e9, 4e9), ratio: summary(1.8, 3.1, 5.2), saving: summary(4e8, 1e9, 3e9),
    regionalCheaper: { count: 1000, share: 1 }, infeasible: { local: 0, regional: 0 }, cutShares: {}, shapleyShares: {},
    ...patch,
  };
}

describe('the summary sentence says how sure it is', () => {
  it('gives the ratio with its 90% interval, from the report', () => {
    expect(sureText(report(), view())).toBe('Over 1,000 draws of the uncertain assumptions, acting alone costs 3.1× as much (90% of draws between 1.8× and 5.2×).');
    expect(sureText(report({ ratio: summary(1.2, 2.4, 7.5, 900), infeasible: { local: 100, regional: 0 } }), view())).toBe(
      'Over 1,000 draws of the uncertain assumptions, acting alone costs 2.4× as much (90% of draws between 1.2× and 7.5×). Local control cannot reach the target in 100 of them.',
    );
    expect(sureText(report(), view({ lang: 'zh' }))).toBe('在不确定假设的 1,000 组抽样中，属地控制的成本是区域联合控制的 3.1 倍（90% 的抽样介于 1.8 倍 与 5.2 倍 之间）。');
  });

  it('gives the cost when acting alone mostly cannot reach the target, and says so when no draw can', () => {
    const mostlyUnreachable = report({ ratio: summary(1, 1, 2, 60), regional: summary(1.54e9, 1.789e10, 1.1258e11, 322), infeasible: { local: 940, regional: 678 } });
    expect(sureText(mostlyUnreachable, view())).toBe(
      'Over 1,000 draws of the uncertain assumptions, regional joint control cannot reach the target in 678; where it can, it costs 17.89 bn yuan a year (90% of those draws between 1.54 bn yuan and 112.58 bn yuan).',
    );
    expect(sureText(report({ local: null, ratio: null, saving: null, infeasible: { local: 1000, regional: 0 } }), view({ scenario: 'local' }))).toBe(
      'In none of 1,000 draws of the uncertain assumptions can local control reach the target.',
    );
  });

  it('joins the sentence only when the report is for the plans on screen, and never shows NaN', () => {
    const targets = [{ receptor: 'beijing', target: 190 }];
    const plans = { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
    const mc = monteCarlo(glpk, dataset, { targets, draws: 40, seed: 3 });
    const text = summaryText(dataset, plans, view({ target: 190 }), mc);
    expect(text).toContain(' Over 40 draws of the uncertain assumptions, ');
    expect(text.endsWith(sureText(mc, view({ target: 190 })))).toBe(true);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    // Another target, or assumptions the report did not hold: the plain sentence.
    expect(summaryText(dataset, plans, view({ target: 190 }), { ...mc, targets: [{ receptor: 'beijing', target: 185 }] })).not.toContain('draws');
    expect(summaryText(dataset, plans, view({ target: 190, adjust: { costs: 1.5 } }), mc)).not.toContain('draws');
  });
});
