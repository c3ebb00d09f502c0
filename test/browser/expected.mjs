// What the page should show, computed by the same model code in Node (the CLI and the model's
// formatters through tsx), so browser tests follow the bundled data instead of copying numbers.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = `${ROOT}/node_modules/.bin/tsx`;
const cache = new Map();

/** The bundled datasets, read as the page reads them: the default and the calibrated one. */
export const bundled = JSON.parse(readFileSync(`${ROOT}/public/data/bth-ozone.json`, 'utf8'));
export const calibrated = JSON.parse(readFileSync(`${ROOT}/public/data/bth-ozone-calibrated.json`, 'utf8'));
const memo = (key, make) => (cache.has(key) ? cache.get(key) : cache.set(key, make()).get(key));

/** `npm run cli -- solve ... --json` for a scenario and target (the default dataset unless `data`). */
export function solved(scenario, target, { data, receptors = 'beijing' } = {}) {
  const args = ['src/cli/main.ts', 'solve', '--scenario', scenario, '--target', String(target), '--receptors', receptors, '--json', ...(data ? ['--data', data] : [])];
  return memo(args.join(' '), () => JSON.parse(execFileSync(TSX, args, { cwd: ROOT, encoding: 'utf8' })));
}

/** yuan as the page writes it (formatYuan). */
export function yuan(value, lang = 'en') {
  const code = `import { formatYuan } from './src/model/format.ts'; process.stdout.write(formatYuan(${Number(value)}, ${JSON.stringify(lang)}));`;
  return memo(`yuan ${value} ${lang}`, () => execFileSync(TSX, ['--eval', code], { cwd: ROOT, encoding: 'utf8' }));
}

/** A string as a literal part of a regular expression. */
export const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The map legend's labels (mapMetric) for the default view's regional plan, under the
 * visitor's adjustments: from the dataset of record, the one the plan is solved with. */
export function legendLabels(colorBy, adjust = {}) {
  const code = `
    import { readFileSync } from 'node:fs';
    import { loadGlpk } from './src/model/glpk.ts';
    import { solvePlan } from './src/model/lp.ts';
    import { adjustedDataset } from './src/model/uncertainty.ts';
    import { mapMetric } from './src/map/metrics.ts';
    const data = adjustedDataset(JSON.parse(readFileSync('public/data/bth-ozone.json', 'utf8')), ${JSON.stringify(adjust)});
    const targets = data.defaults.receptors.map((receptor) => ({ receptor, target: data.defaults.target }));
    loadGlpk().then((glpk) => {
      const plan = solvePlan(glpk, data, { scenario: 'regional', targets });
      process.stdout.write(JSON.stringify(mapMetric(data, plan, ${JSON.stringify(colorBy)}, 'en').legend.map((c) => c.label)));
    });`;
  return memo(`legend ${colorBy} ${JSON.stringify(adjust)}`, () => JSON.parse(execFileSync(TSX, ['--eval', code], { cwd: ROOT, encoding: 'utf8' })));
}
