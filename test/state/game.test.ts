import { describe, expect, it } from 'vitest';
import { encodeBallot } from '../../src/model/ballot';
import { defaultDamageScale, gameDataset, gameModel } from '../../src/model/game';
import {
  addPayment, castBallot, checkBallot, closeRound, newSession, parsePlayerFragment, parseSession, playerFragment, resultsCsv, resultsJson, roundResult, sessionKeys, setFundRule, setPledge,
  type GameSession,
} from '../../src/state/game';
import { defaultDataset } from '../fixtures';

const dataset = gameDataset(defaultDataset(), defaultDamageScale(defaultDataset()));
const model = gameModel(dataset, 'provinces');
const code = (s: GameSession, player: number, level: number) => encodeBallot(sessionKeys(s, 3)[player], { player, round: s.round, level });

/** Casts every player's ballot (as the teacher would, typing codes) and closes the round. */
function play(s: GameSession, levels: number[]): GameSession {
  levels.forEach((level, player) => {
    const entry = checkBallot(s, 3, code(s, player, level));
    if (entry.kind !== 'accepted') throw new Error(entry.kind);
    s = castBallot(s, entry.ballot, entry.code);
  });
  return closeRound(s);
}

describe('game session', () => {
  it('plays four rounds: ballots, pledges against actions, side payments, the fund', () => {
    let s = newSession(model, 18, 12345);
    s = play(s, [1, 1, 3]);
    const r1 = roundResult(model, s, 1)!;
    expect(r1.priceOfAnarchy / 1e9).toBeCloseTo(3.96, 2);
    s = setPledge(setPledge(setPledge(s, 0, 2), 1, 3), 2, 3);
    s = play(s, [2, 1, 3]);
    expect(roundResult(model, s, 2)!.defection).toEqual([0, -2, 0]);
    s = addPayment(s, { from: 'beijing', to: 'tianjin', amount: 2e9 });
    s = play(s, [2, 3, 3]);
    const r3 = roundResult(model, s, 3)!;
    expect(r3.priceOfAnarchy).toBeCloseTo(0, 3);
    expect(r3.score.players.map((p) => p.transfer)).toEqual([-2e9, 2e9, 0]);
    s = setFundRule(s, 'population');
    s = play(s, [2, 3, 3]);
    const r4 = roundResult(model, s, 4)!;
    expect(r4.score.players.reduce((sum, p) => sum + p.transfer, 0)).toBeCloseTo(0, 0);
    expect(s.rounds.every((r) => r.closed)).toBe(true);
    // The stored text comes back as the same session; anything else is refused.
    expect(parseSession(JSON.stringify(s), () => 3)).toEqual(s);
    expect(parseSession(JSON.stringify({ ...s, round: 9 }), () => 3)).toBeNull();
    expect(parseSession('{"version":1}', () => 3)).toBeNull();
    expect(parseSession('not json', () => 3)).toBeNull();
    expect(parseSession(JSON.stringify(s), () => 13)).toBeNull();
    const csv = resultsCsv(model, s);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 4 * 3);
    expect(JSON.parse(resultsJson(model, s)).results).toHaveLength(4);
  });

  it('refuses a mistyped code, a code for another round, and asks before replacing a ballot', () => {
    let s = newSession(model, 18, 99);
    const good = code(s, 1, 2);
    const typo = good.slice(0, 2) + (good[2] === 'A' ? 'B' : 'A') + good.slice(3);
    expect(checkBallot(s, 3, typo)).toMatchObject({ kind: 'refused', problem: { kind: 'typo' } });
    const round2 = encodeBallot(sessionKeys(s, 3)[1], { player: 1, round: 2, level: 2 });
    expect(checkBallot(s, 3, round2)).toMatchObject({ kind: 'refused', problem: { kind: 'round', round: 2 }, message: /for round 2; the game is in round 1/ });
    const first = checkBallot(s, 3, good);
    if (first.kind !== 'accepted') throw new Error(first.kind);
    s = castBallot(s, first.ballot, first.code);
    expect(checkBallot(s, 3, good)).toMatchObject({ kind: 'same' });
    expect(checkBallot(s, 3, code(s, 1, 4))).toMatchObject({ kind: 'replace', previous: 2, ballot: { level: 4 } });
    expect(checkBallot(newSession(model, 18, 100), 3, good)).toMatchObject({ kind: 'refused', problem: { kind: 'signature' } });
  });

  it('writes formula-safe CSV even when a name starts like a formula', () => {
    const hostile = { ...dataset, provinces: dataset.provinces.map((p, i) => (i === 0 ? { ...p, name: { en: '=HYPERLINK("x")', zh: '@SUM(1)' } } : p)) };
    const m = gameModel(hostile, 'provinces');
    let s = newSession(m, 18, 1);
    s = play(s, [0, 0, 0]);
    const cells = resultsCsv(m, s).replace(/^\uFEFF/, '').split('\r\n').flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]|^-(?!\d)/);
  });

  it('carries a player\'s role and keys in its link fragment, never the seed', () => {
    const s = newSession(model, 18, 4242);
    const keys = sessionKeys(s, 3)[2];
    const fragment = playerFragment({ data: 'bth-ozone', mode: 'provinces', player: 2, round: 3, damage: 0.3, keys });
    expect(fragment).not.toContain('4242');
    expect(parsePlayerFragment(`#${fragment}`)).toEqual({ data: 'bth-ozone', mode: 'provinces', player: 2, round: 3, damage: 0.3, keys });
    expect(parsePlayerFragment('#play=x~moon~1~1~1~a~b')).toBeNull();
  });
});
