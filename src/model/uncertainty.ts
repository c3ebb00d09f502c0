/**
 * Uncertainty analysis over the dataset's `uncertainty` inputs: Monte Carlo (Latin hypercube,
 * seeded) and one-at-a-time tornado swings, for the cost of regional and local control and the
 * saving between them.
 */
import type { GLPK } from 'glpk.js/node';
import { compile } from './compile';
import { buildProblem, QueryError, solvePlan } from './lp';
import { responseScale } from './evidence';
import { greedyPlan, meritOrder, type MeritStep } from './merit';
import { DAMAGE_EPS, meritCost, players, shapley, type CostGame, type PlayerMode } from './sharing';
import type { Dataset, LocalizedText, ReceptorTarget, Scenario, UncertainInput } from './types';
import { runSteps } from './steps';
import { resolveTargets, type TargetSpec } from './targets';

export const DEFAULT_DRAWS = 1000;
export const MAX_DRAWS = 10_000;
export const DEFAULT_SEED = 1;
/** Seeds: 1 to 2³¹ − 1 everywhere (CLI, links, page), so every run can be shared as a link. */
export const MIN_SEED = 1;
export const MAX_SEED = 2 ** 31 - 1;
/** Shapley shares need 2^n coalition costs per draw: beyond this many provinces they are left out. */
export const MAX_SHAPLEY_PROVINCES = 8;
/** Background is kept at least this far below the baseline, μg/m³. */
const BACKGROUND_GAP = 0.1;

/** mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Latin hypercube sample, draws × dims in [0, 1): each column puts exactly one draw in each of
 * the `draws` equal strata (a random permutation), at a random point within its stratum.
 */
export function latinHypercube(draws: number, dims: number, random: () => number): number[][] {
  const sample = Array.from({ length: draws }, () => new Array<number>(dims));
  for (let d = 0; d < dims; d++) {
    const strata = Array.from({ length: draws }, (_, i) => i);
    for (let i = draws - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < draws; i++) sample[i][d] = (strata[i] + random()) / draws;
  }
  return sample;
}

/** The input's value at quantile u in [0, 1]: uniform on its linear or log scale. */
export function inputValue(input: UncertainInput, u: number): number {
  const { low, high } = input;
  return input.scale === 'log' ? low * (high / low) ** u : low + u * (high - low);
}

/** Every input at its nominal value. */
export function nominalValues(dataset: Dataset): Record<string, number> {
  return Object.fromEntries((dataset.uncertainty ?? []).map((input) => [input.id, input.nominal]));
}

export interface AdjustmentProblem {
  id: string;
  /** An id the dataset does not list, a value that is not a finite number, or one outside [low, high]. */
  kind: 'unknown' | 'value' | 'range';
  message: string;
}

/** What is wrong with values for the dataset's inputs (e.g. carried in a URL); empty when all is well. */
export function checkAdjustments(dataset: Dataset, values: Record<string, number>): AdjustmentProblem[] {
  const inputs = new Map((dataset.uncertainty ?? []).map((input) => [input.id, input]));
  return Object.entries(values).flatMap(([id, value]): AdjustmentProblem[] => {
    const input = inputs.get(id);
    if (!input) return [{ id, kind: 'unknown', message: unknownInput(dataset, id) }];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [{ id, kind: 'value', message: `${id} must be a finite number, got ${value}.` }];
    if (value < input.low || value > input.high)
      return [{ id, kind: 'range', message: `${id} must lie between ${input.low} and ${input.high}${input.unit ? ` ${input.unit}` : ''}, got ${value}.` }];
    return [];
  });
}

function unknownInput(dataset: Dataset, id: string): string {
  const known = (dataset.uncertainty ?? []).map((input) => input.id);
  return `Unknown uncertain input ${JSON.stringify(id)}; ${known.length > 0 ? `known: ${known.join(', ')}` : 'this dataset lists none'}.`;
}

/** A multiplicative factor; a nominal of 0 or a negative range cannot scale numbers meaningfully. */
function factor(input: UncertainInput, numerator: number, denominator: number): number {
  const f = numerator / denominator;
  if (!Number.isFinite(f) || f < 0) throw new QueryError(`The uncertain input ${input.id} cannot scale the dataset by ${numerator}/${denominator}.`);
  return f;
}

