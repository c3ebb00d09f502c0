/**
 * "Who pays": the cooperative cost game behind burden sharing, its exact Shapley value and the
 * core check. Responsibility rules, transfers and the regional fund build on it in
 * sharing-rules.ts.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { CoalitionLp, type CoalitionCost } from './coalition-lp';
import { compile } from './compile';
import { buildProblem, QueryError, scaleColumns, SOLVER_OPTIONS, solvePlan } from './lp';
import { greedyPlan, meritOrder, type MeritStep } from './merit';
import type { Dataset, LocalizedText, PlanResult, ReceptorTarget } from './types';
import { runSteps } from './steps';

export type PlayerMode = 'provinces' | 'cities';
export const PLAYER_MODES: readonly PlayerMode[] = ['provinces', 'cities'];

/** 2^16 = 65,536 coalitions: beyond that the exact game is too large to enumerate. */
export const MAX_PLAYERS = 16;

/** Relative tolerance (to the largest coalition cost) below which cost differences are round-off. */
export const COST_TOLERANCE = 1e-7;

export interface Player {
  id: string;
  name: LocalizedText;
  /** Jurisdictions whose sources the player controls (and pays for). */
  jurisdictions: string[];
  /** Receptors located in those jurisdictions. */
  receptors: string[];
}

/** Provinces (default: each owns its jurisdictions) or every jurisdiction on its own. */
export function players(dataset: Dataset, mode: PlayerMode = 'provinces'): Player[] {
  if (!PLAYER_MODES.includes(mode)) throw new QueryError(`Unknown players ${JSON.stringify(mode)}: use "provinces" or "cities".`);
  const groups =
    mode === 'provinces'
      ? dataset.provinces.map((p) => ({ id: p.id, name: p.name, members: dataset.jurisdictions.filter((j) => j.province === p.id) }))
      : dataset.jurisdictions.map((j) => ({ id: j.id, name: j.name, members: [j] }));
  return groups.map(({ id, name, members }) => {
    const jurisdictions = members.map((j) => j.id);
    return { id, name, jurisdictions, receptors: dataset.receptors.filter((r) => jurisdictions.includes(r.jurisdiction)).map((r) => r.id) };
  });
}

export interface SharingQuery {
  /** Receptor targets, as in PlanQuery; the regional plan must be able to meet them. */
  targets: ReceptorTarget[];
  players?: PlayerMode;
}

/** How v(S) is defined and what the backstop is, in words for the methods page. */
export const GAME_EXPLANATION =
  'The cost of a coalition S of players, v(S), is the least cost for S to bring the peak ozone at the ' +
  "constrained receptors inside S's own jurisdictions down to their targets, cutting only S's own " +
  'sources (the regional LP restricted to those jurisdictions; with one such receptor the greedy merit ' +
  'order, which is exact). A coalition with no constrained receptor of its own has no target, so v(S) = 0; ' +
  'when such a player joins a coalition whose receptor its cuts help, the coalition cost falls, so its ' +
  'marginal contribution is negative and a Shapley split compensates it.';

export const BACKSTOP_EXPLANATION =
  'Where a coalition cannot meet its targets with its own sources, the μg/m³ it cannot reach are priced at ' +
  "a backstop: for each receptor, the highest cost per μg/m³ (yuan per μg/m³, a step's unit cost divided by " +
  'its ozone effect there) of any control step in the whole basin that lowers that receptor’s ozone. ' +
  'That is what the last, dearest μg/m³ costs when every source may help, so a coalition short of its ' +
  'target is never charged less than cooperation would cost at the margin, and v(S) stays finite. ' +
  'Coalitions that rely on the backstop are flagged.';

export interface CostGame {
  dataset: Dataset;
  targets: ReceptorTarget[];
  mode: PlayerMode;
  players: Player[];
  /** v(S) in yuan/yr, indexed by coalition bitmask (bit i = players[i]); value[0] = 0. */
  value: Float64Array;
  /** μg/m³ the coalition cannot reach with its own sources (summed over its receptors), priced at the backstop; 0 where it meets its targets. */
  shortfall: Float64Array;
  /** Backstop price per constrained receptor, yuan per μg/m³. */
  backstopPrice: Record<string, number>;
  /** The least-cost regional plan for the targets (all players' sources): v(N) and each player's task. */
  regionalPlan: PlanResult;
}

/** Shortfalls below this (μg/m³) are round-off, not use of the backstop. */
export const BACKSTOP_EPS = 1e-9;

export interface SharingProgress {
  /** Coalitions evaluated so far, out of total (2^n - 1). */
  done: number;
  total: number;
}

/** Member ids of a coalition bitmask. */
export function coalitionMembers(game: Pick<CostGame, 'players'>, mask: number): string[] {
  return game.players.filter((_, i) => mask & (1 << i)).map((p) => p.id);
}

