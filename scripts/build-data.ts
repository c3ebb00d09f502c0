/**
 * npm run build:data: rebuilds the bundled datasets and their catalogue in public/data/
 * (deterministic) and prints, for each, the physical consistency check and the costs at the
 * published target beside the published headline.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGlpk } from '../src/model/glpk';
import { ozoneBudget } from '../src/model/budget';
import { solvePlan } from '../src/model/lp';
import { bundledDatasets, catalogueOf } from './data/bundle';
import { PUBLISHED } from './data/figures';

const dir = new URL('../public/data/', import.meta.url);
const glpk = await loadGlpk();
const datasets = bundledDatasets(glpk);
for (const dataset of datasets) {
  const out = fileURLToPath(new URL(`${dataset.meta.id}.json`, dir));
  writeFileSync(out, `${JSON.stringify(dataset, null, 1)}\n`);
  const cost = (scenario: 'local' | 'regional') => {
    const plan = solvePlan(glpk, dataset, { scenario, targets: [{ receptor: PUBLISHED.receptor, target: PUBLISHED.target }] });
    return plan.totalCost === null ? `unreachable (best ${plan.infeasibility[0]?.bestReachable.toFixed(1)} μg/m³)` : `${(plan.totalCost / 1e9).toFixed(3)} bn`;
  };
  const budget = ozoneBudget(dataset);
  console.log(`wrote ${out}: ${dataset.meta.title.en} ${dataset.meta.version}`);
  console.log(`  at ${PUBLISHED.target} μg/m³ in Beijing: local ${cost('local')}, regional ${cost('regional')} (published 2.046 / 0.572 bn)`);
  console.log(`  Beijing's own share of its ozone-forming potential: ${(budget[0].ownShare * 100).toFixed(1)}%`);
  console.log(`  ozone budget ratio by receptor: ${budget.map((b) => `${b.receptor} ${b.ratio.toFixed(2)}`).join(', ')}`);
}
writeFileSync(fileURLToPath(new URL('catalogue.json', dir)), `${JSON.stringify(catalogueOf(datasets), null, 1)}\n`);
