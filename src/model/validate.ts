import { budgetWarnings } from './budget';
import type { Dataset, UncertainEffect } from './types';

/** Datasets larger than this are refused before parsing (the default is about 100 kB). */
export const MAX_DATASET_BYTES = 5_000_000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export interface Problem {
  path: string;
  message: string;
}

/** A valid dataset may still carry warnings (e.g. a physically implausible ozone budget). */
export type Validation = { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

const EFFECTS: readonly UncertainEffect[] = ['emissions', 'cost', 'stepShare', 'coefficient', 'ownShare', 'baseline', 'background'];

type Obj = Record<string, unknown>;

/** Collects problems while walking untrusted JSON; every check names its path. */
class Checker {
  problems: Problem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string): Obj | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj;
    this.fail(path, value === undefined ? 'is missing' : `must be an object, got ${describe(value)}`);
    return undefined;
  }

  array(value: unknown, path: string, minLength = 0): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'is missing' : `must be an array, got ${describe(value)}`);
      return undefined;
    }
    if (value.length < minLength) this.fail(path, `must have at least ${minLength} item(s)`);
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.fail(path, value === undefined ? 'is missing' : `must be a non-empty string, got ${describe(value)}`);
    return undefined;
  }

  number(value: unknown, path: string, rule: { min?: number; max?: number; above?: number; what?: string } = {}): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, value === undefined ? 'is missing' : `must be a finite number, got ${describe(value)}`);
      return undefined;
    }
    const bound =
      rule.min !== undefined && value < rule.min ? `>= ${rule.what ?? rule.min}` :
      rule.above !== undefined && value <= rule.above ? `> ${rule.what ?? rule.above}` :
      rule.max !== undefined && value > rule.max ? `<= ${rule.max}` : undefined;
    if (bound) {
      this.fail(path, `must be a finite number ${bound}, got ${value}`);
      return undefined;
    }
    return value;
  }

  localized(value: unknown, path: string): void {
    const o = this.object(value, path);
    if (o) for (const lang of ['en', 'zh']) this.string(o[lang], `${path}.${lang}`);
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

  /** Array of {id, ...}: checks ids are valid and unique and returns the id set. */
  entities(value: unknown, path: string, each: (item: Obj, path: string) => void): Set<string> {
    const ids = new Set<string>();
    const items = this.array(value, path, 1) ?? [];
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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `a string ${JSON.stringify(value.slice(0, 30))}`;
  return typeof value;
}

/** Validates untrusted JSON against the dataset schema, listing every problem by path. */
export function validateDataset(input: unknown): Validation {
  const c = new Checker();
  const root = c.object(input, '(root)');
  if (!root) return { ok: false, problems: c.problems };

  if (root.format !== 'airshed-dataset') c.fail('format', `must be "airshed-dataset", got ${describe(root.format)}`);
  if (root.formatVersion !== 1) c.fail('formatVersion', `must be 1 (the only version this app reads), got ${describe(root.formatVersion)}`);

  let refs: Set<string> | undefined;
  const meta = c.object(root.meta, 'meta');
  if (meta) {
    c.id(meta.id, 'meta.id');
    c.localized(meta.title, 'meta.title');
    c.localized(meta.description, 'meta.description');
    c.string(meta.version, 'meta.version');
    c.string(meta.license, 'meta.license');
    c.string(meta.provenance, 'meta.provenance');
    const references = c.object(meta.references, 'meta.references');
    if (references) {
      refs = new Set(Object.keys(references));
      for (const [key, raw] of Object.entries(references)) {
        const r = c.object(raw, `meta.references.${key}`);
        if (!r) continue;
        if (!['published', 'derived', 'assumed', 'calibrated'].includes(r.kind as string))
          c.fail(`meta.references.${key}.kind`, `must be one of published, derived, assumed, calibrated, got ${describe(r.kind)}`);
        c.string(r.text, `meta.references.${key}.text`);
        // Shown as a link: only web addresses, never javascript: or data: schemes.
        if (r.url !== undefined && (typeof r.url !== 'string' || !/^https?:\/\/[^\s"<>]+$/i.test(r.url)))
          c.fail(`meta.references.${key}.url`, `must be an http(s) address, got ${describe(r.url)}`);
      }
    }
  }

  const units = c.object(root.units, 'units');
  if (units) {
    c.number(units.ugPerPpb, 'units.ugPerPpb', { above: 0 });
    c.ref(units.ref, 'units.ref', refs, 'reference');
  }

  const named = (item: Obj, p: string) => c.localized(item.name, `${p}.name`);
  const pollutants = c.entities(root.pollutants, 'pollutants', named);
  const sectors = c.entities(root.sectors, 'sectors', named);
  const provinces = c.entities(root.provinces, 'provinces', named);
  const jurisdictions = c.entities(root.jurisdictions, 'jurisdictions', (j, p) => {
    named(j, p);
    c.ref(j.province, `${p}.province`, provinces, 'province');
    const seat = c.array(j.seat, `${p}.seat`);
    if (seat && seat.length !== 2) c.fail(`${p}.seat`, `must be [longitude, latitude], got ${seat.length} values`);
    else if (seat) {
      c.number(seat[0], `${p}.seat[0]`, { min: -180, max: 180 });
      c.number(seat[1], `${p}.seat[1]`, { min: -90, max: 90 });
    }
    c.number(j.population, `${p}.population`, { min: 0 });
    c.number(j.gdp, `${p}.gdp`, { min: 0 });
    c.ref(j.ref, `${p}.ref`, refs, 'reference');
  });

  c.entities(root.sources, 'sources', (s, p) => {
    c.ref(s.jurisdiction, `${p}.jurisdiction`, jurisdictions, 'jurisdiction');
    c.ref(s.sector, `${p}.sector`, sectors, 'sector');
    c.ref(s.pollutant, `${p}.pollutant`, pollutants, 'pollutant');
    c.number(s.emissions, `${p}.emissions`, { min: 0 });
    c.ref(s.emissionsRef, `${p}.emissionsRef`, refs, 'reference');
    c.ref(s.costRef, `${p}.costRef`, refs, 'reference');
    const steps = c.array(s.steps, `${p}.steps`, 1) ?? [];
    let shareSum = 0;
    let previousCost = -Infinity;
    steps.forEach((raw, k) => {
      const sp = `${p}.steps[${k}]`;
      const step = c.object(raw, sp);
      if (!step) return;
      const share = c.number(step.share, `${sp}.share`, { above: 0, max: 1 });
      if (share !== undefined) shareSum += share;
      const cost = c.number(step.cost, `${sp}.cost`, k === 0 ? { min: 0 } : { min: Math.max(previousCost, 0), what: "the previous step's cost" });
      if (cost !== undefined) previousCost = cost;
    });
    if (shareSum > 1 + 1e-9) c.fail(`${p}.steps`, `shares sum to ${(shareSum * 100).toFixed(1)}%, above 100% of the base emissions`);
  });

  const receptors: string[] = [];
  c.entities(root.receptors, 'receptors', (r, p) => {
    receptors.push(String(r.id));
    c.ref(r.jurisdiction, `${p}.jurisdiction`, jurisdictions, 'jurisdiction');
    const baseline = c.number(r.baseline, `${p}.baseline`, { above: 0 });
    c.ref(r.ref, `${p}.ref`, refs, 'reference');
    c.number(r.background, `${p}.background`, { min: 0, max: baseline });
    c.ref(r.backgroundRef, `${p}.backgroundRef`, refs, 'reference');
  });

  const matrix = c.array(root.coefficients, 'coefficients');
  if (matrix) {
    if (matrix.length !== receptors.length)
      c.fail('coefficients', `must have one row per receptor (${receptors.length}), got ${matrix.length}`);
    matrix.forEach((row, r) => {
      const rows = c.array(row, `coefficients[${r}]`);
      if (!rows) return;
      if (rows.length !== jurisdictions.size)
        c.fail(`coefficients[${r}]`, `must have one entry per jurisdiction (${jurisdictions.size}), got ${rows.length}`);
      rows.forEach((cell, j) => {
        const values = c.array(cell, `coefficients[${r}][${j}]`);
        if (!values) return;
        if (values.length !== pollutants.size)
          c.fail(`coefficients[${r}][${j}]`, `must have one value per pollutant (${pollutants.size}), got ${values.length}`);
        values.forEach((v, k) => c.number(v, `coefficients[${r}][${j}][${k}]`));
      });
    });
  }
  c.ref(root.coefficientsRef, 'coefficientsRef', refs, 'reference');

  const standards = c.object(root.standards, 'standards') as Obj | undefined;
  if (standards) {
    c.number(standards.grade2OneHour, 'standards.grade2OneHour', { above: 0 });
    c.number(standards.publishedTarget, 'standards.publishedTarget', { above: 0 });
    c.ref(standards.ref, 'standards.ref', refs, 'reference');
    const sweep = c.object(standards.sweep, 'standards.sweep');
    if (sweep) {
      const from = c.number(sweep.from, 'standards.sweep.from', { above: 0 });
      c.number(sweep.to, 'standards.sweep.to', { above: 0, max: from });
    }
  }

  const receptorIds = new Set(receptors);
  const published = meta?.publishedResult;
  if (published !== undefined) {
    const p = c.object(published, 'meta.publishedResult');
    if (p) {
      c.ref(p.receptor, 'meta.publishedResult.receptor', receptorIds, 'receptor');
      for (const key of ['target', 'local', 'regional']) c.number(p[key], `meta.publishedResult.${key}`, { above: 0 });
      c.ref(p.ref, 'meta.publishedResult.ref', refs, 'reference');
    }
  }
  const range = standards?.range;
  if (range !== undefined) {
    const r = c.object(range, 'standards.range');
    if (r) {
      const min = c.number(r.min, 'standards.range.min', { above: 0 });
      c.number(r.max, 'standards.range.max', { above: min ?? 0, what: 'standards.range.min' });
    }
  }
  if (root.defaults !== undefined) {
    const d = c.object(root.defaults, 'defaults');
    if (d?.target !== undefined) c.number(d.target, 'defaults.target', { above: 0 });
    if (d?.receptors !== undefined) (c.array(d.receptors, 'defaults.receptors', 1) ?? []).forEach((id, i) => c.ref(id, `defaults.receptors[${i}]`, receptorIds, 'receptor'));
  }
  if (root.uncertainty !== undefined) {
    const known = { jurisdictions, sectors, pollutants, receptors: receptorIds };
    c.entities(root.uncertainty, 'uncertainty', (u, p) => {
      c.localized(u.name, `${p}.name`);
      if (!EFFECTS.includes(u.effect as UncertainEffect)) c.fail(`${p}.effect`, `must be one of ${EFFECTS.join(', ')}, got ${describe(u.effect)}`);
      const low = c.number(u.low, `${p}.low`);
      const high = c.number(u.high, `${p}.high`, low === undefined ? {} : { min: low, what: 'low' });
      c.number(u.nominal, `${p}.nominal`, low === undefined || high === undefined ? {} : { min: low, max: high });
      if (u.scale !== 'linear' && u.scale !== 'log') c.fail(`${p}.scale`, `must be "linear" or "log", got ${describe(u.scale)}`);
      else if (u.scale === 'log' && low !== undefined && low <= 0) c.fail(`${p}.low`, 'must be above 0 on a log scale');
      if (u.effect === 'ownShare' && high !== undefined && (low! < 0 || high >= 1)) c.fail(`${p}.high`, 'an own share must lie in [0, 1)');
      if (typeof u.unit !== 'string' || u.unit.length > 16) c.fail(`${p}.unit`, `must be a short string (empty for a pure number), got ${describe(u.unit)}`);
      if (u.adjustable !== undefined && typeof u.adjustable !== 'boolean') c.fail(`${p}.adjustable`, `must be true or false, got ${describe(u.adjustable)}`);
      c.ref(u.ref, `${p}.ref`, refs, 'reference');
      if (u.where === undefined) return;
      const where = c.object(u.where, `${p}.where`);
      if (!where) return;
      for (const key of ['jurisdictions', 'sectors', 'pollutants', 'receptors'] as const) {
        if (where[key] === undefined) continue;
        (c.array(where[key], `${p}.where.${key}`, 1) ?? []).forEach((id, i) => c.ref(id, `${p}.where.${key}[${i}]`, known[key], key.slice(0, -1)));
      }
      if (where.sign !== undefined && where.sign !== 'positive' && where.sign !== 'negative')
        c.fail(`${p}.where.sign`, `must be "positive" or "negative", got ${describe(where.sign)}`);
    });
  }

  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const dataset = input as Dataset;
  return { ok: true, dataset, warnings: budgetWarnings(dataset) };
}

/** Parses and validates dataset text; size and JSON syntax errors are problems too. */
export function parseDataset(text: string): Validation {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_DATASET_BYTES)
    return { ok: false, problems: [{ path: '(file)', message: `is ${(bytes / 1e6).toFixed(1)} MB, above the ${MAX_DATASET_BYTES / 1e6} MB limit` }] };
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
