/**
 * Responsibility rules, the transfers they imply against the least-cost plan, and a regional
 * fund, all on top of the cost game in sharing.ts.
 */
import { compile } from './compile';
import { equalEffortPlan } from './equal-effort';
import { freeRiding, type FreeRiding } from './free-riding';
import { LIMITS } from './limits';
import { QueryError } from './lp';
import {
  coalitionMembers, coreCheck, costTolerance, DAMAGE_EXPLANATION, GAME_EXPLANATION, shapley, usedDamage,
  type CoreCheck, type CostGame, type GameDefinition, type Player, type PlayerMode,
} from './sharing';
import type { Nucleolus } from './nucleolus';
import type { Dataset, LocalizedText, PlanResult, ReceptorTarget, Source } from './types';

export type Rule = 'nucleolus' | 'shapley' | 'chander-tulkens' | 'equal' | 'contribution' | 'gdp' | 'population';
/** The default first: the nucleolus, which lies in the core whenever the core is not empty. */
export const RULES: readonly Rule[] = ['nucleolus', 'shapley', 'chander-tulkens', 'equal', 'contribution', 'gdp', 'population'];
export const DEFAULT_RULE: Rule = 'nucleolus';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Index of the player owning each jurisdiction (by dataset index). */
function ownerOf(dataset: Dataset, list: Player[]): number[] {
  const owner = new Array<number>(dataset.jurisdictions.length).fill(-1);
  const index = compile(dataset).jurisdictionIndex;
  list.forEach((p, i) => p.jurisdictions.forEach((j) => (owner[index.get(j)!] = i)));
  return owner;
}

/** Per-player sums of a per-jurisdiction quantity. */
function byPlayer(dataset: Dataset, list: Player[], perJurisdiction: (j: number) => number): number[] {
  const owner = ownerOf(dataset, list);
  const totals = list.map(() => 0);
  dataset.jurisdictions.forEach((_, j) => {
    if (owner[j] >= 0) totals[owner[j]] += perJurisdiction(j);
  });
  return totals;
}

/** A source with the positions the coefficient matrix and the players are indexed by. */
interface IndexedSource {
  source: Source;
  jurisdiction: number;
  pollutant: number;
  /** Index of the owning player, -1 if none. */
  owner: number;
}

function indexSources(dataset: Dataset, list: Player[]): IndexedSource[] {
  const { jurisdictionIndex } = compile(dataset);
  const pollutant = new Map(dataset.pollutants.map((p, i) => [p.id, i]));
  const owner = ownerOf(dataset, list);
  return dataset.sources.map((source) => {
    const jurisdiction = jurisdictionIndex.get(source.jurisdiction)!;
    return { source, jurisdiction, pollutant: pollutant.get(source.pollutant)!, owner: owner[jurisdiction] };
  });
}

/** Per-player sums of a per-source quantity. */
function bySource<S extends IndexedSource>(sources: S[], list: Player[], perSource: (s: S) => number): number[] {
  const totals = list.map(() => 0);
  for (const s of sources) if (s.owner >= 0) totals[s.owner] += perSource(s);
  return totals;
}

/** Values scaled to sum to 1; an all-zero indicator cannot be shared out, so that is an error. */
function normalise(values: number[], what: string): number[] {
  const total = sum(values);
  if (!(total > 0)) throw new QueryError(`Cannot share by ${what}: it is zero for every player in this dataset.`);
  return values.map((v) => v / total);
}

/**
 * Ozone each player's emissions form at the constrained receptors: Σ over receptors,
 * jurisdictions and pollutants of max(a, 0) · E. Negative coefficients (titration) are not
 * counted, since emitting NOx there is no credit for cleaner air.
 */
export function ozoneContribution(dataset: Dataset, targets: ReceptorTarget[], list: Player[]): number[] {
  const { receptorIndex } = compile(dataset);
  const rows = targets.map((t) => receptorIndex.get(t.receptor)!);
  return bySource(indexSources(dataset, list), list, (s) => sum(rows.map((r) => Math.max(dataset.coefficients[r][s.jurisdiction][s.pollutant], 0))) * s.source.emissions);
}

/** Base emissions of every pollutant (NOx + VOC), t/yr per player. */
export function emissionsByPlayer(dataset: Dataset, list: Player[]): number[] {
  return bySource(indexSources(dataset, list), list, (s) => s.source.emissions);
}

