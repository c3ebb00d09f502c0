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

  it('where acting alone cannot reach the target at the central estimates, says how low it gets instead of a ratio, never a bare "cannot"', () => {
    const { plans, answer } = solve(defaultDataset(), { target: 190 });
    expect(plans.local.feasible).toBe(false);
    const best = plans.local.infeasibility[0].bestReachable.toFixed(1);
    const cost = (plans.regional.totalCost! / 1e9).toFixed(2);
    expect(answer).toMatchObject({ kind: 'aloneCannot', ratio: null });
    expect(answer.text).toBe(`Acting together meets 190.0\u00a0μg/m³ in Beijing for ${cost}\u00a0bn yuan a year; at the central estimates Beijing acting alone gets no lower than ${best}\u00a0μg/m³.`);
    expect(answer.text).not.toMatch(/×|cannot/);
  });

  it('speaks Chinese with 亿元 and the glossary terms', () => {
    const zh = solve(calibratedDataset(), { lang: 'zh' }).answer.text;
    expect(zh).toMatch(/^区域联合控制每年花费5\.72 亿元即可使北京达到196\.7 μg\/m³；北京属地控制的花费是其3\.6 倍（20\.46 亿元）。$/);
    expect(solve(defaultDataset(), { lang: 'zh', target: 190 }).answer.text).toMatch(/^区域联合控制每年花费[\d.]+ 亿元即可使北京达到190\.0 μg\/m³；按中心估计，北京属地控制最低只能降到\d+\.\d μg\/m³。$/);
  });

  it('converts every ozone figure in ppb mode', () => {
    const text = solve(defaultDataset(), { unit: 'ppb', target: 190 }).answer.text;
    expect(text).not.toMatch(/μg/);
    expect(text.match(/ppb/g)).toHaveLength(2);
  });

  it('local view, a target nobody reaches, and a target already met', () => {
    expect(solve(calibratedDataset(), { scenario: 'local' }).answer.text).toMatch(/^Beijing acting alone meets 196\.7\u00a0μg\/m³ for 2\.05\u00a0bn yuan a year, 3\.6× what acting together costs \(0\.572\u00a0bn yuan\)\.$/);
    expect(solve(defaultDataset(), { scenario: 'local', target: 190 }).answer.kind).toBe('localCannot');
    const none = solve(defaultDataset(), { target: 160 }).answer;
    expect(none.kind).toBe('togetherCannot');
    expect(none.text).toMatch(/^At the central estimates 160\.0\u00a0μg\/m³ is out of reach in Beijing: even acting together, ozone there gets no lower than \d+\.\d\u00a0μg\/m³\.$/);
    expect(solve(defaultDataset(), { target: 235 }).answer).toMatchObject({ kind: 'nothing', text: 'Beijing already meets 235.0\u00a0μg/m³: no cut is needed.' });
  });

  it('names every place when all must meet the target', () => {
    const dataset = calibratedDataset();
    const text = solve(dataset, { target: 215, receptors: dataset.receptors.map((r) => r.id) }).answer.text;
    expect(text).toMatch(/in all 13 places/);
  });

  it('adds how often each plan reaches the target and an interval that names its draws, only from a report for the plans on screen', () => {
    const { plans, state, answer } = solve(calibratedDataset(), {});
    const report = {
      targets: plans.regional.query.targets, spec: null, fixed: {}, draws: 1000, reach: { regional: 1, local: 0.62 },
      paired: { ratio: { p5: 1.84, p50: 3.1, p95: 5.23, n: 620 } }, regional: { p5: 3e8, p50: 5e8, p95: 9e8, n: 1000 },
    };
    type Report = Parameters<typeof headlineInterval>[0];
    expect(headlineInterval(report as unknown as Report, plans, state, answer.scale)).toBe(
      'In 100% of 1,000 draws of the uncertain inputs acting together can reach it, acting alone in 62%. Where both can (620 draws), acting alone costs 1.8× to 5.2× as much (the middle 90%).',
    );
    expect(headlineInterval({ ...report, paired: { ratio: null } } as unknown as Report, plans, state, answer.scale)).toBe(
      'In 100% of 1,000 draws of the uncertain inputs acting together can reach it, acting alone in 62%. Where acting together can, it costs 0.3 bn yuan to 0.9 bn yuan a year (the middle 90% of those draws).'.replace(/ bn/g, '\u00a0bn'),
    );
    expect(headlineInterval({ ...report, targets: [{ receptor: 'beijing', target: 190 }] } as unknown as Report, plans, state, answer.scale)).toBe('');
    expect(headlineInterval({ ...report, spec: { kind: 'cut', value: 5 } } as unknown as Report, plans, state, answer.scale)).toBe('');
    // A dataset without uncertain inputs has no draws: nothing is claimed.
    expect(headlineInterval({ ...report, draws: 0 } as unknown as Report, plans, state, answer.scale)).toBe('');
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
