import { describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES, parseDataset, validateDataset } from '../../src/model/validate';
import { defaultDataset } from '../fixtures';

/** Position of an uncertain input of the default dataset. */
const inputAt = (id: string) => defaultDataset().uncertainty!.findIndex((u) => u.id === id);

/** A valid response case at Beijing, with some fields replaced. */
function evidenceCase(d: any, patch: object) {
  return {
    id: 'olympics', name: { en: 'Olympics', zh: '奥运' }, receptor: 'beijing', role: 'response', ref: d.receptors[0].ref,
    changes: [{ where: { pollutants: ['NOx'] }, fraction: 0.36 }],
    observed: { change: -23.5, direction: 'fell', note: { en: 'Miyun', zh: '密云' } },
    ...patch,
  };
}

/** Applies a change to a copy of the default dataset and returns the problems found. */
function problemsAfter(change: (d: any) => void) {
  const d: any = defaultDataset();
  change(d);
  const result = validateDataset(d);
  return result.ok ? [] : result.problems;
}

describe('validateDataset', () => {
  it('accepts the default dataset', () => {
    expect(validateDataset(defaultDataset()).ok).toBe(true);
  });

  const cases: [string, (d: any) => void, string, RegExp][] = [
    ['missing field', (d) => delete d.sources[3].emissions, 'sources[3].emissions', /is missing/],
    ['wrong type', (d) => (d.sources[0].emissions = '1000'), 'sources[0].emissions', /finite number, got a string/],
    ['NaN (as null after JSON)', (d) => (d.receptors[0].baseline = null), 'receptors[0].baseline', /finite number, got null/],
    ['Infinity', (d) => (d.sources[1].steps[0].cost = Infinity), 'sources[1].steps[0].cost', /finite number, got Infinity/],
    ['negative tonnes', (d) => (d.sources[2].emissions = -5), 'sources[2].emissions', /finite number >= 0, got -5/],
    ['unknown jurisdiction', (d) => (d.sources[4].jurisdiction = 'atlantis'), 'sources[4].jurisdiction', /unknown jurisdiction "atlantis"/],
    ['unknown pollutant', (d) => (d.sources[4].pollutant = 'SO2'), 'sources[4].pollutant', /unknown pollutant "SO2"/],
    ['unknown reference', (d) => (d.sources[4].costRef = 'nowhere'), 'sources[4].costRef', /unknown reference/],
    ['duplicate id', (d) => (d.jurisdictions[2].id = d.jurisdictions[1].id), 'jurisdictions[2].id', /duplicate id "tianjin"/],
    ['unsafe id', (d) => (d.sectors[0].id = '<script>'), 'sectors[0].id', /must be an id/],
    ['non-increasing cost steps', (d) => (d.sources[12].steps[2].cost = d.sources[12].steps[1].cost - 1), 'sources[12].steps[2].cost', /must be a finite number >= the previous step's cost/],
    ['shares above 100%', (d) => (d.sources[5].steps[0].share = 0.9), 'sources[5].steps', /shares sum to 1\d\d\.\d%, above 100% of the base emissions/],
    ['share out of range', (d) => (d.sources[5].steps[0].share = 0), 'sources[5].steps[0].share', />= 0.000001, got 0/],
    ['matrix rows', (d) => d.coefficients.pop(), 'coefficients', /one row per receptor \(13\), got 12/],
    ['matrix columns', (d) => d.coefficients[1].pop(), 'coefficients[1]', /one entry per jurisdiction \(13\), got 12/],
    ['matrix cell', (d) => (d.coefficients[0][3] = [1]), 'coefficients[0][3]', /one value per pollutant \(2\), got 1/],
    ['matrix value', (d) => (d.coefficients[0][3][1] = 'x'), 'coefficients[0][3][1]', /finite number/],
    ['background above baseline', (d) => (d.receptors[0].background = 300), 'receptors[0].background', new RegExp(`<= ${defaultDataset().receptors[0].baseline}`)],
    ['sweep reversed', (d) => (d.standards.sweep.to = 400), 'standards.sweep.to', /<= 218/],
    ['format version', (d) => (d.formatVersion = 2), 'formatVersion', /must be 1/],
    ['unit without a source', (d) => delete d.units.ref, 'units.ref', /is missing/],
    ['localized name', (d) => delete d.jurisdictions[0].name.zh, 'jurisdictions[0].name.zh', /is missing/],
    ['ppb factor of another temperature', (d) => (d.units.ugPerPpb = 2.141), 'units.ugPerPpb', /must be 1\.962 μg\/m³ per ppb at the declared 298\.15 K \(within 0\.5%\), got 2\.141/],
    ['implausible reference temperature', (d) => (d.units.referenceTemperatureK = 25), 'units.referenceTemperatureK', />= 250, got 25/],
    ['step reference unknown', (d) => (d.sources[2].steps[1].costRef = 'nowhere'), 'sources[2].steps[1].costRef', /unknown reference "nowhere"/],
    ['damage without a source', (d) => delete d.receptors[1].damageRef, 'receptors[1].damageRef', /is missing/],
    ['negative damage', (d) => Object.assign(d.receptors[1], { damage: -1, damageRef: d.receptors[1].ref }), 'receptors[1].damage', />= 0, got -1/],
    ['evidence at an unknown receptor', (d) => (d.evidence = [evidenceCase(d, { receptor: 'atlantis' })]), 'evidence[0].receptor', /unknown receptor "atlantis"/],
    ['evidence change with both forms', (d) => (d.evidence = [evidenceCase(d, { changes: [{ fraction: 0.1, tonnes: 5 }] })]), 'evidence[0].changes[0]', /exactly one of fraction and tonnes/],
    ['response evidence without a number', (d) => (d.evidence = [evidenceCase(d, { observed: { direction: 'rose', note: { en: 'x', zh: 'x' } } })]), 'evidence[0].observed', /exactly one of change and level/],
    ['a response range that excludes the coefficients as given', (d) => (d.responseRange = { low: 1.2, high: 2, ref: d.units.ref }), 'responseRange.low', /<= 1 \(the coefficients as given\), got 1\.2/],
    ['three response cases', (d) => (d.evidence = ['a', 'b', 'c'].map((id) => evidenceCase(d, { id }))), 'evidence', /at most 2 cases may have the role "response", got 3/],
    ['input naming an unknown case', (d) => d.uncertainty.push({ ...d.uncertainty[0], id: 'ev', effect: 'evidence', nominal: 0, low: -1, high: 1, scale: 'linear', where: { evidence: ['nope'] } }), `uncertainty[${defaultDataset().uncertainty!.length}].where.evidence[0]`, /unknown evidence case "nope"/],
    ['link scheme', (d) => (d.meta.references.headline.url = 'javascript:alert(1)'), 'meta.references.headline.url', /must be an http\(s\) address/],
    ['published result receptor', (d) => (d.meta.publishedResult.receptor = 'paris'), 'meta.publishedResult.receptor', /unknown receptor "paris"/],
    ['observed transfer payer', (d) => (d.meta.observedTransfers.flows[1].from = 'paris'), 'meta.observedTransfers.flows[1].from', /unknown jurisdiction "paris"/],
    ['observed transfer amount', (d) => (d.meta.observedTransfers.flows[0].amount = 0), 'meta.observedTransfers.flows[0].amount', /above 0|> 0/],
    ['observed transfer year', (d) => (d.meta.observedTransfers.year = 2015.5), 'meta.observedTransfers.year', /whole year/],
    ['slider range', (d) => (d.standards.range = { min: 200, max: 150 }), 'standards.range.max', /> standards.range.min/],
    ['default receptor', (d) => (d.defaults.receptors = ['paris']), 'defaults.receptors[0]', /unknown receptor/],
    ['uncertain effect', (d) => (d.uncertainty[0].effect = 'magic'), 'uncertainty[0].effect', /must be one of emissions, cost/],
    ['uncertain range', (d) => (d.uncertainty[inputAt('costs')].nominal = 5), `uncertainty[${inputAt('costs')}].nominal`, /<= 2, got 5/],
    ['uncertain log scale', (d) => Object.assign(d.uncertainty[inputAt('response')], { scale: 'log' }), `uncertainty[${inputAt('response')}].low`, /above 0 on a log scale/],
    ['uncertain own share', (d) => (d.uncertainty[inputAt('beijing-own')].high = 1), `uncertainty[${inputAt('beijing-own')}].high`, /own share must lie in \[0, 1\)/],
    ['response position above 1', (d) => (d.uncertainty[inputAt('response')].high = 2), `uncertainty[${inputAt('response')}].high`, /response position must lie in \[0, 1\]/],
    ['uncertain filter', (d) => (d.uncertainty[2].where.pollutants = ['SO2']), 'uncertainty[2].where.pollutants[0]', /unknown pollutant "SO2"/],
    ['uncertain sign', (d) => (d.uncertainty[2].where.sign = 'both'), 'uncertainty[2].where.sign', /"positive" or "negative"/],
  ];
  it.each(cases)('rejects %s at its path', (_, change, path, message) => {
    const problems = problemsAfter(change);
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('lists every problem, not just the first', () => {
    const problems = problemsAfter((d) => {
      d.sources[0].emissions = -1;
      d.sources[1].pollutant = 'CO';
      d.receptors[2].baseline = 'high';
    });
    expect(problems.map((p) => p.path)).toEqual(['sources[0].emissions', 'sources[1].pollutant', 'receptors[2].baseline']);
  });

  it('warns, without rejecting, when the ozone budget is physically implausible, naming the receptor and both figures', () => {
    const d: any = defaultDataset();
    expect(validateDataset(d)).toMatchObject({ ok: true, warnings: [] });
    d.coefficients[0] = d.coefficients[0].map((cell: number[]) => cell.map((v) => v * 10));
    d.coefficients[1] = d.coefficients[1].map((cell: number[]) => cell.map((v) => v / 10));
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.path)).toEqual(['receptors[0]', 'receptors[1]']);
    const removable = (d.receptors[0].baseline - d.receptors[0].background).toFixed(1);
    expect(result.warnings[0].message).toMatch(new RegExp(`would remove \\d+\\.\\d μg/m³ of ozone at beijing, but only ${removable} μg/m³ .* ratio \\d\\.\\d\\d, above the physical limit of 2`));
    expect(result.warnings[1].message).toMatch(/ratio 0\.0\d, below 0\.2/);
  });

  it('warns, without rejecting, when a dataset declares no reference temperature for its concentrations', () => {
    const d: any = defaultDataset();
    delete d.units.referenceTemperatureK;
    const result = validateDataset(d);
    expect(result).toMatchObject({ ok: true, warnings: [{ path: 'units.referenceTemperatureK', message: expect.stringMatching(/is not declared.*298\.15 K.*273\.15 K/) }] });
  });

  it('keeps the 3.x fields in the clean copy', () => {
    const d: any = defaultDataset();
    d.evidence = [...d.evidence, evidenceCase(d, { id: 'extra', role: 'hindcast' })];
    d.sources[0].steps[0].costRef = d.sources[0].costRef;
    Object.assign(d.receptors[0], { damage: 7.9e7, damageRef: d.receptors[0].ref });
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.evidence).toEqual(d.evidence);
    expect(result.dataset.sources[0].steps[0].costRef).toBe(d.sources[0].costRef);
    expect(result.dataset.receptors[0]).toMatchObject({ damage: 7.9e7, damageRef: d.receptors[0].ref });
    expect(result.dataset.units.referenceTemperatureK).toBe(298.15);
  });

  it('rejects non-objects without throwing', () => {
    for (const bad of [null, 42, 'text', [], undefined]) expect(validateDataset(bad).ok).toBe(false);
  });
});

describe('parseDataset', () => {
  it('reports invalid JSON as a problem', () => {
    const result = parseDataset('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '(file)', message: expect.stringMatching(/not valid JSON/) });
  });

  it('refuses files over the size limit before parsing', () => {
    const result = parseDataset(' '.repeat(MAX_DATASET_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/above the 5 MB limit/);
  });
});