const matches = (list: string[] | undefined, id: string) => !list || list.includes(id);

/** Effects that change what a tonne does at a receptor, after which the response scale is re-derived from the evidence. */
const RESCALING = new Set<UncertainInput['effect']>(['coefficient', 'ownShare', 'baseline', 'background', 'response', 'evidence', 'evidenceCut']);
/** Where the response scale lies between two response cases when no input says (their geometric mean). */
export const DEFAULT_RESPONSE_POSITION = 0.5;

/**
 * The dataset with its inputs at the given values (absent ones at nominal; values clamped to
 * [low, high]); see UncertainEffect for what each input does. Once an input that changes what a
 * tonne does has moved, every coefficient is rescaled so the model reproduces the response
 * evidence at the drawn values (the response scale is derived per draw, so it moves with the
 * baseline it was derived on). Returns a new dataset and never mutates the argument. Throws
 * QueryError for an unknown id or a non-finite value.
 */
export function applyInputs(dataset: Dataset, values: Record<string, number>): Dataset {
  const bad = checkAdjustments(dataset, values).find((problem) => problem.kind !== 'range');
  if (bad) throw new QueryError(bad.message);
  const inputs = dataset.uncertainty ?? [];
  const sources = dataset.sources.map((s) => ({ ...s, steps: s.steps.map((k) => ({ ...k })) }));
  const receptors = dataset.receptors.map((r) => ({ ...r }));
  let coefficients = dataset.coefficients.map((row) => row.map((cell) => [...cell]));
  const evidence = (dataset.evidence ?? []).map((e) => ({ ...e, observed: { ...e.observed } }));
  const cutScales: Record<string, number> = {};
  let position = DEFAULT_RESPONSE_POSITION;
  let rescale = false;
  const shareScaled = new Set<(typeof sources)[number]>();
  const shifted = new Set<(typeof receptors)[number]>();
  for (const input of inputs) {
    const value = Math.min(Math.max(values[input.id] ?? input.nominal, input.low), input.high);
    if (input.effect === 'response') position = value;
    if (value === input.nominal) continue;
    if (RESCALING.has(input.effect)) rescale = true;
    const where = input.where ?? {};
    switch (input.effect) {
      case 'emissions':
      case 'cost':
      case 'stepShare': {
        const f = factor(input, value, input.nominal);
        for (const s of sources) {
          if (!matches(where.jurisdictions, s.jurisdiction) || !matches(where.sectors, s.sector) || !matches(where.pollutants, s.pollutant)) continue;
          // An inventory f times larger forms the same ozone with f times the tonnes: each tonne is
          // worth 1/f as much, so removing a source's ozone costs f times as much. That is the same
          // LP as scaling its step costs by f (tonnes stay in the inventory's units).
          if (input.effect === 'emissions' || input.effect === 'cost') for (const k of s.steps) k.cost *= f;
          else {
            for (const k of s.steps) k.share *= f;
            shareScaled.add(s);
          }
        }
        break;
      }
      case 'coefficient': {
        const f = factor(input, value, input.nominal);
        receptors.forEach((r, ri) => {
          if (!matches(where.receptors, r.id)) return;
          dataset.jurisdictions.forEach((j, ji) => {
            if (!matches(where.jurisdictions, j.id)) return;
            dataset.pollutants.forEach((p, pi) => {
              const a = coefficients[ri][ji][pi];
              if (matches(where.pollutants, p.id) && (where.sign === 'positive' ? a > 0 : where.sign === 'negative' ? a < 0 : true)) coefficients[ri][ji][pi] = a * f;
            });
          });
        });
        break;
      }
      case 'ownShare': {
        const own = factor(input, value, input.nominal);
        const other = factor(input, 1 - value, 1 - input.nominal);
        receptors.forEach((r, ri) => {
          if (!matches(where.receptors, r.id)) return;
          coefficients[ri] = coefficients[ri].map((cell, ji) => cell.map((a) => a * (dataset.jurisdictions[ji].id === r.jurisdiction ? own : other)));
        });
        break;
      }
      case 'damage': {
        const f = factor(input, value, input.nominal);
        for (const r of receptors) if (matches(where.receptors, r.id) && r.damage !== undefined) r.damage *= f;
        break;
      }
      case 'evidence':
        for (const e of evidence) {
          if (!matches(where.evidence, e.id)) continue;
          if (e.observed.change !== undefined) e.observed.change += value - input.nominal;
          if (e.observed.level !== undefined) e.observed.level += value - input.nominal;
        }
        break;
      case 'evidenceCut': {
        const f = factor(input, value, input.nominal);
        for (const e of evidence) if (matches(where.evidence, e.id)) cutScales[e.id] = (cutScales[e.id] ?? 1) * f;
        break;
      }
      case 'baseline':
      case 'background':
        for (const r of receptors) {
          if (!matches(where.receptors, r.id)) continue;
          r[input.effect] += value - input.nominal;
          shifted.add(r);
        }
        break;
      case 'response':
        break;
    }
  }
  // After all scaling, so the result does not depend on the order of the inputs.
  for (const s of shareScaled) {
    const total = s.steps.reduce((sum, k) => sum + k.share, 0);
    if (total > 1) for (const k of s.steps) k.share /= total;
  }
  receptors.forEach((r, ri) => {
    if (!shifted.has(r)) return;
    r.background = Math.max(0, Math.min(r.background, r.baseline - BACKGROUND_GAP));
    // The same emissions make proportionally more (or less) of the ozone that can be removed:
    // the receptor's coefficients follow baseline minus background, keeping its ozone budget ratio.
    const before = dataset.receptors[ri].baseline - dataset.receptors[ri].background;
    const f = before > 0 ? (r.baseline - r.background) / before : 1;
    coefficients[ri] = coefficients[ri].map((cell) => cell.map((a) => a * f));
  });
  const drawn: Dataset = { ...dataset, sources, receptors, coefficients, ...(dataset.evidence ? { evidence } : {}) };
  if (!rescale) return drawn;
  const range = dataset.responseRange;
  const k = Math.min(Math.max(responseScale(drawn, position, cutScales), range?.low ?? 0), range?.high ?? Infinity);
  coefficients = coefficients.map((row) => row.map((cell) => cell.map((a) => a * k)));
  return { ...drawn, coefficients };
}

