/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { loadGlpk } from '../model/glpk';
import { solvePlan } from '../model/lp';
import { createSweeper, type SweepRow } from '../model/sweep';
import { formatProblems, validateDataset } from '../model/validate';
import type { Dataset } from '../model/types';
import { QueryError } from '../model/lp';
import { costGameSteps, type CostGame } from '../model/sharing';
import { sharingReport } from '../model/sharing-rules';
import { monteCarloSteps, tornado } from '../model/uncertainty';
import { applyInputs, checkAdjustments, type UncertaintyQuery } from '../model/uncertainty';
import type { SolverApi } from './api';

let dataset: Dataset | undefined;
let sweepGeneration = 0;
let shareGeneration = 0;
let uncertaintyGeneration = 0;
const games = new Map<string, CostGame>();
/** Sweep work per slice before yielding to queued messages (a slider step costs about 1 ms). */
const SLICE_MS = 8;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function need(): Dataset {
  if (!dataset) throw new Error('The worker has no dataset yet.');
  return dataset;
}

/** The dataset as given to init, before the visitor's adjustments; `dataset` is it with them applied. */
let base: Dataset | undefined;
/** The visitor's values for adjustable inputs (set by adjust()). */
let adjustments: Record<string, number> = {};

/** Uncertainty runs start from the unadjusted dataset and hold the adjusted inputs fixed (not sampled). */
function withAdjustments<Q extends Pick<UncertaintyQuery, 'fixed'>>(request: Q): { data: Dataset; query: Q } {
  need();
  return { data: base ?? need(), query: { ...request, fixed: { ...adjustments, ...(request.fixed ?? {}) } } };
}

const api: SolverApi = {
  async init(raw) {
    const checked = validateDataset(raw);
    if (!checked.ok) return { ok: false, message: formatProblems(checked.problems, 10) };
    dataset = checked.dataset;
    base = checked.dataset;
    adjustments = {};
    games.clear();
    await loadGlpk();
    return { ok: true };
  },

  async plan(targets) {
    const glpk = await loadGlpk();
    const start = performance.now();
    const regional = solvePlan(glpk, need(), { scenario: 'regional', targets });
    const local = solvePlan(glpk, need(), { scenario: 'local', targets });
    return { regional, local, solveMs: performance.now() - start };
  },

  async sweep(receptors, targets) {
    const generation = ++sweepGeneration;
    const row = createSweeper(await loadGlpk(), need(), receptors);
    const rows: SweepRow[] = [];
    let sliceStart = performance.now();
    for (const target of targets) {
      rows.push(row(target));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToMessages();
        if (generation !== sweepGeneration) return null;
        sliceStart = performance.now();
      }
    }
    return rows;
  },

  async share(request, onProgress) {
    const generation = ++shareGeneration;
    const key = JSON.stringify([request.targets, request.players]);
    try {
      let game = games.get(key);
      if (!game) {
        const steps = costGameSteps(await loadGlpk(), need(), { targets: request.targets, players: request.players });
        let sliceStart = performance.now();
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            game = step.value;
            break;
          }
          if (performance.now() - sliceStart > SLICE_MS) {
            onProgress?.(step.value.done, step.value.total);
            await yieldToMessages();
            if (generation !== shareGeneration) return null;
            sliceStart = performance.now();
          }
        }
        games.clear(); // one game is enough: the slider moves on
        games.set(key, game);
      }
      return { ok: true, report: sharingReport(game, request.rule, { fund: request.fund, blockingLimit: 10 }) };
    } catch (error) {
      if (error instanceof QueryError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async uncertainty(request, onProgress) {
    const generation = ++uncertaintyGeneration;
    try {
      const { data, query } = withAdjustments(request);
      const steps = monteCarloSteps(await loadGlpk(), data, query);
      let sliceStart = performance.now();
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return { ok: true, report: step.value };
        if (performance.now() - sliceStart > SLICE_MS) {
          onProgress?.(step.value.done, step.value.total);
          await yieldToMessages();
          if (generation !== uncertaintyGeneration) return null;
          sliceStart = performance.now();
        }
      }
    } catch (error) {
      if (error instanceof QueryError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async cancelUncertainty() {
    uncertaintyGeneration++;
  },

  async tornado(request) {
    try {
      const { data, query } = withAdjustments(request);
      return { ok: true, tornado: tornado(await loadGlpk(), data, query) };
    } catch (error) {
      if (error instanceof QueryError) return { ok: false, message: error.message };
      throw error;
    }
  },

  async adjust(values) {
    const from = base ?? need();
    const problems = checkAdjustments(from, values);
    if (problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join(' ') };
    try {
      dataset = applyInputs(from, values);
    } catch (error) {
      if (error instanceof QueryError) return { ok: false, message: error.message };
      throw error;
    }
    adjustments = { ...values };
    games.clear();
    sweepGeneration++; // a sweep of the old numbers stops early
    uncertaintyGeneration++;
    return { ok: true };
  },
};

Comlink.expose(api);
