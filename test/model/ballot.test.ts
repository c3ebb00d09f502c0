import { describe, expect, it } from 'vitest';
import { BALLOT_ALPHABET, BALLOT_LENGTH, ballotKeys, decodeBallot, encodeBallot } from '../../src/model/ballot';

const SEED = 20261206;
const cityKeys = Array.from({ length: 13 }, (_, i) => ballotKeys(SEED, 'cities', i));
const provinceKeys = Array.from({ length: 3 }, (_, i) => ballotKeys(SEED, 'provinces', i));

describe('ballot codes', () => {
  it('round-trip every player, round and level, in 7 characters of the alphabet', () => {
    const seen = new Set<string>();
    for (const [keys, n] of [[cityKeys, 13], [provinceKeys, 3]] as const)
      for (let player = 0; player < n; player++)
        for (let round = 1; round <= 7; round++)
          for (let level = 0; level <= 4; level++) {
            const code = encodeBallot(keys[player], { player, round, level });
            expect(code).toMatch(new RegExp(`^[${BALLOT_ALPHABET}]{${BALLOT_LENGTH}}$`));
            expect(code).not.toMatch(/[01IO]/);
            seen.add(code);
            expect(decodeBallot(code, keys, 4)).toEqual({ ok: true, code, ballot: { player, round, level } });
          }
    expect(seen.size).toBe((13 + 3) * 7 * 5);
  });

  it('reads a code in lower case, with spaces or a dash', () => {
    const code = encodeBallot(cityKeys[4], { player: 4, round: 2, level: 3 });
    const spaced = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `;
    expect(decodeBallot(spaced, cityKeys, 4)).toMatchObject({ ok: true, ballot: { player: 4, round: 2, level: 3 } });
  });

  it('catches every single mistyped character as a typo', () => {
    let typos = 0;
    for (let player = 0; player < 13; player++)
      for (let level = 0; level <= 4; level++) {
        const code = encodeBallot(cityKeys[player], { player, round: 3, level });
        for (let p = 0; p < BALLOT_LENGTH; p++)
          for (const c of BALLOT_ALPHABET) {
            if (c === code[p]) continue;
            const typo = code.slice(0, p) + c + code.slice(p + 1);
            const read = decodeBallot(typo, cityKeys, 4);
            expect(read).toMatchObject({ ok: false, problem: { kind: 'typo' } });
            typos++;
          }
      }
    expect(typos).toBe(13 * 5 * BALLOT_LENGTH * 31);
  });

  it('refuses swapped neighbours, a wrong length and characters outside the alphabet, saying which', () => {
    for (let player = 0; player < 13; player++) {
      const code = encodeBallot(cityKeys[player], { player, round: 1, level: 2 });
      for (let p = 0; p < BALLOT_LENGTH - 1; p++) {
        if (code[p] === code[p + 1]) continue;
        const swapped = code.slice(0, p) + code[p + 1] + code[p] + code.slice(p + 2);
        expect(decodeBallot(swapped, cityKeys, 4).ok).toBe(false);
      }
    }
    const code = encodeBallot(cityKeys[0], { player: 0, round: 1, level: 2 });
    expect(decodeBallot(code.slice(1), cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'length', length: 6 }, message: expect.stringMatching(/7 characters; this one has 6/) });
    expect(decodeBallot(`O${code.slice(1)}`, cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'character', character: 'O', position: 1 }, message: expect.stringMatching(/without I and O/) });
    expect(decodeBallot(`${code.slice(0, 6)}1`, cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'character', character: '1', position: 7 } });
  });

  it('refuses a code from another game, another mode, or signed with another player\'s key', () => {
    const other = Array.from({ length: 13 }, (_, i) => ballotKeys(SEED + 1, 'cities', i));
    let refused = 0;
    for (let player = 0; player < 13; player++)
      for (let level = 0; level <= 4; level++) {
        const fromOther = encodeBallot(other[player], { player, round: 1, level });
        expect(decodeBallot(fromOther, cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'signature' }, message: expect.stringMatching(/not made for this game/) });
        // Player 0 knows only its own key: it cannot sign a ballot for anyone else.
        if (player > 0) expect(decodeBallot(encodeBallot(cityKeys[0], { player, round: 1, level }), cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'signature' } });
        refused++;
      }
    expect(refused).toBe(65);
    const province = encodeBallot(provinceKeys[1], { player: 1, round: 1, level: 2 });
    expect(decodeBallot(province, cityKeys, 4).ok).toBe(false);
    // A level beyond the game's is refused even when signed.
    expect(decodeBallot(encodeBallot(cityKeys[2], { player: 2, round: 1, level: 6 }), cityKeys, 4)).toMatchObject({ ok: false, problem: { kind: 'signature' } });
  });
});
