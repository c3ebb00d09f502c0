import type { PlanResult, ReceptorTarget } from '../model/types';
import type { TargetSpec } from '../model/targets';
import type { SweepRow } from '../model/sweep';
import type { PlayerMode } from '../model/sharing';
import type { FundWeights, Rule, SharingReport } from '../model/sharing-rules';
import type { Tornado, UncertaintyQuery, UncertaintyReport } from '../model/uncertainty';
import type { Dataset } from '../model/types';
import type { Problem } from '../model/validate';

/** Long computations run in slices on a channel; a newer run or a cancel stops the older one. */
export type Channel = 'sweep' | 'share' | 'uncertainty';

export type InitResult = { ok: true; dataset: Dataset; warnings: Problem[] } | { ok: false; problems: Problem[] };

export interface PlanPair {
  regional: PlanResult;
  local: PlanResult;
  /** Equal effort (every place cutting the same share), the reference for what acting together saves. */
  equal: PlanResult;
  /** Worker time for the solves, ms. */
  solveMs: number;
  /** The adjustments both were solved with: the page applies them to the dataset as loaded
   * (adjustedDataset) to get the one dataset of record every view derives its numbers from. */
  adjust: Record<string, number>;
}

export interface ShareRequest {
  targets: ReceptorTarget[];
  /** The spec the targets come from, for the message when the game is declined. */
  spec?: TargetSpec;
  players: PlayerMode;
  rule: Rule;
  fund: Partial<FundWeights>;
}

export type ShareResult = { ok: true; report: SharingReport } | { ok: false; message: string } | null;

export type UncertaintyResult = { ok: true; report: UncertaintyReport } | { ok: false; message: string } | null;

export type TornadoResult = { ok: true; tornado: Tornado } | { ok: false; message: string };

/** What the solver worker offers over comlink. The dataset goes over once, in init. */
export interface SolverApi {
  /** Resolves once the solver (glpk's wasm) is ready: the page's check that the worker started. */
  ping(): Promise<true>;
  /** Decodes, validates and trial-solves a dataset file (the one loader, off the main thread). On
   * success it replaces the dataset in use and comes back clean; on failure the previous one stays. */
  init(bytes: ArrayBuffer | Uint8Array): Promise<InitResult>;
  plan(targets: ReceptorTarget[]): Promise<PlanPair>;
  /** Sweep in chunks, yielding between them so plan() calls from a drag are served meanwhile.
   * A newer sweep call makes older ones stop early (they resolve with null). */
  sweep(receptors: string[], targets: number[]): Promise<SweepRow[] | null>;
  /** Who pays: the cooperative game (cached per targets and players; 8,191 coalitions for 13
   * cities) in slices with progress, then the report for the rule. A newer call makes older ones
   * stop early (null). */
  share(request: ShareRequest, onProgress?: (done: number, total: number) => void): Promise<ShareResult>;
  /** Monte Carlo over the dataset's uncertain inputs, in slices with progress (draws done). A newer
   * call or cancel('uncertainty') makes older runs stop early (null). */
  uncertainty(request: UncertaintyQuery, onProgress?: (done: number, total: number) => void): Promise<UncertaintyResult>;
  /** Stops the run on a channel (it resolves null). */
  cancel(channel: Channel): Promise<void>;
  /** Each input at its low and high end, the others nominal (or fixed). */
  tornado(request: Pick<UncertaintyQuery, 'targets' | 'fixed' | 'spec'>): Promise<TornadoResult>;
  /** The visitor's values for adjustable inputs (id -> value; absent ones at the dataset's):
   * plan, sweep, share, uncertainty and tornado then use the dataset with them applied. Caches are
   * cleared; a sweep or Monte Carlo of the old numbers stops early (null). */
  adjust(values: Record<string, number>): Promise<{ ok: true } | { ok: false; message: string }>;
}
