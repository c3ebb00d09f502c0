import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { defaultState, viewContext, type ViewState } from '../../src/state/state';
import { summaryText } from '../../src/state/summary';
import { calibratedDataset } from '../fixtures';

const dataset = calibratedDataset();
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

function summary(view: Partial<ViewState>) {
  const state = { ...defaultState(viewContext(dataset), 'en'), ...view };
  const targets = state.receptors.map((receptor) => ({ receptor, target: state.target }));
  const plans = { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
  return summaryText(dataset, plans, state);
}

describe('summary sentence', () => {
  it('states cost, saving against acting alone and the largest cutters, computed from the plans', () => {
    expect(summary({ target: 196.7 })).toBe('Regional control meets 196.7\u00a0μg/m³ in Beijing for 572 m yuan a year, 72% less than acting alone. Langfang and Tianjin make the largest cuts.');
  });

  it('adds what acting together saves against an equal cut for everyone, when the equal-effort plan is given', () => {
    const state = { ...defaultState(viewContext(dataset), 'en'), target: 196.7 };
    const targets = [{ receptor: 'beijing', target: 196.7 }];
    const [regional, local, equal] = (['regional', 'local', 'equal'] as const).map((scenario) => solvePlan(glpk, dataset, { scenario, targets }));
    const text = summaryText(dataset, { regional, local, equal }, state);
    expect(text).toMatch(/72% less than acting alone\. An equal cut for everyone \(\d+% of every place’s controllable NOx and VOC\) would cost [\d.]+ bn yuan: acting together saves [\d.]+ bn yuan against it\. Langfang and Tianjin/);
    expect(summaryText(dataset, { regional, local, equal }, { ...state, scenario: 'local' })).not.toMatch(/equal cut/);
  });

  it('speaks Chinese with 亿元', () => {
    expect(summary({ target: 196.7, lang: 'zh' })).toBe('区域联合控制每年花费5.72 亿元即可使北京达到196.7 μg/m³，比属地控制少花72%。廊坊和天津削减最多。');
  });

  it('shows ppb when asked', () => {
    expect(summary({ target: 196.7, unit: 'ppb' })).toMatch(/meets 100\.3\u00a0ppb in Beijing/);
  });

  it('says when acting alone cannot reach the target at all', () => {
    expect(summary({ target: 175 })).toMatch(/^Regional control meets 175\.0\u00a0μg\/m³ in Beijing for .* a year; acting alone cannot reach it at all\./);
  });

  it('explains an infeasible local target with what can be reached and by whom', () => {
    expect(summary({ target: 175, scenario: 'local' })).toMatch(/^Local control cannot reach 175\.0\u00a0μg\/m³ in Beijing: Beijing's own sources bring it down to 181\.\d\u00a0μg\/m³ at best/);
    expect(summary({ target: 175, scenario: 'local', lang: 'zh' })).toMatch(/^属地控制无法使北京达到175\.0 μg\/m³：北京本地污染源即使采取全部措施，最低也只能降到181\.\d μg\/m³。$/);
  });

  it('needs no cut above the baseline', () => {
    expect(summary({ target: 228 })).toBe('Beijing already meets 228.0\u00a0μg/m³: no cut is needed.');
  });

  it('names several places and all 13', () => {
    expect(summary({ target: 205, receptors: ['beijing', 'tianjin'] })).toMatch(/in Beijing and Tianjin for/);
    expect(summary({ target: 205, receptors: dataset.receptors.map((r) => r.id) })).toMatch(/in all 13 places for/);
  });
});
