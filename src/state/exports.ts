/**
 * Downloadable tables (CSV) and file names for the Share panel. Pure: no DOM, so the builders
 * run and are tested in Node.
 *
 * CSV follows RFC 4180: fields that hold a comma, a double quote, CR or LF are quoted, quotes
 * inside them doubled, records end with CRLF. The text starts with a UTF-8 byte-order mark so
 * that Excel opens Chinese names correctly; the first record is the header (no comment lines).
 * Numbers are plain decimals with a dot, no digit grouping and no exponent; an empty field
 * means "no value" (for example a cost where the scenario cannot reach the target).
 *
 * Formula injection: a text field starting with =, +, -, @, a tab or a carriage return would be
 * run as a formula by a spreadsheet, so it is written with a leading single quote. A field that
 * is a plain decimal number ("-12.5") is a number, not a formula, and is written as it is. Every
 * CSV the page and the CLI write goes through csvField.
 */
import { compile } from '../model/compile';
import type { SweepRow } from '../model/sweep';
import type { Dataset, PlanResult, Scenario } from '../model/types';

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export type Cell = string | number | null | undefined;

/** A number as a CSV field: at most `digits` decimals, trailing zeros dropped; '' when not finite. */
export function csvNumber(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return '0'; // also turns -0 into 0
  const plain = String(rounded);
  return plain.includes('e') ? new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: digits }).format(rounded) : plain;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field, quoted when RFC 4180 requires it. Numbers are written with `csvNumber` (6 decimals);
 * text that a spreadsheet would run as a formula gets a leading single quote.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? csvNumber(value, 6) : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (default true: Excel then reads Chinese names right). */
  bom?: boolean;
  /** Record terminator (default CRLF, as RFC 4180 says). */
  eol?: string;
}

/** A whole CSV file: BOM, header record, data records, each ended by CRLF (or as `options` say). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const eol = options.eol ?? CSV_EOL;
  const record = (cells: readonly Cell[]) => cells.map(csvField).join(',') + eol;
  return (options.bom === false ? '' : CSV_BOM) + record(header) + rows.map(record).join('');
}

// ---------------------------------------------------------------------------------------------
// The plan by jurisdiction x sector x pollutant

export const PLAN_HEADER = ['scenario', 'status', 'jurisdiction', 'name_en', 'name_zh', 'sector', 'pollutant', 'tonnes_cut', 'cost_yuan', 'note'] as const;

/** Whether a scenario block holds a plan, or why it does not. */
export type PlanStatus = 'ok' | 'infeasible' | 'no-cut';

export interface PlanRow {
  scenario: Scenario;
  status: PlanStatus;
  /** Jurisdiction id; '' on the one marker row of a block without cuts. */
  jurisdiction: string;
  nameEn: string;
  nameZh: string;
  /** Sector and pollutant ids from the dataset. */
  sector: string;
  pollutant: string;
  /** t/yr and yuan/yr; null on a marker row. */
  tonnesCut: number | null;
  costYuan: number | null;
  note: string;
}

/** Decimals written for tonnes and yuan (a kilogram and a fen). */
export const TONNES_DIGITS = 3;
export const YUAN_DIGITS = 2;

/**
 * The rows of one scenario: the plan's step cuts attributed to their sources
 * (`compile(dataset).steps`) and added up per jurisdiction x sector x pollutant, in the
 * dataset's order. A plan without cuts gives one marker row: status 'infeasible' (with the
 * reason in `note`) or 'no-cut' (the target is already met).
 */