/**
 * The dataset of record under the visitor's adjustments: the one the worker solves with and the
 * page derives every number it shows from (both call this, so they cannot drift apart). With no
 * adjustment it is the dataset as loaded.
 */
export function adjustedDataset(dataset: Dataset, values: Record<string, number>): Dataset {
  return Object.keys(values).length === 0 ? dataset : applyInputs(dataset, values);
}

/** One scenario's plan in one draw. */
export interface DrawPlan {
  /** yuan/yr; null when the scenario cannot meet the targets. */
  cost: number | null;
  /** Tonnes cut per compiled step; empty when infeasible. */
  stepCuts: number[];
}

export interface DrawResult {
  regional: DrawPlan;
  local: DrawPlan;
  /** Each province's Shapley value (yuan/yr, `players` order), when asked for, with one target and a feasible regional plan. */
  shapley: number[] | null;
}

const NO_PLAN: DrawPlan = { cost: null, stepCuts: [] };

function greedyDraw(dataset: Dataset, order: MeritStep[], reduction: number): DrawPlan {
  const plan = greedyPlan(dataset, order, reduction);
  if (!plan.feasible) return NO_PLAN;
  const { steps } = compile(dataset);
  const stepCuts = new Array<number>(steps.length).fill(0);
  // used / effect can exceed the cap by round-off; clamp as solveProblem does.
  for (const [k, tonnes] of plan.cuts) stepCuts[k] = Math.min(tonnes, steps[k].cap);
  return { cost: plan.cost, stepCuts };
}

/**
 * The cost game of sharing.ts for one receptor target, from a given basin merit order: the same
 * greedy fill and damage pricing as costGame (min of the receptor's damage price and the regional
 * plan's marginal cost), without its LP solve of v(N). Null where a coalition cannot reach the
 * target and the receptor has no damage price (costGame declines such a game).
 */
