/**
 * "Who pays": the cooperative cost game behind burden sharing, its exact Shapley value and the
 * core check. Responsibility rules, transfers and the regional fund build on it in
 * sharing-rules.ts.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { CoalitionLp, type CoalitionCost } from './coalition-lp';
import { compile } from './compile';
import { solveChecked, UncertifiedError } from './certified';
import { buildProblem, planTolerances, QueryError, solvePlan } from './lp';
import { greedyPlan, meritOrder, type MeritStep } from './merit';
import type { Dataset, LocalizedText, PlanResult, ReceptorTarget } from './types';
import { runSteps } from './steps';
import { describeTarget, levelFor, type TargetSpec } from './targets';

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
  /**
   * Receptor targets, as in PlanQuery; the regional plan must be able to meet them. Every place
   * has a target in the game: callers hold every receptor to the view's target (see sharingTargets).
   */
  targets: ReceptorTarget[];
  /** The spec the targets come from: where some coalition cannot reach its targets and the dataset
   * has no damage prices, the game is declined and the message says up to which spec every
   * coalition can reach. */
  spec?: TargetSpec;
  players?: PlayerMode;
}

/** Every receptor of the dataset held to a spec (a level, or a reduction from each one's baseline). */
export function sharingTargets(dataset: Pick<Dataset, 'receptors'>, spec: TargetSpec): ReceptorTarget[] {
  return dataset.receptors.map((r) => ({ receptor: r.id, target: levelFor(r.baseline, spec) }));
}

/** How v(S) is defined, in words for the methods page. */
export const GAME_EXPLANATION =
  'Every place in the game has a target (the same level, or the same reduction from its own baseline); a ' +
  'place whose ozone is already at or below it needs nothing. The cost of a coalition S of players, v(S), ' +
  "is the least cost for S to bring the peak ozone at its own receptors down to their targets, cutting only S's " +
  'own sources (the regional LP restricted to those jurisdictions; with one receptor the greedy merit order, ' +
  'which is exact). v(N), the whole basin together, is the least-cost regional plan.';

export const DAMAGE_EXPLANATION =
  'Where a coalition cannot meet its targets with its own sources, it cuts what pays and bears the health ' +
  'damage of the ozone above its targets that remains: v(S) = abatement cost + Σ price × excess μg/m³ at its ' +
  "receptors, minimised together (Chander & Tulkens 1997: a cost-plus-damage game keeps v finite). The price " +
  "at a receptor is its health-damage price (the dataset's, yuan/yr per μg/m³), capped at the marginal cost " +
  'of the cooperative plan (its largest shadow price, yuan/yr per μg/m³): no coalition is charged more for a ' +
  'μg/m³ than cooperation pays for its dearest one. Coalitions that bear damage are flagged. Where the ' +
  'dataset has no damage prices the game is only defined for targets every coalition can reach.';

export type GameDefinition = 'targets' | 'targets+damage';

export interface CostGame {
  dataset: Dataset;
  targets: ReceptorTarget[];
  mode: PlayerMode;
  players: Player[];
  /** v(S) in yuan/yr, indexed by coalition bitmask (bit i = players[i]); value[0] = 0. */
  value: Float64Array;
  /** μg/m³ above its targets a coalition leaves (summed over its receptors), priced at the damage price; 0 where it meets its targets. */
  shortfall: Float64Array;
  /** 'targets': every coalition meets its own targets; 'targets+damage': some bear damage for what they cannot reach. */
  definition: GameDefinition;
  /** The price per μg/m³ charged for excess ozone at each target receptor, min(damage, cap), yuan/yr; empty without damage prices. */
  damagePrice: Record<string, number>;
  /** The cap: the cooperative plan's largest marginal cost, yuan/yr per μg/m³. */
  damageCap: number;
  /** The least-cost regional plan for the targets (all players' sources): v(N) and each player's task. */
  regionalPlan: PlanResult;
}

/** Shortfalls below this (μg/m³) are round-off, not use of the damage price. */
export const DAMAGE_EPS = 1e-9;

/** Did coalition `mask` bear damage (fall short of its targets)? */
export const usedDamage = (game: Pick<CostGame, 'shortfall'>, mask: number) => game.shortfall[mask] > DAMAGE_EPS;

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

/**
 * One receptor: the basin's merit order filtered to the coalition's steps, filled greedily. Short
 * of the target, the steps cheaper per μg/m³ than the damage price are used in full and the rest
 * is damage (the cost-plus-damage optimum for one receptor).
 */
