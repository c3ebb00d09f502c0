import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDatasets, catalogueOf } from '../../scripts/data/bundle';
import { loadGlpk } from '../../src/model/glpk';
import { validateDataset } from '../../src/model/validate';
import { ozoneBudget, BUDGET_MAX, BUDGET_MIN } from '../../src/model/budget';
import { parseCatalogue } from '../../src/model/catalogue';
import { calibratedDataset, DATA_DIR, defaultDataset } from '../fixtures';

const KINDS = ['published', 'derived', 'assumed', 'calibrated'];

describe('build:data', () => {
  it('rebuilds every bundled dataset and the catalogue byte for byte, and they validate', async () => {
    const datasets = bundledDatasets(await loadGlpk());
    for (const d of datasets) {
      const rebuilt = `${JSON.stringify(d, null, 1)}\n`;
      expect(rebuilt === readFileSync(new URL(`${d.meta.id}.json`, DATA_DIR), 'utf8'), `public/data/${d.meta.id}.json is stale: run npm run build:data`).toBe(true);
      expect(validateDataset(JSON.parse(rebuilt)).ok).toBe(true);
    }
    const catalogue = readFileSync(new URL('catalogue.json', DATA_DIR), 'utf8');
    expect(catalogue).toBe(`${JSON.stringify(catalogueOf(datasets), null, 1)}\n`);
    const parsed = parseCatalogue(catalogue);
    expect(parsed.ok && parsed.catalogue.datasets.map((d) => d.id)).toEqual(['bth-ozone', 'bth-ozone-calibrated']);
  });

  it.each([['default', defaultDataset], ['calibrated', calibratedDataset]])('gives every number in the %s dataset a reference that says what kind of figure it is', (_, load) => {
    const d = load();
    const refs = d.meta.references;
    const used = [
      ...d.sources.flatMap((s) => [s.emissionsRef, s.costRef]),
      ...d.receptors.flatMap((r) => [r.ref, r.backgroundRef]),
      ...d.jurisdictions.map((j) => j.ref),
      ...(d.uncertainty ?? []).map((u) => u.ref),
      d.coefficientsRef,
      d.units.ref,
      d.standards.ref,
      d.meta.publishedResult!.ref,
    ];
    for (const key of used) expect(KINDS).toContain(refs[key]?.kind);
  });

  it('builds the default from the literature: consistent ozone budget, no calibrated number, ranges for the big assumptions', () => {
    const d = defaultDataset();
    for (const b of ozoneBudget(d)) {
      expect(b.ratio, b.receptor).toBeGreaterThanOrEqual(BUDGET_MIN);
      expect(b.ratio, b.receptor).toBeLessThanOrEqual(BUDGET_MAX);
    }
    expect(d.meta.calibration).toBeUndefined();
    expect(Object.values(d.meta.references).map((r) => r.kind)).not.toContain('calibrated');
    expect(validateDataset(d)).toMatchObject({ ok: true, warnings: [] });
    const inputs = new Map((d.uncertainty ?? []).map((u) => [u.id, u]));
    for (const id of ['response', 'beijing-own', 'nox-weight', 'titration', 'background', 'baseline-beijing', 'costs', 'beijing-cost', 'beijing-open']) expect(inputs.has(id), id).toBe(true);
    // Beijing's own share of its ozone lies in the tagging studies' range, and the response
    // factor in the range the Olympic and attainment evidence allows.
    expect(ozoneBudget(d)[0].ownShare).toBeGreaterThanOrEqual(0.35);
    expect(ozoneBudget(d)[0].ownShare).toBeLessThanOrEqual(0.8);
    expect(inputs.get('response')!.nominal).toBeGreaterThanOrEqual(0.3);
    expect(inputs.get('response')!.nominal).toBeLessThanOrEqual(0.8);
  });

  it('keeps the calibrated reconstruction, and its validation warns that it is physically implausible', () => {
    const d = calibratedDataset();
    expect(d.meta.description.en).toMatch(/physically implausible/);
    const checked = validateDataset(d);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.warnings.map((w) => w.path)).toContain('receptors[0]');
  });
});