function meritGameFrom(dataset: Dataset, order: MeritStep[], target: ReceptorTarget, mode: PlayerMode): Pick<CostGame, 'players' | 'value' | 'shortfall'> | null {
  const compiled = compile(dataset);
  const list = players(dataset, mode);
  const bits = new Array<number>(dataset.jurisdictions.length).fill(0);
  list.forEach((p, i) => p.jurisdictions.forEach((j) => (bits[compiled.jurisdictionIndex.get(j)!] |= 1 << i)));
  const r = compiled.receptorIndex.get(target.receptor)!;
  const receptorBit = bits[compiled.receptorJurisdiction[r]];
  const reduction = dataset.receptors[r].baseline - target.target;
  const { damage } = dataset.receptors[r];
  const price = Math.min(damage ?? 1, greedyPlan(dataset, order, reduction).marginal);
  const total = 2 ** list.length;
  const value = new Float64Array(total);
  const shortfall = new Float64Array(total);
  for (let mask = 1; mask < total; mask++) {
    if (!(receptorBit & mask)) continue;
    const cost = meritCost(dataset, order, (step) => (bits[compiled.steps[step].jurisdiction] & mask) !== 0, reduction, price);
    if (cost.shortfall > DAMAGE_EPS && damage === undefined) return null;
    value[mask] = cost.value;
    shortfall[mask] = cost.shortfall;
  }
  return { players: list, value, shortfall };
}

/** costGame's coalition values for one receptor target, by the greedy merit order alone (no LP); null as meritGameFrom. */
export function meritGame(dataset: Dataset, target: ReceptorTarget, mode: PlayerMode = 'provinces'): Pick<CostGame, 'players' | 'value' | 'shortfall'> | null {
  return meritGameFrom(dataset, meritOrder(dataset, target.receptor), target, mode);
}

/**
 * Both scenarios' least-cost plans for already-checked targets. With one target the LP is a
 * continuous knapsack, so the greedy merit order is its exact optimum and no LP is solved;
 * otherwise glpk. Targets below the background are not attempted, as in solveProblem.
 */
export function solveDraw(glpk: GLPK, dataset: Dataset, targets: ReceptorTarget[], withShapley = false): DrawResult {
  if (targets.length !== 1) {
    const plan = (scenario: Scenario): DrawPlan => {
      const result = solvePlan(glpk, dataset, { scenario, targets });
      return { cost: result.totalCost, stepCuts: result.stepCuts };
    };
    return { regional: plan('regional'), local: plan('local'), shapley: null };
  }
  const [target] = targets;
  const compiled = compile(dataset);
  const r = compiled.receptorIndex.get(target.receptor)!;
  const { baseline, background } = dataset.receptors[r];
  if (target.target < background) return { regional: NO_PLAN, local: NO_PLAN, shapley: null };
  const order = meritOrder(dataset, target.receptor);
  const own = compiled.receptorJurisdiction[r];
  const regional = greedyDraw(dataset, order, baseline - target.target);
  const local = greedyDraw(dataset, order.filter((m) => compiled.steps[m.step].jurisdiction === own), baseline - target.target);
  const game = withShapley && regional.cost !== null ? meritGameFrom(dataset, order, target, 'provinces') : null;
  const values = game ? shapley(game) : null;
  return { regional, local, shapley: values };
}

/** Costs of both scenarios, yuan/yr; null where a scenario cannot meet the targets (or the ratio is undefined). */
export interface Outcome {
  regional: number | null;
  local: number | null;
  /** local - regional, when both are feasible. */
  saving: number | null;
  /** local / regional, when both are feasible (1 when neither needs to cut anything: acting alone then costs as much, nothing). */
  ratio: number | null;
}

function outcomeOf({ regional, local }: DrawResult): Outcome {
  const r = regional.cost;
  const l = local.cost;
  // Local control's steps are a subset of regional control's, so a free regional plan means a free local one.
  const ratio = r === null || l === null ? null : r > 0 ? l / r : l === 0 ? 1 : null;
  return { regional: r, local: l, saving: r !== null && l !== null ? l - r : null, ratio };
}

/** Distribution of a quantity over the draws that gave it (n of them); null when none did. */
export type Summary = { n: number; mean: number; p5: number; p50: number; p95: number } | null;

function summarize(values: number[]): Summary {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  const n = sorted.length;
  if (n === 0) return null;
  const quantile = (p: number) => {
    const x = p * (n - 1);
    const lo = Math.floor(x);
    return sorted[lo] + (sorted[Math.ceil(x)] - sorted[lo]) * (x - lo);
  };
  return { n, mean: sorted.reduce((a, b) => a + b, 0) / n, p5: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95) };
}

