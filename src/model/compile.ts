import type { Dataset, JurisdictionId, ReceptorId } from './types';

/** One control step of one source: an LP column. */
export interface Step {
  index: number;
  source: number;
  /** Position of this step on its source's cost curve (0 = cheapest). */
  level: number;
  jurisdiction: number;
  province: number;
  sector: number;
  pollutant: number;
  /** Tonnes/yr this step can remove. */
  cap: number;
  /** yuan per tonne. */
  unitCost: number;
}

/** The dataset flattened into arrays the LP and the charts index by position. */
export interface Compiled {
  dataset: Dataset;
  steps: Step[];
  /** effect[r][k]: μg/m³ removed at receptor r per tonne cut at step k. */
  effect: Float64Array[];
  jurisdictionIndex: Map<JurisdictionId, number>;
  receptorIndex: Map<ReceptorId, number>;
  /** Index of each receptor's own jurisdiction. */
  receptorJurisdiction: number[];
  /** LP-format-safe column name of each step (position first, so names stay unique). */
  columnNames: string[];
}

/** Names in CPLEX LP files allow letters, digits and a few symbols; keep to [A-Za-z0-9_]. */
export const lpName = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

const cache = new WeakMap<Dataset, Compiled>();

/** Flattens a validated dataset (memoised per dataset object). */
export function compile(dataset: Dataset): Compiled {
  const hit = cache.get(dataset);
  if (hit) return hit;
  const indexOf = <Id extends string>(items: { id: Id }[]) => new Map(items.map((item, i) => [item.id, i]));
  const jurisdictionIndex = indexOf(dataset.jurisdictions);
  const provinceIndex = indexOf(dataset.provinces);
  const sectorIndex = indexOf(dataset.sectors);
  const pollutantIndex = indexOf(dataset.pollutants);
  const receptorIndex = indexOf(dataset.receptors);

  const steps: Step[] = [];
  dataset.sources.forEach((source, s) => {
    const jurisdiction = jurisdictionIndex.get(source.jurisdiction)!;
    const province = provinceIndex.get(dataset.jurisdictions[jurisdiction].province)!;
    source.steps.forEach((step, level) => {
      steps.push({
        index: steps.length,
        source: s,
        level,
        jurisdiction,
        province,
        sector: sectorIndex.get(source.sector)!,
        pollutant: pollutantIndex.get(source.pollutant)!,
        cap: step.share * source.emissions,
        unitCost: step.cost,
      });
    });
  });

  // A plain loop: Float64Array.from with a map function is several times slower, and the Monte
  // Carlo compiles a dataset per draw.
  const effect = dataset.receptors.map((_, r) => {
    const row = new Float64Array(steps.length);
    for (let k = 0; k < steps.length; k++) row[k] = dataset.coefficients[r][steps[k].jurisdiction][steps[k].pollutant];
    return row;
  });
  const compiled: Compiled = {
    dataset,
    steps,
    effect,
    jurisdictionIndex,
    receptorIndex,
    receptorJurisdiction: dataset.receptors.map((r) => jurisdictionIndex.get(r.jurisdiction)!),
    columnNames: steps.map((k) => `x${k.index}_${lpName(dataset.sources[k.source].id)}_${k.level + 1}`),
  };
  cache.set(dataset, compiled);
  return compiled;
}
