/**
 * "Shared Sky" (同一片天): the classroom game on free-riding and compensation, on this model.
 *
 * Players are provinces or cities (sharing.ts `players`). Each round every player picks a cut
 * level 0-4. Level l cuts LEVEL_SHARES[l] (0, 20, 40, 60, 80%) of the player's controllable
 * tonnes of each pollutant separately (controllable: the sum of the caps of all control steps of
 * its sources of that pollutant), filled cheapest-first in yuan per tonne along its own steps
 * (ties in step order), so a level is a definite set of tonnes and a definite cost whatever the
 * others do. Ozone at every receptor is the baseline minus the linear effect of every player's
 * tonnes (lp.ts `ozoneAfter`, no floor, as in the LP). A player's benefit is the damage avoided
 * at its own receptors: Σ damage price (yuan/yr per μg/m³) × μg/m³ removed there, which is
 * negative where NOx cuts raise ozone (titration). Payoff = benefit − own cost + transfers.
 *
 * Because ozone is linear in tonnes and benefits linear in ozone, a player's payoff is a term
 * in its own level plus terms in each other player's level: its best level does not depend on
 * the others (a dominant strategy), so the each-for-itself (Nash) outcome is where each weighs
 * only the damage avoided at home, and the cooperative optimum where each weighs the damage
 * avoided everywhere. `nash` finds the former by best-response iteration and checks the
 * dominance numerically rather than assuming it.
 */
import { compile } from './compile';
import { ozoneAfter, QueryError } from './lp';
import { players as playersOf, type Player, type PlayerMode } from './sharing';
import type { Dataset, LocalizedText, UncertainInput } from './types';
import { applyInputs } from './uncertainty';

/** The dataset's uncertain input that scales the damage prices, if it has one. */
export function damageInput(dataset: Dataset): UncertainInput | undefined {
  return dataset.uncertainty?.find((u) => u.effect === 'damage' && !u.where);
}

/**
 * The damage valuation a game is played at by default: the upper end of the dataset's damage
 * input (bth-ozone: long-term mortality and more exposure per μg/m³). At the nominal price
 * (acute deaths only) no level pays for itself even for the whole basin, so every player's best
 * level, alone or together, is 0 and there is nothing to play for; the page and the CLI offer
 * the whole range.
 */
export function defaultDamageScale(dataset: Dataset): number {
  return damageInput(dataset)?.high ?? 1;
}

/** The dataset with its damage prices at `scale` × the dataset's own (through its damage input, range-checked). */
export function gameDataset(dataset: Dataset, scale: number): Dataset {
  const input = damageInput(dataset);
  if (!input) {
    if (scale !== 1) throw new QueryError('This dataset has no damage input to scale its damage prices with.');
    return dataset;
  }
  if (!(scale >= input.low && scale <= input.high)) throw new QueryError(`The damage scale must be from ${input.low} to ${input.high} (the dataset's range), got ${scale}.`);
  return scale === input.nominal ? dataset : applyInputs(dataset, { [input.id]: scale });
}

/** Share of the controllable tonnes of each pollutant cut at each level. */
export const LEVEL_SHARES = [0, 0.2, 0.4, 0.6, 0.8] as const;
export const MAX_LEVEL = LEVEL_SHARES.length - 1;

/** Payoff differences below this (relative to the largest cost in the game) are round-off: ties go to the lower level. */
const TIE = 1e-9;

export interface GameModel {
  dataset: Dataset;
  mode: PlayerMode;
  players: Player[];
  /** cost[i][l]: yuan/yr player i pays at level l. */
  cost: number[][];
  /** cuts[i][l]: tonnes cut at each compiled step (compile.ts order) by player i at level l. */
  cuts: Float64Array[][];
  /** tonnes[i][l]: tonnes cut by player i at level l, by pollutant id. */
  tonnes: Record<string, number>[][];
  /** removed[i][l][r]: μg/m³ removed at receptor r (dataset order) by player i at level l. */
  removed: number[][][];
  /** Damage price at each receptor, yuan/yr per μg/m³. */
  damage: number[];
  /** owner[r]: the player whose jurisdiction holds receptor r. */
  owner: number[];
}

const cache = new WeakMap<Dataset, Map<PlayerMode, GameModel>>();