export interface EqualCutPlan {
  feasible: boolean;
  /** The common fraction f of every source's emissions cut (capped at what each source's steps allow); null if none works. */
  fraction: number | null;
  /** The largest fraction any source can cut; beyond it nothing changes. */
  maxFraction: number;
  /** yuan/yr; null if infeasible. */
  totalCost: number | null;
  /** yuan/yr per player (players order): each does its part. All 0 if infeasible. */
  costs: number[];
  /** Peak ozone at the constrained receptors under the plan (at maxFraction if infeasible). */
  ozone: Record<string, number>;
  /** Why no common fraction meets the targets; null when one does. */
  reason: string | null;
}

/**
 * Equal-proportion cuts ("each does its part"): every source cuts the same fraction f of its
 * emissions (or all its steps allow, if less), cheapest steps first, with f the smallest
 * fraction meeting every target. Ozone is piecewise linear in f with kinks only where a source
 * runs out of steps, so f is found exactly segment by segment rather than by bisection, which
 * would assume ozone falls monotonically in f (NOx titration can break that).
 */
export function equalCutPlan(dataset: Dataset, targets: ReceptorTarget[], list: Player[]): EqualCutPlan {
  const compiled = compile(dataset);
  const sources = indexSources(dataset, list).map((s) => ({ ...s, maxShare: Math.min(1, sum(s.source.steps.map((k) => k.share))) }));
  const rows = targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const ozoneAt = (f: number) =>
    rows.map((r) => dataset.receptors[r].baseline - sum(sources.map((s) => dataset.coefficients[r][s.jurisdiction][s.pollutant] * Math.min(f, s.maxShare) * s.source.emissions)));
  const ozoneRecord = (f: number) => Object.fromEntries(targets.map((t, i) => [t.receptor, ozoneAt(f)[i]]));
  const EPS = 1e-9; // μg/m³

  const kinks = [...new Set([0, ...sources.map((s) => s.maxShare)])].sort((a, b) => a - b);
  const maxFraction = kinks.at(-1)!;
  let fraction: number | null = ozoneAt(0).every((o, i) => o <= targets[i].target + EPS) ? 0 : null;
  for (let k = 1; fraction === null && k < kinks.length; k++) {
    const [lo, hi] = [kinks[k - 1], kinks[k]];
    const [atLo, atHi] = [ozoneAt(lo), ozoneAt(hi)];
    let lower = lo;
    let upper = hi;
    for (let i = 0; i < targets.length; i++) {
      const [g0, g1] = [atLo[i] - targets[i].target, atHi[i] - targets[i].target];
      if (g0 <= EPS && g1 <= EPS) continue;
      if (g0 > EPS && g1 > EPS) {
        upper = -Infinity;
        break;
      }
      const root = lo + ((hi - lo) * g0) / (g0 - g1);
      if (g0 > EPS) lower = Math.max(lower, root);
      else upper = Math.min(upper, root);
    }
    if (lower <= upper) fraction = lower;
  }

  if (fraction === null) {
    const ozone = ozoneAt(maxFraction);
    const over = targets
      .map((t, i) => ({ t, o: ozone[i], place: dataset.jurisdictions[compiled.receptorJurisdiction[rows[i]]].name.en }))
      .filter(({ t, o }) => o > t.target + EPS)
      .map(({ t, o, place }) => `${place} stays at ${o.toFixed(1)} μg/m³ (target ${t.target})`);
    return {
      feasible: false,
      fraction: null,
      maxFraction,
      totalCost: null,
      costs: list.map(() => 0),
      ozone: ozoneRecord(maxFraction),
      reason: `No equal-proportion cut meets the targets: even with every source cutting as much as its control steps allow (up to ${(maxFraction * 100).toFixed(1)}% of its emissions), ${over.join(', ') || 'the targets cannot all hold at once'}.`,
    };
  }
  const f = fraction;
  // Each source fills its own cost curve from the cheapest step.
  const costs = bySource(sources, list, (s) => {
    let remaining = Math.min(f, s.maxShare) * s.source.emissions;
    let cost = 0;
    for (const step of s.source.steps) {
      const used = Math.min(remaining, step.share * s.source.emissions);
      cost += used * step.cost;
      remaining -= used;
    }
    return cost;
  });
  return { feasible: true, fraction: f, maxFraction, totalCost: sum(costs), costs, ozone: ozoneRecord(f), reason: null };
}

