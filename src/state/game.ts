/**
 * The teacher's game session of Shared Sky: rounds, ballots, pledges, side payments and the
 * fund, kept in the browser (localStorage) so a reload loses nothing, and exported as JSON and
 * CSV. Pure: no DOM, so it is tested in Node; the page stores and reads the text.
 */
import { ballotKeys, decodeBallot, type Ballot, type BallotKeys, type BallotProblem } from '../model/ballot';
import { FUND_RULES, fundTransfers, MAX_LEVEL, scoreRound, sidePaymentTransfers, welfare, cooperative, nash, type FundRule, type GameModel, type RoundScore, type SidePayment } from '../model/game';
import { PLAYER_MODES, type PlayerMode } from '../model/sharing';
import { toCsv, type Cell } from './exports';

/** R1 sealed, each for itself; R2 pledges, then ballots; R3 side payments registered by the teacher; R4 a regional fund with a rule. */
export const ROUND_KINDS = ['sealed', 'pledge', 'side', 'fund'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUNDS = ROUND_KINDS.length;

export interface RoundRecord {
  kind: RoundKind;
  /** The level each player pledged (rounds after the first), or null. */
  pledges: (number | null)[];
  /** The level of each player's accepted ballot, or null. */
  ballots: (number | null)[];
  /** The code each ballot came in (shown in the export, so a ballot can be checked later). */
  codes: (string | null)[];
  payments: SidePayment[];
  fundRule: FundRule | null;
  /** Scored and shown; ballots are no longer taken. */
  closed: boolean;
}

export interface GameSession {
  version: 1;
  /** The dataset's id and version the game is played on. */
  data: string;
  dataVersion: string;
  mode: PlayerMode;
  /** Damage prices × the dataset's (game.ts gameDataset). */
  damage: number;
  /** Signs every player's ballots (ballot.ts); never shown to players. */
  seed: number;
  /** The round being played, 1-based. */
  round: number;
  rounds: RoundRecord[];
}

export const GAME_STORAGE_KEY = 'airshed:game';

export function newSession(model: GameModel, damage: number, seed: number): GameSession {
  const empty = () => model.players.map(() => null);
  return {
    version: 1,
    data: model.dataset.meta.id,
    dataVersion: model.dataset.meta.version,
    mode: model.mode,
    damage,
    seed: seed >>> 0,
    round: 1,
    rounds: ROUND_KINDS.map((kind) => ({ kind, pledges: empty(), ballots: empty(), codes: empty(), payments: [], fundRule: kind === 'fund' ? 'equal' : null, closed: false })),
  };
}

/** Every player's ballot keys in this session. */
export const sessionKeys = (session: GameSession, players: number): BallotKeys[] => Array.from({ length: players }, (_, i) => ballotKeys(session.seed, session.mode, i));

const isLevel = (x: unknown) => x === null || (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_LEVEL);

/** A stored session, checked field by field (storage may hold anything); null when it is not one. */
export function parseSession(text: string | null, playersIn: (mode: PlayerMode) => number): GameSession | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const s = raw as GameSession;
  if (typeof s !== 'object' || s === null || !PLAYER_MODES.includes(s.mode)) return null;
  const players = playersIn(s.mode);
  const levels = (list: unknown) => Array.isArray(list) && list.length === players && list.every(isLevel);
  const ok =
    typeof s === 'object' && s !== null && s.version === 1 && typeof s.data === 'string' && typeof s.dataVersion === 'string' && PLAYER_MODES.includes(s.mode) &&
    typeof s.damage === 'number' && Number.isFinite(s.damage) && Number.isInteger(s.seed) && Number.isInteger(s.round) && s.round >= 1 && s.round <= ROUNDS &&
    Array.isArray(s.rounds) && s.rounds.length === ROUNDS &&
    s.rounds.every((r, i) =>
      r && r.kind === ROUND_KINDS[i] && levels(r.pledges) && levels(r.ballots) && Array.isArray(r.codes) && r.codes.length === players && r.codes.every((c) => c === null || typeof c === 'string') &&
      Array.isArray(r.payments) && r.payments.every((p) => p && typeof p.from === 'string' && typeof p.to === 'string' && typeof p.amount === 'number' && Number.isFinite(p.amount) && p.amount >= 0) &&
      (r.fundRule === null || FUND_RULES.includes(r.fundRule)) && typeof r.closed === 'boolean');
  return ok ? s : null;
}

