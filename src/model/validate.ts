import { budgetWarnings } from './budget';
import { LIMITS, MAX_DATASET_BYTES } from './limits';
import type { Dataset, UncertainEffect } from './types';
import { UG_PER_PPB_TOLERANCE, ugPerPpbAt } from './units';

export { LIMITS, MAX_DATASET_BYTES };
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** At most this many problems are listed; a hostile file cannot make the list itself huge. */
export const MAX_PROBLEMS = 1_000;

export interface Problem {
  path: string;
  message: string;
}

/**
 * A valid dataset may still carry warnings (e.g. a physically implausible ozone budget). The
 * dataset returned is a clean copy holding only the schema's fields (see DATASET_SHAPE):
 * unknown keys, however deeply nested, are dropped and never reach the solver or a worker.
 */
export type Validation = { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

const EFFECTS: readonly UncertainEffect[] = [
  'emissions', 'cost', 'stepShare', 'coefficient', 'ownShare', 'baseline', 'background', 'response', 'evidence', 'evidenceCut', 'damage',
];
/** Effects that scale numbers by value / nominal. */
const MULTIPLICATIVE: readonly UncertainEffect[] = ['emissions', 'cost', 'stepShare', 'coefficient', 'ownShare', 'evidenceCut', 'damage'];
/** At most this many evidence cases set the response scale (the 'response' input weighs two). */
export const MAX_RESPONSE_CASES = 2;
/** Plausible reference temperatures of a concentration convention, K. */
const TEMPERATURE_K = { min: 250, max: 320 };

type Obj = Record<string, unknown>;
type NumberRule = { min?: number; max?: number; above?: number; what?: string; maxWhat?: string };

/** Collects problems while walking untrusted JSON; every check names its path. */
class Checker {
  problems: Problem[] = [];
  private dropped = 0;

  fail(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message });
    else this.dropped++;
  }

  finish(): Problem[] {
    if (this.dropped > 0) return [...this.problems, { path: '(file)', message: `has ${this.dropped} more problem(s) not listed (at most ${MAX_PROBLEMS} are)` }];
    return this.problems;
  }

  object(value: unknown, path: string): Obj | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj;
    this.fail(path, value === undefined ? 'is missing' : `must be an object, got ${describe(value)}`);
    return undefined;
  }

  /** An array of at least minLength and at most maxLength items; too long an array is not walked. */
  array(value: unknown, path: string, minLength = 0, maxLength = Infinity): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'is missing' : `must be an array, got ${describe(value)}`);
      return undefined;
    }
    if (value.length < minLength) this.fail(path, `must have at least ${minLength} item(s)`);
    if (value.length > maxLength) {
      this.fail(path, `must have at most ${maxLength} item(s), got ${value.length}`);
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: string, maxChars: number = LIMITS.nameChars): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') {
      const unsafe = unsafeCharacter(value);
      if (unsafe) {
        this.fail(path, `must not contain ${unsafe}`);
        return undefined;
      }
      if (value.length <= maxChars) return value;
      this.fail(path, `must be at most ${maxChars} characters, got ${value.length}`);
      return undefined;
    }
    this.fail(path, value === undefined ? 'is missing' : `must be a non-empty string, got ${describe(value)}`);
    return undefined;
  }

  number(value: unknown, path: string, rule: NumberRule = {}): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, value === undefined ? 'is missing' : `must be a finite number, got ${describe(value)}`);
      return undefined;
    }
    const bound =
      rule.min !== undefined && value < rule.min ? `>= ${rule.what ?? rule.min}` :
      rule.above !== undefined && value <= rule.above ? `> ${rule.what ?? rule.above}` :
      rule.max !== undefined && value > rule.max ? `<= ${rule.maxWhat ?? rule.max}` : undefined;
    if (bound) {
      this.fail(path, `must be a finite number ${bound}, got ${value}`);
      return undefined;
    }
    return value;
  }

  localized(value: unknown, path: string, maxChars: number = LIMITS.nameChars): void {
    const o = this.object(value, path);
    if (o) for (const lang of ['en', 'zh']) this.string(o[lang], `${path}.${lang}`, maxChars);
  }

  id(value: unknown, path: string): string | undefined {
    const s = this.string(value, path);
    if (s === undefined) return undefined;
    if (!ID_PATTERN.test(s)) {
      this.fail(path, `must be an id of letters, digits, '_', '.', '-' (at most 64), got ${JSON.stringify(s.slice(0, 40))}`);
      return undefined;
    }
    return s;
  }

  ref(value: unknown, path: string, known: Set<string> | undefined, what: string): string | undefined {
    const s = this.string(value, path);
    if (s !== undefined && known && !known.has(s)) this.fail(path, `unknown ${what} ${JSON.stringify(s.slice(0, 40))}`);
    return s;
  }

  /** Array of {id, ...} (1 to max items): checks ids are valid and unique and returns the id set. */
  entities(value: unknown, path: string, max: number, each: (item: Obj, path: string) => void): Set<string> {
    const ids = new Set<string>();
    const items = this.array(value, path, 1, max) ?? [];
    items.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      const item = this.object(raw, p);
      if (!item) return;
      const id = this.id(item.id, `${p}.id`);
      if (id !== undefined) {
        if (ids.has(id)) this.fail(`${p}.id`, `duplicate id ${JSON.stringify(id)}`);
        ids.add(id);
      }
      each(item, p);
    });
    return ids;
  }
}

