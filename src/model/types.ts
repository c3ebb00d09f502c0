/** Dataset schema (format version 1). Every number carries a `ref` into `meta.references`. */

export type Lang = 'en' | 'zh';

declare const kind: unique symbol;
/**
 * A receptor's id: the point a target is set and ozone is computed at. The schema lets it differ
 * from its jurisdiction's id (a jurisdiction may hold several receptors, or none), so the two are
 * kinds of their own. The brand is optional (a "flavour"): plain text from a file, a link or the
 * command line passes as either kind without a cast, but one kind never passes for the other
 * (as an argument, in `includes`, as a key of the other's records).
 */
export type ReceptorId = string & { readonly [kind]?: 'receptor' };
/** A jurisdiction's id: a place that cuts emissions and pays (the map's areas, the tables' rows). */
export type JurisdictionId = string & { readonly [kind]?: 'jurisdiction' };
export type LocalizedText = Record<Lang, string>;

export interface Reference {
  /** 'published' figures are cited; 'derived' are computed from cited ones; 'assumed' and
   * 'calibrated' are ours and say so. */
  kind: 'published' | 'derived' | 'assumed' | 'calibrated';
  text: string;
  url?: string;
}

export interface DatasetMeta {
  id: string;
  title: LocalizedText;
  version: string;
  description: LocalizedText;
  license: string;
  /** Plain statement of what is reconstructed, assumed and calibrated. */
  provenance: string;
  references: Record<string, Reference>;
  /** Calibration targets and what the build script achieved, for the methods page. */
  calibration?: {
    receptor: string;
    target: number;
    published: { local: number; regional: number };
    parameters: Record<string, number>;
    ref: string;
  };
  /** A published result to compare the model with (drawn beside the model's curves; never fitted
   * unless `calibration` says so). */
  publishedResult?: PublishedResult;
  /** Transfers actually paid between jurisdictions for air-pollution control: a reference for the model's payments. */
  observedTransfers?: ObservedTransfers;
}

export interface ObservedTransfers {
  year: number;
  /** Jurisdiction ids; amount in yuan (that year). */
  flows: { from: string; to: string; amount: number }[];
  ref: string;
}

export interface PublishedResult {
  receptor: string;
  /** μg/m³. */
  target: number;
  /** yuan/yr under local and regional control. */
  local: number;
  regional: number;
  ref: string;
}

/**
 * One uncertain input: a named group of dataset numbers and how a value in [low, high] moves
 * them. `nominal` is the value the dataset's own numbers stand for.
 * - emissions, cost, stepShare, coefficient: multiply the matching numbers by value / nominal
 *   (stepShare keeps each source's shares summing to at most 1).
 * - ownShare: the receptor's own jurisdiction's share of its positive ozone-forming potential
 *   (Σ max(a,0)·E); own coefficients scale by value / nominal, the others by
 *   (1 - value) / (1 - nominal), so the total potential stays the same.
 * - baseline, background: add value - nominal μg/m³ at the matching receptors (background kept
 *   in [0, baseline)); their coefficients scale with baseline minus background, so the same
 *   emissions make the same share of the ozone that can be removed (the budget ratio is kept).
 * - emissions: an inventory error. The same ozone is formed by value / nominal times the tonnes,
 *   so each tonne is worth nominal / value as much (the response scale was set on fractional
 *   cuts): it moves what cutting costs, never the ozone that can be removed.
 * - response: where the response scale lies between the dataset's two `evidence` cases with role
 *   'response' (0: the first reproduced exactly, 1: the second; the scale is their weighted
 *   geometric mean). After every other input, all coefficients are rescaled so that the model
 *   reproduces the evidence at the drawn values; without such cases the input has no effect.
 * - evidence: adds value - nominal μg/m³ to the observed change (or level) of the matching
 *   evidence cases (`where.evidence`); evidenceCut scales their emission changes by value / nominal.
 * - damage: scales the matching receptors' damage price by value / nominal.
 */
export type UncertainEffect =
  | 'emissions' | 'cost' | 'stepShare' | 'coefficient' | 'ownShare' | 'baseline' | 'background'
  | 'response' | 'evidence' | 'evidenceCut' | 'damage';