export type BallotEntry =
  | { kind: 'accepted'; ballot: Ballot; code: string }
  /** A ballot for a player who has one this round already: replace it only if the teacher confirms. */
  | { kind: 'replace'; ballot: Ballot; code: string; previous: number }
  | { kind: 'same'; ballot: Ballot }
  | { kind: 'refused'; problem: BallotProblem | { kind: 'round'; round: number } | { kind: 'closed' }; message: string };

/** Checks a typed code against this session and round; does not change the session. */
export function checkBallot(session: GameSession, players: number, text: string): BallotEntry {
  const record = session.rounds[session.round - 1];
  if (record.closed) return { kind: 'refused', problem: { kind: 'closed' }, message: `Round ${session.round} is closed.` };
  const read = decodeBallot(text, sessionKeys(session, players), MAX_LEVEL);
  if (!read.ok) return { kind: 'refused', problem: read.problem, message: read.message };
  const { ballot, code } = read;
  if (ballot.round !== session.round)
    return { kind: 'refused', problem: { kind: 'round', round: ballot.round }, message: `This ballot is for round ${ballot.round}; the game is in round ${session.round}.` };
  const previous = record.ballots[ballot.player];
  if (previous === null) return { kind: 'accepted', ballot, code };
  if (record.codes[ballot.player] === code) return { kind: 'same', ballot };
  return { kind: 'replace', ballot, code, previous };
}

const withRound = (session: GameSession, change: (r: RoundRecord) => RoundRecord): GameSession => ({
  ...session,
  rounds: session.rounds.map((r, i) => (i === session.round - 1 ? change(r) : r)),
});

/** Records an accepted (or confirmed replacing) ballot. */
export function castBallot(session: GameSession, ballot: Ballot, code: string): GameSession {
  return withRound(session, (r) => ({ ...r, ballots: r.ballots.map((l, i) => (i === ballot.player ? ballot.level : l)), codes: r.codes.map((c, i) => (i === ballot.player ? code : c)) }));
}

export const setPledge = (session: GameSession, player: number, level: number | null) =>
  withRound(session, (r) => ({ ...r, pledges: r.pledges.map((l, i) => (i === player ? level : l)) }));
export const addPayment = (session: GameSession, payment: SidePayment) => withRound(session, (r) => ({ ...r, payments: [...r.payments, payment] }));
export const removePayment = (session: GameSession, index: number) => withRound(session, (r) => ({ ...r, payments: r.payments.filter((_, i) => i !== index) }));
export const setFundRule = (session: GameSession, fundRule: FundRule) => withRound(session, (r) => ({ ...r, fundRule }));

/** Closes the round (every player has a ballot) and moves to the next, if any. */
export function closeRound(session: GameSession): GameSession {
  const closed = withRound(session, (r) => ({ ...r, closed: true }));
  return { ...closed, round: Math.min(ROUNDS, session.round + 1) };
}

export const roundComplete = (record: RoundRecord) => record.ballots.every((l) => l !== null);

/** Each player's transfer in a round: side payments (R3) or the fund under its rule (R4). */
export function roundTransfers(model: GameModel, record: RoundRecord, levels: readonly number[]): number[] {
  if (record.kind === 'side') return sidePaymentTransfers(model, record.payments);
  if (record.kind === 'fund' && record.fundRule) return fundTransfers(model, levels, record.fundRule);
  return levels.map(() => 0);
}

export interface RoundResult {
  round: number;
  kind: RoundKind;
  score: RoundScore;
  /** Welfare at the cooperative levels minus at the class's, yuan/yr. */
  priceOfAnarchy: number;
  cooperativeWelfare: number;
  cooperativeCost: number;
  /** Each player's action minus its pledge (null with no pledge): below 0 is cutting less than promised. */
  defection: (number | null)[];
}