export interface UncertaintyQuery {
  /** The targets at the dataset's own (or fixed) values; a `spec` that is a reduction is re-resolved in every draw. */
  targets: ReceptorTarget[];
  /** How the targets were set. A reduction ('below', 'cut') follows each draw's baseline: the task stays "so much below today". */
  spec?: TargetSpec;
  /** Default 1000, at most 10,000. */
  draws?: number;
  /** Default 1; the same seed gives the same report. */
  seed?: number;
  /** Inputs held at these values, not sampled (the page's assumption sliders). */
  fixed?: Record<string, number>;
}

export interface UncertaintyProgress {
  /** Draws solved so far, out of total. */
  done: number;
  total: number;
}

/** Shares (0..1) of a set of draws in which each plan meets the targets. */
export interface Reach {
  regional: number;
  local: number;
}

export interface UncertaintyReport {
  /** Draws solved: 0 when the dataset lists no uncertain input to sample (then every summary is null). */
  draws: number;
  seed: number;
  targets: ReceptorTarget[];
  spec: TargetSpec | null;
  /** Ids of the inputs sampled (every input not fixed). */
  inputs: string[];
  fixed: Record<string, number>;
  /** At the unsampled dataset (fixed inputs applied, the rest nominal). */
  nominal: Outcome;
  /** Share of all draws in which each plan meets the targets: read this first. */
  reach: Reach;
  /** Each plan's cost over the draws in which that plan meets the targets (n says how many). */
  regional: Summary;
  local: Summary;
  /**
   * Over the draws in which both plans meet the targets (n of them), so that figures shown side
   * by side come from the same draws: both costs, the saving of acting together and the ratio.
   */
  paired: { regional: Summary; local: Summary; saving: Summary; ratio: Summary };
  /** Draws where each scenario cannot meet the targets. */
  infeasible: { local: number; regional: number };
  /**
   * Per input, the reach among the draws whose value of it lay in its lowest and in its highest
   * fifth: how much the chance of meeting the targets depends on it (the tornado ranks by this
   * where a cost is undefined at either end).
   */
  reachByInput: Record<string, { low: Reach; high: Reach }>;
  /** Per jurisdiction, its share (0..1) of the tonnes cut in the regional plan, over draws that cut anything. */
  cutShares: Record<string, Summary>;
  /** Per province, its Shapley value as a share of the regional cost (costGame's 'provinces'
   * game); empty with more than one target (each coalition would need an LP per draw) or more
   * than MAX_SHAPLEY_PROVINCES provinces. */
  shapleyShares: Record<string, Summary>;
}

/** The draws whose value of an input lies in its lowest (or highest) REACH_BAND of the sample. */
export const REACH_BAND = 0.2;

function checkedSettings(dataset: Dataset, query: UncertaintyQuery) {
  const draws = query.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) throw new QueryError(`The number of draws must be a whole number from 1 to ${MAX_DRAWS}, got ${draws}.`);
  const seed = query.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < MIN_SEED || seed > MAX_SEED) throw new QueryError(`The seed must be a whole number from ${MIN_SEED} to ${MAX_SEED}, got ${seed}.`);
  const fixed = query.fixed ?? {};
  const base = applyInputs(dataset, fixed);
  buildProblem(base, { scenario: 'regional', targets: query.targets }); // throws QueryError for bad targets
  const sampled = (dataset.uncertainty ?? []).filter((input) => !Object.hasOwn(fixed, input.id));
  const spec = query.spec && query.spec.kind !== 'level' ? query.spec : null;
  return { draws, seed, fixed, base, sampled, spec };
}

/**
 * With one target only its receptor (and those the response evidence is observed at) matter:
 * the dataset cut down to them, so each draw copies and compiles less.
 */
function solvedPart(dataset: Dataset, targets: ReceptorTarget[]): Dataset {
  if (targets.length !== 1) return dataset;
  const keep = new Set([targets[0].receptor, ...(dataset.evidence ?? []).map((e) => e.receptor)]);
  const rows = dataset.receptors.map((r, i) => ({ r, i })).filter(({ r }) => keep.has(r.id));
  return { ...dataset, receptors: rows.map(({ r }) => r), coefficients: rows.map(({ i }) => dataset.coefficients[i]) };
}

