import type { PlanResult, ReceptorTarget } from '../model/types';
import type { SweepRow } from '../model/sweep';
import type { PlayerMode } from '../model/sharing';
import type { FundWeights, Rule, SharingReport } from '../model/sharing-rules';

export interface PlanPair {
  regional: PlanResult;
  local: PlanResult;
  /** Worker time for both solves, ms. */
  solveMs: number;
}

export interface ShareRequest {
  targets: ReceptorTarget[];
  players: PlayerMode;
  rule: Rule;
  fund: Partial<FundWeights>;
}

export type ShareResult = { ok: true; report: SharingReport } | { ok: false; message: string } | null;

/** What the solver worker offers over comlink. The dataset goes over once, in init. */
export interface SolverApi {
  init(dataset: unknown): Promise<{ ok: true } | { ok: false; message: string }>;
  plan(targets: ReceptorTarget[]): Promise<PlanPair>;
  /** Sweep in chunks, yielding between them so plan() calls from a drag are served meanwhile.
   * A newer sweep call makes older ones stop early (they resolve with null). */
  sweep(receptors: string[], targets: number[]): Promise<SweepRow[] | null>;
  /** Who pays: the cooperative game (cached per targets and players; 8,191 coalitions for 13
   * cities) in slices with progress, then the report for the rule. A newer call makes older ones
   * stop early (null). */
  share(request: ShareRequest, onProgress?: (done: number, total: number) => void): Promise<ShareResult>;
}
