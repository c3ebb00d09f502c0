import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import type { Dataset } from '../../src/model/types';
import { defaultState, viewContext, type ViewState } from '../../src/state/state';
import { headline, headlineInterval } from '../../src/state/headline';
import { formatYuanIn, trueMinus, yuanNumber, yuanScale } from '../../src/state/money';
import { calibratedDataset, defaultDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

function solve(dataset: Dataset, view: Partial<ViewState>) {
  const state = { ...defaultState(viewContext(dataset), 'en'), target: 196.7, ...view };
  const targets = state.receptors.map((receptor) => ({ receptor, target: state.target }));
  const plans = { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
  return { plans, state, answer: headline(dataset, plans, state) };
}

describe('headline: the answer first, computed from the solved plans', () => {
  it('calibrated dataset: the published 0.572 and 2.046 bn, and their ratio as a ratio', () => {
    const { plans, answer } = solve(calibratedDataset(), {});
    const ratio = plans.local.totalCost! / plans.regional.totalCost!;
    expect(answer.kind).toBe('ratio');
    expect(answer.ratio).toBeCloseTo(ratio, 9);
    expect(answer.text).toBe(`Acting together meets 196.7\u00a0μg/m³ in Beijing for 0.572\u00a0bn yuan a year; Beijing acting alone costs ${ratio.toFixed(1)}× as much (2.05\u00a0bn yuan).`);
  });

  it('default dataset: acting alone cannot reach 196.7, so the headline says how low it gets instead of a ratio', () => {
    const { plans, answer } = solve(defaultDataset(), {});
    expect(plans.local.feasible).toBe(false);
    const best = plans.local.infeasibility[0].bestReachable.toFixed(1);
    const cost = (plans.regional.totalCost! / 1e9).toFixed(2);
    expect(answer).toMatchObject({ kind: 'aloneCannot', ratio: null });
    expect(answer.text).toBe(`Acting together meets 196.7\u00a0μg/m³ in Beijing for ${cost}\u00a0bn yuan a year; Beijing acting alone cannot get below ${best}\u00a0μg/m³.`);
    expect(answer.text).not.toMatch(/×/);
  });

  it('speaks Chinese with 亿元 and the glossary terms', () => {
    const zh = solve(calibratedDataset(), { lang: 'zh' }).answer.text;
    expect(zh).toMatch(/^区域联合控制每年花费5\.72 亿元即可使北京达到196\.7 μg\/m³；北京属地控制的花费是其3\.6 倍（20\.46 亿元）。$/);
    expect(solve(defaultDataset(), { lang: 'zh' }).answer.text).toMatch(/^区域联合控制每年花费[\d.]+ 亿元即可使北京达到196\.7 μg\/m³；北京属地控制最低只能降到213\.\d μg\/m³。$/);
  });

  it('converts every ozone figure in ppb mode', () => {
    const text = solve(defaultDataset(), { unit: 'ppb' }).answer.text;
    expect(text).not.toMatch(/μg/);
    expect(text.match(/ppb/g)).toHaveLength(2);
  });

  it('local view, a target nobody reaches, and a target already met', () => {
    expect(solve(calibratedDataset(), { scenario: 'local' }).answer.text).toMatch(/^Beijing acting alone meets 196\.7\u00a0μg\/m³ for 2\.05\u00a0bn yuan a year, 3\.6× what acting together costs \(0\.572\u00a0bn yuan\)\.$/);
    expect(solve(defaultDataset(), { scenario: 'local' }).answer.kind).toBe('localCannot');
    const none = solve(defaultDataset(), { target: 160 }).answer;
    expect(none.kind).toBe('togetherCannot');
    expect(none.text).toMatch(/^160\.0\u00a0μg\/m³ is out of reach in Beijing: even acting together, ozone there cannot get below \d+\.\d\u00a0μg\/m³\.$/);
    expect(solve(defaultDataset(), { target: 235 }).answer).toMatchObject({ kind: 'nothing', text: 'Beijing already meets 235.0\u00a0μg/m³: no cut is needed.' });
  });

  it('names every place when all must meet the target', () => {
    const dataset = calibratedDataset();
    const text = solve(dataset, { target: 215, receptors: dataset.receptors.map((r) => r.id) }).answer.text;
    expect(text).toMatch(/in all 13 places/);
  });

  it('adds the 90% interval only from a report for the plans on screen, and not when it rounds to one number', () => {
    const { plans, state, answer } = solve(calibratedDataset(), {});
    const report = { targets: plans.regional.query.targets, fixed: {}, draws: 1000, ratio: { p5: 1.84, p50: 3.1, p95: 5.23, n: 990 }, regional: { p5: 3e8, p50: 5e8, p95: 9e8, n: 1000 } };
    type Report = Parameters<typeof headlineInterval>[0];
    expect(headlineInterval(report as unknown as Report, plans, state, answer.scale)).toBe('In 90% of 1,000 draws of the uncertain assumptions, acting alone costs 1.8× to 5.2× as much.');
    expect(headlineInterval({ ...report, targets: [{ receptor: 'beijing', target: 190 }] } as unknown as Report, plans, state, answer.scale)).toBe('');
    expect(headlineInterval({ ...report, ratio: { p5: 3.58, p50: 3.6, p95: 3.61, n: 1000 } } as unknown as Report, plans, state, answer.scale)).toBe('');
  });
});

describe('money: one unit per group, the true minus sign', () => {
  it('picks one scale for a group', () => {
    expect(yuanScale([5.72e8, 2.046e9], 'en')).toBe('bn');
    expect(yuanScale([5.72e8, 2.046e9], 'zh')).toBe('yi');
    expect(yuanScale([3e6, 4e7], 'en')).toBe('m');
    expect(formatYuanIn(5.72e8, 'bn')).toBe('0.572\u00a0bn yuan');
    expect(formatYuanIn(5.72e8, 'yi')).toBe('5.72 亿元');
  });

  it('writes negative figures with U+2212', () => {
    expect(yuanNumber(-1.3e9, 'bn')).toBe('\u22121.3');
    expect(trueMinus('pays -3.2 bn')).toBe('pays \u22123.2 bn');
    expect(trueMinus('a-b 3-4')).toBe('a-b 3-4');
  });
});
