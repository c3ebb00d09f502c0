/**
 * The solver core behind the worker: the model library plus caching, slicing and cancellation.
 * A plain module (no comlink, no worker globals), so vitest covers it in Node; the worker file
 * only exposes what createSolver returns.
 */
import type { GLPK } from 'glpk.js/node';
import { decodeDatasetBytes } from '../model/load';
import { QueryError, solvePlan } from '../model/lp';
import { createSweeper, type SweepRow } from '../model/sweep';
import { costGameSteps, type CostGame } from '../model/sharing';
import { nucleolusSteps, type Nucleolus } from '../model/nucleolus';
import { sharingReport } from '../model/sharing-rules';
import { adjustedDataset, checkAdjustments, monteCarloSteps, tornado, type UncertaintyQuery } from '../model/uncertainty';
import type { Problem } from '../model/validate';
import type { Dataset, ReceptorTarget } from '../model/types';
import type { Channel, ShareRequest, SolverApi } from './api';

/**
 * Work per slice before yielding to queued messages (a slider step costs about 1 ms): a plan
 * asked for while the curve, the Monte Carlo or a game runs waits at most about this long.
 */
export const SLICE_MS = 4;

export interface SolverOptions {
  sliceMs?: number;
  /** How a slice yields to queued messages (a macrotask in the worker). */
  pause?: () => Promise<void>;
}

/**
 * Runs generators in time slices, one channel each. A ticket is taken when a call arrives, so
 * a newer call or a cancel on the channel stops the older run at its next slice boundary, even
 * before it started, and it resolves null.
 */
export function createSlicer(sliceMs: number, pause: () => Promise<void>) {
  const generations: Record<Channel, number> = { sweep: 0, share: 0, uncertainty: 0 };
  return {
    ticket(channel: Channel): () => boolean {
      const generation = ++generations[channel];
      return () => generation === generations[channel];
    },
    cancel(channel: Channel): void {
      generations[channel]++;
    },
    async run<R>(current: () => boolean, steps: Generator<{ done: number; total: number }, R, void>, onProgress?: (done: number, total: number) => void): Promise<R | null> {
      let sliceStart = performance.now();
      for (let step = current() ? steps.next() : null; step; step = steps.next()) {
        if (step.done) return current() ? step.value : null;
        if (performance.now() - sliceStart > sliceMs) {
          onProgress?.(step.value.done, step.value.total);
          await pause();
          if (!current()) return null;
          sliceStart = performance.now();
        }
      }
      return null;
    },
  };
}

/** One sweep row per target, as slices. */
function* sweepSteps(row: (target: number) => SweepRow, targets: number[]): Generator<{ done: number; total: number }, SweepRow[], void> {
  const rows: SweepRow[] = [];
  for (const target of targets) {
    rows.push(row(target));
    yield { done: rows.length, total: targets.length };
  }
  return rows;
}

/**
 * The cost game, then its nucleolus (one LP per step: up to n - 1 of them, each over every
 * coalition, about 50 ms for 13 cities), as one run of slices. Progress counts coalitions, then
 * the nucleolus's steps on top.
 */
function* gameAndNucleolus(glpk: GLPK, data: Dataset, request: Pick<ShareRequest, 'targets' | 'spec' | 'players'>): Generator<{ done: number; total: number }, { game: CostGame; nucleolus: Nucleolus }, void> {
  // 2^n - 1 coalitions, then at most n - 1 steps.
  const extra = (coalitions: number) => Math.max(1, Math.round(Math.log2(coalitions + 1)) - 1);
  const game = yield* mapProgress(costGameSteps(glpk, data, { targets: request.targets, spec: request.spec, players: request.players }), (p) => ({ done: p.done, total: p.total + extra(p.total) }));
  const coalitions = game.value.length - 1;
  const steps = extra(coalitions);
  const nucleolus = yield* mapProgress(nucleolusSteps(glpk, game), (p) => ({ done: coalitions + p.done, total: coalitions + steps }));
  return { game, nucleolus };
}

function* mapProgress<P, R, Q>(steps: Generator<P, R, void>, map: (p: P) => Q): Generator<Q, R, void> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    yield map(next.value);
  }
}

/** A user-facing failure ({ok: false, message}) for query errors; anything else is a bug and throws. */
async function answer<T>(work: () => Promise<T> | T): Promise<T | { ok: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}

