import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import type { GLPK } from '../../src/model/lp';
import { createSolver } from '../../src/worker/solver';
import { CALIBRATED_PATH, DATA_PATH, TINY_PATH } from '../fixtures';

const bytes = (url: URL) => new Uint8Array(readFileSync(url));
const beijing = (target: number) => [{ receptor: 'beijing', target }];
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});
/** Slices after every step, so cancellation points are exercised. */
const solver = () => createSolver(glpk, { sliceMs: -1 });

describe('the solver core (what the worker exposes)', () => {
  it('loads a dataset file once: decoded, validated, trial-solved and returned clean', async () => {
    const s = solver();
    expect(await s.ping()).toBe(true);
    const loaded = await s.init(bytes(DATA_PATH));
    expect(loaded.ok && loaded.dataset.meta.id).toBe('bth-ozone');
    const pair = await s.plan(beijing(205));
    expect(pair.regional.feasible).toBe(true);
  });

  it('keeps the previous dataset working when a new one is rejected', async () => {
    const s = solver();
    await s.init(bytes(DATA_PATH));
    const before = (await s.plan(beijing(205))).regional.totalCost;
    const broken = await s.init(new TextEncoder().encode('{"format": "airshed-dataset"'));
    expect(broken).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
    const invalidUtf8 = await s.init(Uint8Array.of(0x7b, 0xff, 0x7d));
    expect(invalidUtf8.ok).toBe(false);
    expect((await s.plan(beijing(205))).regional.totalCost).toBe(before);
  });

  it('answers a query error as a message, not a throw', async () => {
    const s = solver();
    await s.init(bytes(TINY_PATH));
    expect(await s.tornado({ targets: beijing(150) })).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown receptor "beijing"/) });
    expect(await s.adjust({ nope: 1 })).toMatchObject({ ok: false });
  });

  it('stops an older sweep when a newer one starts (it resolves null)', async () => {
    const s = solver();
    await s.init(bytes(CALIBRATED_PATH));
    const older = s.sweep(['beijing'], [218, 210, 200, 190, 180]);
    const newer = s.sweep(['beijing'], [200]);
    expect(await older).toBeNull();
    expect((await newer)?.map((r) => r.target)).toEqual([200]);
  });

  it('caches the game per targets and players, and forgets it when the numbers change', async () => {
    const s = solver();
    await s.init(bytes(CALIBRATED_PATH));
    const request = { targets: beijing(196.7), players: 'provinces' as const, rule: 'shapley' as const, fund: { emissions: 1 } };
    let calls = 0;
    const first = await s.share(request, () => calls++);
    expect(first).toMatchObject({ ok: true });
    const callsFirst = calls;
    const again = await s.share({ ...request, rule: 'gdp' }, () => calls++);
    expect(again?.ok && again.report.rule).toBe('gdp');
    expect(calls).toBe(callsFirst); // the cached game: no coalition solved again
    expect((await s.adjust({}))).toEqual({ ok: true });
    await s.share(request, () => calls++);
    expect(calls).toBeGreaterThan(callsFirst);
  });

  it('cancels a Monte Carlo run, and runs it from the loaded dataset with the adjustments held', async () => {
    const s = solver();
    await s.init(bytes(DATA_PATH));
    const running = s.uncertainty({ targets: beijing(205), draws: 400, seed: 2 });
    await s.cancel('uncertainty');
    expect(await running).toBeNull();
    expect(await s.adjust({ costs: 2 })).toEqual({ ok: true });
    const result = await s.uncertainty({ targets: beijing(205), draws: 50, seed: 2 });
    expect(result?.ok && result.report.inputs).not.toContain('costs');
  });
});