export function meritCost(dataset: Dataset, order: MeritStep[], inCoalition: (step: number) => boolean, reduction: number, price: number): CoalitionCost {
  const own = order.filter((m) => inCoalition(m.step));
  const plan = greedyPlan(dataset, own, reduction);
  if (plan.feasible) return { value: plan.cost, shortfall: 0 };
  const worth = own.filter((m) => m.costPerUg < price);
  const removed = worth.reduce((sum, m) => sum + m.reduction, 0);
  return { value: worth.reduce((sum, m) => sum + m.costPerUg * m.reduction, 0) + (reduction - removed) * price, shortfall: reduction - removed };
}

/** Adds a damage column per row: ozone left above the target, charged at the row's damage price. */
export function withDamage(lp: LP, prices: number[]): LP {
  const names = lp.subjectTo.map((row) => `damage_${row.name}`);
  return {
    ...lp,
    objective: { ...lp.objective, vars: [...lp.objective.vars, ...names.map((name, i) => ({ name, coef: prices[i] }))] },
    subjectTo: lp.subjectTo.map((row, i) => ({ ...row, vars: [...row.vars, { name: names[i], coef: 1 }] })),
    bounds: [...(lp.bounds ?? []), ...names.map((name) => ({ name, type: 2, lb: 0, ub: 0 }))], // GLP_LO
  };
}

/**
 * Several receptors: the regional LP restricted to the coalition's jurisdictions. Only if it is
 * infeasible is it re-solved with damage columns, so a coalition that can meet its targets is
 * charged exactly its least cost. This is the definition, solved with GLPK and certified
 * (certified.ts: an answer that fails the check throws UncertifiedError); costGameSteps uses
 * CoalitionLp (coalition-lp.ts), which gives the same v(S) much faster, and falls back to this
 * for a coalition whose answer it cannot certify.
 */
export function lpCost(glpk: GLPK, dataset: Dataset, targets: ReceptorTarget[], jurisdictions: string[], prices: number[]): CoalitionCost {
  const built = buildProblem(dataset, { scenario: 'regional', targets, allowedJurisdictions: jurisdictions });
  // A coalition meets its targets only to within DAMAGE_EPS (as CoalitionLp and usedDamage read it), not a plan's slack.
  const tolerances = { ...planTolerances(built), row: () => DAMAGE_EPS };
  const who = `the coalition of ${jurisdictions.join(', ')}`;
  if (built.columns.length > 0) {
    const plain = solveChecked(glpk, built.lp, tolerances, who);
    if (plain.status === 'optimal') return { value: plain.z, shortfall: 0 };
  }
  const priced = withDamage(built.lp, prices);
  const out = solveChecked(glpk, priced, tolerances, `${who} with damage`);
  if (out.status !== 'optimal') throw new UncertifiedError(`The LP of ${who} with damage has no optimum, though every row can be met by damage.`);
  const shortfall = priced.subjectTo.reduce((sum, row) => sum + (out.vars[`damage_${row.name}`] ?? 0), 0);
  return { value: out.z, shortfall };
}

/** The damage price per μg/m³ at each target: min(receptor damage, cap); null if some target's receptor has none. */
function damagePrices(dataset: Dataset, targets: ReceptorTarget[], cap: number): number[] | null {
  const prices = targets.map((t) => dataset.receptors.find((r) => r.id === t.receptor)!.damage);
  return prices.every((p) => p !== undefined) ? prices.map((p) => Math.min(p!, cap)) : null;
}

/** The cooperative plan's largest marginal cost, yuan/yr per μg/m³ (0 when no target binds). */
export function marginalCap(plan: PlanResult): number {
  return Math.max(0, ...Object.values(plan.marginalCost));
}

/** Rounded to 0.1 towards the looser side of a spec (a level up, a reduction down), so the figure quoted is reachable. */
function looser(kind: TargetSpec['kind'], value: number): number {
  return kind === 'level' ? Math.ceil(value * 10 - 1e-6) / 10 : Math.floor(value * 10 + 1e-6) / 10;
}

/**
 * The tightest spec of the query's kind at which every coalition can meet its own targets with its
 * own sources. Reachability only gets harder as targets tighten, so a coalition that reaches the
 * query's targets bounds nothing; each one that does not is bisected between the loosest spec
 * (nothing to cut) and the bound so far, and the loosest of their limits is the answer.
 */