/** Each player's tonnes, cost and ozone effect at every level (memoised per dataset and mode). */
export function gameModel(dataset: Dataset, mode: PlayerMode = 'provinces'): GameModel {
  const hit = cache.get(dataset)?.get(mode);
  if (hit) return hit;
  const unpriced = dataset.receptors.filter((r) => !(typeof r.damage === 'number' && Number.isFinite(r.damage) && r.damage >= 0));
  if (unpriced.length > 0)
    throw new QueryError(`The game needs a damage price at every receptor; ${unpriced.map((r) => r.id).join(', ')} ha${unpriced.length > 1 ? 've' : 's'} none.`);
  const compiled = compile(dataset);
  const list = playersOf(dataset, mode);
  const playerOfJurisdiction = new Map<string, number>();
  list.forEach((p, i) => p.jurisdictions.forEach((j) => playerOfJurisdiction.set(j, i)));
  const jurisdictionPlayer = dataset.jurisdictions.map((j) => playerOfJurisdiction.get(j.id)!);
  const cost: number[][] = [];
  const cuts: Float64Array[][] = [];
  const tonnes: Record<string, number>[][] = [];
  list.forEach((_, i) => {
    const own = compiled.steps.filter((k) => jurisdictionPlayer[k.jurisdiction] === i && k.cap > 0);
    cost.push([]);
    cuts.push([]);
    tonnes.push([]);
    for (const share of LEVEL_SHARES) {
      const cut = new Float64Array(compiled.steps.length);
      const byPollutant: Record<string, number> = {};
      let spent = 0;
      dataset.pollutants.forEach((pollutant, p) => {
        const curve = own.filter((k) => k.pollutant === p).sort((a, b) => a.unitCost - b.unitCost || a.index - b.index);
        let remaining = share * curve.reduce((sum, k) => sum + k.cap, 0);
        byPollutant[pollutant.id] = remaining;
        for (const k of curve) {
          if (remaining <= 0) break;
          const used = Math.min(k.cap, remaining);
          cut[k.index] = used;
          spent += used * k.unitCost;
          remaining -= used;
        }
      });
      cost[i].push(spent);
      cuts[i].push(cut);
      tonnes[i].push(byPollutant);
    }
  });
  const removed = cuts.map((levels) =>
    levels.map((cut) => {
      const ozone = ozoneAfter(compiled, cut);
      return dataset.receptors.map((r) => r.baseline - ozone[r.id]);
    }),
  );
  const model: GameModel = {
    dataset,
    mode,
    players: list,
    cost,
    cuts,
    tonnes,
    removed,
    damage: dataset.receptors.map((r) => r.damage!),
    owner: compiled.receptorJurisdiction.map((j) => jurisdictionPlayer[j]),
  };
  if (!cache.has(dataset)) cache.set(dataset, new Map());
  cache.get(dataset)!.set(mode, model);
  return model;
}

/** Refuses a profile that is not one whole level 0-4 per player. */
export function checkLevels(model: GameModel, levels: readonly number[]): void {
  if (levels.length !== model.players.length)
    throw new QueryError(`Give one level per player: ${model.players.length} (${model.players.map((p) => p.id).join(', ')}), got ${levels.length}.`);
  levels.forEach((l, i) => {
    if (!Number.isInteger(l) || l < 0 || l > MAX_LEVEL) throw new QueryError(`The level of ${model.players[i].id} must be a whole number from 0 to ${MAX_LEVEL}, got ${l}.`);
  });
}

export interface PlayerScore {
  id: string;
  name: LocalizedText;
  level: number;
  /** Tonnes cut, by pollutant id. */
  tonnes: Record<string, number>;
  /** yuan/yr. */
  cost: number;
  /** Damage avoided at the player's own receptors, yuan/yr. */
  benefit: number;
  /** Received (+) or paid (−), yuan/yr. */
  transfer: number;
  /** benefit − cost + transfer. */
  payoff: number;
  /** Damage-weighted mean ozone over its receptors, μg/m³ (the damage price is population-based); null with no receptor. */
  ozone: number | null;
  baselineOzone: number | null;
}

export interface RoundScore {
  levels: number[];
  /** Ozone at every receptor, μg/m³. */
  ozone: Record<string, number>;
  players: PlayerScore[];
  /** Basin totals, yuan/yr: the transfers sum to zero, so welfare is benefit − cost. */
  totals: { cost: number; benefit: number; welfare: number };
}