export interface Responsibility {
  rule: Rule;
  /** Share of the total cost v(N) per player (players order); sums to 1. */
  shares: number[];
  /** yuan/yr per player: share · v(N); for Shapley φ_i itself, which may be negative. */
  costs: number[];
  /** What the rule means and how to read it (English). */
  note: string;
}

const RULE_NOTES: Record<Rule, string> = {
  nucleolus:
    'Nucleolus: the split that makes the largest excess (what a group of players is charged beyond what it would pay ' +
    'acting on its own) as small as possible, then the next largest, and so on. It lies in the core whenever the core ' +
    'is not empty, so then no group would do better on its own. A negative value is a player paid for cutting for others.',
  shapley:
    "Shapley value: each player's marginal cost averaged over every order in which the players could join. " +
    'A negative value is a player whose sources help others reach their targets more than it costs them ' +
    '(typically one with no target of its own upwind of one that has): it is owed that amount, not charged.',
  'chander-tulkens':
    'Chander–Tulkens (the transboundary-pollution rule, Chander & Tulkens 1997): each player starts from what it would ' +
    'pay acting alone, v({i}), and gets a share of the cooperation surplus Σ v({i}) − v(N) in proportion to its marginal ' +
    'damage, the health-damage price per μg/m³ at its own receptors: those who suffer most from ozone gain most from ' +
    'cleaner air, so they take the largest part of the saving. A negative value is a player paid on balance.',
  equal:
    'Equal-proportion cuts: each player bears the share of the cost it would carry if every source cut the same ' +
    'fraction of its emissions, just enough to meet the targets ("each does its part").',
  contribution:
    "Ozone contribution: each player's share of the ozone its NOx and VOC emissions form at the constrained receptors " +
    '(positive source-receptor coefficients times base emissions).',
  gdp: 'Ability to pay: each player bears its share of the basin GDP.',
  population: 'Per head: each player bears its share of the basin population.',
};

/** Inputs a rule may need that the report computes once anyway. */
export interface RuleInputs {
  shapleyValues?: number[];
  /** The nucleolus allocation (nucleolus.ts: it needs GLPK, so it is always computed beforehand). */
  nucleolusValues?: number[];
  equalCut?: EqualCutPlan;
}

/**
 * Responsibility shares and costs under one rule. Every rule but Shapley and the nucleolus is a
 * pure function of the dataset, the targets and the players; all are scaled to v(N) so they share
 * the same total.
 */
export function responsibility(game: CostGame, rule: Rule, precomputed: RuleInputs = {}): Responsibility {
  const { dataset, targets, players: list } = game;
  const totalCost = game.value[game.value.length - 1];
  const nothingToShare = totalCost <= costTolerance(game);
  const even = list.map(() => 1 / list.length);
  let shares: number[];
  let note = RULE_NOTES[rule];
  switch (rule) {
    case 'shapley': {
      const phi = precomputed.shapleyValues ?? shapley(game);
      // With nothing to pay, φ is all zero; any shares would do, so split evenly.
      return { rule, shares: nothingToShare ? even : phi.map((x) => x / totalCost), costs: phi, note };
    }
    case 'chander-tulkens': {
      const costs = chanderTulkens(game);
      return { rule, shares: nothingToShare ? even : costs.map((x) => x / totalCost), costs, note };
    }
    case 'nucleolus': {
      const values = precomputed.nucleolusValues;
      if (!values) throw new Error('The nucleolus rule needs the nucleolus, computed with nucleolus(glpk, game).');
      return { rule, shares: nothingToShare ? even : values.map((x) => x / totalCost), costs: values, note };
    }
    case 'equal': {
      const plan = precomputed.equalCut ?? equalCutPlan(dataset, targets, list);
      if (!plan.feasible) throw new QueryError(plan.reason!);
      shares = plan.totalCost! > 0 ? plan.costs.map((c) => c / plan.totalCost!) : even;
      note += ` Here every source cuts ${(plan.fraction! * 100).toFixed(2)}% of its emissions, for ${(plan.totalCost! / 1e9).toFixed(3)} bn yuan/yr in all.`;
      break;
    }
    case 'contribution':
      shares = normalise(ozoneContribution(dataset, targets, list), 'ozone contribution');
      break;
    case 'gdp':
    case 'population':
      shares = normalise(byPlayer(dataset, list, (j) => dataset.jurisdictions[j][rule]), rule === 'gdp' ? 'GDP' : 'population');
      break;
    default:
      throw new QueryError(`Unknown rule ${JSON.stringify(rule)}: use one of ${RULES.join(', ')}.`);
  }
  return { rule, shares, costs: shares.map((s) => s * totalCost), note };
}

