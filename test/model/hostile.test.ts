/** Hostile input, one root cause at a time: limits, the clean copy, the loader, degenerate LPs, LP names and text, local plans together. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { LIMITS, MAX_DATASET_BYTES } from '../../src/model/limits';
import { decodeDatasetBytes } from '../../src/model/load';
import { exportLp, QueryError, solvePlan, type GLPK } from '../../src/model/lp';
import { parseDecimal } from '../../src/model/numbers';
import { costGame } from '../../src/model/sharing';
import { sweep } from '../../src/model/sweep';
import type { Dataset } from '../../src/model/types';
import { MAX_PROBLEMS, parseDataset, validateDataset } from '../../src/model/validate';
import { calibratedDataset, defaultDataset, tinyDataset } from '../fixtures';

let glpk: GLPK;
/** A glpk whose solve fails the test: for answers that must come without the solver. */
let noSolver: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
  noSolver = Object.create(glpk, { solve: { value: () => { throw new Error('GLPK was called'); } } });
});

function problems(change: (d: any) => void, base: () => Dataset = tinyDataset) {
  const d: any = base();
  change(d);
  const result = validateDataset(d);
  return result.ok ? [] : result.problems;
}
const valid = (d: unknown) => {
  const result = validateDataset(d);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
};

describe('LIMITS: every accepted dataset solves to finite numbers', () => {
  const cases: [string, (d: any) => void, string, RegExp][] = [
    ['a cost near 1e308', (d) => (d.sources[0].steps[1].cost = 1e308), 'sources[0].steps[1].cost', /<= 1000000000 yuan\/t, got 1e\+308/],
    ['emissions above 1e9 t', (d) => (d.sources[0].emissions = 2e9), 'sources[0].emissions', /<= 1000000000 t\/yr/],
    ['a vanishing cost', (d) => (d.sources[0].steps[0].cost = 1e-6), 'sources[0].steps[0].cost', /must be 0 or at least 0.01 yuan\/t/],
    ['a coefficient above 1', (d) => (d.coefficients[0][0][0] = 5), 'coefficients[0][0][0]', /<= 1, got 5/],
    ['a coefficient below -1', (d) => (d.coefficients[0][0][0] = -5), 'coefficients[0][0][0]', />= -1, got -5/],
    ['a vanishing coefficient', (d) => (d.coefficients[0][0][0] = 1e-300), 'coefficients[0][0][0]', /must be 0 or at least 1e-9/],
    ['a baseline above 1000', (d) => (d.receptors[0].baseline = 5000), 'receptors[0].baseline', /<= 1000 μg\/m³/],
    ['a vanishing ppb factor', (d) => { d.units.ugPerPpb = 1e-300; delete d.units.referenceTemperatureK; }, 'units.ugPerPpb', />= 1, got 1e-300/],
    ['a long name', (d) => (d.jurisdictions[0].name.en = 'x'.repeat(201)), 'jurisdictions[0].name.en', /at most 200 characters, got 201/],
    ['a long text', (d) => (d.meta.provenance = 'x'.repeat(5001)), 'meta.provenance', /at most 5000 characters/],
    ['too many steps on a source', (d) => (d.sources[0].steps = Array.from({ length: 21 }, () => ({ share: 0.01, cost: 1 }))), 'sources[0].steps', /at most 20 item\(s\), got 21/],
    ['too many jurisdictions', (d) => (d.jurisdictions = Array.from({ length: 65 }, (_, i) => ({ ...d.jurisdictions[0], id: `j${i}` }))), 'jurisdictions', /at most 64 item\(s\), got 65/],
    ['too many receptors', (d) => (d.receptors = Array.from({ length: 65 }, (_, i) => ({ ...d.receptors[0], id: `r${i}` }))), 'receptors', /at most 64/],
    ['a nominal of 0 for a multiplier', (d) => Object.assign(d.uncertainty[0], { low: 0, nominal: 0 }), 'uncertainty[0].nominal', /must be above 0 for a coefficient input/],
    ['another unit', (d) => (d.units.emissions = 'kg/yr'), 'units.emissions', /must be "t\/yr"/],
    ['a reference key that is not an id', (d) => (d.meta.references['bad key\n'] = { kind: 'assumed', text: 'x' }), 'meta.references.bad key\n', /must be keyed by an id/],
  ];
  it.each(cases)('rejects %s, naming the limit', (_, change, path, message) => {
    const found = problems(change);
    const hit = found.find((p) => p.path === path);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('states the limits once', () => {
    expect(LIMITS).toMatchObject({ cost: 1e9, emissions: 1e9, coefficient: 1, ozone: 1000, nameChars: 200, textChars: 5000, jurisdictions: 64, sources: 5000, stepsPerSource: 20, steps: 20_000, receptors: 64, uncertainInputs: 100 });
    expect(MAX_DATASET_BYTES).toBe(LIMITS.datasetBytes);
  });

  it('counts control steps over all sources', () => {
    const found = problems((d) => (d.sources = Array.from({ length: 1001 }, (_, i) => ({ ...d.sources[0], id: `s${i}`, steps: Array.from({ length: 20 }, () => ({ share: 0.01, cost: 1 })) }))));
    expect(found).toContainEqual({ path: 'sources', message: 'must have at most 20000 control steps in all, got 20020' });
  });

  it('solves the most extreme accepted dataset to finite numbers', () => {
    const d: any = tinyDataset();
    for (const s of d.sources) {
      s.emissions = LIMITS.emissions;
      s.steps = [{ share: 0.5, cost: LIMITS.cost }, { share: 0.5, cost: LIMITS.cost }];
    }
    d.coefficients = d.coefficients.map((row: number[][]) => row.map(() => [LIMITS.minCoefficient]));
    d.receptors.forEach((r: any) => Object.assign(r, { baseline: LIMITS.ozone, background: 0 }));
    const dataset = valid(d);
    // Every step removes 1e-9 × 5e8 = 0.5 μg/m³ at 1e9 yuan/t (1e18 yuan per μg/m³): 5 μg/m³ in all.
    const plan = solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'riverton', target: 996 }] });
    expect(plan.feasible).toBe(true);
    expect(plan.totalCost! / 4e18).toBeCloseTo(1, 9);
    expect(plan.ozone.riverton).toBeLessThanOrEqual(996 + 1e-3);
    expect(Number.isFinite(plan.marginalCost.riverton)).toBe(true);
    expect(solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'riverton', target: 994 }] }).feasible).toBe(false);
  });

  it('validates meta.calibration, which the methods page reads', () => {
    const found = problems((d) => (d.meta.calibration = { receptor: 'paris', target: -1, published: { local: 'a lot' }, parameters: { k: 'x', 'bad key': 1 }, ref: 'nowhere' }));
    expect(found.map((p) => p.path)).toEqual([
      'meta.calibration.receptor', 'meta.calibration.target', 'meta.calibration.published.local', 'meta.calibration.published.regional',
      'meta.calibration.parameters.k', 'meta.calibration.parameters.bad key', 'meta.calibration.ref',
    ]);
    expect(validateDataset(calibratedDataset()).ok).toBe(true);
  });

  it('lists at most MAX_PROBLEMS problems and says how many more there are', () => {
    const found = problems((d) => (d.sources = Array.from({ length: 3000 }, (_, i) => ({ ...d.sources[0], id: `s${i}`, emissions: -1 }))));
    expect(found).toHaveLength(MAX_PROBLEMS + 1);
    expect(found.at(-1)).toEqual({ path: '(file)', message: `has 2000 more problem(s) not listed (at most ${MAX_PROBLEMS} are)` });
  });
});

