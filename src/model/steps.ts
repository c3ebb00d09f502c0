/** Progress of a long computation that runs as a generator, so a worker can slice it. */
export interface Progress {
  done: number;
  total: number;
}

/** Runs a stepwise computation to the end in one go (Node, tests, the CLI), reporting progress. */
export function runSteps<R>(steps: Generator<Progress, R, void>, onProgress?: (done: number, total: number) => void): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value.done, next.value.total);
  }
}
