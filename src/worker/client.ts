import * as Comlink from 'comlink';
import type { SolverApi } from './api';

/** How long the solver may take to start (download and compile its WebAssembly) before the page says so. */
export const START_TIMEOUT_MS = 20_000;

/**
 * Starts the solver worker (a module worker; Vite bundles it with glpk's wasm). `ready` resolves
 * once the solver answers, or rejects with a readable reason: the worker script failed to load
 * or threw, the solver failed to start, or it did not answer in time.
 */
export function startSolver(): { api: Comlink.Remote<SolverApi>; ready: Promise<void>; terminate: () => void } {
  const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module', name: 'airshed-solver' });
  const api = Comlink.wrap<SolverApi>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = Promise.race([
    api.ping().then(() => undefined),
    new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new Error(`The solver could not start: its script failed to load or run${event.message ? ` (${event.message})` : ''}.`));
      });
      timer = setTimeout(() => reject(new Error(`The solver did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  return { api, ready, terminate: () => worker.terminate() };
}