/** C0 and C1 controls (line breaks and tabs included) and DEL: a name or note from a dataset must not forge a CLI line, a CSV row or a terminal escape. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates: they reorder what a reader sees (a name could show one number and hold another). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair: it cannot be encoded, so an SVG or PNG export would fail. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a dataset text unsafe to show or export, in words (null when it is safe). */
export function unsafeCharacter(text: string): string | null {
  const control = text.match(CONTROL);
  if (control) return `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${control.index! + 1}); use a space instead`;
  const bidi = text.match(BIDI_CONTROL);
  if (bidi) return `a bidirectional control (U+${bidi[0].charCodeAt(0).toString(16).toUpperCase()} at position ${bidi.index! + 1})`;
  const surrogate = text.match(LONE_SURROGATE);
  if (surrogate) return `an unpaired UTF-16 surrogate (at position ${surrogate.index! + 1})`;
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `a string ${JSON.stringify(value.slice(0, 30))}`;
  return typeof value;
}

// ---------------------------------------------------------------------------------------------
// The schema's shape: what the clean copy keeps. Keep it in step with types.ts (a test checks
// that the bundled datasets survive the copy unchanged).

type Shape = 'value' | { array: Shape } | { record: Shape } | { fields: Record<string, Shape> };
const V = 'value' as const;
const arrayOf = (of: Shape): Shape => ({ array: of });
const fields = (f: Record<string, Shape>): Shape => ({ fields: f });
const LOCALIZED = fields({ en: V, zh: V });
const NAMED = fields({ id: V, name: LOCALIZED });
const REFERENCE = fields({ kind: V, text: V, url: V });

export const DATASET_SHAPE: Shape = fields({
  format: V,
  formatVersion: V,
  meta: fields({
    id: V, title: LOCALIZED, version: V, description: LOCALIZED, license: V, provenance: V,
    references: { record: REFERENCE },
    calibration: fields({ receptor: V, target: V, published: fields({ local: V, regional: V }), parameters: { record: V }, ref: V }),
    publishedResult: fields({ receptor: V, target: V, local: V, regional: V, ref: V }),
    observedTransfers: fields({ year: V, flows: arrayOf(fields({ from: V, to: V, amount: V })), ref: V }),
  }),
  units: fields({ emissions: V, cost: V, ozone: V, coefficient: V, ugPerPpb: V, referenceTemperatureK: V, statistic: LOCALIZED, ref: V }),
  pollutants: arrayOf(NAMED),
  sectors: arrayOf(NAMED),
  provinces: arrayOf(NAMED),
  jurisdictions: arrayOf(fields({ id: V, name: LOCALIZED, province: V, seat: arrayOf(V), population: V, gdp: V, ref: V })),
  sources: arrayOf(fields({
    id: V, jurisdiction: V, sector: V, pollutant: V, emissions: V, emissionsRef: V, steps: arrayOf(fields({ share: V, cost: V, costRef: V })), costRef: V,
  })),
  receptors: arrayOf(fields({ id: V, jurisdiction: V, baseline: V, ref: V, background: V, backgroundRef: V, damage: V, damageRef: V })),
  coefficients: arrayOf(arrayOf(arrayOf(V))),
  coefficientsRef: V,
  standards: fields({ grade2OneHour: V, publishedTarget: V, sweep: fields({ from: V, to: V }), range: fields({ min: V, max: V }), ref: V }),
  defaults: fields({ target: V, receptors: arrayOf(V) }),
  uncertainty: arrayOf(fields({
    id: V, name: LOCALIZED, effect: V,
    where: fields({ jurisdictions: arrayOf(V), sectors: arrayOf(V), pollutants: arrayOf(V), receptors: arrayOf(V), sign: V, evidence: arrayOf(V) }),
    nominal: V, low: V, high: V, scale: V, unit: V, adjustable: V, ref: V,
  })),
  responseRange: fields({ low: V, high: V, ref: V }),
  evidence: arrayOf(fields({
    id: V, name: LOCALIZED, receptor: V,
    changes: arrayOf(fields({ where: fields({ jurisdictions: arrayOf(V), sectors: arrayOf(V), pollutants: arrayOf(V) }), fraction: V, tonnes: V })),
    observed: fields({ change: V, level: V, relative: V, direction: V, note: LOCALIZED }),
    role: V, noTitration: V, caveat: LOCALIZED, ref: V,
  })),
});