/**
 * Each player's marginal damage: the sum of the damage prices (yuan/yr per μg/m³, as in the
 * dataset, uncapped) at its receptors in the game. Throws QueryError where a receptor has none.
 */
export function marginalDamage(game: Pick<CostGame, 'dataset' | 'targets' | 'players'>): number[] {
  const damage = new Map(game.dataset.receptors.map((r) => [r.id, r.damage]));
  const missing = game.targets.filter((t) => damage.get(t.receptor) === undefined);
  if (missing.length > 0) throw new QueryError(`The Chander–Tulkens rule shares by marginal health damage, and this dataset gives no damage price for ${missing.map((t) => t.receptor).join(', ')}.`);
  return game.players.map((p) => sum(game.targets.filter((t) => p.receptors.includes(t.receptor)).map((t) => damage.get(t.receptor)!)));
}

/**
 * The Chander–Tulkens allocation, yuan/yr per player: x_i = v({i}) − (π_i / Σπ)·(Σ_j v({j}) − v(N)),
 * each player's stand-alone (each-for-itself) cost less its marginal-damage share π_i of the
 * cooperation surplus. It sums to v(N).
 */
export function chanderTulkens(game: CostGame): number[] {
  const alone = game.players.map((_, i) => game.value[1 << i]);
  const surplus = sum(alone) - game.value[game.value.length - 1];
  const weights = normalise(marginalDamage(game), 'marginal health damage');
  return alone.map((v, i) => v - weights[i] * surplus);
}

export interface PlayerTransfer {
  id: string;
  /** yuan/yr the rule makes the player responsible for. */
  responsibility: number;
  /** yuan/yr the player's sources spend in the least-cost regional plan. */
  task: number;
  /** responsibility - task: positive pays in, negative receives. */
  payment: number;
  /** Cost of meeting its own receptors' targets with its own sources, v({i}); 0 where its ozone needs no cut. */
  standAlone: number;
  /** True when the player cannot meet its targets alone and the stand-alone cost includes damage. */
  standAloneDamage: boolean;
  /** standAlone - responsibility. */
  saving: number;
  /** Cooperation under this rule costs the player more than acting alone. */
  worseOff: boolean;
  /** By how much (yuan/yr), 0 if not worse off. */
  worseBy: number;
}

export interface Flow {
  from: string;
  to: string;
  /** yuan/yr */
  amount: number;
}

export interface Transfers {
  players: PlayerTransfer[];
  /** Who pays whom: each payer's payment split over the receivers in proportion to what they receive. */
  flows: Flow[];
  /** Sum of the positive payments (= sum of the flows). */
  totalPaid: number;
}

/** Each player's cost in the least-cost regional plan, yuan/yr (players order). */
export function taskCosts(game: CostGame): number[] {
  return game.players.map((p) => sum(p.jurisdictions.map((j) => game.regionalPlan.byJurisdiction[j]?.cost ?? 0)));
}

