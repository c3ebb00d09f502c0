import { describe, expect, it } from 'vitest';
import { costCurveKey, meritOrderKey, publishedShown, swatchShapes, tornadoKey, type KeyItem } from '../../src/charts/keys';
import { chartNumber, chartYuan, MINUS, toDisplay, withMinus, yuanAxisUnit, yuanTicks } from '../../src/charts/format';
import { licenseText, sourceParts, sourceText, studyOf } from '../../src/state/source';
import { calibratedDataset, defaultDataset } from '../fixtures';

const view = { receptors: ['beijing'], lang: 'en' as const, unit: 'ug' as const, scenario: 'compare' as const, selected: null, target: 196.7 };

describe('chart keys are data', () => {
  it('the cost curve: both scenarios, the saving, the published points where shown, the marks and the target', () => {
    const dataset = defaultDataset();
    const key = costCurveKey(dataset, view);
    expect(key.map((k) => [k.id, k.shape])).toEqual([
      ['regional', 'line'], ['local', 'dashed'], ['saving', 'block'], ['published', 'circle'], ['marks', 'tick'], ['target', 'rule'],
    ]);
    expect(key[0]).toMatchObject({ label: 'Regional joint control', colors: ['var(--regional)'] });
    expect(key.find((k) => k.id === 'marks')!.label).toBe('Grade II standard (200.0\u00a0μg/m³) and the study’s target (196.7\u00a0μg/m³)');
    // Not for another place, and in ppb the marks are in ppb.
    expect(costCurveKey(dataset, { ...view, receptors: ['tianjin'] }).map((k) => k.id)).not.toContain('published');
    expect(publishedShown(dataset, { receptors: ['beijing', 'tianjin'] })).toBeNull();
    expect(costCurveKey(dataset, { ...view, unit: 'ppb' }).find((k) => k.id === 'marks')!.label).toContain('101.9\u00a0ppb');
    expect(costCurveKey(dataset, { ...view, lang: 'zh' })[0].label).toBe('区域联合控制');
  });

  it('the merit order: one colour per province, used solid and unused pale in the same colours, the selection and the needed cut', () => {
    const dataset = defaultDataset();
    const key = meritOrderKey(dataset, { ...view, selected: 'langfang' });
    expect(key.map((k) => k.label)).toEqual(['Beijing', 'Tianjin', 'Hebei', 'used by the plan', 'not used', 'Langfang, selected on the map', 'Ozone cut this target needs']);
    const provinces = key.slice(0, 3).map((k) => k.colors[0]);
    expect(new Set(provinces).size).toBe(3);
    expect(key.find((k) => k.id === 'used')!.colors).toEqual(provinces);
    expect(key.find((k) => k.id === 'unused')).toMatchObject({ colors: provinces, opacity: 0.25 });
    // Local control draws only the place's own province; a target above the baseline needs no cut.
    expect(meritOrderKey(dataset, { ...view, scenario: 'local' }).map((k) => k.id)).toEqual(['province-beijing', 'used', 'unused', 'needed']);
    expect(meritOrderKey(dataset, { ...view, target: 1000 }).map((k) => k.id)).not.toContain('needed');
  });

  it('swatches are the same shapes for the page and the export, painted through a mapping', () => {
    const item: KeyItem = { id: 'x', label: 'x', shape: 'block', colors: ['var(--a)', '#00ff00'], opacity: 0.25 };
    const shapes = swatchShapes(item, (c) => (c === 'var(--a)' ? 'rgb(1, 2, 3)' : c));
    expect(shapes.map((s) => s.tag)).toEqual(['rect', 'rect']);
    expect(shapes[0].attrs.style).toBe('fill:rgb(1, 2, 3);opacity:0.25');
    expect(swatchShapes({ id: 'l', label: 'l', shape: 'dashed', colors: ['red'] })[0].attrs.style).toContain('stroke-dasharray:6 3');
    for (const shape of ['line', 'dashed', 'block', 'circle', 'tick', 'rule', 'dashed-rule', 'outline'] as const)
      expect(swatchShapes({ id: shape, label: shape, shape, colors: ['red'] }).length).toBeGreaterThan(0);
    expect(tornadoKey('zh').map((k) => k.id)).toEqual(['low', 'high', 'base']);
  });
});