/**
 * A copy of validated JSON holding only what `shape` names: unknown keys are dropped at every
 * level, and a 'value' is only ever a primitive (so nothing nested can slip through one).
 */
export function cleanCopy(value: unknown, shape: Shape): unknown {
  if (shape === V) return value === null || typeof value !== 'object' ? value : undefined;
  if ('array' in shape) return Array.isArray(value) ? value.map((item) => cleanCopy(item, shape.array)) : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Obj;
  if ('record' in shape) return Object.fromEntries(Object.keys(source).map((key) => [key, cleanCopy(source[key], shape.record)]));
  const out: Obj = {};
  for (const [key, inner] of Object.entries(shape.fields)) {
    if (!Object.prototype.hasOwnProperty.call(source, key) || source[key] === undefined) continue;
    const copied = cleanCopy(source[key], inner);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

const ozone = (rule: NumberRule = {}): NumberRule => ({ above: 0, max: LIMITS.ozone, ...rule });

/** Validates untrusted JSON against the dataset schema and LIMITS, listing every problem by path. */
export function validateDataset(input: unknown): Validation {
  const c = new Checker();
  const root = c.object(input, '(root)');
  if (!root) return { ok: false, problems: c.finish() };

  if (root.format !== 'airshed-dataset') c.fail('format', `must be "airshed-dataset", got ${describe(root.format)}`);
  if (root.formatVersion !== 1) c.fail('formatVersion', `must be 1 (the only version this app reads), got ${describe(root.formatVersion)}`);

  let refs: Set<string> | undefined;
  const meta = c.object(root.meta, 'meta');
  if (meta) {
    c.id(meta.id, 'meta.id');
    c.localized(meta.title, 'meta.title');
    c.localized(meta.description, 'meta.description', LIMITS.textChars);
    c.string(meta.version, 'meta.version');
    c.string(meta.license, 'meta.license');
    c.string(meta.provenance, 'meta.provenance', LIMITS.textChars);
    const references = c.object(meta.references, 'meta.references');
    if (references) {
      const keys = Object.keys(references);
      if (keys.length > LIMITS.references) c.fail('meta.references', `must have at most ${LIMITS.references} references, got ${keys.length}`);
      else {
        refs = new Set();
        for (const key of keys) {
          const p = `meta.references.${key.slice(0, 64)}`;
          if (!ID_PATTERN.test(key)) {
            c.fail(p, `must be keyed by an id of letters, digits, '_', '.', '-' (at most 64), got ${JSON.stringify(key.slice(0, 40))}`);
            continue;
          }
          refs.add(key);
          const r = c.object(references[key], p);
          if (!r) continue;
          if (!['published', 'derived', 'assumed', 'calibrated'].includes(r.kind as string))
            c.fail(`${p}.kind`, `must be one of published, derived, assumed, calibrated, got ${describe(r.kind)}`);
          c.string(r.text, `${p}.text`, LIMITS.textChars);
          // Shown as a link: only web addresses, never javascript: or data: schemes.
          if (r.url !== undefined && (typeof r.url !== 'string' || r.url.length > LIMITS.urlChars || !/^https?:\/\/[^\s"<>]+$/i.test(r.url) || unsafeCharacter(r.url)))
            c.fail(`${p}.url`, `must be an http(s) address of at most ${LIMITS.urlChars} characters, got ${describe(r.url)}`);
        }
      }
    }
  }

  const units = c.object(root.units, 'units');
  if (units) {
    const expected = { emissions: 't/yr', cost: 'yuan/t', ozone: 'ug/m3', coefficient: 'ug/m3 per t/yr' } as const;
    for (const [key, unit] of Object.entries(expected))
      if (units[key] !== unit) c.fail(`units.${key}`, `must be "${unit}" (the only unit this app reads), got ${describe(units[key])}`);
    const ugPerPpb = c.number(units.ugPerPpb, 'units.ugPerPpb', { min: LIMITS.minUgPerPpb, max: LIMITS.ugPerPpb });
    if (units.referenceTemperatureK !== undefined) {
      const t = c.number(units.referenceTemperatureK, 'units.referenceTemperatureK', { min: TEMPERATURE_K.min, max: TEMPERATURE_K.max });
      const expected = t === undefined ? undefined : ugPerPpbAt(t);
      if (expected !== undefined && ugPerPpb !== undefined && Math.abs(ugPerPpb / expected - 1) > UG_PER_PPB_TOLERANCE)
        c.fail('units.ugPerPpb', `must be ${expected.toFixed(3)} μg/m³ per ppb at the declared ${t} K (within ${UG_PER_PPB_TOLERANCE * 100}%), got ${ugPerPpb}`);
    }
    if (units.statistic !== undefined) c.localized(units.statistic, 'units.statistic');
    c.ref(units.ref, 'units.ref', refs, 'reference');
  }

  const named = (item: Obj, p: string) => c.localized(item.name, `${p}.name`);
  const pollutants = c.entities(root.pollutants, 'pollutants', LIMITS.pollutants, named);
  const sectors = c.entities(root.sectors, 'sectors', LIMITS.sectors, named);
  const provinces = c.entities(root.provinces, 'provinces', LIMITS.provinces, named);
  const jurisdictions = c.entities(root.jurisdictions, 'jurisdictions', LIMITS.jurisdictions, (j, p) => {
    named(j, p);
    c.ref(j.province, `${p}.province`, provinces, 'province');
    const seat = c.array(j.seat, `${p}.seat`);
    if (seat && seat.length !== 2) c.fail(`${p}.seat`, `must be [longitude, latitude], got ${seat.length} values`);
    else if (seat) {
      c.number(seat[0], `${p}.seat[0]`, { min: -180, max: 180 });
      c.number(seat[1], `${p}.seat[1]`, { min: -90, max: 90 });
    }
    c.number(j.population, `${p}.population`, { min: 0, max: LIMITS.population });
    c.number(j.gdp, `${p}.gdp`, { min: 0, max: LIMITS.yuan });
    c.ref(j.ref, `${p}.ref`, refs, 'reference');
  });

  let totalSteps = 0;
  c.entities(root.sources, 'sources', LIMITS.sources, (s, p) => {
    c.ref(s.jurisdiction, `${p}.jurisdiction`, jurisdictions, 'jurisdiction');
    c.ref(s.sector, `${p}.sector`, sectors, 'sector');
    c.ref(s.pollutant, `${p}.pollutant`, pollutants, 'pollutant');
    c.number(s.emissions, `${p}.emissions`, { min: 0, max: LIMITS.emissions, maxWhat: `${LIMITS.emissions} t/yr` });
    c.ref(s.emissionsRef, `${p}.emissionsRef`, refs, 'reference');
    c.ref(s.costRef, `${p}.costRef`, refs, 'reference');
    const steps = c.array(s.steps, `${p}.steps`, 1, LIMITS.stepsPerSource) ?? [];
    totalSteps += steps.length;
    let shareSum = 0;
    let previousCost = -Infinity;
    steps.forEach((raw, k) => {
      const sp = `${p}.steps[${k}]`;
      const step = c.object(raw, sp);
      if (!step) return;
      const share = c.number(step.share, `${sp}.share`, { min: LIMITS.minShare, max: 1 });
      if (share !== undefined) shareSum += share;
      const maxCost = { max: LIMITS.cost, maxWhat: `${LIMITS.cost} yuan/t` };
      const cost = c.number(step.cost, `${sp}.cost`, k === 0 ? { min: 0, ...maxCost } : { min: Math.max(previousCost, 0), what: "the previous step's cost", ...maxCost });
      if (step.costRef !== undefined) c.ref(step.costRef, `${sp}.costRef`, refs, 'reference');
      if (cost !== undefined && cost > 0 && cost < LIMITS.minCost) c.fail(`${sp}.cost`, `must be 0 or at least ${LIMITS.minCost} yuan/t, got ${cost}`);
      if (cost !== undefined) previousCost = cost;
    });
    if (shareSum > 1 + 1e-9) c.fail(`${p}.steps`, `shares sum to ${(shareSum * 100).toFixed(1)}%, above 100% of the base emissions`);
  });
  if (totalSteps > LIMITS.steps) c.fail('sources', `must have at most ${LIMITS.steps} control steps in all, got ${totalSteps}`);

  const receptors: string[] = [];
  c.entities(root.receptors, 'receptors', LIMITS.receptors, (r, p) => {
    receptors.push(String(r.id));
    c.ref(r.jurisdiction, `${p}.jurisdiction`, jurisdictions, 'jurisdiction');
    const baseline = c.number(r.baseline, `${p}.baseline`, ozone({ maxWhat: `${LIMITS.ozone} μg/m³` }));
    c.ref(r.ref, `${p}.ref`, refs, 'reference');
    c.number(r.background, `${p}.background`, { min: 0, max: baseline ?? LIMITS.ozone });
    c.ref(r.backgroundRef, `${p}.backgroundRef`, refs, 'reference');
    if (r.damage !== undefined || r.damageRef !== undefined) {
      c.number(r.damage, `${p}.damage`, { min: 0, max: LIMITS.yuan, maxWhat: `${LIMITS.yuan} yuan/yr per μg/m³` });
      c.ref(r.damageRef, `${p}.damageRef`, refs, 'reference');
    }
  });

  const matrix = c.array(root.coefficients, 'coefficients', 0, LIMITS.receptors);
  if (matrix) {
    if (matrix.length !== receptors.length)
      c.fail('coefficients', `must have one row per receptor (${receptors.length}), got ${matrix.length}`);
    matrix.forEach((row, r) => {
      const rows = c.array(row, `coefficients[${r}]`, 0, LIMITS.jurisdictions);
      if (!rows) return;
      if (rows.length !== jurisdictions.size)
        c.fail(`coefficients[${r}]`, `must have one entry per jurisdiction (${jurisdictions.size}), got ${rows.length}`);
      rows.forEach((cell, j) => {
        const values = c.array(cell, `coefficients[${r}][${j}]`, 0, LIMITS.pollutants);
        if (!values) return;
        if (values.length !== pollutants.size)
          c.fail(`coefficients[${r}][${j}]`, `must have one value per pollutant (${pollutants.size}), got ${values.length}`);
        values.forEach((v, k) => {
          const path = `coefficients[${r}][${j}][${k}]`;
          const a = c.number(v, path, { min: -LIMITS.coefficient, max: LIMITS.coefficient });
          if (a !== undefined && a !== 0 && Math.abs(a) < LIMITS.minCoefficient)
            c.fail(path, `must be 0 or at least ${LIMITS.minCoefficient} μg/m³ per t/yr in size, got ${a}`);
        });
      });
    });
  }
  c.ref(root.coefficientsRef, 'coefficientsRef', refs, 'reference');

  const standards = c.object(root.standards, 'standards') as Obj | undefined;
  if (standards) {
    c.number(standards.grade2OneHour, 'standards.grade2OneHour', ozone());
    c.number(standards.publishedTarget, 'standards.publishedTarget', ozone());
    c.ref(standards.ref, 'standards.ref', refs, 'reference');
    const sweep = c.object(standards.sweep, 'standards.sweep');
    if (sweep) {
      const from = c.number(sweep.from, 'standards.sweep.from', ozone());
      c.number(sweep.to, 'standards.sweep.to', ozone({ max: from ?? LIMITS.ozone }));
    }
  }

  const receptorIds = new Set(receptors);
  const lists = { jurisdictions, sectors, pollutants, receptors: receptorIds, evidence: undefined as Set<string> | undefined };
  /** The id lists of a `where` filter: each non-empty and naming only known ids. */
  const whereLists = (value: unknown, path: string, keys: (keyof typeof lists)[]) => {
    const where = c.object(value, path);
    if (!where) return;
    for (const key of keys) {
      if (where[key] === undefined) continue;
      const max = key === 'evidence' ? LIMITS.evidenceCases : LIMITS[key];
      (c.array(where[key], `${path}.${key}`, 1, max) ?? []).forEach((id, i) => c.ref(id, `${path}.${key}[${i}]`, lists[key], key === 'evidence' ? 'evidence case' : key.slice(0, -1)));
    }
  };
  /** A receptor, a target and the local and regional costs there (published, or fitted to). */
  const costsAt = (p: Obj, path: string, costs: Obj | undefined, costsPath: string) => {
    c.ref(p.receptor, `${path}.receptor`, receptorIds, 'receptor');
    c.number(p.target, `${path}.target`, ozone());
    if (costs) for (const key of ['local', 'regional']) c.number(costs[key], `${costsPath}.${key}`, { above: 0, max: LIMITS.yuan });
  };
  const published = meta?.publishedResult;
  if (published !== undefined) {
    const p = c.object(published, 'meta.publishedResult');
    if (p) {
      costsAt(p, 'meta.publishedResult', p, 'meta.publishedResult');
      c.ref(p.ref, 'meta.publishedResult.ref', refs, 'reference');
    }
  }
  const transfers = meta?.observedTransfers;
  if (transfers !== undefined) {
    const p = c.object(transfers, 'meta.observedTransfers');
    if (p) {
      const year = c.number(p.year, 'meta.observedTransfers.year', { min: 1900, max: 2100 });
      if (year !== undefined && !Number.isInteger(year)) c.fail('meta.observedTransfers.year', `must be a whole year, got ${year}`);
      (c.array(p.flows, 'meta.observedTransfers.flows', 1, LIMITS.jurisdictions * LIMITS.jurisdictions) ?? []).forEach((raw, i) => {
        const f = c.object(raw, `meta.observedTransfers.flows[${i}]`);
        if (!f) return;
        for (const key of ['from', 'to']) c.ref(f[key], `meta.observedTransfers.flows[${i}].${key}`, jurisdictions, 'jurisdiction');
        c.number(f.amount, `meta.observedTransfers.flows[${i}].amount`, { above: 0, max: LIMITS.yuan });
      });
      c.ref(p.ref, 'meta.observedTransfers.ref', refs, 'reference');
    }
  }
  const calibration = meta?.calibration;
  if (calibration !== undefined) {
    const p = c.object(calibration, 'meta.calibration');
    if (p) {
      costsAt(p, 'meta.calibration', c.object(p.published, 'meta.calibration.published'), 'meta.calibration.published');
      const parameters = c.object(p.parameters, 'meta.calibration.parameters');
      if (parameters) {
        const keys = Object.keys(parameters);
        if (keys.length > LIMITS.calibrationParameters) c.fail('meta.calibration.parameters', `must have at most ${LIMITS.calibrationParameters} parameters, got ${keys.length}`);
        else
          for (const key of keys) {
            if (!ID_PATTERN.test(key)) c.fail(`meta.calibration.parameters.${key.slice(0, 64)}`, `must be named by an id, got ${JSON.stringify(key.slice(0, 40))}`);
            else c.number(parameters[key], `meta.calibration.parameters.${key}`, { min: -LIMITS.parameter, max: LIMITS.parameter });
          }
      }
      c.ref(p.ref, 'meta.calibration.ref', refs, 'reference');
    }
  }
  const range = standards?.range;
  if (range !== undefined) {
    const r = c.object(range, 'standards.range');
    if (r) {
      const min = c.number(r.min, 'standards.range.min', ozone());
      c.number(r.max, 'standards.range.max', ozone({ above: min ?? 0, what: 'standards.range.min' }));
    }
  }
  if (root.defaults !== undefined) {
    const d = c.object(root.defaults, 'defaults');
    if (d?.target !== undefined) c.number(d.target, 'defaults.target', ozone());
    if (d?.receptors !== undefined)
      (c.array(d.receptors, 'defaults.receptors', 1, LIMITS.receptors) ?? []).forEach((id, i) => c.ref(id, `defaults.receptors[${i}]`, receptorIds, 'receptor'));
  }
  const evidence = new Set<string>();
  if (root.evidence !== undefined) {
    let responseCases = 0;
    const ids = c.entities(root.evidence, 'evidence', LIMITS.evidenceCases, (e, p) => {
      c.localized(e.name, `${p}.name`);
      c.ref(e.receptor, `${p}.receptor`, receptorIds, 'receptor');
      if (e.role === 'response') responseCases++;
      else if (e.role !== 'hindcast') c.fail(`${p}.role`, `must be "response" or "hindcast", got ${describe(e.role)}`);
      (c.array(e.changes, `${p}.changes`, 1, LIMITS.evidenceChanges) ?? []).forEach((raw, i) => {
        const cp = `${p}.changes[${i}]`;
        const change = c.object(raw, cp);
        if (!change) return;
        if ((change.fraction === undefined) === (change.tonnes === undefined)) c.fail(cp, 'must give exactly one of fraction and tonnes');
        if (change.fraction !== undefined) c.number(change.fraction, `${cp}.fraction`, { min: -LIMITS.factor, max: 1 });
        if (change.tonnes !== undefined) c.number(change.tonnes, `${cp}.tonnes`, { min: -LIMITS.emissions, max: LIMITS.emissions });
        if (change.where !== undefined) whereLists(change.where, `${cp}.where`, ['jurisdictions', 'sectors', 'pollutants']);
      });
      const o = c.object(e.observed, `${p}.observed`);
      if (o) {
        if (o.change !== undefined) c.number(o.change, `${p}.observed.change`, { min: -LIMITS.ozone, max: LIMITS.ozone });
        if (o.level !== undefined) c.number(o.level, `${p}.observed.level`, ozone());
        if (o.relative !== undefined) c.number(o.relative, `${p}.observed.relative`, { min: -1, max: LIMITS.factor });
        if (!['rose', 'fell', 'flat'].includes(o.direction as string)) c.fail(`${p}.observed.direction`, `must be "rose", "fell" or "flat", got ${describe(o.direction)}`);
        c.localized(o.note, `${p}.observed.note`, LIMITS.textChars);
        if (e.role === 'response' && (o.change === undefined) === (o.level === undefined))
          c.fail(`${p}.observed`, 'a response case must give exactly one of change and level (μg/m³), to set the response scale from');
      }
      if (e.noTitration !== undefined && typeof e.noTitration !== 'boolean') c.fail(`${p}.noTitration`, `must be true or false, got ${describe(e.noTitration)}`);
      if (e.caveat !== undefined) c.localized(e.caveat, `${p}.caveat`, LIMITS.textChars);
      c.ref(e.ref, `${p}.ref`, refs, 'reference');
    });
    ids.forEach((id) => evidence.add(id));
    if (responseCases > MAX_RESPONSE_CASES) c.fail('evidence', `at most ${MAX_RESPONSE_CASES} cases may have the role "response", got ${responseCases}`);
  }

  if (root.responseRange !== undefined) {
    const range = c.object(root.responseRange, 'responseRange');
    if (range) {
      const low = c.number(range.low, 'responseRange.low', { above: 0, max: 1, maxWhat: '1 (the coefficients as given)' });
      c.number(range.high, 'responseRange.high', { min: Math.max(1, low ?? 1), max: LIMITS.factor, what: '1 (the coefficients as given)' });
      c.ref(range.ref, 'responseRange.ref', refs, 'reference');
    }
  }

  if (root.uncertainty !== undefined) {
    lists.evidence = evidence;
    c.entities(root.uncertainty, 'uncertainty', LIMITS.uncertainInputs, (u, p) => {
      c.localized(u.name, `${p}.name`);
      const effect = u.effect as UncertainEffect;
      if (!EFFECTS.includes(effect)) c.fail(`${p}.effect`, `must be one of ${EFFECTS.join(', ')}, got ${describe(u.effect)}`);
      // Additive inputs move ozone by value - nominal μg/m³; multiplicative ones scale by value / nominal.
      const multiplicative = MULTIPLICATIVE.includes(effect);
      const span = { min: -LIMITS.ozone, max: LIMITS.ozone };
      const low = c.number(u.low, `${p}.low`, multiplicative ? { min: 0, max: LIMITS.factor } : span);
      const high = c.number(u.high, `${p}.high`, low === undefined ? span : { ...span, min: low, what: 'low' });
      const nominal = c.number(u.nominal, `${p}.nominal`, low === undefined || high === undefined ? span : { min: low, max: high });
      if (multiplicative && nominal !== undefined && high !== undefined) {
        if (nominal <= 0) c.fail(`${p}.nominal`, `must be above 0 for a ${effect} input (it scales numbers by value / nominal), got ${nominal}`);
        else if (high / nominal > LIMITS.factor) c.fail(`${p}.high`, `must be at most ${LIMITS.factor} × the nominal value, got ${high}`);
      }
      if (u.scale !== 'linear' && u.scale !== 'log') c.fail(`${p}.scale`, `must be "linear" or "log", got ${describe(u.scale)}`);
      else if (u.scale === 'log' && low !== undefined && low <= 0) c.fail(`${p}.low`, 'must be above 0 on a log scale');
      if (u.effect === 'ownShare' && high !== undefined && (low! < 0 || high >= 1)) c.fail(`${p}.high`, 'an own share must lie in [0, 1)');
      if (u.effect === 'response' && high !== undefined && (low! < 0 || high > 1)) c.fail(`${p}.high`, 'a response position must lie in [0, 1] (0: the first response case, 1: the second)');
      if (typeof u.unit !== 'string' || u.unit.length > 16) c.fail(`${p}.unit`, `must be a short string (empty for a pure number), got ${describe(u.unit)}`);
      if (u.adjustable !== undefined && typeof u.adjustable !== 'boolean') c.fail(`${p}.adjustable`, `must be true or false, got ${describe(u.adjustable)}`);
      c.ref(u.ref, `${p}.ref`, refs, 'reference');
      if (u.where === undefined) return;
      const where = c.object(u.where, `${p}.where`);
      if (!where) return;
      whereLists(where, `${p}.where`, ['jurisdictions', 'sectors', 'pollutants', 'receptors', 'evidence']);
      if (where.sign !== undefined && where.sign !== 'positive' && where.sign !== 'negative')
        c.fail(`${p}.where.sign`, `must be "positive" or "negative", got ${describe(where.sign)}`);
    });
  }

  if (c.problems.length > 0) return { ok: false, problems: c.finish() };
  const dataset = cleanCopy(input, DATASET_SHAPE) as Dataset;
  return { ok: true, dataset, warnings: [...unitWarnings(dataset), ...budgetWarnings(dataset)] };
}

/** A dataset that does not say at which temperature its concentrations are stated cannot be held to one convention. */
function unitWarnings(dataset: Dataset): Problem[] {
  if (dataset.units.referenceTemperatureK !== undefined) return [];
  return [{
    path: 'units.referenceTemperatureK',
    message: `is not declared: the concentrations cannot be checked against one convention (298.15 K under GB 3095-2012 since September 2018, 273.15 K before); ugPerPpb ${dataset.units.ugPerPpb} is taken as given`,
  }];
}

/** The problem for a file over the size limit. */
export function tooLarge(bytes: number): Validation {
  return { ok: false, problems: [{ path: '(file)', message: `is ${(bytes / 1e6).toFixed(1)} MB, above the ${MAX_DATASET_BYTES / 1e6} MB limit` }] };
}

/**
 * Parses and validates dataset text; size and JSON syntax errors are problems too. A leading
 * byte-order mark is ignored. Bytes (a file) go through decodeDatasetBytes in load.ts, which
 * decodes strictly and then calls this, so both paths agree.
 */
export function parseDataset(text: string): Validation {
  // UTF-8 length without encoding: a UTF-16 unit takes at most 3 bytes, so only long texts need counting.
  const bytes = text.length * 3 <= MAX_DATASET_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_DATASET_BYTES) return tooLarge(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validateDataset(json);
}

export function formatProblems(problems: Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) lines.push(`... and ${problems.length - limit} more`);
  return lines.join('\n');
}