export interface UncertainInput {
  id: string;
  name: LocalizedText;
  effect: UncertainEffect;
  /** Which numbers: each list narrows the match; an absent list matches all. `sign` narrows
   * coefficients to the positive (ozone-lowering) or negative (titrating) ones. */
  where?: { jurisdictions?: string[]; sectors?: string[]; pollutants?: string[]; receptors?: string[]; sign?: 'positive' | 'negative'; evidence?: string[] };
  nominal: number;
  low: number;
  high: number;
  /** Sampling: uniform on a linear or a log scale. */
  scale: 'linear' | 'log';
  /** Display unit, e.g. '×', 'μg/m³', '%'. */
  unit: string;
  /** Offered as a live slider in the page. */
  adjustable?: boolean;
  /** The reference for the range. */
  ref: string;
}

export interface Units {
  emissions: 't/yr';
  cost: 'yuan/t';
  ozone: 'ug/m3';
  coefficient: 'ug/m3 per t/yr';
  /** μg/m³ per ppb of ozone at the reference temperature (1.962 at 298.15 K and 1 atm). */
  ugPerPpb: number;
  /**
   * Temperature every concentration in the file is expressed at, K, at 101.325 kPa: 298.15 under
   * GB 3095-2012 as amended in 2018 (273.15 before 1 September 2018). ugPerPpb must match it.
   */
  referenceTemperatureK?: number;
  /** The ozone statistic every baseline, background and target is (e.g. the 90th percentile of the daily maximum 1-hour value). */
  statistic?: LocalizedText;
  ref: string;
}

export interface Named {
  id: string;
  name: LocalizedText;
}

export interface Jurisdiction extends Named {
  id: JurisdictionId;
  province: string;
  /** Administrative seat, lon/lat (WGS84, approximate). */
  seat: [number, number];
  population: number;
  gdp: number;
  ref: string;
}

export interface ControlStep {
  /** Share of the source's base emissions this step can remove (0..1]. */
  share: number;
  /** Unit cost, yuan per tonne removed. Non-decreasing along a source's steps. */
  cost: number;
  /** This step's own cost reference, where it differs from the source's costRef. */
  costRef?: string;
}

export interface Source {
  id: string;
  jurisdiction: JurisdictionId;
  sector: string;
  pollutant: string;
  /** Base emissions, t/yr. */
  emissions: number;
  emissionsRef: string;
  steps: ControlStep[];
  costRef: string;
}

export interface Receptor {
  /** Often equal to the jurisdiction's id (every bundled dataset), but need not be. */
  id: ReceptorId;
  /** The jurisdiction it sits in; one may hold several receptors, or none. */
  jurisdiction: JurisdictionId;
  /** Baseline peak 1-hour ozone, μg/m³. */
  baseline: number;
  ref: string;
  /** Ozone no cut inside the basin can remove (formed outside it or from natural precursors), μg/m³. */
  background: number;
  backgroundRef: string;
  /** Health damage of one μg/m³ more of the statistic here, yuan/yr (e.g. people × mortality response × value of a statistical life). */
  damage?: number;
  damageRef?: string;
}

/** An emission change: `fraction` of the matched sources' emissions cut, or `tonnes` cut spread over them by emissions; negative is an increase. */
export interface EmissionChange {
  where?: { jurisdictions?: string[]; sectors?: string[]; pollutants?: string[] };
  fraction?: number;
  tonnes?: number;
}

/**
 * What happened to ozone after a known emission change. Cases with role 'response' set the
 * response scale (see the 'response' uncertain input); 'hindcast' cases are only compared.
 */
export interface EvidenceCase {
  id: string;
  name: LocalizedText;
  receptor: string;
  changes: EmissionChange[];
  /**
   * The observation: a change of the receptor's statistic (μg/m³, negative: it fell), or the
   * level it reached (μg/m³), or only its direction; `note` says what was measured, where and how.
   */
  observed: { change?: number; level?: number; relative?: number; direction: 'rose' | 'fell' | 'flat'; note: LocalizedText };
  role: 'response' | 'hindcast';
  /** The site is NOx-limited: NOx cuts do not raise ozone there (negative coefficients count as zero). */
  noTitration?: boolean;
  /** What the linear model leaves out for this case (weather, aerosol chemistry...). */
  caveat?: LocalizedText;
  ref: string;
}

