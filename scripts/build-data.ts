/** npm run build:data: rebuilds public/data/bth-ozone.json (deterministic) and prints the calibration. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGlpk } from '../src/model/glpk';
import { solvePlan } from '../src/model/lp';
import { buildDataset, calibrate } from './data/build';
import { PUBLISHED } from './data/figures';

const out = fileURLToPath(new URL('../public/data/bth-ozone.json', import.meta.url));
const glpk = await loadGlpk();
const params = calibrate(glpk);
const dataset = buildDataset(params);
writeFileSync(out, `${JSON.stringify(dataset, null, 1)}\n`);

const cost = (scenario: 'local' | 'regional') =>
  solvePlan(glpk, dataset, { scenario, targets: [{ receptor: PUBLISHED.receptor, target: PUBLISHED.target }] }).totalCost ?? NaN;
const local = cost('local');
const regional = cost('regional');
console.log(`wrote ${out}`);
console.log(`parameters: vocPerTonne=${params.vocPerTonne.toExponential(6)} μg/m³ per t, beijingCostFactor=${params.beijingCostFactor.toFixed(4)}`);
console.log(`at ${PUBLISHED.target} μg/m³: local ${(local / 1e9).toFixed(4)} bn (published ${PUBLISHED.local / 1e9}), regional ${(regional / 1e9).toFixed(4)} bn (published ${PUBLISHED.regional / 1e9}), ratio ${(local / regional).toFixed(2)}`);