/** The input values of every draw (fixed ones included), in draw order: what monteCarlo solves. */
export function drawValues(dataset: Dataset, query: UncertaintyQuery): Record<string, number>[] {
  return sampleValues(checkedSettings(dataset, query));
}

function sampleValues({ draws, seed, fixed, sampled }: ReturnType<typeof checkedSettings>): Record<string, number>[] {
  return latinHypercube(draws, sampled.length, mulberry32(seed)).map((row) => {
    const values = { ...fixed };
    sampled.forEach((input, d) => (values[input.id] = inputValue(input, row[d])));
    return values;
  });
}

/** The targets of one draw: as asked, or a reduction re-resolved at the draw's baselines. */
function drawTargets(drawn: Dataset, targets: ReceptorTarget[], spec: TargetSpec | null): ReceptorTarget[] {
  return spec ? resolveTargets(drawn, targets.map((t) => t.receptor), spec) : targets;
}

const reachOf = (flags: { regional: boolean; local: boolean }[]): Reach => ({
  regional: flags.length === 0 ? 0 : flags.filter((f) => f.regional).length / flags.length,
  local: flags.length === 0 ? 0 : flags.filter((f) => f.local).length / flags.length,
});

/**
 * Monte Carlo over the dataset's uncertain inputs: each draw re-solves both scenarios at the
 * targets. Yields progress after each draw (so a worker can yield between slices) and returns
 * the report. Throws QueryError for a bad query.
 */
export function* monteCarloSteps(glpk: GLPK, dataset: Dataset, query: UncertaintyQuery): Generator<UncertaintyProgress, UncertaintyReport, void> {
  const settings = checkedSettings(dataset, query);
  const { sampled, spec } = settings;
  // Without an input to sample every draw would be the nominal dataset: no draws, and the report says so.
  const draws = sampled.length === 0 ? 0 : settings.draws;
  const { targets } = query;
  const withShapley = targets.length === 1 && dataset.provinces.length <= MAX_SHAPLEY_PROVINCES;
  const provinces = withShapley ? players(dataset, 'provinces') : [];
  const series = { regional: [] as number[], local: [] as number[] };
  const paired = { regional: [] as number[], local: [] as number[], ratio: [] as number[], saving: [] as number[] };
  const cuts = dataset.jurisdictions.map(() => [] as number[]);
  const shares = provinces.map(() => [] as number[]);
  const reached: { regional: boolean; local: boolean }[] = [];
  const values = draws === 0 ? [] : sampleValues(settings);
  const part = solvedPart(dataset, targets);
  for (let i = 0; i < draws; i++) {
    const drawn = applyInputs(part, values[i]);
    const draw = solveDraw(glpk, drawn, drawTargets(drawn, targets, spec), withShapley);
    const outcome = outcomeOf(draw);
    if (outcome.regional !== null) series.regional.push(outcome.regional);
    if (outcome.local !== null) series.local.push(outcome.local);
    if (outcome.saving !== null) {
      paired.regional.push(outcome.regional!);
      paired.local.push(outcome.local!);
      paired.saving.push(outcome.saving);
      if (outcome.ratio !== null) paired.ratio.push(outcome.ratio);
    }
    reached.push({ regional: outcome.regional !== null, local: outcome.local !== null });
    if (outcome.regional !== null) {
      const tonnes = cuts.map(() => 0);
      compile(drawn).steps.forEach((k) => (tonnes[k.jurisdiction] += draw.regional.stepCuts[k.index]));
      const total = tonnes.reduce((a, b) => a + b, 0);
      if (total > 0) tonnes.forEach((t, j) => cuts[j].push(t / total));
      if (draw.shapley && outcome.regional > 0) draw.shapley.forEach((phi, p) => shares[p].push(phi / outcome.regional!));
    }
    yield { done: i + 1, total: draws };
  }
  const band = Math.max(1, Math.round(draws * REACH_BAND));
  const reachByInput = Object.fromEntries(
    sampled.map((input) => {
      const order = values.map((v, i) => ({ v: v[input.id], i })).sort((a, b) => a.v - b.v);
      const flags = (part: typeof order) => part.map(({ i }) => reached[i]);
      return [input.id, { low: reachOf(flags(order.slice(0, band))), high: reachOf(flags(order.slice(-band))) }];
    }),
  );
  const base = settings.base;
  return {
    draws,
    seed: settings.seed,
    targets,
    spec: query.spec ?? null,
    inputs: sampled.map((input) => input.id),
    fixed: settings.fixed,
    nominal: outcomeOf(solveDraw(glpk, base, drawTargets(base, targets, spec))),
    reach: reachOf(reached),
    regional: summarize(series.regional),
    local: summarize(series.local),
    paired: { regional: summarize(paired.regional), local: summarize(paired.local), saving: summarize(paired.saving), ratio: summarize(paired.ratio) },
    infeasible: { regional: reached.filter((r) => !r.regional).length, local: reached.filter((r) => !r.local).length },
    reachByInput,
    cutShares: Object.fromEntries(dataset.jurisdictions.map((j, i) => [j.id, summarize(cuts[i])])),
    shapleyShares: Object.fromEntries(provinces.map((p, i) => [p.id, summarize(shares[i])])),
  };
}

