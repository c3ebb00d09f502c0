/** npm run bench: solver timings on the default dataset (prints figures; asserts nothing). */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadGlpk } from '../src/model/glpk';
import { buildProblem, setTargets, solvePlan, solveProblem } from '../src/model/lp';
import { greedyPlan, meritOrder } from '../src/model/merit';
import { defaultDamageScale, gameDataset, gameModel, gameSummary, scoreRound } from '../src/model/game';
import { costGame, shapley, type PlayerMode } from '../src/model/sharing';
import { sweep } from '../src/model/sweep';
import type { Dataset } from '../src/model/types';
import { monteCarlo, tornado } from '../src/model/uncertainty';
import { ms, percentile } from './stats.mjs';

const dataset = JSON.parse(readFileSync(new URL('../public/data/bth-ozone.json', import.meta.url), 'utf8')) as Dataset;
const glpk = await loadGlpk();
const N = 1000;
const targets = Array.from({ length: N }, (_, i) => 218 - (55 * ((i * 7919) % N)) / N);

function time(label: string, run: (target: number) => void) {
  for (let i = 0; i < 50; i++) run(targets[i]); // warm-up
  const samples = targets.map((t) => {
    const start = performance.now();
    run(t);
    return performance.now() - start;
  });
  console.log(`${label.padEnd(48)} median ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}`);
}

console.log(`Airshed solver benchmark (${dataset.meta.id} v${dataset.meta.version}, ${dataset.sources.length} sources, Node ${process.version})`);
time('solve, regional, build + solve + interpret', (t) => void solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'beijing', target: t }] }));
time('solve, local, build + solve + interpret', (t) => void solvePlan(glpk, dataset, { scenario: 'local', targets: [{ receptor: 'beijing', target: t }] }));
const reused = buildProblem(dataset, { scenario: 'regional', targets: [{ receptor: 'beijing', target: 200 }] });
time('solve, regional, LP reused (slider step)', (t) => {
  setTargets(reused, [{ receptor: 'beijing', target: t }]);
  solveProblem(glpk, reused);
});
const all = dataset.receptors.map((r) => r.id);
time('solve, regional, all 13 receptors', (t) => void solvePlan(glpk, dataset, { scenario: 'regional', targets: all.map((receptor) => ({ receptor, target: t })) }));
const order = meritOrder(dataset, 'beijing');
time('greedy merit-order reference (order cached)', (t) => void greedyPlan(dataset, order, dataset.receptors[0].baseline - t));

const runs: number[] = [];
let rows = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  rows = sweep(glpk, dataset, { receptors: ['beijing'], from: 218, to: 163, step: 0.1 }).length;
  runs.push(performance.now() - start);
}
console.log(`${'full sweep 218 -> 163 at 0.1, both scenarios'.padEnd(48)} median ${ms(percentile(runs, 50))} (${rows} targets x 2 scenarios)`);

/** Burden sharing: every coalition's cost v(S), then the exact Shapley value, at the published target. */
function timeShapley(label: string, mode: PlayerMode, receptors: string[], repeats: number) {
  const samples = Array.from({ length: repeats }, () => {
    const start = performance.now();
    shapley(costGame(glpk, dataset, { targets: receptors.map((receptor) => ({ receptor, target: 196.7 })), players: mode }));
    return performance.now() - start;
  });
  console.log(`${label.padEnd(48)} median ${ms(percentile(samples, 50))} (${repeats} run${repeats > 1 ? 's' : ''})`);
}
timeShapley('Shapley, 3 provinces, Beijing (7 coalitions)', 'provinces', ['beijing'], 20);
timeShapley('Shapley, 13 cities, Beijing (8,191 coalitions)', 'cities', ['beijing'], 5);
timeShapley('Shapley, 3 provinces, all receptors (LP)', 'provinces', all, 5);
timeShapley('Shapley, 13 cities, all receptors (8,191 LPs)', 'cities', all, 3);
/** Uncertainty over the dataset's own inputs at the published target in Beijing. */
function timeUncertainty(label: string, run: () => void, repeats: number) {
  run(); // warm-up
  const samples = Array.from({ length: repeats }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  console.log(`${label.padEnd(48)} median ${ms(percentile(samples, 50))} (${repeats} runs)`);
}
const inputs = dataset.uncertainty?.length ?? 0;
const published = [{ receptor: 'beijing', target: 196.7 }];
timeUncertainty(`Monte Carlo, Beijing, 1,000 draws (${inputs} inputs)`, () => void monteCarlo(glpk, dataset, { targets: published, draws: 1000 }), 5);
timeUncertainty(`tornado, Beijing (${inputs} inputs x 2 ends)`, () => void tornado(glpk, dataset, { targets: published }), 20);
const allAt = all.map((receptor) => ({ receptor, target: 205 }));
timeUncertainty('Monte Carlo, all 13 receptors (LP), 100 draws', () => void monteCarlo(glpk, dataset, { targets: allAt, draws: 100 }), 3);
/** Shared Sky: scoring one round of 13 cities (levels precomputed once per game), and the whole set-up. */
const cityGame = gameModel(gameDataset(dataset, defaultDamageScale(dataset)), 'cities');
time('game: score a round, 13 cities', (t) => void scoreRound(cityGame, cityGame.players.map((_, i) => Math.round(t + i) % 5)));
timeUncertainty('game: set up 13 cities + Nash + cooperative', () => void gameSummary(gameModel(gameDataset(dataset, defaultDamageScale(dataset)), 'cities')), 10);
console.log('Goals: one solve < 2 ms; full sweep < 1000 ms; 1,000 Monte Carlo draws for one receptor < 2000 ms.');