/** Payments between players that turn the least-cost plan's spending into the rule's responsibility. */
export function transfers(game: CostGame, rule: Responsibility): Transfers {
  const tolerance = costTolerance(game);
  const task = taskCosts(game);
  const payments = rule.costs.map((c, i) => c - task[i]);
  // v(N) (merit order or LP) and the plan's spending (glpk) agree to round-off, so payments net to
  // zero: within the game's tolerance (relative to its largest coalition cost, which bounds the
  // round-off of a Shapley sum), 1e-6 of v(N), or LIMITS.yuanResolution.
  const imbalance = sum(payments);
  if (Math.abs(imbalance) > Math.max(tolerance, LIMITS.yuanResolution, 1e-6 * Math.abs(game.value[game.value.length - 1])))
    throw new Error(`Transfers do not balance: payments sum to ${imbalance} yuan/yr.`);
  const rows = game.players.map((p, i): PlayerTransfer => {
    const mask = 1 << i;
    const standAlone = game.value[mask];
    const saving = standAlone - rule.costs[i];
    const worseOff = saving < -tolerance;
    return {
      id: p.id,
      responsibility: rule.costs[i],
      task: task[i],
      payment: payments[i],
      standAlone,
      standAloneDamage: usedDamage(game, mask),
      saving,
      worseOff,
      worseBy: worseOff ? -saving : 0,
    };
  });
  const payers = rows.filter((r) => r.payment > tolerance);
  const receivers = rows.filter((r) => r.payment < -tolerance);
  const received = -sum(receivers.map((r) => r.payment));
  const flows = payers.flatMap((payer) => receivers.map((receiver) => ({ from: payer.id, to: receiver.id, amount: (payer.payment * -receiver.payment) / received })));
  return { players: rows, flows, totalPaid: sum(payers.map((p) => p.payment)) };
}

export type FundIndicator = 'emissions' | 'contribution' | 'gdp' | 'benefit';
export const FUND_INDICATORS: readonly FundIndicator[] = ['emissions', 'contribution', 'gdp', 'benefit'];
export type FundWeights = Record<FundIndicator, number>;

export interface Fund {
  /** The weights as given, scaled to sum to 1 over the indicators used. */
  weights: FundWeights;
  /** Weighted indicators left out because they are zero for every player. */
  dropped: FundIndicator[];
  /** Raw indicator per player: t/yr; ozone formed at the receptors; yuan GDP; μg/m³ × people. */
  indicators: Record<FundIndicator, number[]>;
  /** Formula share of the fund per player (sums to 1). */
  shares: number[];
  /** Total disbursements, yuan/yr. */
  size: number;
  contributions: number[];
  /** What each player is reimbursed: the cost of cutting beyond its responsibility, max(task - responsibility, 0). */
  disbursements: number[];
  /** contribution - disbursement: positive pays into the fund. */
  net: number[];
  /** Σ contributions - Σ disbursements: 0 up to rounding. */
  balance: number;
}

/**
 * Ozone reduction at each player's receptors under the least-cost plan, times the people living
 * there (μg/m³ × people). A player whose ozone rises on balance (titration) benefits 0, not less.
 */
export function benefitByPlayer(game: CostGame): number[] {
  const { dataset, regionalPlan } = game;
  const population = new Map(dataset.jurisdictions.map((j) => [j.id, j.population]));
  return game.players.map((p) =>
    Math.max(0, sum(dataset.receptors.filter((r) => p.receptors.includes(r.id)).map((r) => (r.baseline - regionalPlan.ozone[r.id]) * population.get(r.jurisdiction)!))),
  );
}

/**
 * A regional fund that reimburses whoever cuts beyond its responsibility, financed by a formula
 * over emissions, ozone contribution, GDP and benefit with the user's weights.
 */
