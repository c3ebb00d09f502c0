/** Dataset schema (format version 1). Every number carries a `ref` into `meta.references`. */

export type Lang = 'en' | 'zh';
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
}

export interface Units {
  emissions: 't/yr';
  cost: 'yuan/t';
  ozone: 'ug/m3';
  coefficient: 'ug/m3 per t/yr';
  /** μg/m³ per ppb of ozone at 25 °C (1.967). */
  ugPerPpb: number;
  ref: string;
}

export interface Named {
  id: string;
  name: LocalizedText;
}

export interface Jurisdiction extends Named {
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
}

export interface Source {
  id: string;
  jurisdiction: string;
  sector: string;
  pollutant: string;
  /** Base emissions, t/yr. */
  emissions: number;
  emissionsRef: string;
  steps: ControlStep[];
  costRef: string;
}

export interface Receptor {
  /** Receptor id equals the jurisdiction it sits in. */
  id: string;
  jurisdiction: string;
  /** Baseline peak 1-hour ozone, μg/m³. */
  baseline: number;
  ref: string;
  /** Ozone no cut inside the basin can remove (formed outside it or from natural precursors), μg/m³. */
  background: number;
  backgroundRef: string;
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
  standards: { grade2OneHour: number; publishedTarget: number; sweep: { from: number; to: number }; ref: string };
}

export type Scenario = 'regional' | 'local';

export interface ReceptorTarget {
  receptor: string;
  /** Ozone target, μg/m³. */
  target: number;
}

export interface PlanQuery {
  scenario: Scenario;
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
  /** Why, in words (English; the UI words it from the numbers itself). */
  reason: string;
}

export interface PlanResult {
  query: PlanQuery;
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
  infeasibility: Infeasibility[];
}
