export * from './types';
export { compile, type Compiled, type Step } from './compile';
export { parseDataset, validateDataset, formatProblems, MAX_DATASET_BYTES, type Problem, type Validation } from './validate';
export { buildProblem, setTargets, solveProblem, solvePlan, exportLp, ozoneAfter, QueryError, type PlanProblem, type GLPK } from './lp';
export { meritOrder, greedyPlan, type MeritStep, type GreedyPlan } from './merit';
export { sweep, createSweeper, sweepTargets, MAX_SWEEP_POINTS, type SweepRow, type SweepQuery } from './sweep';