describe('validation returns a clean copy: only the schema, never unknown keys', () => {
  it('drops unknown keys at every level, however deep', () => {
    const d: any = tinyDataset();
    let deep: any = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    d.extra = deep;
    d.meta.extra = [1, 2, 3];
    d.sources[0].extra = { script: '<script>' };
    d.sources[0].steps[0].extra = 1;
    d.coefficients[0][0].extra = 'on an array';
    d.meta.references['made-up'].extra = true;
    const dataset = valid(d) as any;
    expect(dataset.extra).toBeUndefined();
    expect(dataset.meta.extra).toBeUndefined();
    expect(dataset.sources[0].extra).toBeUndefined();
    expect(dataset.sources[0].steps[0]).toEqual({ share: 0.3, cost: 4000 });
    expect(dataset.coefficients[0][0].extra).toBeUndefined();
    expect(dataset.meta.references['made-up']).toEqual({ kind: 'assumed', text: 'Invented for the test.' });
    // What is posted to a worker is exactly the schema: structuredClone would overflow on `deep`.
    expect(() => structuredClone(dataset)).not.toThrow();
    expect(dataset).not.toBe(d);
  });

  it('keeps every field of the bundled datasets and the fixture (the shape is in step with types.ts)', () => {
    for (const d of [defaultDataset(), calibratedDataset(), tinyDataset()]) expect(valid(structuredClone(d))).toEqual(d);
  });
});

