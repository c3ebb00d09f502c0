/** Airshed command line: npm run cli -- <command> [options]. */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadGlpk } from '../model/glpk';
import {
  coalitionTable, costGame, exportLp, formatProblems, FUND_INDICATORS, nucleolus, PLAYER_MODES, QueryError, RULES, sharingReport, solvePlan, sweep,
  type Dataset, type FundIndicator, type FundWeights, type PlanResult, type PlanScenario, type PlayerMode, type Rule, type SharingReport,
} from '../model/index';
import { formatTonnes, formatYuan } from '../model/format';
import { defaultDamageScale, gameDataset, gameModel, gameSummary, LEVEL_SHARES, MAX_LEVEL, scoreRound, type GameModel, type GameSummary, type RoundScore } from '../model/game';
import { parseCatalogue } from '../model/catalogue';
import { placeName } from '../state/i18n';
import { decodeDatasetBytes } from '../model/load';
import { MAX_DATASET_BYTES } from '../model/limits';
import { DECIMAL_RULE, parseDecimal } from '../model/numbers';
import { sweepCsv } from '../state/exports';
import {
  checkAdjustments, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MAX_SEED, MIN_SEED, monteCarlo, tornado, type Summary, type Tornado, type UncertaintyReport,
} from '../model/uncertainty';
import { hindcast, type HindcastCase } from '../model/evidence';
import { describeTarget, resolveTargets, type TargetSpec } from '../model/targets';

const DATA_DIR = new URL('../../public/data/', import.meta.url);

/** A bundled dataset's id (see public/data/catalogue.json) or a file path; absent: the default. */
export function dataPath(spec: string | undefined): string {
  const parsed = parseCatalogue(readFileSync(new URL('catalogue.json', DATA_DIR), 'utf8'));
  if (!parsed.ok) throw new CliError(parsed.message, 70);
  const entry = spec === undefined ? parsed.catalogue.datasets[0] : parsed.catalogue.datasets.find((d) => d.id === spec);
  return entry ? fileURLToPath(new URL(entry.file, DATA_DIR)) : spec!;
}

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  solve --target <μg/m³> --scenario local|regional|equal [--receptors beijing,tianjin|all] [--data id|file.json] [--json]
      Least-cost plan to bring ozone at the receptors (default beijing) to the target (equal: every
      jurisdiction cuts the same share of its controllable NOx and VOC, the smallest that meets it). The target
      is in the dataset's statistic and convention (bth-ozone: the 90th percentile of the daily
      maximum 1-hour ozone, μg/m³ at 298.15 K). Instead of --target, --below <μg/m³> or
      --cut <percent> set it below each receptor's baseline (here and in export-lp, share and
      uncertainty, where a reduction follows each draw's baseline).
  sweep [--from 218] [--to 163] [--step 1] [--receptors ...] [--format csv|json | --json] [--data id|file.json]
      Cost against target for local, regional and equal effort, with the saving of regional control (targets
      positive, up to 1000 μg/m³; step at least 0.001).
  export-lp --target <μg/m³> --scenario local|regional [--receptors ...] [--data id|file.json]
      The LP in CPLEX LP format, to check in another solver.
  share --target <μg/m³> --rule nucleolus|shapley|chander-tulkens|equal|contribution|gdp|population [--players provinces|cities]
        [--receptors beijing,...|all] [--fund emissions=1,contribution=1,gdp=0,benefit=1] [--data id|file.json] [--json]
      Who pays: every receptor (default all) held to the target; a coalition that cannot reach its
      own targets bears the health damage of the excess. Each player's responsibility under the rule against its cost in the least-cost
      regional plan, the payments between players, and whether the split is in the core (the
      nucleolus is, whenever the core is not empty). --fund adds a regional fund financed by the
      weighted formula.
  uncertainty --target <μg/m³> [--draws 1000] [--seed 1] [--receptors ...] [--set id=value,id=value]
        [--data id|file.json] [--json]
      Monte Carlo over the dataset's uncertain inputs (Latin hypercube; --set holds inputs at a
      value): both scenarios' costs, the saving and the ratio with their 90% ranges, and a tornado
      of the inputs that move the saving most.
  game --players provinces|cities --levels 2,2,2|nash|cooperative [--damage <×>] [--data id|file.json] [--json]
      Scores one round of the classroom game Shared Sky: every player's cut level (0-4: 0-80% of
      its controllable NOx and VOC, cheapest first), its cost, the damage avoided at its own
      receptors and its payoff, the ozone at every receptor, the each-for-itself (Nash) and
      cooperative levels and the price of anarchy (welfare lost against the cooperative levels).
      --damage scales the damage prices within the dataset's damage input (default: its upper end).
  hindcast [--data id|file.json] [--json]
      What the model says each observed emission change should have done to ozone, beside what
      was observed (the dataset's evidence cases; those that set the response scale agree by
      construction).
  validate <id|file.json>
      Lists every problem in a dataset (exit 1), or summarises a valid one (exit 0), with any
      physical-consistency warnings.

