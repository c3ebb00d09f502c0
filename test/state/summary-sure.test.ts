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
    draws: 1000, seed: 1, targets: [{ receptor: 'beijing', target: 196.7 }], spec: null, inputs: ['x'], fixed: {}, nominal,
    reach: { regional: 1, local: 0.9 },
    regional: summary(3e8, 5e8, 9e8), local: summary(9e8, 1.5e9, 4e9, 900),
    paired: { regional: summary(3e8, 5e8, 9e8, 900), local: summary(9e8, 1.5e9, 4e9, 900), ratio: summary(1.8, 3.1, 5.2, 900), saving: summary(4e8, 1e9, 3e9, 900) },
    infeasible: { local: 100, regional: 0 }, reachByInput: {}, cutShares: {}, shapleyShares: {},
    ...patch,
  };
}

describe('the summary sentence says how sure it is', () => {
  it('leads with how often each plan reaches the target, then the ratio over the draws where both do', () => {
    expect(sureText(report(), view())).toBe(
      'In 100% of 1,000 draws of the uncertain inputs acting together can reach the target; acting alone in 90%. Where both can (900 of 1,000 draws), acting alone costs 3.1× as much (90% of those draws between 1.8× and 5.2×).',
    );
    expect(sureText(report(), view({ lang: 'zh' }))).toBe(
      '在不确定输入的 1,000 组抽样中，区域联合控制有 100% 能达到目标，属地控制有 90%。在两者都能达到的抽样中（1,000 组中的 900 组），属地控制的花费是区域联合控制的 3.1 倍（其中 90% 介于 1.8 倍 与 5.2 倍 之间）。',
    );
  });

  it('never rounds a share that is not all or none to 100% or 0%', () => {
    expect(sureText(report({ reach: { regional: 0.997, local: 0.004 } }), view())).toMatch(/^In over 99% of 1,000 draws .* acting alone in under 1%\./);
  });

  it('gives the cost over the draws where the plan reaches the target when the two cannot be compared, and says so when no draw can', () => {
    const rarely = report({
      reach: { regional: 0.322, local: 0 }, regional: summary(1.54e9, 1.789e10, 1.1258e11, 322), local: null,
      paired: { regional: null, local: null, ratio: null, saving: null }, infeasible: { local: 1000, regional: 678 },
    });
    expect(sureText(rarely, view())).toBe(
      'In 32% of 1,000 draws of the uncertain inputs acting together can reach the target; acting alone in 0%. Where regional joint control can (322 of 1,000 draws), it costs 17.89 bn yuan a year (90% of those draws between 1.54 bn yuan and 112.58 bn yuan).',
    );
    expect(sureText(rarely, view({ scenario: 'local' }))).toBe('In none of 1,000 draws of the uncertain inputs can local control reach the target.');
  });

  it('says nothing for a dataset without uncertain inputs (no draws)', () => {
    expect(sureText(report({ draws: 0, inputs: [] }), view())).toBe('');
  });

  it('joins the sentence only when the report is for the plans on screen, and never shows NaN', () => {
    const targets = [{ receptor: 'beijing', target: 200 }];
    const plans = { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
    const mc = monteCarlo(glpk, dataset, { targets, draws: 40, seed: 3 });
    const text = summaryText(dataset, plans, view({ target: 200 }), mc);
    expect(text).toContain(' In ');
    expect(text).toContain(' of 40 draws of the uncertain inputs');
    expect(text.endsWith(sureText(mc, view({ target: 200 })))).toBe(true);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    // Another target, assumptions the report did not hold, or a reduction where the report held a level: the plain sentence.
    expect(summaryText(dataset, plans, view({ target: 200 }), { ...mc, targets: [{ receptor: 'beijing', target: 185 }] })).not.toContain('draws');
    expect(summaryText(dataset, plans, view({ target: 200, adjust: { costs: 1.5 } }), mc)).not.toContain('draws');
    expect(summaryText(dataset, plans, view({ target: 200, goal: 'cut' }), mc)).not.toContain('draws');
  });
});

describe('a share of the draws', () => {
  it('never reads as 0% or 100% when it is neither, in words each language reads naturally', async () => {
    const { formatShare } = await import('../../src/state/sure');
    expect(formatShare(0.997, 'en')).toBe('over 99%');
    expect(formatShare(0.997, 'zh')).toBe('99% 以上');
    expect(formatShare(0.004, 'en')).toBe('under 1%');
    expect(formatShare(0.004, 'zh')).toBe('不足 1%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(formatShare(0.706, 'zh')).toBe('71%');
  });
});