export function planRows(dataset: Dataset, scenario: Scenario, plan: PlanResult): PlanRow[] {
  const marker = (status: PlanStatus, note: string): PlanRow[] => [
    { scenario, status, jurisdiction: '', nameEn: '', nameZh: '', sector: '', pollutant: '', tonnesCut: null, costYuan: null, note },
  ];
  if (!plan.feasible) {
    const why = plan.infeasibility.map((i) => `${i.receptor}: target ${i.target.toFixed(1)} ug/m3 cannot be met; best reachable ${i.bestReachable.toFixed(1)} ug/m3`);
    return marker('infeasible', why.join('; ') || 'the target cannot be met');
  }
  const { steps } = compile(dataset);
  const groups = new Map<string, { j: number; s: number; p: number; tonnes: number; cost: number }>();
  plan.stepCuts.forEach((cut, k) => {
    const step = steps[k];
    if (!step || !(cut > 0)) return;
    const key = `${step.jurisdiction}|${step.sector}|${step.pollutant}`;
    const group = groups.get(key) ?? { j: step.jurisdiction, s: step.sector, p: step.pollutant, tonnes: 0, cost: 0 };
    group.tonnes += cut;
    group.cost += cut * step.unitCost;
    groups.set(key, group);
  });
  const rows = [...groups.values()]
    .filter((g) => csvNumber(g.tonnes, TONNES_DIGITS) !== '0' || csvNumber(g.cost, YUAN_DIGITS) !== '0')
    .sort((a, b) => a.j - b.j || a.s - b.s || a.p - b.p)
    .map((g): PlanRow => {
      const jurisdiction = dataset.jurisdictions[g.j];
      return {
        scenario,
        status: 'ok',
        jurisdiction: jurisdiction.id,
        nameEn: jurisdiction.name.en,
        nameZh: jurisdiction.name.zh,
        sector: dataset.sectors[g.s].id,
        pollutant: dataset.pollutants[g.p].id,
        tonnesCut: g.tonnes,
        costYuan: g.cost,
        note: '',
      };
    });
  return rows.length > 0 ? rows : marker('no-cut', 'the target is already met: no cut is needed');
}

/** The plan CSV: one block per scenario, regional first, then local. */
export function planCsv(dataset: Dataset, plans: { regional: PlanResult; local: PlanResult }): string {
  const rows = (['regional', 'local'] as const).flatMap((scenario) => planRows(dataset, scenario, plans[scenario]));
  return toCsv(
    PLAN_HEADER,
    rows.map((r) => [r.scenario, r.status, r.jurisdiction, r.nameEn, r.nameZh, r.sector, r.pollutant, csvNumber(r.tonnesCut, TONNES_DIGITS), csvNumber(r.costYuan, YUAN_DIGITS), r.note]),
  );
}

// ---------------------------------------------------------------------------------------------
// The sweep (cost against target)

export const SWEEP_HEADER = [
  'target_ug_m3', 'local_yuan', 'regional_yuan', 'saving_yuan', 'marginal_local_yuan_per_ug_m3', 'marginal_regional_yuan_per_ug_m3', 'equal_effort_yuan',
] as const;

/** The sweep CSV, one record per target in the order given; empty fields where a scenario cannot reach the target. */
export function sweepCsv(rows: readonly SweepRow[], options: CsvOptions = {}): string {
  return toCsv(
    SWEEP_HEADER,
    rows.map((r) => [
      csvNumber(r.target, 3),
      csvNumber(r.local, YUAN_DIGITS),
      csvNumber(r.regional, YUAN_DIGITS),
      csvNumber(r.saving, YUAN_DIGITS),
      csvNumber(r.marginalLocal, YUAN_DIGITS),
      csvNumber(r.marginalRegional, YUAN_DIGITS),
      csvNumber(r.equal, YUAN_DIGITS),
    ]),
    options,
  );
}

// ---------------------------------------------------------------------------------------------
// File names

export type ExportKind = 'cost-curve' | 'merit-order' | 'plan' | 'sweep' | 'qr';

/** Receptors in a file name: their ids (up to three), 'all', or 'N-places'. */
export function receptorsSlug(receptors: readonly string[], known: number): string {
  if (receptors.length === known && known > 1) return 'all';
  if (receptors.length <= 3) return receptors.map((id) => id.replace(/[^a-z0-9-]/gi, '_')).join('-');
  return `${receptors.length}-places`;
}

/**
 * `airshed-cost-curve-196.7-beijing.svg`, `airshed-sweep-all.csv`, ...: the target for what
 * depends on it, and the constrained places for everything.
 */
export function exportFileName(kind: ExportKind, ext: string, view: { target: number; receptors: readonly string[] }, knownReceptors: number): string {
  const places = receptorsSlug(view.receptors, knownReceptors);
  if (kind === 'sweep') return `airshed-sweep-${places}.${ext}`;
  if (kind === 'qr') return `airshed-qr.${ext}`;
  return `airshed-${kind}-${view.target.toFixed(1)}-${places}.${ext}`;
}
