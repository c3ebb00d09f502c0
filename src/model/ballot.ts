/**
 * Ballot codes for the classroom game: 7 characters a player reads out or the teacher types,
 * carrying the player, the round and the level, so a game needs no server.
 *
 * Alphabet: 2-9 and A-Z without I and O (32 symbols, 5 bits each; 0/O and 1/I are never asked
 * for, so cannot be confused). Characters 1-6 carry 30 bits: the payload (player 5 bits, round
 * 3, level 3) XOR a mask, then a 19-bit signature. Character 7 is a check character: the sum of
 * the characters' values times odd weights 1, 3, 5... (1 for the check) is 0 mod 32, so every
 * single mistyped character is caught (an odd weight times a non-zero difference is never a
 * multiple of 32), and adjacent swaps unless the two differ by 16 (the signature then catches
 * them but for a 1 in 2^19 chance).
 *
 * Keys: the teacher's page holds a game seed. Each player's link carries only its own signing
 * key (derived from the seed, the mode and the player) and the game's mask key, so a student
 * can sign a ballot for itself but not for anyone else, and a code does not show its level at a
 * glance. This is a classroom lock (32-bit mixing, not cryptography): enough to refuse a typo,
 * a code from another game or a guessed one.
 */
import type { PlayerMode } from './sharing';

export const BALLOT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BALLOT_LENGTH = 7;
/** Players 0-31, rounds 1-7, levels 0-7 fit the payload (the game uses levels 0-4). */
export const BALLOT_MAX_PLAYERS = 32;
export const BALLOT_MAX_ROUND = 7;
const SIGNATURE_BITS = 19;
const PAYLOAD_BITS = 11;

/** One round of a 32-bit mix (murmur3's finaliser over a keyed word). */
function mix(key: number, data: number): number {
  let h = Math.imul(key ^ 0x9e3779b9, 0x85ebca6b) ^ data;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const hash = (key: number, data: number) => mix(mix(key, data), key);

export interface BallotKeys {
  /** The player's signing key. */
  player: number;
  /** The game's mask key (the same for every player). */
  mask: number;
}

/** The keys a player's link carries, derived from the teacher's game seed. */
export function ballotKeys(seed: number, mode: PlayerMode, player: number): BallotKeys {
  return { player: hash(seed >>> 0, (mode === 'cities' ? 0x100 : 0) | player), mask: hash(seed >>> 0, 0xffff) };
}

export interface Ballot {
  player: number;
  round: number;
  level: number;
}

const checkValue = (values: number[]) => (32 - (values.reduce((sum, v, p) => sum + (2 * p + 1) * v, 0) % 32)) % 32;

/** The code for a ballot, signed with the player's keys. */
export function encodeBallot(keys: BallotKeys, ballot: Ballot): string {
  const { player, round, level } = ballot;
  if (!(Number.isInteger(player) && player >= 0 && player < BALLOT_MAX_PLAYERS)) throw new RangeError(`player must be 0-${BALLOT_MAX_PLAYERS - 1}`);
  if (!(Number.isInteger(round) && round >= 1 && round <= BALLOT_MAX_ROUND)) throw new RangeError(`round must be 1-${BALLOT_MAX_ROUND}`);
  if (!(Number.isInteger(level) && level >= 0 && level < 8)) throw new RangeError('level must be 0-7');
  const payload = (player << 6) | (round << 3) | level;
  const signature = hash(keys.player, payload) & ((1 << SIGNATURE_BITS) - 1);
  const masked = payload ^ (hash(keys.mask, signature) & ((1 << PAYLOAD_BITS) - 1));
  const bits = masked * 2 ** SIGNATURE_BITS + signature;
  const values = Array.from({ length: BALLOT_LENGTH - 1 }, (_, p) => Math.floor(bits / 32 ** (BALLOT_LENGTH - 2 - p)) % 32);
  return [...values, checkValue(values)].map((v) => BALLOT_ALPHABET[v]).join('');
}

export type BallotProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; character: string; position: number }
  | { kind: 'typo' }
  | { kind: 'signature' };

export type DecodedBallot = { ok: true; ballot: Ballot; code: string } | { ok: false; problem: BallotProblem; message: string };

/** Upper case, without spaces or dashes (a code may be read out or written in groups). */
export const normaliseBallot = (text: string) => text.toUpperCase().replace(/[\s-]/g, '');

/** English wording of a problem (the page words it from the kind in its own language). */
function problemMessage(problem: BallotProblem): string {
  switch (problem.kind) {
    case 'length':
      return `A ballot code has ${BALLOT_LENGTH} characters; this one has ${problem.length}.`;
    case 'character':
      return `"${problem.character}" (character ${problem.position}) is not used in ballot codes: they use 2-9 and the letters A-Z without I and O.`;
    case 'typo':
      return 'This code has a typing mistake (its check character does not match): ask the player to read it again.';
    case 'signature':
      return 'This code was not made for this game (its signature does not match): it may come from another game, or be made up.';
  }
}

/**
 * Reads a code typed by the teacher, given every player's keys in this game (by player index).
 * Refuses, with the reason: a wrong length, a character outside the alphabet, a mistyped
 * character (the check), a code signed with another key or for a player, round or level that
 * does not exist (another game's code, or a forged one).
 */
export function decodeBallot(text: string, keys: readonly BallotKeys[], maxLevel: number): DecodedBallot {
  const fail = (problem: BallotProblem): DecodedBallot => ({ ok: false, problem, message: problemMessage(problem) });
  const code = normaliseBallot(text);
  if (code.length !== BALLOT_LENGTH) return fail({ kind: 'length', length: [...code].length });
  const values = [...code].map((c) => BALLOT_ALPHABET.indexOf(c));
  const bad = values.findIndex((v) => v < 0);
  if (bad >= 0) return fail({ kind: 'character', character: code[bad], position: bad + 1 });
  if (checkValue(values.slice(0, -1)) !== values[BALLOT_LENGTH - 1]) return fail({ kind: 'typo' });
  const bits = values.slice(0, -1).reduce((sum, v) => sum * 32 + v, 0);
  const signature = bits % 2 ** SIGNATURE_BITS;
  const masked = Math.floor(bits / 2 ** SIGNATURE_BITS);
  if (keys.length === 0) return fail({ kind: 'signature' });
  const payload = masked ^ (hash(keys[0].mask, signature) & ((1 << PAYLOAD_BITS) - 1));
  const ballot = { player: payload >> 6, round: (payload >> 3) & 7, level: payload & 7 };
  const key = keys[ballot.player];
  if (!key || ballot.round < 1 || ballot.level > maxLevel || (hash(key.player, payload) & ((1 << SIGNATURE_BITS) - 1)) !== signature) return fail({ kind: 'signature' });
  return { ok: true, ballot, code };
}