describe('one loader: bytes and text agree', () => {
  const text = JSON.stringify(tinyDataset());
  const encode = (s: string) => new TextEncoder().encode(s);

  it('accepts a UTF-8 byte-order mark, in bytes and in text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
    expect(decodeDatasetBytes(bytes)).toMatchObject({ ok: true });
    expect(parseDataset(`\uFEFF${text}`)).toMatchObject({ ok: true });
    expect(decodeDatasetBytes(bytes)).toEqual(parseDataset(text));
  });

  it('rejects invalid UTF-8 instead of reading replacement characters', () => {
    const bytes = encode(text);
    const broken = new Uint8Array([...bytes.slice(0, 100), 0xff, 0xfe, ...bytes.slice(100)]);
    const result = decodeDatasetBytes(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: '(file)', message: 'is not valid UTF-8 text (save it as UTF-8 JSON)' }]);
  });

  it('refuses oversize bytes before decoding them', () => {
    // Invalid UTF-8 throughout: a size problem (not an encoding one) shows nothing was decoded.
    const result = decodeDatasetBytes(new Uint8Array(MAX_DATASET_BYTES + 1).fill(0xff));
    expect(result).toEqual({ ok: false, problems: [{ path: '(file)', message: 'is 5.0 MB, above the 5 MB limit' }] });
  });
});

