import { mulberry32 } from '../../src/model/uncertainty';
/**
 * Hostile datasets: a seeded generator mutates the bundled datasets and the tiny fixture
 * (deleted and swapped fields, wrong types, NaN as null, huge and tiny numbers, long strings,
 * deep nesting, duplicate and colliding ids, zero and negative effects, zero caps and emissions)
 * and runs each through validate -> solve -> share -> CSV and LP export. Each dataset must be
 * rejected with problems, or give finite, self-consistent results; nothing may throw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile';
import { loadGlpk } from '../../src/model/glpk';
import { LIMITS } from '../../src/model/limits';
import { decodeDatasetBytes } from '../../src/model/load';
import { exportLp, QueryError, solvePlan, targetSlack, type GLPK } from '../../src/model/lp';
import { costGame, costTolerance } from '../../src/model/sharing';
import { sharingReport } from '../../src/model/sharing-rules';
import { nucleolus } from '../../src/model/nucleolus';
import { createSweeper } from '../../src/model/sweep';
import type { Dataset, PlanResult, ReceptorTarget } from '../../src/model/types';
import { parseDataset, validateDataset } from '../../src/model/validate';
import { planCsv, sweepCsv } from '../../src/state/exports';
import { CALIBRATED_PATH, DATA_PATH, TINY_PATH } from '../fixtures';

const DATASETS = Number(process.env.AIRSHED_FUZZ_DATASETS ?? 10_000);
const SEED = Number(process.env.AIRSHED_FUZZ_SEED ?? 20240601);
const UNKNOWN = 'zz_unknown_fuzz_field';

const random = mulberry32;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number };

function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, i) => { out.push({ parent: node, key: i }); walk(child); });
    else if (node && typeof node === 'object') for (const key of Object.keys(node)) { out.push({ parent: node, key }); walk(node[key]); }
  };
  walk(root);
  return out;
}
const get = (s: Slot) => (s.parent as Record<string | number, Json>)[s.key];
const set = (s: Slot, value: Json) => ((s.parent as Record<string | number, Json>)[s.key] = value);

/** Deep nesting goes in as text (a placeholder replaced after JSON.stringify): the walkers here, and structuredClone, are recursive; JSON.parse is not. */
const DEEP = '__deep_fuzz_placeholder__';
function deepText(depth: number): string {
  return '[{"a":'.repeat(depth) + '1' + '}]'.repeat(depth);
}

type Mutation = (d: any, r: () => number) => void;

