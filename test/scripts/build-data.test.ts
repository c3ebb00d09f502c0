import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, calibrate } from '../../scripts/data/build';
import { loadGlpk } from '../../src/model/glpk';
import { validateDataset } from '../../src/model/validate';
import { DATA_PATH } from '../fixtures';

describe('build:data', () => {
  it('rebuilds the committed dataset byte for byte, and it validates', async () => {
    const rebuilt = `${JSON.stringify(buildDataset(calibrate(await loadGlpk())), null, 1)}\n`;
    expect(rebuilt === readFileSync(DATA_PATH, 'utf8'), 'public/data/bth-ozone.json is stale: run npm run build:data').toBe(true);
    expect(validateDataset(JSON.parse(rebuilt)).ok).toBe(true);
  });

  it('gives every number a reference that says what kind of figure it is', () => {
    const d = JSON.parse(readFileSync(DATA_PATH, 'utf8'));
    const refs = d.meta.references;
    const used = [
      ...d.sources.flatMap((s: any) => [s.emissionsRef, s.costRef]),
      ...d.receptors.flatMap((r: any) => [r.ref, r.backgroundRef]),
      ...d.jurisdictions.map((j: any) => j.ref),
      d.coefficientsRef,
      d.units.ref,
      d.standards.ref,
      d.meta.calibration.ref,
    ];
    for (const key of used) expect(['published', 'derived', 'assumed', 'calibrated']).toContain(refs[key]?.kind);
    expect(refs[d.coefficientsRef].kind).toBe('calibrated');
  });
});