--data takes a bundled dataset's id (bth-ozone, the default; bth-ozone-calibrated) or a regular
  file of at most 5 MB of UTF-8 JSON.
Numbers (--target, --below, --cut, --from, --to, --step, --draws, --seed, weights and values) are plain decimals
  such as 196.7 or -5: no exponent (1e3), hex (0x10) or other forms. Each option may be given once.
  help
      This text.`;

/**
 * Text for a terminal: escape sequences and control characters (C0 but tab and newline, DEL,
 * C1) and bidirectional overrides are removed, so dataset text cannot move the cursor, recolour
 * the screen or disguise itself. Everything the CLI prints passes through here.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI sequences (colours, cursor movement)
    .replace(/\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '') // OSC, DCS and other string sequences
    .replace(/\x9b[0-?]*[ -/]*[@-~]/g, '') // the same as 8-bit C1 controls
    .replace(/[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c)?/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** JSON for a terminal: the characters terminalSafe would remove are escaped instead (they can only occur inside strings, so the JSON means the same). */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A problem the user can fix; printed as one paragraph, never a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const options = {
  target: { type: 'string' },
  below: { type: 'string' },
  cut: { type: 'string' },
  scenario: { type: 'string' },
  receptors: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  step: { type: 'string' },
  format: { type: 'string' },
  rule: { type: 'string' },
  players: { type: 'string' },
  fund: { type: 'string' },
  draws: { type: 'string' },
  seed: { type: 'string' },
  set: { type: 'string' },
  levels: { type: 'string' },
  damage: { type: 'string' },
} satisfies ParseArgsConfig['options'];

function number(raw: string | undefined, name: string, fallback?: number): number {
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`--${name} is required (a number of μg/m³).`);
  }
  const value = parseDecimal(raw);
  if (value === null) throw new CliError(`--${name} must be a number, got ${JSON.stringify(raw)}: use ${DECIMAL_RULE}.`);
  return value;
}

function integer(raw: string | undefined, name: string, min: number, max: number, fallback: number): number {
  const value = number(raw, name, fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}.`);
  return value;
}

/**
 * The bytes of a dataset file: only a regular file (never a FIFO, a device such as /dev/zero or a
 * directory, which could block or never end), checked for size before it is read, and never
 * more than MAX_DATASET_BYTES + 1 bytes read. Opened non-blocking and checked on the open
 * descriptor, so the file cannot be swapped between the check and the read.
 */
function readDatasetFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliError(`Cannot read the dataset ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a pipe (FIFO)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a regular file';
      throw new CliError(`Cannot read the dataset ${path}: it is ${kind}; give a regular JSON file.`);
    }
    if (stat.size > MAX_DATASET_BYTES)
      throw new CliError(`The dataset ${path} is ${(stat.size / 1e6).toFixed(1)} MB, above the ${MAX_DATASET_BYTES / 1e6} MB limit.`, 1);
    const buffer = new Uint8Array(MAX_DATASET_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read the dataset ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  } finally {
    closeSync(fd);
  }
}

export function loadDataset(path: string, io?: Io): Dataset {
  const checked = decodeDatasetBytes(readDatasetFile(path));
  if (!checked.ok) throw new CliError(`The dataset ${path} is not valid (${checked.problems.length} problem(s)):\n${formatProblems(checked.problems)}`, 1);
  if (checked.warnings.length > 0) io?.err(`airshed: warning: the dataset ${path} is physically implausible:\n${formatProblems(checked.warnings)}`);
  return checked.dataset;
}

function scenarioOf(raw: string | undefined, command: string): PlanScenario {
  const choices: PlanScenario[] = command === 'export-lp' ? ['local', 'regional'] : ['local', 'regional', 'equal'];
  if (choices.includes(raw as PlanScenario)) return raw as PlanScenario;
  const list = choices.join(command === 'export-lp' ? ' or ' : ', ');
  throw new CliError(raw === undefined ? `--scenario is required: ${list}.` : `--scenario must be ${list}, got ${JSON.stringify(raw)}.`);
}

/** The receptors named (default: the first; for `share` every one, since every place has a target in the game). */
function receptorsOf(raw: string | undefined, dataset: Dataset, all = false): string[] {
  if (raw === undefined && !all) return [dataset.receptors[0].id];
  if (raw === undefined || raw === 'all') return dataset.receptors.map((r) => r.id);
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const known = new Set(dataset.receptors.map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (ids.length === 0 || unknown.length > 0)
    throw new CliError(`Unknown receptor(s) ${unknown.map((u) => JSON.stringify(u)).join(', ') || '(none given)'}; known: ${[...known].join(', ')}, or all.`);
  return [...new Set(ids)];
}

function choice<T extends string>(raw: string | undefined, name: string, choices: readonly T[], fallback?: T): T {
  if (raw === undefined && fallback !== undefined) return fallback;
  if (choices.includes(raw as T)) return raw as T;
  const list = choices.join(', ');
  throw new CliError(raw === undefined ? `--${name} is required: one of ${list}.` : `--${name} must be one of ${list}, got ${JSON.stringify(raw)}.`);
}

/** "emissions=1,gdp=0.5": weights by name; unnamed indicators weigh 0. */
function fundWeightsOf(raw: string): Partial<FundWeights> {
  const weights: Partial<FundWeights> = {};
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, value, ...extra] = part.split('=').map((s) => s.trim());
    if (!FUND_INDICATORS.includes(key as FundIndicator) || value === undefined || extra.length > 0)
      throw new CliError(`--fund takes name=weight pairs separated by commas, with names ${FUND_INDICATORS.join(', ')}; got ${JSON.stringify(part)}.`);
    const weight = parseDecimal(value);
    if (weight === null || weight < 0) throw new CliError(`--fund weight for ${key} must be a number >= 0, got ${JSON.stringify(value)}.`);
    weights[key as FundIndicator] = weight;
  }
  return weights;
}

/** "id=value,id=value": uncertain inputs held at these values instead of sampled. */
function adjustmentsOf(raw: string, dataset: Dataset): Record<string, number> {
  // No prototype: "__proto__" is then a name like any other, and is refused as an unknown input.
  const values: Record<string, number> = Object.create(null);
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [id, value, ...extra] = part.split('=').map((s) => s.trim());
    if (!id || value === undefined || extra.length > 0) throw new CliError(`--set takes id=value pairs separated by commas; got ${JSON.stringify(part)}.`);
    if (Object.hasOwn(values, id)) throw new CliError(`--set names ${JSON.stringify(id)} twice: give each input once.`);
    const number = parseDecimal(value);
    if (number === null) throw new CliError(`--set value for ${id} must be a number, got ${JSON.stringify(value)}: use ${DECIMAL_RULE}.`);
    values[id] = number;
  }
  const problems = checkAdjustments(dataset, values);
  if (problems.length > 0) throw new CliError(`--set: ${problems.map((p) => p.message).join(' ')}`);
  return values;
}

function uncertaintyText(report: UncertaintyReport, swings: Tornado, dataset: Dataset): string {
  const yuan = (x: number) => formatYuan(x, 'en');
  const times = (x: number) => `${x.toFixed(2)}×`;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const place = (id: string) => placeName(dataset, id, 'en');
  const goal = report.spec && report.spec.kind !== 'level' ? ` (${describeTarget(report.spec)}, following each draw's baseline)` : '';
  const targets = report.targets.length > 3 ? `${report.targets.length} receptors' targets` : report.targets.map((t) => `${place(t.receptor)} ${t.target.toFixed(1)} μg/m³`).join(', ');
  const held = Object.entries(report.fixed).map(([id, value]) => `${id} = ${value}`);
  const { nominal } = report;
  const nominalText = (x: number | null, format: (x: number) => string) => (x === null ? 'cannot reach it' : format(x));
  const lines = [`Uncertainty in meeting ${targets}${goal}.`, `At the dataset's own values: regional ${nominalText(nominal.regional, yuan)}, local ${nominalText(nominal.local, yuan)}.`];
  if (report.draws === 0) return [...lines, 'The dataset lists no uncertain inputs to vary, so there are no draws.'].join('\n');
  const line = (label: string, summary: Summary, format: (x: number) => string) =>
    `  ${label.padEnd(18)}${summary ? `${format(summary.p50)} (90% of those draws ${format(summary.p5)}–${format(summary.p95)}; n = ${summary.n})` : 'no draw gives a value'}`;
  lines.push(
    `${report.draws} draws (seed ${report.seed}) over ${report.inputs.length} uncertain input(s)${held.length > 0 ? `, holding ${held.join(', ')}` : ''}.`,
    `Reach: regional control meets the target(s) in ${pct(report.reach.regional)} of draws, local control in ${pct(report.reach.local)}.`,
    'Each plan alone, over the draws in which it meets the target(s) (median and the middle 90%):',
    line('regional control', report.regional, yuan),
    line('local control', report.local, yuan),
    'Over the draws in which both meet them (the same draws, so comparable):',
    line('regional control', report.paired.regional, yuan),
    line('local control', report.paired.local, yuan),
    line('saving', report.paired.saving, yuan),
    line('ratio', report.paired.ratio, times),
  );
  if (swings.rows.length === 0) return lines.join('\n');
  const saving = (x: number | null) => (x === null ? 'n/a' : yuan(x));
  const value = (x: number) => String(Number(x.toPrecision(3)));
  const unit = (u: string) => (u ? ` ${u}` : '');
  lines.push('', 'What moves the result most (one input at its low and high end, the others at nominal):');
  for (const row of swings.rows.slice(0, 5)) {
    const reach = report.reachByInput[row.input];
    const swing =
      row.swing !== null
        ? `saving ${saving(row.atLow.saving)} -> ${saving(row.atHigh.saving)}; swing ${yuan(row.swing)}`
        : reach
          ? `reach (lowest fifth -> highest fifth of draws): regional ${pct(reach.low.regional)} -> ${pct(reach.high.regional)}, local ${pct(reach.low.local)} -> ${pct(reach.high.local)}`
          : 'a plan cannot meet the target(s) at an end';
    lines.push(`  ${row.name.en} (${value(row.low)}–${value(row.high)}${unit(row.unit)}): ${swing}`);
  }
  return lines.join('\n');
}

function hindcastText(cases: HindcastCase[], dataset: Dataset): string {
  if (cases.length === 0) return `The dataset ${dataset.meta.id} lists no evidence cases to compare with.`;
  const pct = (x: number | null) => (x === null ? '' : ` (${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%)`);
  const lines = [`Hindcast: what the model says each emission change did to ozone in ${dataset.meta.id} v${dataset.meta.version}, beside what was observed (${cases[0].units}).`];
  for (const c of cases) {
    const observed = c.observed.change !== null ? `${c.observed.change.toFixed(1)} μg/m³` : c.observed.relative !== null ? `${(c.observed.relative * 100).toFixed(1)}%` : c.observed.direction;
    const verdict = c.agreement === 'by-construction' ? 'sets the response scale' : c.agreement === 'agrees' ? 'same direction' : 'DISAGREES';
    lines.push(`  ${c.name.en}: observed ${observed}; modelled ${c.modelled.change > 0 ? '+' : ''}${c.modelled.change.toFixed(1)} μg/m³${pct(c.modelled.relative)}: ${verdict}.`);
    if (c.caveat) lines.push(`    ${c.caveat.en}`);
  }
  return lines.join('\n');
}

/** The target as given: exactly one of --target (μg/m³), --below (μg/m³ below baseline), --cut (percent below baseline). */
function targetSpecOf(values: { target?: string; below?: string; cut?: string }): TargetSpec {
  const given = (['target', 'below', 'cut'] as const).filter((k) => values[k] !== undefined);
  if (given.length !== 1)
    throw new CliError(given.length === 0 ? '--target is required (μg/m³), or --below <μg/m³> or --cut <percent> below the baseline.' : `--${given.join(' and --')} disagree: give one of them.`);
  const [key] = given;
  const value = number(values[key], key);
  if (key === 'target') return { kind: 'level', value };
  if (!(value > 0) || (key === 'cut' && value >= 100)) throw new CliError(`--${key} must be above 0${key === 'cut' ? ' and below 100 (percent)' : ' (μg/m³)'}, got ${JSON.stringify(values[key])}.`);
  return { kind: key === 'below' ? 'below' : 'cut', value };
}

function shareText(report: SharingReport, dataset: Dataset): string {
  const yuan = (x: number) => formatYuan(x, 'en');
  const name = (id: string) => report.players.find((p) => p.id === id)?.name.en ?? id;
  const place = (id: string) => placeName(dataset, id, 'en');
  // Long receptor lists (--receptors all) read better as a count.
  const targets = report.targets.length > 3 ? `${report.targets.length} receptors' targets` : report.targets.map((t) => `${place(t.receptor)} ${t.target} μg/m³`).join(', ');
  const { damage } = report.game;
  const prices = Object.values(damage.price);
  const priceRange = prices.length > 0 ? `${yuan(Math.min(...prices))}–${yuan(Math.max(...prices))} per μg/m³` : '';
  const lines = [
    `Who pays to meet ${targets}: ${report.mode}, rule ${report.rule}.`,
    `Least-cost regional plan, v(N): ${formatYuan(report.totalCost, 'en', 3)} a year. ${
      report.game.definition === 'targets'
        ? `Every one of the ${report.game.coalitions} coalitions can meet its own targets with its own sources (game: targets).`
        : `Of ${report.game.coalitions} coalitions, ${damage.coalitionsUsing} cannot meet their own targets alone and bear the health damage of the excess (game: targets+damage; damage priced at ${priceRange}, capped at the plan's marginal cost ${yuan(damage.cap)} per μg/m³).`
    }`,
    `Acting alone the players would spend ${yuan(report.standAloneTotal)} a year in all; cooperation saves ${yuan(report.cooperationSaving)}, which the rule shares out.`,
    '',
    `${'Player'.padEnd(14)}${'share'.padStart(9)}${'responsible'.padStart(15)}${'task'.padStart(15)}${'payment'.padStart(15)}${'alone'.padStart(15)}${'saving'.padStart(15)}`,
  ];
  for (const p of report.players) {
    const cells = [p.responsibility, p.task, p.payment, p.standAlone, p.saving].map((x) => yuan(x).padStart(15));
    const flags = [p.standAloneDamage ? 'alone bears damage' : '', p.worseOff ? `worse off by ${yuan(p.worseBy)}` : ''].filter(Boolean).join('; ');
    lines.push(`${p.name.en.padEnd(14)}${`${(p.share * 100).toFixed(1)}%`.padStart(9)}${cells.join('')}${flags ? `  ${flags}` : ''}`);
  }
  lines.push('', 'Payment > 0 pays in, < 0 receives. Saving = alone - responsible.');
  if (report.flows.length === 0) lines.push('No payments are needed.');
  else {
    lines.push(`Who pays whom (${yuan(report.totalPaid)} a year in all):`);
    for (const f of report.flows) lines.push(`  ${`${name(f.from)} -> ${name(f.to)}`.padEnd(30)}${yuan(f.amount).padStart(15)}`);
  }
  const worst = report.core.blocking[0];
  lines.push(
    report.core.inCore
      ? 'This split is in the core: no coalition would do better on its own.'
      : worst
        ? `Not in the core: ${report.core.blockingCount} coalition(s) would do better alone; worst ${worst.members.map(name).join(' + ')} (charged ${yuan(worst.allocated)}, alone ${yuan(worst.value)}).`
        : 'Not in the core: the shares do not add up to v(N).',
  );
  if (report.rule !== 'nucleolus') lines.push(`Nucleolus: ${report.players.map((p) => `${p.name.en} ${yuan(p.nucleolus)}`).join(', ')}; ${report.nucleolus.inCore ? 'in' : 'not in'} the core.`);
  if (!report.nucleolus.coreNonEmpty) lines.push(`The core is empty: whatever the split, some coalition would do better alone (by at least ${yuan(report.nucleolus.maxExcess)}).`);
  if (report.rule !== 'shapley') lines.push(`Shapley value: ${report.players.map((p) => `${p.name.en} ${yuan(p.shapley)}`).join(', ')}; ${report.shapley.inCore ? 'in' : 'not in'} the core.`);
  const { equalCut, equalEffort } = report;
  lines.push(
    equalEffort.cost !== null
      ? `Equal effort (every jurisdiction cutting ${(equalEffort.share! * 100).toFixed(2)}% of its controllable NOx and VOC): ${formatYuan(equalEffort.cost, 'en', 3)} a year; acting together saves ${yuan(equalEffort.saving!)} against it.`
      : `No equal cut for everyone meets these targets: ${equalEffort.reason}.`,
  );
  lines.push(
    equalCut.feasible
      ? `Equal-proportion cuts (each does its part): every source cuts ${(equalCut.fraction! * 100).toFixed(2)}%, ${formatYuan(equalCut.totalCost!, 'en', 3)} a year in all.`
      : equalCut.reason!,
  );
  const observed = dataset.meta.observedTransfers;
  if (observed)
    lines.push(`For scale, paid for air-pollution control in ${observed.year}: ${observed.flows.map((f) => `${place(f.from)} -> ${place(f.to)} ${yuan(f.amount)}`).join(', ')}; ${yuan(observed.flows.reduce((s, f) => s + f.amount, 0))} in all.`);
  lines.push('', 'Who free-rides: of the ozone each party\'s cuts in the plan remove (population-weighted), the share at home; what it would cut alone weighing only its own damage (Nash) against the plan.');
  lines.push(`${'Player'.padEnd(14)}${'at home'.padStart(9)}${'Nash cut'.padStart(15)}${'Nash cost'.padStart(15)}${'plan cut'.padStart(15)}${'plan cost'.padStart(15)}`);
  report.players.forEach((p, i) => {
    const f = report.freeRiding[i];
    const tonnes = (x: number | null) => (x === null ? 'n/a' : formatTonnes(x, 'en'));
    lines.push(
      `${p.name.en.padEnd(14)}${(f.selfShare === null ? 'n/a' : `${(f.selfShare * 100).toFixed(1)}%`).padStart(9)}${tonnes(f.nashTonnes).padStart(15)}${(f.nashCost === null ? 'n/a' : yuan(f.nashCost)).padStart(15)}${tonnes(f.planTonnes).padStart(15)}${yuan(f.planCost).padStart(15)}`,
    );
  });
  lines.push('', report.note);
  if (report.fund) {
    const { fund } = report;
    const weights = FUND_INDICATORS.map((k) => `${k} ${(fund.weights[k] * 100).toFixed(0)}%`).join(', ');
    lines.push('', `Regional fund (${weights}): ${yuan(fund.size)} a year, balance ${yuan(fund.balance)}.`);
    lines.push(`${'Player'.padEnd(14)}${'share'.padStart(9)}${'pays in'.padStart(15)}${'receives'.padStart(15)}${'net'.padStart(15)}`);
    report.players.forEach((p, i) =>
      lines.push(`${p.name.en.padEnd(14)}${`${(fund.shares[i] * 100).toFixed(1)}%`.padStart(9)}${[fund.contributions[i], fund.disbursements[i], fund.net[i]].map((x) => yuan(x).padStart(15)).join('')}`),
    );
  }
  return lines.join('\n');
}

/** "2,2,2" (one level 0-4 per player, in the players' order), or nash / cooperative. */
function levelsOf(raw: string | undefined, model: GameModel, summary: GameSummary): number[] {
  const order = model.players.map((p) => p.id).join(', ');
  if (raw === undefined) throw new CliError(`--levels is required: one level 0-${MAX_LEVEL} per player (${order}), or nash or cooperative.`);
  if (raw === 'nash') return summary.nash.levels;
  if (raw === 'cooperative') return summary.cooperative.levels;
  const parts = raw.split(',').map((s) => s.trim());
  const levels = parts.map((part) => (/^[0-9]$/.test(part) ? Number(part) : NaN));
  if (levels.length !== model.players.length || levels.some((l) => !(l <= MAX_LEVEL)))
    throw new CliError(`--levels takes one level 0-${MAX_LEVEL} per player, ${model.players.length} in all (${order}), separated by commas, or nash or cooperative; got ${JSON.stringify(raw)}.`);
  return levels;
}

function gameText(result: { mode: PlayerMode; damageScale: number; round: RoundScore; priceOfAnarchy: number }, summary: GameSummary): string {
  const yuan = (x: number) => formatYuan(x, 'en');
  const { round } = result;
  const o3 = (x: number | null) => (x === null ? '-' : x.toFixed(1));
  const lines = [
    `Shared Sky, ${result.mode}, damage prices ${result.damageScale}× the dataset's: one round at levels ${round.levels.join(',')} (${LEVEL_SHARES.map((s, l) => `${l} = ${s * 100}%`).join(', ')} of each player's controllable tonnes).`,
    '',
    `${'Player'.padEnd(14)}${'level'.padStart(6)}${'ozone'.padStart(16)}${'cost'.padStart(15)}${'benefit'.padStart(15)}${'payoff'.padStart(15)}${'Nash'.padStart(6)}${'coop'.padStart(6)}`,
  ];
  round.players.forEach((p, i) =>
    lines.push(
      `${p.name.en.padEnd(14)}${String(p.level).padStart(6)}${`${o3(p.baselineOzone)} -> ${o3(p.ozone)}`.padStart(16)}${[p.cost, p.benefit, p.payoff].map((x) => yuan(x).padStart(15)).join('')}${String(summary.nash.levels[i]).padStart(6)}${String(summary.cooperative.levels[i]).padStart(6)}`,
    ),
  );
  lines.push(
    '',
    `Basin: cost ${yuan(round.totals.cost)}, damage avoided ${yuan(round.totals.benefit)}, welfare ${yuan(round.totals.welfare)} a year.`,
    `Cooperative levels ${summary.cooperative.levels.join(',')}: cost ${yuan(summary.cooperative.totals.cost)}, welfare ${yuan(summary.cooperative.totals.welfare)}.`,
    `Each for itself (Nash) ${summary.nash.levels.join(',')}: welfare ${yuan(summary.nash.totals.welfare)}; ${summary.nash.dominant ? "each player's best level does not depend on the others (dominant)" : "best levels depend on the others' (not dominant)"}.`,
    `Price of anarchy of this round: ${yuan(result.priceOfAnarchy)} a year (Nash: ${yuan(summary.cooperative.totals.welfare - summary.nash.totals.welfare)}).`,
    'Ozone: damage-weighted mean over each player\'s receptors, μg/m³.',
  );
  return lines.join('\n');
}

function planJson(plan: PlanResult) {
  return {
    feasible: plan.feasible,
    scenario: plan.query.scenario,
    ...(plan.share === undefined ? {} : { share: plan.share }),
    targets: Object.fromEntries(plan.query.targets.map((t) => [t.receptor, t.target])),
    totalCost: plan.totalCost,
    ozone: plan.ozone,
    marginalCost: plan.marginalCost,
    byJurisdiction: plan.byJurisdiction,
    byProvince: plan.byProvince,
    bySector: plan.bySector,
    byPollutant: plan.byPollutant,
    infeasibility: plan.infeasibility,
  };
}

function planText(plan: PlanResult, dataset: Dataset): string {
  const name = (id: string) => placeName(dataset, id, 'en');
  const targets = plan.query.targets.map((t) => `${name(t.receptor)} ${t.target} μg/m³`).join(', ');
  if (!plan.feasible) {
    return [`${plan.query.scenario === 'equal' ? 'Equal effort' : `${plan.query.scenario} control`} cannot meet ${targets}:`, ...plan.infeasibility.map((i) => `  - ${i.reason}.`)].join('\n');
  }
  const how = plan.share === undefined ? `${plan.query.scenario} control` : `Equal effort (every jurisdiction cutting ${(plan.share * 100).toFixed(2)}% of its controllable emissions)`;
  const lines = [`${how} meets ${targets} for ${formatYuan(plan.totalCost!, 'en', 3)} a year.`];
  for (const [id, ug] of Object.entries(plan.marginalCost)) lines.push(`Marginal cost at ${name(id)}: ${formatYuan(ug, 'en')} per μg/m³.`);
  lines.push('', `${'Jurisdiction'.padEnd(20)}${'cost'.padEnd(16)}${dataset.pollutants.map((p) => `${p.name.en} cut`.padEnd(12)).join('')}`);
  for (const [id, tally] of Object.entries(plan.byJurisdiction)) {
    if (tally.cost <= 0) continue;
    const cut = (p: string) => formatTonnes(tally.cutTonnes[p] ?? 0, 'en').padEnd(12);
    lines.push(`${name(id).padEnd(20)}${formatYuan(tally.cost, 'en').padEnd(16)}${dataset.pollutants.map((p) => cut(p.id)).join('')}`);
  }
  return lines.join('\n');
}

export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = { out: (text) => rawIo.out(terminalSafe(text)), err: (text) => rawIo.err(terminalSafe(text)) };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true; tokens: true }>>;
    try {
      parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}.`);
    }
    const given = new Set<string>();
    for (const token of parsed.tokens) {
      if (token.kind !== 'option') continue;
      if (given.has(token.name)) throw new CliError(`--${token.name} given twice: give each option once.`);
      given.add(token.name);
    }
    const { values, positionals } = parsed;
    if (command === 'validate') {
      const spec = positionals[0] ?? values.data;
      if (!spec) throw new CliError('validate needs a dataset id or a file: npm run cli -- validate file.json');
      const path = dataPath(spec);
      const dataset = loadDataset(path, io);
      io.out(`${path} is valid: ${dataset.meta.title.en} v${dataset.meta.version}; ${dataset.jurisdictions.length} jurisdictions, ${dataset.sources.length} sources, ${dataset.sources.reduce((n, s) => n + s.steps.length, 0)} control steps, ${dataset.receptors.length} receptors.`);
      return 0;
    }
    if (!['solve', 'sweep', 'export-lp', 'share', 'uncertainty', 'hindcast', 'game'].includes(command)) throw new CliError(`Unknown command ${JSON.stringify(command)}.`);
    if (positionals.length > 0) throw new CliError(`Unexpected argument ${JSON.stringify(positionals[0])}.`);
    const dataset = loadDataset(dataPath(values.data), io);
    if (command === 'hindcast') {
      const cases = hindcast(dataset);
      io.out(values.json ? jsonText({ dataset: { id: dataset.meta.id, version: dataset.meta.version }, cases }) : hindcastText(cases, dataset));
      return 0;
    }
    if (command === 'game') {
      const mode = choice<PlayerMode>(values.players, 'players', PLAYER_MODES, 'provinces');
      const scale = values.damage === undefined ? defaultDamageScale(dataset) : number(values.damage, 'damage');
      const model = gameModel(gameDataset(dataset, scale), mode);
      const summary = gameSummary(model);
      const levels = levelsOf(values.levels, model, summary);
      const round = scoreRound(model, levels);
      const result = {
        dataset: { id: dataset.meta.id, version: dataset.meta.version },
        mode,
        damageScale: scale,
        unit: 'yuan/yr',
        round,
        priceOfAnarchy: summary.cooperative.totals.welfare - round.totals.welfare,
        nash: { levels: summary.nash.levels, dominant: summary.nash.dominant, welfare: summary.nash.totals.welfare, cost: summary.nash.totals.cost },
        cooperative: { levels: summary.cooperative.levels, welfare: summary.cooperative.totals.welfare, cost: summary.cooperative.totals.cost },
        selfBenefitShare: Object.fromEntries(model.players.map((p, i) => [p.id, summary.selfBenefitShare[i]])),
      };
      io.out(values.json ? jsonText(result) : gameText(result, summary));
      return 0;
    }
    const receptors = receptorsOf(values.receptors, dataset, command === 'share');
    const glpk = await loadGlpk();

    if (command === 'sweep') {
      const { from: defaultFrom, to: defaultTo } = dataset.standards.sweep;
      if (values.json && values.format !== undefined && values.format !== 'json') throw new CliError(`--json and --format ${values.format} disagree: give one of them.`);
      const format = values.format ?? (values.json ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got ${JSON.stringify(format)}.`);
      let rows;
      try {
        rows = sweep(glpk, dataset, { receptors, from: number(values.from, 'from', defaultFrom), to: number(values.to, 'to', defaultTo), step: number(values.step, 'step', 1) });
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message);
        throw error;
      }
      // The page's CSV writer (formula-safe fields, plain decimals), without the BOM and with LF for a terminal.
      if (format === 'json') io.out(jsonText({ receptors, unit: 'yuan/yr', rows }));
      else io.out(sweepCsv(rows, { bom: false, eol: '\n' }).trimEnd());
      return 0;
    }

    const spec = targetSpecOf(values);
    const targets = resolveTargets(dataset, receptors, spec);
    if (command === 'uncertainty') {
      const query = {
        targets,
        spec,
        draws: integer(values.draws, 'draws', 1, MAX_DRAWS, DEFAULT_DRAWS),
        seed: integer(values.seed, 'seed', MIN_SEED, MAX_SEED, DEFAULT_SEED),
        fixed: values.set === undefined ? {} : adjustmentsOf(values.set, dataset),
      };
      const report = monteCarlo(glpk, dataset, query);
      const swings = tornado(glpk, dataset, query, report);
      io.out(values.json ? jsonText({ report, tornado: swings }) : uncertaintyText(report, swings, dataset));
      return 0;
    }
    if (command === 'share') {
      const rule = choice<Rule>(values.rule, 'rule', RULES);
      const mode = choice<PlayerMode>(values.players, 'players', PLAYER_MODES, 'provinces');
      const fund = values.fund === undefined ? undefined : fundWeightsOf(values.fund);
      const game = costGame(glpk, dataset, { targets, spec, players: mode });
      const report = sharingReport(game, rule, { nucleolus: nucleolus(glpk, game), fund });
      // The JSON carries every coalition's v(S) and whether it bore damage, whatever the number of players.
      io.out(values.json ? jsonText({ unit: 'yuan/yr', definition: report.game.definition, ...report, game: { ...report.game, table: coalitionTable(game) } }) : shareText(report, dataset));
      return 0;
    }
    const query = { scenario: scenarioOf(values.scenario, command), targets };
    if (command === 'export-lp') {
      io.out(exportLp(dataset, query).trimEnd());
      return 0;
    }
    const plan = solvePlan(glpk, dataset, query);
    io.out(values.json ? jsonText(planJson(plan)) : planText(plan, dataset));
    return 0;
  } catch (error) {
    if (error instanceof CliError || error instanceof QueryError) {
      io.err(`airshed: ${error.message}\nRun 'npm run cli -- help' for usage.`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    io.err(`airshed: unexpected failure: ${(error as Error).message}. Please report it with the command you ran.`);
    return 70;
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const code = await runCli(process.argv.slice(2), { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) });
  process.exitCode = code;
}