export function regionalFund(game: CostGame, rule: Responsibility, weights: Partial<FundWeights>): Fund {
  for (const [key, w] of Object.entries(weights)) {
    if (!FUND_INDICATORS.includes(key as FundIndicator)) throw new QueryError(`Unknown fund weight ${JSON.stringify(key)}: use ${FUND_INDICATORS.join(', ')}.`);
    if (!Number.isFinite(w) || w! < 0) throw new QueryError(`The fund weight for ${key} must be a number >= 0, got ${w}.`);
  }
  const given = Object.fromEntries(FUND_INDICATORS.map((k) => [k, weights[k] ?? 0])) as FundWeights;
  const weightSum = sum(Object.values(given));
  if (!(weightSum > 0)) throw new QueryError(`The fund weights are all zero: give at least one of ${FUND_INDICATORS.join(', ')} a positive weight.`);
  const { dataset, targets, players: list } = game;
  const indicators: Record<FundIndicator, number[]> = {
    emissions: emissionsByPlayer(dataset, list),
    contribution: ozoneContribution(dataset, targets, list),
    gdp: byPlayer(dataset, list, (j) => dataset.jurisdictions[j].gdp),
    benefit: benefitByPlayer(game),
  };
  // An indicator that is zero for every player (no benefit when no target binds) cannot share
  // anything out: it is left out of the formula and said so, and the other weights carry it.
  const dropped = FUND_INDICATORS.filter((k) => given[k] > 0 && !(sum(indicators[k]) > 0));
  const usedSum = sum(FUND_INDICATORS.filter((k) => !dropped.includes(k)).map((k) => given[k]));
  const normalised = Object.fromEntries(FUND_INDICATORS.map((k) => [k, dropped.includes(k) || !(usedSum > 0) ? 0 : given[k] / usedSum])) as FundWeights;
  const shares = list.map(() => 0);
  for (const k of FUND_INDICATORS) {
    if (normalised[k] === 0) continue;
    normalise(indicators[k], k === 'contribution' ? 'ozone contribution' : k).forEach((s, i) => (shares[i] += normalised[k] * s));
  }
  const task = taskCosts(game);
  const disbursements = list.map((_, i) => Math.max(task[i] - rule.costs[i], 0));
  const size = sum(disbursements);
  if (size > 0 && !(usedSum > 0))
    throw new QueryError(`The fund's weighted indicators (${dropped.join(', ')}) are zero for every player: give another indicator a positive weight.`);
  const contributions = shares.map((s) => s * size);
  return {
    weights: normalised,
    dropped,
    indicators,
    shares,
    size,
    contributions,
    disbursements,
    net: contributions.map((c, i) => c - disbursements[i]),
    balance: sum(contributions) - size,
  };
}

export interface PlayerShare extends PlayerTransfer {
  name: LocalizedText;
  jurisdictions: string[];
  receptors: string[];
  /** Share of v(N) under the rule. */
  share: number;
  /** Shapley value, yuan/yr, whatever the rule (for comparison). */
  shapley: number;
  /** Nucleolus, yuan/yr, whatever the rule (for comparison). */
  nucleolus: number;
  /** The player has a constrained receptor of its own (a target to meet). */
  hasTarget: boolean;
}

export interface SharingReport {
  rule: Rule;
  mode: PlayerMode;
  targets: ReceptorTarget[];
  /** v(N): the least cost of meeting the targets with every player's sources, yuan/yr. */
  totalCost: number;
  /** The plan behind v(N), every player's task: what the map of Who pays shows. */
  plan: PlanResult;
  players: PlayerShare[];
  note: string;
  flows: Flow[];
  totalPaid: number;
  /** Is the rule's allocation in the core? */
  core: CoreCheck;
  shapley: { values: number[]; inCore: boolean; blockingCount: number };
  /** The nucleolus, whatever the rule: in the core exactly when the core is not empty. */
  nucleolus: { values: number[]; inCore: boolean; blockingCount: number; coreNonEmpty: boolean; maxExcess: number };
  /** What the players would spend acting alone, Σ v({i}), and what cooperation saves against it (Σ v({i}) - v(N)). */
  standAloneTotal: number;
  cooperationSaving: number;
  /** The equal-proportion ("each does its part") plan, whatever the rule. */
  equalCut: EqualCutPlan;
  /**
   * Equal effort, the reference for what acting together saves (equal-effort.ts): the common share
   * of every step cut, its cost, and cost - v(N); nulls and the reason where no share meets the targets.
   */
  equalEffort: { share: number | null; cost: number | null; saving: number | null; reason: string | null };
  /** Per player (players order): how much of its cuts' benefit stays at home, and what it would cut alone weighing only its own damage. */
  freeRiding: FreeRiding[];
  game: {
    explanation: string;
    coalitions: number;
    /** 'targets': every coalition meets its targets; 'targets+damage': some bear damage for what they cannot reach. */
    definition: GameDefinition;
    /** The price per μg/m³ of excess ozone at each receptor (min of its damage price and the cap), and the cap. */
    damage: { explanation: string; price: Record<string, number>; cap: number; coalitionsUsing: number };
    /** Every coalition's cost, for small games only (at most COALITION_TABLE_MAX_PLAYERS players). */
    table?: CoalitionRow[];
  };
  fund?: Fund;
}