/** Bitmask of the player owning each jurisdiction (by dataset index). */
function jurisdictionBits(dataset: Dataset, list: Player[]): number[] {
  const bits = new Array<number>(dataset.jurisdictions.length).fill(0);
  const index = compile(dataset).jurisdictionIndex;
  list.forEach((p, i) => p.jurisdictions.forEach((j) => (bits[index.get(j)!] |= 1 << i)));
  return bits;
}

/** One receptor: the basin's merit order filtered to the coalition's steps, then filled greedily. */
function meritCost(dataset: Dataset, order: MeritStep[], inCoalition: (step: number) => boolean, reduction: number, price: number): CoalitionCost {
  const own = order.filter((m) => inCoalition(m.step));
  const plan = greedyPlan(dataset, own, reduction);
  if (plan.feasible) return { value: plan.cost, shortfall: 0 };
  const shortfall = reduction - own.reduce((sum, m) => sum + m.reduction, 0);
  return { value: plan.cost + shortfall * price, shortfall };
}

/** Adds a backstop column per row: ozone not removed by cuts, bought at the row's backstop price. */
function withBackstop(lp: LP, prices: number[]): LP {
  const names = lp.subjectTo.map((row) => `backstop_${row.name}`);
  return {
    ...lp,
    objective: { ...lp.objective, vars: [...lp.objective.vars, ...names.map((name, i) => ({ name, coef: prices[i] }))] },
    subjectTo: lp.subjectTo.map((row, i) => ({ ...row, vars: [...row.vars, { name: names[i], coef: 1 }] })),
    bounds: [...(lp.bounds ?? []), ...names.map((name) => ({ name, type: 2, lb: 0, ub: 0 }))], // GLP_LO
  };
}

/**
 * Several receptors: the regional LP restricted to the coalition's jurisdictions. Only if it is
 * infeasible is it re-solved with backstop columns, so a coalition that can meet its targets is
 * charged exactly its least cost. This is the definition, solved with GLPK; costGameSteps uses
 * CoalitionLp (coalition-lp.ts), which gives the same v(S) much faster, and falls back to this
 * for a coalition whose answer it cannot certify.
 */
export function lpCost(glpk: GLPK, dataset: Dataset, targets: ReceptorTarget[], jurisdictions: string[], prices: number[]): CoalitionCost {
  const built = buildProblem(dataset, { scenario: 'regional', targets, allowedJurisdictions: jurisdictions });
  const { columns } = built;
  const lp = scaleColumns(built.lp); // values are not read back, only z and the backstops (unscaled)
  const options = { ...SOLVER_OPTIONS, msglev: glpk.GLP_MSG_OFF };
  if (columns.length > 0) {
    const out = glpk.solve(lp, options);
    if (out.result.status === glpk.GLP_OPT) return { value: out.result.z, shortfall: 0 };
  }
  const backstopped = withBackstop(lp, prices);
  const out = glpk.solve(backstopped, options);
  if (out.result.status !== glpk.GLP_OPT) throw new Error(`The backstopped coalition LP did not solve (GLPK status ${out.result.status}).`);
  const shortfall = backstopped.subjectTo.reduce((sum, row) => sum + (out.result.vars[`backstop_${row.name}`] ?? 0), 0);
  return { value: out.result.z, shortfall };
}

/**
 * Evaluates v(S) for every coalition, yielding progress after each one so a worker can yield to
 * its message queue between slices; returns the game. Throws QueryError for a bad query or
 * targets that even the whole basin cannot meet (burden sharing needs a feasible v(N)).
 */
export function* costGameSteps(glpk: GLPK, dataset: Dataset, query: SharingQuery): Generator<SharingProgress, CostGame, void> {
  const mode = query.players ?? 'provinces';
  const list = players(dataset, mode);
  if (list.length > MAX_PLAYERS)
    throw new QueryError(`${list.length} players make ${2 ** list.length} coalitions, too many to enumerate exactly (at most ${MAX_PLAYERS} players).`);
  const { targets } = query;
  const regionalPlan = solvePlan(glpk, dataset, { scenario: 'regional', targets });
  if (!regionalPlan.feasible)
    throw new QueryError(`Burden sharing needs targets the whole basin can meet together, and these it cannot: ${regionalPlan.infeasibility.map((i) => i.reason).join('; ')}.`);

  const compiled = compile(dataset);
  const bits = jurisdictionBits(dataset, list);
  const stepBit = compiled.steps.map((k) => bits[k.jurisdiction]);
  const receptorBit = targets.map((t) => bits[compiled.receptorJurisdiction[compiled.receptorIndex.get(t.receptor)!]]);
  const reductions = targets.map((t) => dataset.receptors[compiled.receptorIndex.get(t.receptor)!].baseline - t.target);
  const orders = targets.map((t) => meritOrder(dataset, t.receptor));
  // The merit order is sorted by cost per μg/m³, so its last step is the dearest in the basin.
  const prices = orders.map((order) => order.at(-1)?.costPerUg ?? 0);

  const fast = new CoalitionLp(compiled, targets.map((t) => compiled.receptorIndex.get(t.receptor)!), reductions, prices);

  const total = 2 ** list.length;
  const value = new Float64Array(total);
  const shortfall = new Float64Array(total);
  for (let mask = 1; mask < total; mask++) {
    const own = targets.map((_, t) => t).filter((t) => receptorBit[t] & mask);
    let cost: CoalitionCost = { value: 0, shortfall: 0 };
    if (own.length === 1) {
      const [t] = own;
      cost = meritCost(dataset, orders[t], (step) => (stepBit[step] & mask) !== 0, reductions[t], prices[t]);
    } else if (own.length > 1) {
      cost =
        fast.solve(own, (j) => (bits[j] & mask) !== 0) ??
        lpCost(glpk, dataset, own.map((t) => targets[t]), list.filter((_, i) => mask & (1 << i)).flatMap((p) => p.jurisdictions), own.map((t) => prices[t]));
    }
    value[mask] = cost.value;
    shortfall[mask] = cost.shortfall;
    yield { done: mask, total: total - 1 };
  }
  return {
    dataset,
    targets,
    mode,
    players: list,
    value,
    shortfall,
    backstopPrice: Object.fromEntries(targets.map((t, i) => [t.receptor, prices[i]])),
    regionalPlan,
  };
}

