/**
 * Physical and size limits of a dataset, in one place. The validator enforces every one of them
 * (and names the limit in its message), so that any accepted dataset is small enough to load
 * quickly and its plans come out as finite numbers: the largest possible cost is
 * steps × emissions × cost = 2e4 × 1e9 t × 1e9 yuan/t = 2e22 yuan/yr, far from overflow, and the
 * dearest μg/m³ is cost / coefficient <= 1e9 / 1e-9 = 1e18 yuan.
 */
export const LIMITS = {
  /** Bytes of a dataset file (the bundled ones are under 100 kB). */
  datasetBytes: 5_000_000,
  /** Characters in a name, title, version, licence, unit or short label. */
  nameChars: 200,
  /** Characters in a description, provenance statement or reference text. */
  textChars: 5_000,
  /** Characters in a reference URL. */
  urlChars: 2_000,
  pollutants: 16,
  sectors: 64,
  provinces: 64,
  jurisdictions: 64,
  sources: 5_000,
  stepsPerSource: 20,
  /** Control steps over all sources (the LP's columns). */
  steps: 20_000,
  receptors: 64,
  uncertainInputs: 100,
  /** Evidence cases (observed responses), and emission changes in one case. */
  evidenceCases: 64,
  evidenceChanges: 64,
  references: 1_000,
  calibrationParameters: 64,
  /** Base emissions of one source, t/yr. */
  emissions: 1e9,
  /** Unit cost of a control step, yuan per tonne: 0 (free) or from minCost to cost. */
  cost: 1e9,
  minCost: 0.01,
  /** Money is compared to a yuan a year: below that, differences are solver round-off (GLPK's tolerances on plans that mix free and near-free steps). */
  yuanResolution: 1,
  /** Smallest share of a source's emissions one step may remove (0.0001%). */
  minShare: 1e-6,
  /** |coefficient|, μg/m³ per t/yr: at most this, and either 0 or at least minCoefficient. */
  coefficient: 1,
  minCoefficient: 1e-9,
  /** Ozone in μg/m³: baselines, backgrounds, targets, standards, sweep and slider range. */
  ozone: 1_000,
  population: 1e10,
  /** yuan/yr: a GDP, or a published cost. */
  yuan: 1e15,
  /** μg/m³ per ppb of ozone: 1.96 at 25 °C; 1 would need 585 K and 10 below 60 K, so outside these it is not ozone at any air temperature. */
  ugPerPpb: 10,
  minUgPerPpb: 1,
  /** |value| of a calibration parameter. */
  parameter: 1e12,
  /** Largest high / nominal of a multiplicative uncertain input. */
  factor: 1_000,
} as const;

/** Datasets larger than this are refused before decoding or parsing. */
export const MAX_DATASET_BYTES = LIMITS.datasetBytes;