export function createSolver(glpkReady: GLPK | Promise<GLPK>, { sliceMs = SLICE_MS, pause = () => new Promise((r) => setTimeout(r, 0)) }: SolverOptions = {}): SolverApi {
  const slicer = createSlicer(sliceMs, pause);
  // A solver that fails to start is reported by ping() (and every call after it); marking the
  // failure handled here keeps it from also surfacing as an uncaught rejection in the worker.
  Promise.resolve(glpkReady).catch(() => undefined);
  /** The dataset as loaded, and with the visitor's adjustments applied. */
  let base: Dataset | undefined;
  let dataset: Dataset | undefined;
  let adjustments: Record<string, number> = {};
  /** One game is enough: the slider moves on. */
  let game: { key: string; game: CostGame; nucleolus: Nucleolus; data: Dataset } | undefined;

  const need = (): Dataset => {
    if (!dataset) throw new QueryError('The solver has no dataset yet.');
    return dataset;
  };
  const plans = async (data: Dataset, targets: ReceptorTarget[]) => {
    const glpk = await glpkReady;
    const start = performance.now();
    const regional = solvePlan(glpk, data, { scenario: 'regional', targets });
    const local = solvePlan(glpk, data, { scenario: 'local', targets });
    const equal = solvePlan(glpk, data, { scenario: 'equal', targets });
    return { regional, local, equal, solveMs: performance.now() - start };
  };
  /** Uncertainty runs start from the dataset as loaded and hold the adjusted inputs (not sampled). */
  const withAdjustments = <Q extends Pick<UncertaintyQuery, 'fixed'>>(query: Q) => {
    need();
    return { data: base!, query: { ...query, fixed: { ...adjustments, ...(query.fixed ?? {}) } } };
  };
  const stopAll = () => (['sweep', 'share', 'uncertainty'] as const).forEach((c) => slicer.cancel(c));

  return {
    async ping() {
      await glpkReady;
      return true;
    },

    async init(bytes) {
      const checked = decodeDatasetBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      if (!checked.ok) return { ok: false, problems: checked.problems };
      const candidate = checked.dataset;
      // A dataset must solve before it replaces the one in use: the previous one keeps working.
      try {
        const first = candidate.defaults?.receptors ?? [candidate.receptors[0].id];
        const target = candidate.defaults?.target ?? candidate.standards.publishedTarget;
        await plans(candidate, first.map((receptor) => ({ receptor, target })));
      } catch (error) {
        const problems: Problem[] = [{ path: '(dataset)', message: `cannot be solved: ${error instanceof Error ? error.message : String(error)}` }];
        return { ok: false, problems };
      }
      stopAll();
      base = dataset = candidate;
      adjustments = {};
      game = undefined;
      return { ok: true, dataset: candidate, warnings: checked.warnings };
    },

    async plan(targets) {
      // Read together, before any await: an adjustment arriving meanwhile does not split them.
      const data = need();
      const adjust = adjustments;
      return { ...(await plans(data, targets)), adjust };
    },

    async sweep(receptors, targets) {
      const current = slicer.ticket('sweep');
      return slicer.run(current, sweepSteps(createSweeper(await glpkReady, need(), receptors), targets));
    },

    async share(request, onProgress) {
      const current = slicer.ticket('share');
      return answer(async () => {
        const data = need();
        const key = JSON.stringify([request.targets, request.players]);
        if (game?.key !== key || game.data !== data) {
          const built = await slicer.run(current, gameAndNucleolus(await glpkReady, data, request), onProgress);
          // A game of a dataset replaced meanwhile is never stored or shown.
          if (!built || data !== dataset) return null;
          game = { key, ...built, data };
        }
        return { ok: true as const, report: sharingReport(game.game, request.rule, { nucleolus: game.nucleolus, fund: request.fund, blockingLimit: 10 }) };
      });
    },

    async uncertainty(request, onProgress) {
      const current = slicer.ticket('uncertainty');
      return answer(async () => {
        const { data, query } = withAdjustments(request);
        const report = await slicer.run(current, monteCarloSteps(await glpkReady, data, query), onProgress);
        return report && { ok: true as const, report };
      });
    },

    async cancel(channel) {
      slicer.cancel(channel);
    },

    async tornado(request) {
      return answer(async () => {
        const { data, query } = withAdjustments(request);
        return { ok: true as const, tornado: tornado(await glpkReady, data, query) };
      });
    },

    async adjust(values) {
      return answer(() => {
        const from = base ?? need();
        const problems = checkAdjustments(from, values);
        if (problems.length > 0) return { ok: false as const, message: problems.map((p) => p.message).join(' ') };
        dataset = adjustedDataset(from, values);
        adjustments = { ...values };
        game = undefined;
        stopAll(); // runs on the old numbers stop early
        return { ok: true as const };
      });
    },
  };
}
