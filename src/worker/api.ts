import type { PlanResult, ReceptorTarget } from '../model/types';
import type { SweepRow } from '../model/sweep';

export interface PlanPair {
  regional: PlanResult;
  local: PlanResult;
  /** Worker time for both solves, ms. */
  solveMs: number;
}

/** What the solver worker offers over comlink. The dataset goes over once, in init. */
export interface SolverApi {
  init(dataset: unknown): Promise<{ ok: true } | { ok: false; message: string }>;
  plan(targets: ReceptorTarget[]): Promise<PlanPair>;
  /** Sweep in chunks, yielding between them so plan() calls from a drag are served meanwhile.
   * A newer sweep call makes older ones stop early (they resolve with null). */
  sweep(receptors: string[], targets: number[]): Promise<SweepRow[] | null>;
}