/** Everyone's ozone, cost, benefit and payoff from all players' levels (transfers by player, default none). */
export function scoreRound(model: GameModel, levels: readonly number[], transfers?: readonly number[]): RoundScore {
  checkLevels(model, levels);
  if (transfers && transfers.length !== levels.length) throw new QueryError(`Give one transfer per player, got ${transfers.length}.`);
  const { dataset, damage, owner } = model;
  const removed = dataset.receptors.map((_, r) => levels.reduce((sum, l, i) => sum + model.removed[i][l][r], 0));
  const ozone = Object.fromEntries(dataset.receptors.map((rec, r) => [rec.id, rec.baseline - removed[r]]));
  const scores = model.players.map((p, i): PlayerScore => {
    const own = dataset.receptors.map((_, r) => r).filter((r) => owner[r] === i);
    const weight = own.reduce((sum, r) => sum + damage[r], 0);
    const mean = (value: (r: number) => number) =>
      own.length === 0 ? null : weight > 0 ? own.reduce((sum, r) => sum + damage[r] * value(r), 0) / weight : own.reduce((sum, r) => sum + value(r), 0) / own.length;
    const benefit = own.reduce((sum, r) => sum + damage[r] * removed[r], 0);
    const cost = model.cost[i][levels[i]];
    const transfer = transfers?.[i] ?? 0;
    return {
      id: p.id,
      name: p.name,
      level: levels[i],
      tonnes: model.tonnes[i][levels[i]],
      cost,
      benefit,
      transfer,
      payoff: benefit - cost + transfer,
      ozone: mean((r) => dataset.receptors[r].baseline - removed[r]),
      baselineOzone: mean((r) => dataset.receptors[r].baseline),
    };
  });
  const cost = scores.reduce((sum, s) => sum + s.cost, 0);
  const benefit = scores.reduce((sum, s) => sum + s.benefit, 0);
  return { levels: [...levels], ozone, players: scores, totals: { cost, benefit, welfare: benefit - cost } };
}

/** Total welfare of a profile (benefit − cost over the basin; transfers cancel). */
export const welfare = (model: GameModel, levels: readonly number[]) => scoreRound(model, levels).totals.welfare;

const tie = (model: GameModel) => TIE * Math.max(1, ...model.cost.map((c) => c[MAX_LEVEL]));

/** Lowest level maximising value(l) (differences within the tie tolerance count as equal). */
function argmax(model: GameModel, value: (level: number) => number): number {
  let best = 0;
  let bestValue = value(0);
  for (let l = 1; l <= MAX_LEVEL; l++) {
    const v = value(l);
    if (v > bestValue + tie(model)) [best, bestValue] = [l, v];
  }
  return best;
}

/** Player i's best level against the others' levels in `profile`. */
export function bestReply(model: GameModel, i: number, profile: readonly number[]): number {
  return argmax(model, (l) => scoreRound(model, profile.map((x, j) => (j === i ? l : x))).players[i].payoff);
}

/** Improves one player at a time until no one changes (coordinate ascent over the discrete levels). */
function ascend(model: GameModel, gain: (i: number, profile: number[]) => number): { levels: number[]; sweeps: number } {
  const levels = model.players.map(() => 0);
  for (let sweeps = 1; ; sweeps++) {
    let changed = false;
    levels.forEach((l, i) => {
      const next = gain(i, levels);
      if (next !== l) [levels[i], changed] = [next, true];
    });
    // Each change raises a bounded objective over a finite set, so this ends; the bound is a guard.
    if (!changed || sweeps > 100 * LEVEL_SHARES.length * model.players.length) return { levels, sweeps };
  }
}

export interface NashOutcome {
  levels: number[];
  /** Rounds of best replies (every player once each), counting the last, in which none changed: 2 when the levels are dominant. */
  sweeps: number;
  /**
   * Each player's best level is the same whatever the others play, checked against every other
   * player alone at every level and against everyone at the top level.
   */
  dominant: boolean;
}

/** The each-for-itself outcome: best-response iteration from everyone at level 0. */
export function nash(model: GameModel): NashOutcome {
  const { levels, sweeps } = ascend(model, (i, profile) => bestReply(model, i, profile));
  const n = model.players.length;
  const zero = model.players.map(() => 0);
  const probes: number[][] = [model.players.map(() => MAX_LEVEL)];
  for (let j = 0; j < n; j++) for (let l = 1; l <= MAX_LEVEL; l++) probes.push(zero.map((_, k) => (k === j ? l : 0)));
  const dominant = model.players.every((_, i) => probes.every((profile) => bestReply(model, i, profile) === levels[i]));
  return { levels, sweeps, dominant };
}