function reachLimit(short: number[], spec: TargetSpec, reachable: (mask: number, spec: TargetSpec) => boolean, loosest: number): TargetSpec {
  let bound = spec.value;
  for (const mask of short) {
    const at = (value: number) => reachable(mask, { kind: spec.kind, value });
    if (bound !== spec.value && at(bound)) continue;
    let [ok, bad] = [loosest, bound];
    for (let i = 0; i < 50 && Math.abs(bad - ok) > 1e-9 * Math.max(1, Math.abs(ok)); i++) {
      const mid = (ok + bad) / 2;
      if (at(mid)) ok = mid;
      else bad = mid;
    }
    bound = ok;
  }
  return { kind: spec.kind, value: looser(spec.kind, bound) };
}

/**
 * Evaluates v(S) for every coalition, yielding progress after each one so a worker can yield to
 * its message queue between slices; returns the game. Throws QueryError for a bad query, targets
 * that even the whole basin cannot meet (burden sharing needs a feasible v(N)), or a coalition
 * that cannot reach its targets in a dataset without damage prices.
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
  const rows = targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const receptorBit = rows.map((r) => bits[compiled.receptorJurisdiction[r]]);
  const reductions = targets.map((t, i) => dataset.receptors[rows[i]].baseline - t.target);
  const orders = targets.map((t) => meritOrder(dataset, t.receptor));
  const damageCap = marginalCap(regionalPlan);
  const priced = damagePrices(dataset, targets, damageCap);
  // Without damage prices a shortfall is only detected (any positive price will do) and then declined.
  const prices = priced ?? targets.map(() => 1);
  const fast = new CoalitionLp(compiled, rows, reductions, prices);
  const ownTargets = (mask: number) => targets.map((_, t) => t).filter((t) => receptorBit[t] & mask);
  const evaluate = (mask: number, need: number[]): CoalitionCost => {
    const own = ownTargets(mask);
    if (own.length === 0) return { value: 0, shortfall: 0 };
    if (own.length === 1) {
      const [t] = own;
      return meritCost(dataset, orders[t], (step) => (stepBit[step] & mask) !== 0, need[t], prices[t]);
    }
    const allowed = list.filter((_, i) => mask & (1 << i)).flatMap((p) => p.jurisdictions);
    const at = targets.map((t, i) => ({ receptor: t.receptor, target: dataset.receptors[rows[i]].baseline - need[i] }));
    return fast.solve(own, (j) => (bits[j] & mask) !== 0) ?? lpCost(glpk, dataset, own.map((t) => at[t]), allowed, own.map((t) => prices[t]));
  };

  const total = 2 ** list.length;
  const value = new Float64Array(total);
  const shortfall = new Float64Array(total);
  const short: number[] = [];
  for (let mask = 1; mask < total; mask++) {
    const cost = evaluate(mask, reductions);
    value[mask] = cost.value;
    shortfall[mask] = cost.shortfall;
    if (cost.shortfall > DAMAGE_EPS) short.push(mask);
    yield { done: mask, total: total - 1 };
  }
  if (!priced && short.length > 0) {
    const names = (mask: number) => list.filter((_, i) => mask & (1 << i)).map((p) => p.name.en).join(' + ');
    let limit = '';
    if (query.spec) {
      const spec = query.spec;
      const reachable = (mask: number, at: TargetSpec) => {
        const need = rows.map((r) => dataset.receptors[r].baseline - levelFor(dataset.receptors[r].baseline, at));
        fast.retarget(need);
        const cost = evaluate(mask, need);
        fast.retarget(reductions);
        return cost.shortfall <= DAMAGE_EPS;
      };
      const loosest = spec.kind === 'level' ? Math.max(...rows.map((r) => dataset.receptors[r].baseline)) : 0;
      limit = ` Every coalition can reach its targets up to ${describeTarget(reachLimit(short, spec, reachable, loosest))}: choose a target at least that loose, or a dataset with health-damage prices.`;
    }
    throw new QueryError(
      `${short.length} of ${total - 1} coalitions cannot meet their own targets with their own sources (among them ${names(short[0])}), and this dataset gives no health-damage price to value the ozone they leave, so the game is not defined here.${limit}`,
    );
  }
  return {
    dataset,
    targets,
    mode,
    players: list,
    value,
    shortfall,
    definition: short.length > 0 ? 'targets+damage' : 'targets',
    damagePrice: priced ? Object.fromEntries(targets.map((t, i) => [t.receptor, priced[i]])) : {},
    damageCap,
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
