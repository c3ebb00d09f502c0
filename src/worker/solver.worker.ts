/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { loadGlpk } from '../model/glpk';
import { createSolver } from './solver';

/** Why glpk's WebAssembly failed to start, in words: the HTTP status of the .wasm file when the
 * server refused it (else Emscripten only says 'expected magic word'). */
function startFailure(error: unknown): Error {
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')) as (PerformanceResourceTiming & { responseStatus?: number }) | undefined;
  const status = wasm?.responseStatus;
  const file = wasm?.name.split('/').pop() ?? 'glpk.wasm';
  return new Error(status && status >= 400 ? `The solver (${file}) could not be downloaded: HTTP ${status}.` : `The solver failed to start: ${error instanceof Error ? error.message : String(error)}`);
}

Comlink.expose(createSolver(loadGlpk().catch((error: unknown) => Promise.reject(startFailure(error)))));