/** The welfare-maximising levels (coordinate ascent on total welfare; exact here since welfare is a sum of one term per player, and checked by brute force in the tests). */
export function cooperative(model: GameModel): number[] {
  return ascend(model, (i, profile) => argmax(model, (l) => welfare(model, profile.map((x, j) => (j === i ? l : x))))).levels;
}

/** Welfare at the cooperative optimum minus welfare at the class's levels, yuan/yr (≥ 0). */
export function priceOfAnarchy(model: GameModel, levels: readonly number[]): number {
  return welfare(model, cooperative(model)) - welfare(model, levels);
}

/**
 * Self-benefit share of each player: the damage avoided at its own receptors over the damage
 * avoided at all receptors by its own cut at the top level (v_i w_ii / Σ_k v_k w_ik). Low
 * shares predict the largest under-investment when each acts alone; null when its cut avoids
 * no damage anywhere.
 */
export function selfBenefitShares(model: GameModel): (number | null)[] {
  return model.players.map((_, i) => {
    const row = model.removed[i][MAX_LEVEL];
    const all = row.reduce((sum, x, r) => sum + model.damage[r] * x, 0);
    const own = row.reduce((sum, x, r) => sum + (model.owner[r] === i ? model.damage[r] * x : 0), 0);
    return all > 0 ? own / all : null;
  });
}

export interface GameSummary {
  mode: PlayerMode;
  nash: RoundScore & { sweeps: number; dominant: boolean };
  cooperative: RoundScore;
  /** Welfare lost each for itself, yuan/yr. */
  priceOfAnarchy: number;
  selfBenefitShare: (number | null)[];
}

export function gameSummary(model: GameModel): GameSummary {
  const n = nash(model);
  const coop = scoreRound(model, cooperative(model));
  const atNash = scoreRound(model, n.levels);
  return {
    mode: model.mode,
    nash: { ...atNash, sweeps: n.sweeps, dominant: n.dominant },
    cooperative: coop,
    priceOfAnarchy: coop.totals.welfare - atNash.totals.welfare,
    selfBenefitShare: selfBenefitShares(model),
  };
}

/** A side payment registered by the teacher, yuan/yr. */
export interface SidePayment {
  from: string;
  to: string;
  amount: number;
}

/** Net transfer of each player (received − paid) from a list of side payments. */
export function sidePaymentTransfers(model: GameModel, payments: readonly SidePayment[]): number[] {
  const index = new Map(model.players.map((p, i) => [p.id, i]));
  const net = model.players.map(() => 0);
  for (const { from, to, amount } of payments) {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) throw new QueryError(`Unknown player ${JSON.stringify(a === undefined ? from : to)}.`);
    if (!(Number.isFinite(amount) && amount >= 0)) throw new QueryError(`A side payment must be a number ≥ 0, got ${amount}.`);
    if (a === b) throw new QueryError(`${from} cannot pay itself.`);
    net[a] -= amount;
    net[b] += amount;
  }
  return net;
}

/** How the regional fund shares the basin's control cost out. */
export const FUND_RULES = ['equal', 'population', 'gdp', 'emissions', 'benefit'] as const;
export type FundRule = (typeof FUND_RULES)[number];

/**
 * The regional fund: it pays every player's control cost and is financed by shares of the total
 * under the rule (equal; population; GDP; base emissions of all its sources; damage avoided at
 * its receptors in the round, clamped at 0, equal shares if no one gains). Transfer_i = cost_i −
 * share_i × total cost, so the transfers sum to zero.
 */
export function fundTransfers(model: GameModel, levels: readonly number[], rule: FundRule): number[] {
  if (!FUND_RULES.includes(rule)) throw new QueryError(`Unknown fund rule ${JSON.stringify(rule)}: use ${FUND_RULES.join(', ')}.`);
  const { dataset } = model;
  const score = scoreRound(model, levels);
  const jurisdictions = (p: Player) => dataset.jurisdictions.filter((j) => p.jurisdictions.includes(j.id));
  const weights = model.players.map((p, i) => {
    if (rule === 'population') return jurisdictions(p).reduce((sum, j) => sum + j.population, 0);
    if (rule === 'gdp') return jurisdictions(p).reduce((sum, j) => sum + j.gdp, 0);
    if (rule === 'emissions') return dataset.sources.filter((s) => p.jurisdictions.includes(s.jurisdiction)).reduce((sum, s) => sum + s.emissions, 0);
    if (rule === 'benefit') return Math.max(0, score.players[i].benefit);
    return 1;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
  return score.players.map((s, i) => s.cost - shares[i] * score.totals.cost);
}
