/**
 * Evidence of how ozone responded to known emission changes (dataset.evidence): what the linear
 * model says each case should have done, the response scale that reproduces the 'response'
 * cases, and the hindcast that compares every case with what was observed.
 */
import { LIMITS } from './limits';
import type { Dataset, EmissionChange, EvidenceCase, LocalizedText } from './types';

const matches = (list: string[] | undefined, id: string) => !list || list.includes(id);

/** Tonnes cut per source (dataset.sources order; negative: an increase) by one emission change. */
function tonnesCut(dataset: Dataset, change: EmissionChange, scale: number): number[] {
  const where = change.where ?? {};
  const matched = dataset.sources.map((s) => matches(where.jurisdictions, s.jurisdiction) && matches(where.sectors, s.sector) && matches(where.pollutants, s.pollutant));
  if (change.fraction !== undefined) return dataset.sources.map((s, i) => (matched[i] ? change.fraction! * scale * s.emissions : 0));
  const total = dataset.sources.reduce((sum, s, i) => sum + (matched[i] ? s.emissions : 0), 0);
  return dataset.sources.map((s, i) => (matched[i] && total > 0 ? ((change.tonnes ?? 0) * scale * s.emissions) / total : 0));
}

/**
 * The model's change of the case's receptor ozone, μg/m³ (negative: it falls), from the case's
 * emission changes (times `cutScale`): −Σ a · tonnes cut. On a site marked noTitration, negative
 * coefficients count as zero. Cuts may exceed the control steps: this is the response itself.
 */
export function modelledChange(dataset: Dataset, evidence: EvidenceCase, cutScale = 1): number {
  const r = dataset.receptors.findIndex((receptor) => receptor.id === evidence.receptor);
  if (r < 0) return 0;
  const jurisdiction = new Map(dataset.jurisdictions.map((j, i) => [j.id, i]));
  const pollutant = new Map(dataset.pollutants.map((p, i) => [p.id, i]));
  let removed = 0;
  for (const change of evidence.changes) {
    const tonnes = tonnesCut(dataset, change, cutScale);
    dataset.sources.forEach((s, i) => {
      if (tonnes[i] === 0) return;
      const a = dataset.coefficients[r][jurisdiction.get(s.jurisdiction)!][pollutant.get(s.pollutant)!];
      removed += (evidence.noTitration ? Math.max(a, 0) : a) * tonnes[i];
    });
  }
  return -removed;
}

/** The observed change at the case's receptor, μg/m³: given, or the level reached minus today's baseline; null for a direction only. */
export function observedChange(dataset: Dataset, evidence: EvidenceCase): number | null {
  if (evidence.observed.change !== undefined) return evidence.observed.change;
  if (evidence.observed.level === undefined) return null;
  const receptor = dataset.receptors.find((r) => r.id === evidence.receptor);
  return receptor ? evidence.observed.level - receptor.baseline : null;
}

/** The cases that set the response scale, in dataset order (at most two: see MAX_RESPONSE_CASES). */
export const responseCases = (dataset: Dataset) => (dataset.evidence ?? []).filter((e) => e.role === 'response');

/**
 * By how much every coefficient must be multiplied for the model to reproduce the response
 * evidence: each case's observed / modelled change, and with two cases their geometric mean
 * weighted by `position` (0: the first case exactly, 1: the second). 1 without usable evidence
 * (no case, or a case the model or the observation gives no change for, or of opposite sign);
 * never beyond LIMITS.factor either way, so a case the model barely responds to cannot blow up
 * every coefficient.
 */
export function responseScale(dataset: Dataset, position = 0.5, cutScales: Record<string, number> = {}): number {
  const ratios = responseCases(dataset).map((e) => {
    const observed = observedChange(dataset, e);
    const modelled = modelledChange(dataset, e, cutScales[e.id] ?? 1);
    return observed !== null && modelled !== 0 && observed / modelled > 0 ? observed / modelled : null;
  });
  if (ratios.length === 0 || ratios.some((x) => x === null)) return 1;
  const scale = ratios.length === 1 ? ratios[0]! : ratios[0]! ** (1 - position) * ratios[1]! ** position;
  return Math.min(Math.max(scale, 1 / LIMITS.factor), LIMITS.factor);
}

export type Agreement = 'agrees' | 'disagrees' | 'by-construction';

export interface HindcastCase {
  id: string;
  name: LocalizedText;
  receptor: string;
  role: EvidenceCase['role'];
  observed: {
    /** μg/m³ (negative: fell); null when only the direction is known. */
    change: number | null;
    /** Change as a share of the starting value, when that is what was published (e.g. another statistic). */
    relative: number | null;
    direction: EvidenceCase['observed']['direction'];
    note: LocalizedText;
  };
  modelled: {
    /** μg/m³ at the dataset's baseline. */
    change: number;
    /** change / baseline. */
    relative: number;
    direction: EvidenceCase['observed']['direction'];
  };
  /** 'by-construction' for the cases the response scale was set from. */
  agreement: Agreement;
  units: string;
  caveat: LocalizedText | null;
  ref: string;
}

/** Changes smaller than this (μg/m³) count as flat. */
export const FLAT_UG = 0.5;

const directionOf = (change: number): EvidenceCase['observed']['direction'] => (change > FLAT_UG ? 'rose' : change < -FLAT_UG ? 'fell' : 'flat');

/**
 * Every evidence case with what the model gives for it beside what was observed. A hindcast case
 * agrees when the modelled direction (a change within FLAT_UG is flat) is the observed one.
 */
export function hindcast(dataset: Dataset): HindcastCase[] {
  const units = `ug/m3 at ${dataset.units.referenceTemperatureK ?? 'an undeclared'} K`;
  return (dataset.evidence ?? []).map((e) => {
    const receptor = dataset.receptors.find((r) => r.id === e.receptor);
    const change = modelledChange(dataset, e);
    const baseline = receptor?.baseline ?? NaN;
    const direction = directionOf(change);
    const agrees = e.observed.direction === direction;
    return {
      id: e.id,
      name: e.name,
      receptor: e.receptor,
      role: e.role,
      observed: { change: observedChange(dataset, e), relative: e.observed.relative ?? null, direction: e.observed.direction, note: e.observed.note },
      modelled: { change, relative: change / baseline, direction },
      agreement: e.role === 'response' ? 'by-construction' : agrees ? 'agrees' : 'disagrees',
      units,
      caveat: e.caveat ?? null,
      ref: e.ref,
    };
  });
}