export interface Dataset {
  format: 'airshed-dataset';
  formatVersion: 1;
  meta: DatasetMeta;
  units: Units;
  pollutants: Named[];
  sectors: Named[];
  provinces: Named[];
  jurisdictions: Jurisdiction[];
  sources: Source[];
  receptors: Receptor[];
  /** coefficients[r][j][p]: μg/m³ of ozone at receptor r removed per tonne/yr of pollutant p
   * cut in jurisdiction j, in the order of `receptors`, `jurisdictions`, `pollutants`.
   * Negative where a cut raises ozone (NOx titration in VOC-limited cores). */
  coefficients: number[][][];
  coefficientsRef: string;
  /** Reference lines for the UI and the default sweep. */
  standards: {
    grade2OneHour: number;
    publishedTarget: number;
    sweep: { from: number; to: number };
    /** The target slider's range, μg/m³; when absent it is derived from the sweep and baselines. */
    range?: { min: number; max: number };
    ref: string;
  };
  /** The view a first visit opens on; absent: the published target at the first receptor. */
  defaults?: { target?: number; receptors?: string[] };
  /** Ranges of the assumed and derived inputs, for Monte Carlo and tornado runs. */
  uncertainty?: UncertainInput[];
  /** Observed responses of ozone to emission changes: the response scale's evidence and the hindcast. */
  evidence?: EvidenceCase[];
  /**
   * The range the response scale may take in a draw, as multiples of the coefficients as given:
   * where the sampled evidence would push it further (a baseline drawn next to an evidence case's
   * level, titration cancelling a cut's effect), it is held at the edge.
   */
  responseRange?: { low: number; high: number; ref: string };
}

export type Scenario = 'regional' | 'local';
/** The LP scenarios and equal effort (equal-effort.ts): every jurisdiction cuts the same share of its controllable emissions. */
export type PlanScenario = Scenario | 'equal';

export interface ReceptorTarget {
  /** A receptor's id; plain text, since queries come from outside (the command line, links) and the solver checks them. */
  receptor: string;
  /** Ozone target, μg/m³. */
  target: number;
}

export interface PlanQuery {
  scenario: PlanScenario;
  targets: ReceptorTarget[];
  /** Restrict the sources that may be cut to these jurisdictions (coalitions). Default: all
   * that the scenario allows. */
  allowedJurisdictions?: string[];
}

export interface Tally {
  cost: number;
  cutTonnes: Record<string, number>;
}

export interface Infeasibility {
  receptor: string;
  target: number;
  /** Lowest ozone reachable at this receptor alone with the sources allowed. */
  bestReachable: number;
  /**
   * Set when the receptor could meet its target alone (bestReachable <= target) but misses it
   * once every constrained place's plan is carried out: the ozone there with all the cuts,
   * μg/m³. Under local control another place's NOx cuts can raise ozone here (titration).
   */
  ozoneTogether?: number;
  /** Why, in words (English; the UI words it from the numbers itself). */
  reason: string;
}

export interface PlanResult {
  query: PlanQuery;
  /**
   * Every constrained receptor meets its target with the ozone recomputed from all the cuts
   * (within TARGET_TOLERANCE in lp.ts). Under local control with several receptors each place
   * plans alone; if the places' plans together miss a target (another place's cuts raise ozone
   * here), the plan is not feasible and `infeasibility` lists the receptors missed, each with
   * `ozoneTogether`.
   */
  feasible: boolean;
  /** yuan/yr; null when infeasible. */
  totalCost: number | null;
  /** Tonnes cut at each control step, in compiled step order (see compile.ts). Empty when infeasible. */
  stepCuts: number[];
  byJurisdiction: Record<string, Tally>;
  byProvince: Record<string, Tally>;
  bySector: Record<string, Tally>;
  byPollutant: Record<string, Tally>;
  /** Resulting peak ozone at every receptor, μg/m³. */
  ozone: Record<string, number>;
  /** Dual of each binding target: yuan/yr per μg/m³ of further tightening. */
  marginalCost: Record<string, number>;
  /** Equal effort only: the common share (0..1) of every control step's tonnes cut. */
  share?: number;
  infeasibility: Infeasibility[];
}