/** costGameSteps run to the end in one go, reporting progress to an optional callback. */
export function costGame(glpk: GLPK, dataset: Dataset, query: SharingQuery, onProgress?: (done: number, total: number) => void): CostGame {
  return runSteps(costGameSteps(glpk, dataset, query), onProgress);
}

/** Tolerance in yuan for comparing costs in this game. */
export function costTolerance(game: Pick<CostGame, 'value'>): number {
  let largest = 1;
  for (const v of game.value) largest = Math.max(largest, Math.abs(v));
  return COST_TOLERANCE * largest;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

/**
 * Exact Shapley value, yuan/yr per player (in players order):
 * φ_i = Σ_{S ∌ i} |S|!(n-|S|-1)!/n! · [v(S ∪ {i}) - v(S)]. It reads the precomputed v, so it
 * costs n·2^(n-1) differences (about 53,000 for 13 players): well under a millisecond.
 */
export function shapley(game: Pick<CostGame, 'players' | 'value'>): number[] {
  const n = game.players.length;
  // |S|!(n-|S|-1)!/n! = 1 / (n · C(n-1, |S|)); built from binomials to avoid huge factorials.
  const binomial = [1];
  for (let s = 1; s < n; s++) binomial.push((binomial[s - 1] * (n - s)) / s);
  const weight = binomial.map((c) => 1 / (n * c));
  const phi = new Array<number>(n).fill(0);
  const { value } = game;
  for (let mask = 0; mask < value.length; mask++) {
    const w = weight[popcount(mask)];
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (!(mask & bit)) phi[i] += w * (value[mask | bit] - value[mask]);
    }
  }
  return phi;
}

export interface BlockingCoalition {
  members: string[];
  mask: number;
  /** Sum of the members' allocated costs, yuan/yr. */
  allocated: number;
  /** What the coalition would pay on its own, v(S). */
  value: number;
  /** allocated - value: how much the members save by leaving. */
  excess: number;
}

export interface CoreCheck {
  inCore: boolean;
  /** The allocation sums to v(N) (within tolerance). */
  efficient: boolean;
  allocatedTotal: number;
  totalCost: number;
  tolerance: number;
  /** Number of coalitions that would do better alone. */
  blockingCount: number;
  /** The worst of them (largest excess first), at most `limit`. */
  blocking: BlockingCoalition[];
}

/**
 * Is a cost allocation (yuan/yr per player, players order) in the core? It must sum to v(N) and
 * give no coalition more than v(S), else that coalition would rather act alone.
 */
export function coreCheck(game: Pick<CostGame, 'players' | 'value'>, allocation: number[], options: { limit?: number; tolerance?: number } = {}): CoreCheck {
  const n = game.players.length;
  if (allocation.length !== n) throw new RangeError(`The allocation has ${allocation.length} entries for ${n} players.`);
  const tolerance = options.tolerance ?? costTolerance(game);
  const full = game.value.length - 1;
  const blocking: BlockingCoalition[] = [];
  for (let mask = 1; mask < full; mask++) {
    let allocated = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) allocated += allocation[i];
    const excess = allocated - game.value[mask];
    if (excess > tolerance) blocking.push({ members: coalitionMembers(game, mask), mask, allocated, value: game.value[mask], excess });
  }
  blocking.sort((a, b) => b.excess - a.excess || a.mask - b.mask);
  const allocatedTotal = allocation.reduce((a, b) => a + b, 0);
  const efficient = Math.abs(allocatedTotal - game.value[full]) <= tolerance;
  return {
    inCore: efficient && blocking.length === 0,
    efficient,
    allocatedTotal,
    totalCost: game.value[full],
    tolerance,
    blockingCount: blocking.length,
    blocking: blocking.slice(0, options.limit ?? 50),
  };
}
