import * as Comlink from 'comlink';
import type { SolverApi } from './api';

/** Starts the solver worker (a module worker; Vite bundles it with glpk's wasm). */
export function startSolver(): { api: Comlink.Remote<SolverApi>; terminate: () => void } {
  const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module', name: 'airshed-solver' });
  return { api: Comlink.wrap<SolverApi>(worker), terminate: () => worker.terminate() };
}