function mutations(): [string, number, Mutation][] {
  const pick = <T,>(items: T[], r: () => number): T => items[Math.floor(r() * items.length)];
  const numbers = (d: Json) => slots(d).filter((s) => typeof get(s) === 'number');
  const strings = (d: Json) => slots(d).filter((s) => typeof get(s) === 'string');
  const objects = (d: Json) => slots(d).filter((s) => { const v = get(s); return v !== null && typeof v === 'object' && !Array.isArray(v); });
  return [
    ['delete a field', 3, (d, r) => { const s = pick(objects(d), r); const o = get(s) as Record<string, Json>; const keys = Object.keys(o); if (keys.length) delete o[pick(keys, r)]; }],
    ['swap two fields', 2, (d, r) => { const o = get(pick(objects(d), r)) as Record<string, Json>; const keys = Object.keys(o); const a = pick(keys, r); const b = pick(keys, r); [o[a], o[b]] = [o[b], o[a]]; }],
    ['wrong type', 3, (d, r) => set(pick(slots(d), r), pick<Json>(['x', null, [], {}, true, -1, 0, '', '  '], r))],
    ['NaN (null after JSON)', 2, (d, r) => set(pick(numbers(d), r), null)],
    ['huge number', 3, (d, r) => set(pick(numbers(d), r), pick([1e308, -1e308, 1.7976931348623157e308, 1e15, 1e9, 999, 1e10], r))],
    ['tiny number', 3, (d, r) => set(pick(numbers(d), r), pick([1e-300, 5e-324, -5e-324, 1e-12, 1e-9, 1e-6, -0], r))],
    ['scale a number', 4, (d, r) => { const s = pick(numbers(d), r); set(s, (get(s) as number) * pick([0, -1, 0.001, 10, 1000, 1e6], r)); }],
    ['long string', 2, (d, r) => set(pick(strings(d), r), pick(['x'.repeat(201), 'y'.repeat(5001), 'z'.repeat(100_000)], r))],
    ['hostile text', 3, (d, r) => set(pick(strings(d), r), pick(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', 'line\nSubject To\n c1: x >= 1', '\u001b[31mred\u001b[0m', '\u009b2J', '\u202Egnp.exe'], r))],
    ['deep nesting in an unknown field', 2, (d, r) => { const o = get(pick(objects(d), r)) as Record<string, Json>; o[UNKNOWN] = DEEP; }],
    ['deep nesting in a known field', 1, (d, r) => set(pick(slots(d), r), DEEP)],
    ['unknown top-level field', 1, (d) => { d[UNKNOWN] = { nested: [1, 2, { x: 'y' }] }; d.meta[UNKNOWN] = 'extra'; }],
    ['duplicate id', 2, (d, r) => { const list = pick(['sources', 'receptors', 'jurisdictions', 'sectors', 'provinces', 'pollutants'], r); const items = d[list]; if (Array.isArray(items) && items.length > 1) items[items.length - 1].id = items[0].id; }],
    ['ids differing only in punctuation', 4, (d, r) => {
      // Two receptors (and their jurisdictions) renamed a-b and a_b, or a.b: distinct ids, one LP-safe name.
      const [x, y] = pick([['a-b', 'a_b'], ['a.b', 'a-b'], ['p.q-1', 'p_q_1']], r);
      const rename = (from: string, to: string) => {
        for (const j of d.jurisdictions ?? []) if (j?.id === from) j.id = to;
        for (const s of d.sources ?? []) if (s?.jurisdiction === from) s.jurisdiction = to;
        for (const rc of d.receptors ?? []) { if (rc?.jurisdiction === from) rc.jurisdiction = to; if (rc?.id === from) rc.id = to; }
        if (d.defaults?.receptors) d.defaults.receptors = d.defaults.receptors.map((id: string) => (id === from ? to : id));
        if (d.meta?.publishedResult?.receptor === from) d.meta.publishedResult.receptor = to;
        if (d.meta?.calibration?.receptor === from) d.meta.calibration.receptor = to;
        for (const u of d.uncertainty ?? []) for (const key of ['jurisdictions', 'receptors']) if (u?.where?.[key]) u.where[key] = u.where[key].map((id: string) => (id === from ? to : id));
      };
      const receptors = d.receptors ?? [];
      if (receptors.length < 2) return;
      rename(receptors[0].id, x);
      rename(receptors[1].id, y);
      if (r() < 0.5) for (const s of d.sources ?? []) s.id = s.id.replace(/\./g, r() < 0.5 ? '-' : '_');
    }],
    ['zero effects at a receptor', 4, (d, r) => { const row = pick(d.coefficients ?? [[]], r); if (Array.isArray(row)) row.forEach((cell: number[]) => Array.isArray(cell) && cell.fill(0)); }],
    ['negative effects', 4, (d, r) => {
      const rows = d.coefficients ?? [];
      for (let n = 0; n < 1 + r() * 6; n++) { const row = pick(rows, r) as number[][]; const cell = Array.isArray(row) ? pick(row, r) : undefined; if (Array.isArray(cell)) cell[Math.floor(r() * cell.length)] = -pick([1e-4, 1e-3, 0.01, 0.5], r); }
    }],
    ['own sources without emissions', 4, (d, r) => { const rc = pick<any>(d.receptors ?? [{}], r); for (const s of d.sources ?? []) if (s?.jurisdiction === rc?.jurisdiction || r() < 0.2) s.emissions = 0; }],
    ['zero caps and tiny steps', 2, (d, r) => { for (const s of d.sources ?? []) if (r() < 0.5 && Array.isArray(s?.steps)) for (const k of s.steps) k.share = pick([0, 1e-6, 1e-7, 1], r); }],
    ['background at baseline', 2, (d, r) => { const rc = pick<any>(d.receptors ?? [{}], r); if (rc) rc.background = rc.baseline; }],
    ['numbers at the limits', 3, (d, r) => {
      for (const s of d.sources ?? []) { if (r() < 0.5) s.emissions = pick([1e9, 1e-3, 1], r); for (const k of s.steps ?? []) if (r() < 0.5) k.cost = pick([1e9, 0, 0.01, 1e-6], r); }
      for (const row of d.coefficients ?? []) for (const cell of row ?? []) for (let i = 0; i < (cell?.length ?? 0); i++) if (r() < 0.5) cell[i] = pick([1e-9, -1e-9, 1, -1, 0.5, 0], r);
    }],
    ['many sources', 1, (d, r) => { if (Array.isArray(d.sources) && d.sources.length) { const n = pick([50, 5001], r); d.sources = Array.from({ length: n }, (_, i) => ({ ...d.sources[i % d.sources.length], id: `s${i}` })); } }],
  ];
}

/** A strict CSV reader (quoted fields, CRLF or LF records) returning field texts. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; } else if (text[i] === '"') { i++; break; } else if (i >= text.length) throw new Error('unterminated quote'); else field += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
    fields.push(field);
    if (text[i] === '\r') i++;
    i++;
  }
  return fields;
}

function expectFormulaSafe(csv: string): void {
  for (const field of csvFields(csv)) {
    if (/^-?\d+(\.\d+)?$/.test(field)) continue;
    expect(field, `CSV field ${JSON.stringify(field)}`).not.toMatch(/^[=+\-@\t\r]/);
  }
}

function expectFiniteDeep(value: unknown, path = ''): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (value instanceof Float64Array) value.forEach((v, i) => expectFiniteDeep(v, `${path}[${i}]`));
  else if (Array.isArray(value)) value.forEach((v, i) => expectFiniteDeep(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'dataset') expectFiniteDeep(v, `${path}.${k}`);
}

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

function checkPlan(dataset: Dataset, plan: PlanResult): void {
  const compiled = compile(dataset);
  for (const r of dataset.receptors) expect(Number.isFinite(plan.ozone[r.id]), `ozone ${r.id}`).toBe(true);
  if (!plan.feasible) {
    expect(plan.totalCost).toBeNull();
    expect(plan.infeasibility.length).toBeGreaterThan(0);
    for (const why of plan.infeasibility) {
      expect(Number.isFinite(why.bestReachable)).toBe(true);
      expect(why.reason.length).toBeGreaterThan(0);
    }
    return;
  }
  const total = plan.totalCost!;
  expect(Number.isFinite(total) && total >= 0, `totalCost ${total}`).toBe(true);
  expect(plan.stepCuts).toHaveLength(compiled.steps.length);
  let cost = 0;
  plan.stepCuts.forEach((cut, k) => {
    expect(cut >= 0 && cut <= compiled.steps[k].cap, `cut ${k}`).toBe(true);
    cost += cut * compiled.steps[k].unitCost;
  });
  expect(close(cost, total), `cost ${cost} vs ${total}`).toBe(true);
  for (const tallies of [plan.byJurisdiction, plan.byProvince, plan.bySector, plan.byPollutant]) {
    const sum = Object.values(tallies).reduce((s, t) => s + t.cost, 0);
    expect(close(sum, total), `tally sum ${sum} vs ${total}`).toBe(true);
    for (const p of dataset.pollutants) {
      const tonnes = Object.values(tallies).reduce((s, t) => s + t.cutTonnes[p.id], 0);
      expect(close(tonnes, plan.byPollutant[p.id].cutTonnes[p.id])).toBe(true);
    }
  }
  dataset.receptors.forEach((receptor, r) => {
    const removed = plan.stepCuts.reduce((sum, cut, k) => sum + cut * compiled.effect[r][k], 0);
    expect(close(plan.ozone[receptor.id], receptor.baseline - removed, 1e-9)).toBe(true);
  });
  for (const { receptor, target } of plan.query.targets)
    expect(plan.ozone[receptor], `${receptor} misses ${target}`).toBeLessThanOrEqual(target + targetSlack(target));
  for (const m of Object.values(plan.marginalCost)) expect(Number.isFinite(m)).toBe(true);
}

function checkLp(text: string, targets: number): void {
  const lines = text.split('\n');
  for (const line of lines) expect(line, 'LP line').toMatch(/^(\\ [\x20-\x7e]*|Minimize|Subject To|Bounds|End|| [A-Za-z][A-Za-z0-9_]*:|   [-+ 0-9.eA-Za-z_]+|   >= [-0-9.e+]+| 0 <= [A-Za-z][A-Za-z0-9_]* <= [0-9.e+-]+| no_step = 0)$/);
  expect(lines.filter((l) => l.startsWith('   >= '))).toHaveLength(targets);
  const rows = lines.filter((l) => /^ ozone_/.test(l));
  expect(new Set(rows).size).toBe(rows.length);
}

describe('fuzz: hostile datasets', () => {
  let glpk: GLPK;
  beforeAll(async () => {
    glpk = await loadGlpk();
  });

  it(`rejects or answers ${DATASETS} mutated datasets with finite, self-consistent results`, { timeout: 240_000 }, () => {
    const r = random(SEED);
    const bases = [TINY_PATH, DATA_PATH, CALIBRATED_PATH].map((p) => JSON.parse(readFileSync(p, 'utf8')));
    const list = mutations();
    const weights = list.reduce((s, [, w]) => s + w, 0);
    const choose = () => { let x = r() * weights; for (const m of list) if ((x -= m[1]) < 0) return m; return list[0]; };
    const counts = { accepted: 0, rejected: 0, feasible: 0, infeasible: 0, missedTogether: 0, shared: 0, shareRefused: 0 };
    const start = performance.now();
    for (let n = 0; n < DATASETS; n++) {
      const base = r() < 0.95 ? bases[0] : bases[1 + Math.floor(r() * 2)]; // the bundled datasets are 40 times the size
      const d = structuredClone(base);
      const applied: string[] = [];
      for (let m = 0, count = 1 + Math.floor(r() * 3); m < count; m++) {
        const [name, , mutate] = choose();
        applied.push(name);
        try {
          mutate(d, r);
        } catch {
          // An earlier mutation left a shape this one does not apply to.
        }
      }
      const context = `dataset ${n} (${applied.join(', ')})`;
      try {
        const via = r();
        // Through the loaders now and then (JSON turns NaN into null; bytes test the decoder), always with deep nesting.
        let text = via < 0.1 || JSON.stringify(d).includes(DEEP) ? JSON.stringify(d) : undefined;
        // One deep value (the text stays under the size limit's order; copies of it elsewhere become shallow).
        if (text?.includes(DEEP)) text = text.replace(`"${DEEP}"`, deepText(Math.floor(10 + r() * 50_000))).replaceAll(`"${DEEP}"`, deepText(3));
        const checked = text === undefined ? validateDataset(d) : via < 0.5 ? decodeDatasetBytes(new TextEncoder().encode(text)) : parseDataset(text);
        if (!checked.ok) {
          counts.rejected++;
          expect(checked.problems.length).toBeGreaterThan(0);
          for (const p of checked.problems) expect(typeof p.path === 'string' && typeof p.message === 'string' && p.message.length > 0).toBe(true);
          continue;
        }
        counts.accepted++;
        const dataset = checked.dataset;
        expect(JSON.stringify(dataset)).not.toContain(UNKNOWN);
        const ids = dataset.receptors.map((x) => x.id);
        const one = ids[Math.floor(r() * ids.length)];
        const rc = dataset.receptors.find((x) => x.id === one)!;
        const target = Math.min(1000, Math.max(0.1, Number((rc.background + (rc.baseline - rc.background) * (r() * 1.3 - 0.1)).toFixed(1))));
        const plans: Record<string, PlanResult> = {};
        for (const targets of [[{ receptor: one, target }], ids.map((receptor) => ({ receptor, target }))] as ReceptorTarget[][])
          for (const scenario of ['local', 'regional'] as const) {
            const plan = solvePlan(glpk, dataset, { scenario, targets });
            checkPlan(dataset, plan);
            if (plan.feasible) counts.feasible++;
            else counts.infeasible++;
            if (plan.infeasibility.some((why) => why.ozoneTogether !== undefined)) counts.missedTogether++;
            if (targets.length === 1) plans[scenario] = plan;
            checkLp(exportLp(dataset, { scenario, targets }), targets.length);
          }
        expectFormulaSafe(planCsv(dataset, { regional: plans.regional, local: plans.local }));
        const sweepRow = createSweeper(glpk, dataset, [one]);
        const rows = [target + 5, target, target - 5].filter((t) => t > 0 && t <= 1000).map(sweepRow);
        expectFiniteDeep(rows.map((row) => Object.values(row).filter((v) => v !== null)));
        expectFormulaSafe(sweepCsv(rows));
        try {
          const game = costGame(glpk, dataset, { targets: [{ receptor: one, target }], players: 'provinces' });
          const report = sharingReport(game, 'shapley', { nucleolus: nucleolus(glpk, game) });
          expectFiniteDeep(game.value);
          // Shapley values add up to v(N), to the game's own tolerance (relative to its largest coalition cost) or LIMITS.yuanResolution.
          const gap = Math.abs(report.players.reduce((s, p) => s + p.responsibility, 0) - game.value[game.value.length - 1]);
          expect(gap).toBeLessThanOrEqual(Math.max(costTolerance(game), LIMITS.yuanResolution));
          counts.shared++;
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          counts.shareRefused++;
        }
      } catch (error) {
        // Keep the failing dataset for a unit test.
        const file = join(tmpdir(), `airshed-fuzz-${SEED}-${n}.json`);
        try { writeFileSync(file, JSON.stringify(d)); } catch { /* deep nesting: the text is not needed */ }
        throw new Error(`${context} (saved to ${file}): ${(error as Error).message}`, { cause: error });
      }
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`fuzz: ${DATASETS} datasets in ${seconds.toFixed(1)} s (seed ${SEED}):`, JSON.stringify(counts));
    expect(counts.accepted + counts.rejected).toBe(DATASETS);
    // The generator must exercise both outcomes and both plan results, or it tests little.
    expect(counts.accepted).toBeGreaterThan(DATASETS / 10);
    expect(counts.rejected).toBeGreaterThan(DATASETS / 10);
    expect(counts.feasible).toBeGreaterThan(0);
    expect(counts.infeasible).toBeGreaterThan(0);
  });
});