/** monteCarloSteps run to the end in one go, reporting progress to an optional callback. */
export function monteCarlo(glpk: GLPK, dataset: Dataset, query: UncertaintyQuery, onProgress?: (done: number, total: number) => void): UncertaintyReport {
  return runSteps(monteCarloSteps(glpk, dataset, query), onProgress);
}

export interface TornadoRow {
  input: string;
  name: LocalizedText;
  low: number;
  high: number;
  unit: string;
  atLow: Outcome;
  atHigh: Outcome;
  /** |saving at high - saving at low|; null when either end has no saving (a scenario cannot meet the targets there). */
  swing: number | null;
  /**
   * Where the saving is undefined at an end: the largest change, over both plans, in the share of
   * Monte Carlo draws that meet the targets between the input's lowest and highest fifth (from
   * the report passed to rankTornado); null without one.
   */
  reachSwing: number | null;
}

export interface Tornado {
  base: Outcome;
  /** Largest swing first; then rows without a saving at an end, by reachSwing; then the rest. */
  rows: TornadoRow[];
}

/**
 * Swings are >= 0 and reach swings in [0, 1], so these ranks put the rows with a swing first, then
 * those ranked by reach, then (without a report) those with a saving at one end, then the rest.
 */
function tornadoRank(row: TornadoRow): number {
  if (row.swing !== null) return row.swing;
  if (row.reachSwing !== null) return -2 + row.reachSwing;
  return row.atLow.saving !== null || row.atHigh.saving !== null ? -2.5 : -3;
}

/**
 * The rows ordered: by the saving's swing, then (where the saving is undefined at an end) by how
 * much the input moves the chance of meeting the targets in the Monte Carlo report, if given.
 */
export function rankTornado(swings: Tornado, report: UncertaintyReport | null): Tornado {
  const rows = swings.rows.map((row) => {
    const reach = report?.reachByInput[row.input];
    const reachSwing = row.swing === null && reach ? Math.max(Math.abs(reach.high.regional - reach.low.regional), Math.abs(reach.high.local - reach.low.local)) : null;
    return { ...row, reachSwing };
  });
  rows.sort((a, b) => tornadoRank(b) - tornadoRank(a));
  return { ...swings, rows };
}

/** One input at a time at its low and high end, the others nominal (or fixed); every input not fixed gets a row. */
export function tornado(glpk: GLPK, dataset: Dataset, query: Pick<UncertaintyQuery, 'targets' | 'fixed' | 'spec'>, report: UncertaintyReport | null = null): Tornado {
  const { fixed, base, sampled, spec } = checkedSettings(dataset, query);
  const part = solvedPart(dataset, query.targets);
  const at = (values: Record<string, number>) => {
    const drawn = applyInputs(part, values);
    return outcomeOf(solveDraw(glpk, drawn, drawTargets(drawn, query.targets, spec)));
  };
  const rows = sampled.map((input): TornadoRow => {
    const atLow = at({ ...fixed, [input.id]: input.low });
    const atHigh = at({ ...fixed, [input.id]: input.high });
    const swing = atLow.saving !== null && atHigh.saving !== null ? Math.abs(atHigh.saving - atLow.saving) : null;
    return { input: input.id, name: input.name, low: input.low, high: input.high, unit: input.unit, atLow, atHigh, swing, reachSwing: null };
  });
  return rankTornado({ base: outcomeOf(solveDraw(glpk, base, drawTargets(base, query.targets, spec))), rows }, report);
}
