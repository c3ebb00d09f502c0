import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk } from '../../src/model/glpk';
import { solvePlan, type GLPK } from '../../src/model/lp';
import type { SweepRow } from '../../src/model/sweep';
import type { Dataset, PlanResult } from '../../src/model/types';
import {
  CSV_BOM, PLAN_HEADER, SWEEP_HEADER, csvField, csvNumber, exportFileName, planCsv, planRows, receptorsSlug, sweepCsv, toCsv,
} from '../../src/state/exports';
import { calibratedDataset } from '../fixtures';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const plansAt = (dataset: Dataset, target: number, receptors = ['beijing']) => {
  const targets = receptors.map((receptor) => ({ receptor, target }));
  return { regional: solvePlan(glpk, dataset, { scenario: 'regional', targets }), local: solvePlan(glpk, dataset, { scenario: 'local', targets }) };
};

/** A strict RFC 4180 reader (CRLF records, quoted fields), to check what the writer wrote. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const body = text.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= body.length) throw new Error('unterminated quoted field');
        if (body[i] === '"' && body[i + 1] === '"') { field += '"'; i += 2; }
        else if (body[i] === '"') { i++; break; }
        else field += body[i++];
      }
      if (i < body.length && body[i] !== ',' && body[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (body[i] === ',') { record.push(field); field = ''; i++; }
    else if (body[i] === '\r') {
      if (body[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field); records.push(record); record = []; field = ''; i += 2;
    } else if (body[i] === '\n' || body[i] === '"') throw new Error(`unquoted ${JSON.stringify(body[i])} at ${i}`);
    else field += body[i++];
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

const relClose = (a: number, b: number, rel = 1e-6) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
const asObjects = (records: string[][]) => records.slice(1).map((r) => Object.fromEntries(records[0].map((h, i) => [h, r[i]])));

describe('CSV fields (RFC 4180)', () => {
  it('quotes fields with a comma, a quote, CR or LF, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('廊坊')).toBe('廊坊');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes numbers as plain decimals: dot, no grouping, no exponent, empty when not finite', () => {
    expect(csvNumber(1234567.891, 2)).toBe('1234567.89');
    expect(csvNumber(0.5, 3)).toBe('0.5');
    expect(csvNumber(12, 2)).toBe('12');
    expect(csvNumber(-0.0001, 2)).toBe('0');
    expect(csvNumber(1e-7, 3)).toBe('0');
    expect(csvNumber(2.5e21, 2)).toBe('2500000000000000000000');
    expect(csvNumber(1e-5, 6)).toBe('0.00001');
    expect(csvNumber(null, 2)).toBe('');
    expect(csvNumber(Number.NaN, 2)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY, 2)).toBe('');
    expect(csvField(3.25)).toBe('3.25');
  });

  it('starts with a BOM and the header, ends every record with CRLF, and round-trips', () => {
    const rows = [['a,b', 'x"y', 'line\r\nbreak'], [1.5, null, '北京']];
    const text = toCsv(['h1', 'h2', 'h3'], rows);
    expect(text.startsWith(`${CSV_BOM}h1,h2,h3\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['h1', 'h2', 'h3'], ['a,b', 'x"y', 'line\r\nbreak'], ['1.5', '', '北京']]);
    // The BOM encodes as EF BB BF in UTF-8.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('plan CSV', () => {
  it('has one block per scenario whose costs add up to the plan total, with a row for each place cut', () => {
    const dataset = calibratedDataset();
    const plans = plansAt(dataset, 196.7);
    expect(plans.regional.feasible && plans.local.feasible).toBe(true);
    const records = parseCsv(planCsv(dataset, plans));
    expect(records[0]).toEqual([...PLAN_HEADER]);
    const rows = asObjects(records);
    // Blocks: all regional rows, then all local rows.
    const scenarios = rows.map((r) => r.scenario);
    expect(scenarios.indexOf('local')).toBe(scenarios.lastIndexOf('regional') + 1);
    for (const scenario of ['regional', 'local'] as const) {
      const block = rows.filter((r) => r.scenario === scenario);
      const plan: PlanResult = plans[scenario];
      expect(block.every((r) => r.status === 'ok' && r.jurisdiction !== '' && r.note === '')).toBe(true);
      const cost = block.reduce((s, r) => s + Number(r.cost_yuan), 0);
      expect(relClose(cost, plan.totalCost!)).toBe(true);
      // Tonnes by place and pollutant match the solver's own tallies.
      for (const j of dataset.jurisdictions)
        for (const p of dataset.pollutants) {
          const tonnes = block.filter((r) => r.jurisdiction === j.id && r.pollutant === p.id).reduce((s, r) => s + Number(r.tonnes_cut), 0);
          expect(Math.abs(tonnes - plan.byJurisdiction[j.id].cutTonnes[p.id])).toBeLessThan(0.01);
        }
      // One row per jurisdiction x sector x pollutant.
      const keys = block.map((r) => `${r.jurisdiction}|${r.sector}|${r.pollutant}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const regional = rows.filter((r) => r.scenario === 'regional');
    const langfang = regional.find((r) => r.jurisdiction === 'langfang');
    expect(langfang).toBeDefined();
    expect(langfang!.name_en).toBe('Langfang');
    expect(langfang!.name_zh).toBe('廊坊');
    // Local control in Beijing only cuts Beijing's own sources.
    expect(new Set(rows.filter((r) => r.scenario === 'local').map((r) => r.jurisdiction))).toEqual(new Set(['beijing']));
  });

  it('aggregates the steps of one source into one row', () => {
    const dataset = calibratedDataset();
    const plan = plansAt(dataset, 185).regional;
    const rows = planRows(dataset, 'regional', plan);
    const source = dataset.sources.find((s) => rows.some((r) => r.jurisdiction === s.jurisdiction && r.sector === s.sector && r.pollutant === s.pollutant))!;
    const row = rows.find((r) => r.jurisdiction === source.jurisdiction && r.sector === source.sector && r.pollutant === source.pollutant)!;
    const s = dataset.sources.indexOf(source);
    let first = 0;
    for (let i = 0; i < s; i++) first += dataset.sources[i].steps.length;
    const cuts = plan.stepCuts.slice(first, first + source.steps.length);
    expect(row.tonnesCut).toBeCloseTo(cuts.reduce((a, b) => a + b, 0), 6);
    expect(row.costYuan).toBeCloseTo(cuts.reduce((a, c, level) => a + c * source.steps[level].cost, 0), 4);
  });

  it('gives no rows for an infeasible plan, only a marker row that says so', () => {
    const dataset = calibratedDataset();
    const plans = plansAt(dataset, 170);
    expect(plans.local.feasible).toBe(false);
    const rows = asObjects(parseCsv(planCsv(dataset, plans)));
    const local = rows.filter((r) => r.scenario === 'local');
    expect(local).toHaveLength(1);
    expect(local[0]).toMatchObject({ status: 'infeasible', jurisdiction: '', sector: '', pollutant: '', tonnes_cut: '', cost_yuan: '' });
    expect(local[0].note).toMatch(/^beijing: target 170\.0 ug\/m3 cannot be met; best reachable 18\d\.\d ug\/m3$/);
    expect(rows.filter((r) => r.scenario === 'regional').every((r) => r.status === 'ok')).toBe(true);
  });

  it('says so when the target is already met', () => {
    const dataset = calibratedDataset();
    const plans = plansAt(dataset, 229);
    expect(plans.regional.totalCost).toBe(0);
    const rows = asObjects(parseCsv(planCsv(dataset, plans)));
    expect(rows.map((r) => [r.scenario, r.status, r.cost_yuan])).toEqual([['regional', 'no-cut', ''], ['local', 'no-cut', '']]);
  });

  it('escapes names that hold commas, quotes and newlines', () => {
    const dataset = calibratedDataset();
    const beijing = dataset.jurisdictions.find((j) => j.id === 'beijing')!;
    beijing.name = { en: 'Beijing, "the capital"\nCity', zh: '北京，"首都"' };
    const rows = asObjects(parseCsv(planCsv(dataset, plansAt(dataset, 196.7))));
    const row = rows.find((r) => r.jurisdiction === 'beijing')!;
    expect(row.name_en).toBe('Beijing, "the capital"\nCity');
    expect(row.name_zh).toBe('北京，"首都"');
  });
});

describe('sweep CSV', () => {
  it('writes every row with empty fields where a scenario cannot reach the target', () => {
    const rows: SweepRow[] = [
      { target: 200, local: 1.5e9, regional: 4.5e8, saving: 1.05e9, marginalLocal: 1.25e8, marginalRegional: 3.333333e7, equal: 2e9 },
      { target: 170.5, local: null, regional: 2.123456789e9, saving: null, marginalLocal: null, marginalRegional: 0, equal: null },
    ];
    const text = sweepCsv(rows);
    expect(text.startsWith(`${CSV_BOM}${SWEEP_HEADER.join(',')}\r\n`)).toBe(true);
    expect(parseCsv(text).slice(1)).toEqual([
      ['200', '1500000000', '450000000', '1050000000', '125000000', '33333330', '2000000000'],
      ['170.5', '', '2123456789', '', '', '0', ''],
    ]);
  });
});

describe('file names', () => {
  it('name the chart, the target and, unless Beijing alone, the places', () => {
    expect(exportFileName('cost-curve', 'svg', { target: 196.7, receptors: ['beijing'] }, 13)).toBe('airshed-cost-curve-196.7-beijing.svg');
    expect(exportFileName('merit-order', 'png', { target: 200, receptors: ['beijing'] }, 13)).toBe('airshed-merit-order-200.0-beijing.png');
    expect(exportFileName('plan', 'csv', { target: 185.3, receptors: ['beijing', 'tianjin'] }, 13)).toBe('airshed-plan-185.3-beijing-tianjin.csv');
    expect(exportFileName('sweep', 'csv', { target: 185.3, receptors: ['beijing'] }, 13)).toBe('airshed-sweep-beijing.csv');
    expect(receptorsSlug(Array.from({ length: 13 }, (_, i) => `r${i}`), 13)).toBe('all');
    expect(receptorsSlug(['a', 'b', 'c', 'd'], 13)).toBe('4-places');
  });
});