export interface CoalitionRow {
  members: string[];
  /** v(S), yuan/yr. */
  cost: number;
  /** μg/m³ left above its targets, charged at the damage price; 0 if the coalition meets its targets alone. */
  shortfall: number;
  usedDamage: boolean;
}

/** 2^6 - 1 = 63 rows: beyond that a table of coalitions is more noise than help. */
export const COALITION_TABLE_MAX_PLAYERS = 6;

/** v(S) and damage use of every non-empty coalition. */
export function coalitionTable(game: CostGame): CoalitionRow[] {
  return Array.from({ length: game.value.length - 1 }, (_, i) => {
    const mask = i + 1;
    return { members: coalitionMembers(game, mask), cost: game.value[mask], shortfall: game.shortfall[mask], usedDamage: usedDamage(game, mask) };
  });
}

function equalEffortOf(game: CostGame, totalCost: number): SharingReport['equalEffort'] {
  const plan = equalEffortPlan(game.dataset, { targets: game.targets });
  return plan.feasible
    ? { share: plan.share!, cost: plan.totalCost!, saving: plan.totalCost! - totalCost, reason: null }
    : { share: null, cost: null, saving: null, reason: plan.infeasibility.map((i) => i.reason).join('; ') };
}

/**
 * Everything the "Who pays" view shows for one rule, from a computed game and its nucleolus
 * (nucleolus.ts, computed once per game; fast: no LP solves here).
 */
export function sharingReport(game: CostGame, rule: Rule, options: { nucleolus: Nucleolus; fund?: Partial<FundWeights>; blockingLimit?: number }): SharingReport {
  const shapleyValues = shapley(game);
  const nucleolusValues = options.nucleolus.allocation;
  if (nucleolusValues.length !== game.players.length) throw new RangeError(`The nucleolus has ${nucleolusValues.length} entries for ${game.players.length} players.`);
  const equalCut = equalCutPlan(game.dataset, game.targets, game.players);
  const chosen = responsibility(game, rule, { shapleyValues, nucleolusValues, equalCut });
  const moved = transfers(game, chosen);
  const shapleyCore = coreCheck(game, shapleyValues, { limit: 0 });
  const nucleolusCore = coreCheck(game, nucleolusValues, { limit: 0 });
  const standAloneTotal = sum(game.players.map((_, i) => game.value[1 << i]));
  const totalCost = game.value[game.value.length - 1];
  let coalitionsUsing = 0;
  for (let mask = 1; mask < game.value.length; mask++) if (usedDamage(game, mask)) coalitionsUsing++;
  return {
    rule,
    mode: game.mode,
    targets: game.targets,
    totalCost,
    plan: game.regionalPlan,
    players: game.players.map((p, i) => ({
      ...moved.players[i],
      name: p.name,
      jurisdictions: p.jurisdictions,
      receptors: p.receptors,
      share: chosen.shares[i],
      shapley: shapleyValues[i],
      nucleolus: nucleolusValues[i],
      hasTarget: game.targets.some((t) => p.receptors.includes(t.receptor)),
    })),
    note: chosen.note,
    flows: moved.flows,
    totalPaid: moved.totalPaid,
    core: coreCheck(game, chosen.costs, { limit: options.blockingLimit }),
    shapley: { values: shapleyValues, inCore: shapleyCore.inCore, blockingCount: shapleyCore.blockingCount },
    nucleolus: {
      values: nucleolusValues,
      inCore: nucleolusCore.inCore,
      blockingCount: nucleolusCore.blockingCount,
      coreNonEmpty: options.nucleolus.coreNonEmpty,
      maxExcess: options.nucleolus.maxExcess,
    },
    standAloneTotal,
    cooperationSaving: standAloneTotal - totalCost,
    equalCut,
    equalEffort: equalEffortOf(game, totalCost),
    freeRiding: freeRiding(game),
    game: {
      explanation: GAME_EXPLANATION,
      coalitions: game.value.length - 1,
      definition: game.definition,
      damage: { explanation: DAMAGE_EXPLANATION, price: game.damagePrice, cap: game.damageCap, coalitionsUsing },
      table: game.players.length <= COALITION_TABLE_MAX_PLAYERS ? coalitionTable(game) : undefined,
    },
    fund: options.fund ? regionalFund(game, chosen, options.fund) : undefined,
  };
}