/** The scored result of a round whose ballots are all in. */
export function roundResult(model: GameModel, session: GameSession, round: number): RoundResult | null {
  const record = session.rounds[round - 1];
  if (!roundComplete(record)) return null;
  const levels = record.ballots as number[];
  const score = scoreRound(model, levels, roundTransfers(model, record, levels));
  const coop = cooperative(model);
  const best = welfare(model, coop);
  return {
    round,
    kind: record.kind,
    score,
    priceOfAnarchy: best - score.totals.welfare,
    cooperativeWelfare: best,
    cooperativeCost: scoreRound(model, coop).totals.cost,
    defection: levels.map((l, i) => (record.pledges[i] === null ? null : l - record.pledges[i]!)),
  };
}

export const RESULTS_HEADER = [
  'round', 'kind', 'player', 'name_en', 'name_zh', 'pledge', 'level', 'ozone_ug_m3', 'cost_yuan', 'damage_avoided_yuan', 'transfer_yuan', 'payoff_yuan',
  'nash_level', 'cooperative_level', 'basin_welfare_yuan', 'cooperative_welfare_yuan', 'price_of_anarchy_yuan',
] as const;

/** The class's results, one row per player and closed round (the page's CSV export; formula-safe through toCsv). */
export function resultsCsv(model: GameModel, session: GameSession): string {
  const n = nash(model).levels;
  const coop = cooperative(model);
  const rows: Cell[][] = [];
  session.rounds.forEach((record, r) => {
    const result = record.closed ? roundResult(model, session, r + 1) : null;
    if (!result) return;
    result.score.players.forEach((p, i) =>
      rows.push([
        r + 1, record.kind, p.id, p.name.en, p.name.zh, record.pledges[i], p.level, p.ozone, p.cost, p.benefit, p.transfer, p.payoff,
        n[i], coop[i], result.score.totals.welfare, result.cooperativeWelfare, result.priceOfAnarchy,
      ]),
    );
  });
  return toCsv(RESULTS_HEADER, rows);
}

/** The whole game as JSON: the session (with its seed, so the file is a full record) and every closed round's scores. */
export function resultsJson(model: GameModel, session: GameSession): string {
  const results = session.rounds.map((record, r) => (record.closed ? roundResult(model, session, r + 1) : null)).filter((x) => x !== null);
  return JSON.stringify(
    { game: 'shared-sky', unit: 'yuan/yr', session, players: model.players.map((p) => ({ id: p.id, name: p.name })), nash: nash(model).levels, cooperative: cooperative(model), results },
    null,
    2,
  );
}

/** A player's link: its role, its own signing key and the mask key, never the seed. */
export interface PlayerLink {
  data: string;
  mode: PlayerMode;
  player: number;
  round: number;
  damage: number;
  keys: BallotKeys;
}

/** The fragment of a player's link: play=data~mode~player~round~damage~key~mask (keys in base 36). */
export function playerFragment(link: PlayerLink): string {
  return `play=${[link.data, link.mode, link.player, link.round, link.damage, link.keys.player.toString(36), link.keys.mask.toString(36)].join('~')}`;
}

/** Reads a player's link fragment (with or without #); null when it is not one. */
export function parsePlayerFragment(hash: string): PlayerLink | null {
  const match = /^#?play=([a-z0-9-]{1,40})~(provinces|cities)~(\d{1,2})~([1-9])~(\d{1,3}(?:\.\d{1,6})?)~([0-9a-z]{1,7})~([0-9a-z]{1,7})$/.exec(hash);
  if (!match) return null;
  const [, data, mode, player, round, damage, key, mask] = match;
  const keys = { player: parseInt(key, 36), mask: parseInt(mask, 36) };
  if (keys.player > 0xffffffff || keys.mask > 0xffffffff || Number(round) > ROUNDS) return null;
  return { data, mode: mode as PlayerMode, player: Number(player), round: Number(round), damage: Number(damage), keys };
}
