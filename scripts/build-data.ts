/**
 * npm run build:data: rebuilds the bundled datasets and their catalogue in public/data/
 * (deterministic) and prints, for each, what a reviewer checks first: the unit convention, the
 * ozone budget at every receptor, Beijing's own share, the costs at the published target and at
 * 10% below baseline with how often each plan reaches them and their 90% ranges (1,000 draws,
 * seed 1), where acting together is cheaper, and the hindcast against what was observed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGlpk } from '../src/model/glpk';
import { ozoneBudget } from '../src/model/budget';
import { hindcast } from '../src/model/evidence';
import { regionalAdvantage, sweep } from '../src/model/sweep';
import { resolveTargets, describeTarget, type TargetSpec } from '../src/model/targets';
import { monteCarlo, type Summary } from '../src/model/uncertainty';
import { validateDataset } from '../src/model/validate';
import { bundledDatasets, catalogueOf } from './data/bundle';
import { PUBLISHED } from './data/figures';

const dir = new URL('../public/data/', import.meta.url);
const glpk = await loadGlpk();
const datasets = bundledDatasets(glpk);
const bn = (x: number | null) => (x === null ? 'unreachable' : `${(x / 1e9).toFixed(2)} bn`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const range = (s: Summary) => (s ? `median ${bn(s.p50)}, 90% of those draws ${bn(s.p5)}–${bn(s.p95)} (n = ${s.n})` : 'no draw reaches it');
for (const dataset of datasets) {
  const out = fileURLToPath(new URL(`${dataset.meta.id}.json`, dir));
  writeFileSync(out, `${JSON.stringify(dataset, null, 1)}\n`);
  const checked = validateDataset(JSON.parse(JSON.stringify(dataset)));
  const budget = ozoneBudget(dataset);
  console.log(`wrote ${out}: ${dataset.meta.title.en} ${dataset.meta.version}`);
  console.log(`  units: μg/m³ at ${dataset.units.referenceTemperatureK} K (${dataset.units.ugPerPpb} μg/m³ per ppb); statistic: ${dataset.units.statistic?.en ?? 'not stated'}`);
  console.log(`  validation: ${checked.ok ? `${checked.warnings.length} warning(s)${checked.warnings.slice(0, 1).map((w) => `, the first: ${w.path}: ${w.message}`).join('')}` : 'INVALID'}`);
  console.log(`  Beijing's own share of its ozone-forming potential: ${pct(budget[0].ownShare)}`);
  console.log(`  ozone budget ratio by receptor: ${budget.map((b) => `${b.receptor} ${b.ratio.toFixed(2)}`).join(', ')}`);
  const receptor = PUBLISHED.receptor;
  const specs: TargetSpec[] = [{ kind: 'level', value: PUBLISHED.target }, { kind: 'cut', value: 10 }, { kind: 'cut', value: 20 }];
  for (const spec of specs) {
    const targets = resolveTargets(dataset, [receptor], spec);
    const report = monteCarlo(glpk, dataset, { targets, spec, draws: 1000, seed: 1 });
    console.log(`  ${describeTarget(spec)} in Beijing (${targets[0].target.toFixed(1)} μg/m³): regional ${bn(report.nominal.regional)}, local ${bn(report.nominal.local)}`);
    if (report.draws === 0) continue;
    console.log(`    reach in ${report.draws} draws: regional ${pct(report.reach.regional)}, local ${pct(report.reach.local)}`);
    console.log(`    regional: ${range(report.regional)}; local: ${range(report.local)}`);
    console.log(`    where both reach it: saving ${range(report.paired.saving)}; ratio ${report.paired.ratio ? `${report.paired.ratio.p50.toFixed(2)} (${report.paired.ratio.p5.toFixed(2)}–${report.paired.ratio.p95.toFixed(2)})` : 'n/a'}`);
  }
  const advantage = regionalAdvantage(sweep(glpk, dataset, { receptors: [receptor], from: dataset.standards.range?.max ?? PUBLISHED.sweep.from, to: dataset.standards.range?.min ?? PUBLISHED.sweep.to, step: 0.1 }));
  const span = (r: { from: number; to: number } | null) => (r ? `${r.from}–${r.to} μg/m³` : 'nowhere');
  console.log(`  acting together is cheaper (by more than 0.5%) at ${span(advantage.cheaper)}; only it reaches ${span(advantage.onlyRegional)}; largest saving ${advantage.largest ? `${bn(advantage.largest.saving)} at ${advantage.largest.target}` : 'none'}`);
  console.log(`  (published: ${PUBLISHED.target} μg/m³, local ${bn(PUBLISHED.local)}, regional ${bn(PUBLISHED.regional)})`);
  for (const h of hindcast(dataset))
    console.log(`  hindcast ${h.id} (${h.role}): observed ${h.observed.direction}${h.observed.change !== null ? ` ${h.observed.change.toFixed(1)} μg/m³` : ''}${h.observed.relative !== null ? ` ${pct(h.observed.relative)}` : ''}; modelled ${h.modelled.change.toFixed(1)} μg/m³ (${pct(h.modelled.relative)}): ${h.agreement}`);
}
writeFileSync(fileURLToPath(new URL('catalogue.json', dir)), `${JSON.stringify(catalogueOf(datasets), null, 1)}\n`);