describe('source line', () => {
  it('names the dataset and version, the study behind the published result, and the licence', () => {
    const dataset = defaultDataset();
    const parts = sourceParts(dataset, 'en');
    expect(parts.dataset).toBe(`${dataset.meta.title.en} v${dataset.meta.version}`);
    expect(parts.study).toEqual({ text: 'Wu et al. (2015), Journal of Environmental Management 149: 27-36', url: 'https://doi.org/10.1016/j.jenvman.2014.09.032' });
    expect(sourceText(dataset, 'en')).toBe(
      `Source: Airshed model; data: ${dataset.meta.title.en} v${dataset.meta.version}; based on Wu et al. (2015), Journal of Environmental Management 149: 27-36, https://doi.org/10.1016/j.jenvman.2014.09.032`,
    );
    expect(sourceText(dataset, 'zh')).toMatch(new RegExp(`^来源：Airshed 模型；数据：.+ v${dataset.meta.version.replace(/\./g, '\\.')}；依据 Wu et al\\. \\(2015\\)`));
    expect(licenseText(dataset, 'en')).toBe(`Licence: ${dataset.meta.license}`);
  });

  it('falls back to the first clause of a reference without a citation, and to nothing without a published result', () => {
    const calibrated = calibratedDataset();
    expect(sourceParts(calibrated, 'en').study!.text).toBe("Published headline: to bring Beijing's peak ozone to 196.7 μg/m³, local control costs 2.046 bn yuan/yr and regional joint control 0.572 bn yuan/yr");
    expect(studyOf({ kind: 'published', text: 'Smith J. (2020) A title, Some Journal 1: 2-3.' })).toEqual({ text: 'Smith (2020), Some Journal 1: 2-3', url: undefined });
    const none = defaultDataset();
    delete none.meta.publishedResult;
    expect(sourceParts(none, 'en').study).toBeNull();
    expect(sourceText(none, 'en')).toBe(`Source: Airshed model; data: ${none.meta.title.en} v${none.meta.version}`);
  });
});

describe('chart numbers', () => {
  it('use the true minus sign', () => {
    expect(chartNumber(-1.25, 1)).toBe(`${MINUS}1.3`);
    expect(chartNumber(-0.001, 2)).toBe('0');
    expect(withMinus('-0.5 bn yuan')).toBe(`${MINUS}0.5 bn yuan`);
    expect(withMinus('2015-2020')).toBe('2015-2020');
    expect(withMinus('saving: -3 bn')).toBe(`saving: ${MINUS}3 bn`);
    expect(chartYuan(-2.5e8, 'zh')).toBe(`${MINUS}2.5 亿元`);
    // Always 亿元 in Chinese, small sums included.
    expect(chartYuan(512_000, 'zh')).toBe('0.00512 亿元');
    expect(chartYuan(0, 'zh')).toBe('0 亿元');
    expect(chartYuan(2.046e9, 'zh')).toBe('20.46 亿元');
    expect(chartYuan(-5.72e8, 'en')).toBe(`${MINUS}572 m yuan`);
  });

  it('label yuan axes in 亿元 in Chinese and bn or m yuan in English, with ticks in that unit', () => {
    expect(yuanAxisUnit(3e7, 'zh')).toEqual({ divisor: 1e8, name: '亿元' });
    expect(yuanAxisUnit(1.2e11, 'en')).toEqual({ divisor: 1e9, name: 'bn yuan' });
    expect(yuanAxisUnit(4e7, 'en')).toEqual({ divisor: 1e6, name: 'm yuan' });
    const ticks = [0, 5e6, 1e7, 1.5e7];
    expect(ticks.map(yuanTicks(ticks, yuanAxisUnit(1.5e7, 'zh')))).toEqual(['0', '0.05', '0.1', '0.15']);
    expect([-2e9, 0, 2e9].map(yuanTicks([-2e9, 0, 2e9], yuanAxisUnit(2e9, 'en')))).toEqual([`${MINUS}2`, '0', '2']);
    expect(toDisplay(196.7, 'ppb', 1.967)).toBeCloseTo(100, 6);
  });
});