describe('degenerate problems are answered without GLPK', () => {
  it('a receptor whose own sources emit nothing: infeasible, with the reason', () => {
    const d: any = tinyDataset();
    for (const s of d.sources) if (s.jurisdiction === 'lakeside') s.emissions = 0;
    const dataset = valid(d);
    const plan = solvePlan(noSolver, dataset, { scenario: 'local', targets: [{ receptor: 'lakeside', target: 150 }] });
    expect(plan).toMatchObject({ feasible: false, totalCost: null });
    expect(plan.infeasibility[0]).toMatchObject({ receptor: 'lakeside', bestReachable: 165 });
    expect(plan.infeasibility[0].reason).toMatch(/Lakeside's own sources have no control step that lowers ozone in Lakeside/);
    // The same with glpk: no abort, the same answer.
    expect(solvePlan(glpk, dataset, { scenario: 'local', targets: [{ receptor: 'lakeside', target: 150 }] })).toEqual(plan);
  });

  it('a receptor no cut affects: infeasible below its baseline, free at or above it', () => {
    const d: any = tinyDataset();
    d.coefficients[1] = d.coefficients[1].map((cell: number[]) => cell.map(() => 0));
    const dataset = valid(d);
    for (const scenario of ['local', 'regional'] as const) {
      expect(solvePlan(noSolver, dataset, { scenario, targets: [{ receptor: 'lakeside', target: 150 }] }).feasible).toBe(false);
      expect(solvePlan(noSolver, dataset, { scenario, targets: [{ receptor: 'lakeside', target: 170 }] })).toMatchObject({ feasible: true, totalCost: 0, marginalCost: {} });
    }
    // With another receptor that needs cuts, GLPK sees only the rows that have columns.
    const both = solvePlan(glpk, dataset, { scenario: 'regional', targets: [{ receptor: 'riverton', target: 160 }, { receptor: 'lakeside', target: 170 }] });
    expect(both.feasible).toBe(true);
    expect(both.ozone.riverton).toBeLessThanOrEqual(160 + 1e-6);
    expect(sweep(glpk, dataset, { receptors: ['lakeside'], from: 170, to: 160, step: 5 }).map((r) => r.regional)).toEqual([0, 0, null]);
  });

  it('exports a row no step affects as an exact LP (a placeholder column fixed at 0)', () => {
    const d: any = tinyDataset();
    for (const s of d.sources) s.emissions = 0;
    const text = exportLp(valid(d), { scenario: 'local', targets: [{ receptor: 'lakeside', target: 150 }] });
    expect(text).toMatch(/Minimize\n cost_yuan:\n {3}0 no_step\nSubject To\n ozone_1_lakeside:\n {3}0 no_step\n {3}>= 15\nBounds\n no_step = 0\nEnd/);
  });

  it('the cost game with a receptor no coalition can move does not crash', () => {
    const d: any = tinyDataset();
    d.coefficients[1] = d.coefficients[1].map((cell: number[]) => cell.map(() => 0));
    const dataset = valid(d);
    expect(() => costGame(glpk, dataset, { targets: [{ receptor: 'riverton', target: 160 }, { receptor: 'lakeside', target: 165 }] })).not.toThrow();
  });

  it('refuses targets above the ozone limit as a query error', () => {
    expect(() => solvePlan(glpk, tinyDataset(), { scenario: 'regional', targets: [{ receptor: 'lakeside', target: 1e308 }] })).toThrow(QueryError);
  });
});

describe('LP names and text', () => {
  /** Receptors (and jurisdictions) 'a-b' and 'a_b': distinct ids, the same LP-safe name. */
  function colliding(): Dataset {
    const d: any = tinyDataset();
    const rename: Record<string, string> = { riverton: 'a-b', lakeside: 'a_b' };
    for (const j of d.jurisdictions) j.id = rename[j.id] ?? j.id;
    for (const s of d.sources) s.jurisdiction = rename[s.jurisdiction] ?? s.jurisdiction;
    for (const r of d.receptors) r.id = r.jurisdiction = rename[r.id];
    d.defaults.receptors = ['a_b'];
    d.meta.publishedResult.receptor = 'a_b';
    return valid(d);
  }

  it('makes row and column names unique by construction', () => {
    const dataset = colliding();
    const targets = [{ receptor: 'a-b', target: 150 }, { receptor: 'a_b', target: 150 }];
    const text = exportLp(dataset, { scenario: 'regional', targets });
    const rows = text.split('\n').filter((l) => /^ ozone_/.test(l));
    expect(rows).toEqual([' ozone_0_a_b:', ' ozone_1_a_b:']);
    const columns = text.split('\n').filter((l) => /^ 0 <= /.test(l)).map((l) => l.split(' ')[3]);
    expect(new Set(columns).size).toBe(columns.length);
    // Each receptor gets its own dual (before, both rows shared one name and one dual).
    const plan = solvePlan(glpk, dataset, { scenario: 'regional', targets });
    const separate = targets.map((t) => solvePlan(glpk, dataset, { scenario: 'regional', targets: [t] }));
    expect(plan.feasible).toBe(true);
    expect(Object.keys(plan.marginalCost).sort()).toEqual(['a-b', 'a_b']);
    expect(plan.marginalCost['a-b']).not.toBe(plan.marginalCost['a_b']);
    expect(separate.every((p) => p.feasible)).toBe(true);
  });

  it('refuses control characters and unpaired surrogates in every dataset text, by path', () => {
    const cases: [(d: any) => void, string, RegExp][] = [
      [(d) => (d.meta.version = '1\nSubject To'), 'meta.version', /control character \(U\+000A at position 2\)/],
      [(d) => (d.jurisdictions[0].name.en = 'River\u001b[31mton'), 'jurisdictions[0].name.en', /control character \(U\+001B/],
      [(d) => (d.jurisdictions[0].name.zh = '河\u0085'), 'jurisdictions[0].name.zh', /control character \(U\+0085/],
      [(d) => (d.meta.title.en = 'Tiny \ud800 valley'), 'meta.title.en', /unpaired UTF-16 surrogate \(at position 6\)/],
      [(d) => (d.meta.title.en = 'Tab\tseparated'), 'meta.title.en', /control character \(U\+0009/],
    ];
    for (const [change, path, message] of cases) {
      const found = problems(change);
      expect(found.map((p) => p.path)).toContain(path);
      expect(found.find((p) => p.path === path)!.message).toMatch(message);
    }
    // A paired surrogate (an emoji) and ordinary Chinese are text, not controls.
    expect(problems((d) => (d.meta.title.en = 'Tiny valley 🌫 河谷'))).toEqual([]);
  });

  it('cannot inject lines through dataset text, even when a dataset skips validation', () => {
    const d: any = valid(tinyDataset());
    d.meta.version = '1\nSubject To\n evil: x0_riverton_factories_1 >= 1e9\n\\';
    const text = exportLp(d, { scenario: 'regional', targets: [{ receptor: 'lakeside', target: 150 }] });
    expect(text.split('\n').filter((l) => l.includes('evil'))).toEqual([
      '\\ Dataset tiny-valley v1?Subject To? evil: x0_riverton_factories_1 >= 1e9?\\. Objective in yuan/yr; columns in t/yr cut;',
    ]);
    expect(text.match(/^Subject To$/gm)).toHaveLength(1);
  });
});

describe('local control with several receptors reports the places\' plans together', () => {
  /** Lakeside's cuts raise ozone at Riverton (titration): each plan alone meets its target, together they do not. */
  function titrating(): Dataset {
    const d: any = tinyDataset();
    d.coefficients[0][2] = [-0.003];
    return valid(d);
  }

  it('is infeasible when another place\'s cuts push a target back above it, saying so', () => {
    const dataset = titrating();
    const targets = [{ receptor: 'riverton', target: 160 }, { receptor: 'lakeside', target: 150 }];
    const alone = targets.map((t) => solvePlan(glpk, dataset, { scenario: 'local', targets: [t] }));
    expect(alone.every((p) => p.feasible)).toBe(true);
    const plan = solvePlan(glpk, dataset, { scenario: 'local', targets });
    expect(plan).toMatchObject({ feasible: false, totalCost: null });
    expect(plan.infeasibility).toHaveLength(1);
    const [why] = plan.infeasibility;
    expect(why).toMatchObject({ receptor: 'riverton', target: 160 });
    expect(why.bestReachable).toBeLessThanOrEqual(160);
    expect(why.ozoneTogether).toBeGreaterThan(160);
    expect(why.reason).toMatch(/Riverton's own plan meets 160 μg\/m³ alone, but with every place's own plan carried out its ozone is \d+\.\d μg\/m³: other places' cuts raise it/);
    // Regional control plans with every effect, so it meets both.
    const regional = solvePlan(glpk, dataset, { scenario: 'regional', targets });
    expect(regional.feasible).toBe(true);
    for (const t of targets) expect(regional.ozone[t.receptor]).toBeLessThanOrEqual(t.target + 1e-6);
  });

  it('still adds up the places\' plans when they do not interfere', () => {
    const dataset = valid(tinyDataset());
    const targets = [{ receptor: 'riverton', target: 160 }, { receptor: 'lakeside', target: 150 }];
    const plan = solvePlan(glpk, dataset, { scenario: 'local', targets });
    const alone = targets.map((t) => solvePlan(glpk, dataset, { scenario: 'local', targets: [t] }).totalCost!);
    expect(plan.feasible).toBe(true);
    expect(plan.totalCost).toBeCloseTo(alone[0] + alone[1], 3);
  });
});

describe('parseDecimal: the one number rule for people', () => {
  it.each([['196.7', 196.7], ['-5', -5], ['0', 0], ['007', 7], ['0.25', 0.25]])('reads %s', (raw, value) => expect(parseDecimal(raw)).toBe(value));
  it.each(['0x10', '0b1', '0o7', '1e3', '1E3', '+5', ' 5', '5 ', '', '.5', '5.', 'Infinity', 'NaN', '1_000', '1,5', '٣', '9'.repeat(41)])('rejects %j', (raw) =>
    expect(parseDecimal(raw)).toBeNull());
});
