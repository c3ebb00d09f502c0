import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import { sweep } from '../../src/model/sweep';
import { costGame, players } from '../../src/model/sharing';
import { RULES, sharingReport } from '../../src/model/sharing-rules';
import { nucleolus } from '../../src/model/nucleolus';
import { monteCarlo, tornado } from '../../src/model/uncertainty';
import { validateDataset } from '../../src/model/validate';
import { defaultState, viewContext } from '../../src/state/state';
import { TINY_PATH, tinyDataset } from '../fixtures';
import { fileURLToPath } from 'node:url';

// Nothing outside the dataset may assume Beijing, 13 places, three provinces, NOx and VOC or a
// 150-230 μg/m³ slider: a small foreign dataset goes through every part of the model.
const dataset = tinyDataset();
let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

describe('a small foreign dataset (3 places, 2 provinces, 1 pollutant)', () => {
  it('validates and gives the view its own defaults and range', () => {
    expect(validateDataset(dataset)).toMatchObject({ ok: true, warnings: [] });
    const ctx = viewContext(dataset);
    expect(ctx).toMatchObject({ receptors: ['riverton', 'lakeside'], defaults: { data: 'tiny-valley', target: 155, receptors: ['lakeside'] }, range: { min: 120, max: 180 } });
    expect(ctx.inputs.map((i) => i.id)).toEqual(['scale']);
    expect(defaultState(ctx)).toMatchObject({ target: 155, receptors: ['lakeside'] });
  });

  it('solves, sweeps and tallies by its own pollutant, provinces and places', () => {
    const targets = [{ receptor: 'lakeside', target: 155 }];
    const regional = solvePlan(glpk, dataset, { scenario: 'regional', targets });
    const local = solvePlan(glpk, dataset, { scenario: 'local', targets });
    expect(regional.feasible && local.feasible).toBe(true);
    expect(regional.totalCost!).toBeLessThanOrEqual(local.totalCost!);
    expect(Object.keys(regional.byPollutant)).toEqual(['NMVOC']);
    expect(Object.keys(regional.byProvince)).toEqual(['north', 'south']);
    const rows = sweep(glpk, dataset, { receptors: ['lakeside'], from: 170, to: 140, step: 5 });
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.regional === null || Number.isFinite(r.regional))).toBe(true);
  });

  it('shares the bill among its 2 provinces and 3 places under every rule', () => {
    for (const mode of ['provinces', 'cities'] as const) {
      const game = costGame(glpk, dataset, { targets: [{ receptor: 'lakeside', target: 155 }], players: mode });
      expect(game.players).toHaveLength(mode === 'provinces' ? 2 : 3);
      expect(players(dataset, mode).map((p) => p.id)).toEqual(mode === 'provinces' ? ['north', 'south'] : ['riverton', 'hillcrest', 'lakeside']);
      const nu = nucleolus(glpk, game);
      for (const rule of RULES) {
        if (rule === 'chander-tulkens') {
          expect(() => sharingReport(game, rule, { nucleolus: nu })).toThrow(/no damage price for lakeside/); // it prices no damage
          continue;
        }
        const report = sharingReport(game, rule, { nucleolus: nu });
        expect(report.players.reduce((s, p) => s + p.payment, 0)).toBeCloseTo(0, 3);
      }
    }
  });

  it('runs the Monte Carlo and the tornado over its own inputs', () => {
    const report = monteCarlo(glpk, dataset, { targets: [{ receptor: 'lakeside', target: 155 }], draws: 200, seed: 3 });
    expect(report.regional?.n).toBe(200);
    expect(Object.keys(report.cutShares).sort()).toEqual(['hillcrest', 'lakeside', 'riverton']);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
    const rows = tornado(glpk, dataset, { targets: [{ receptor: 'lakeside', target: 155 }] }).rows;
    expect(rows.map((r) => r.input).sort()).toEqual(['costs', 'scale']);
  });

  it('prints its own pollutant in the CLI table', async () => {
    const out: string[] = [];
    const code = await runCli(['solve', '--target', '155', '--scenario', 'regional', '--receptors', 'lakeside', '--data', fileURLToPath(TINY_PATH)], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Jurisdiction\s+cost\s+NMVOC cut/);
    expect(out.join('\n')).not.toMatch(/\bNOx\b|\bVOC\b/);
  });
});
