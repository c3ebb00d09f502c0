import type { GLPK, LP } from 'glpk.js/node';
import { compile, lpName, type Compiled } from './compile';
import { LIMITS } from './limits';
import { equalEffortPlan } from './equal-effort';
import { solveChecked, type Tolerances } from './certified';
import { QueryError } from './errors';
import type { Dataset, Infeasibility, PlanQuery, PlanResult, ReceptorTarget, Tally } from './types';

export type { GLPK };
export { QueryError };

/** An LP for one scenario and set of receptors; targets can be changed and re-solved. */
export interface PlanProblem {
  compiled: Compiled;
  query: PlanQuery;
  lp: LP;
  /** Step index of each LP column. */
  columns: number[];
  /** Receptor index of each LP row. */
  rows: number[];
  /** For each row, the step indexes it may use (the scenario's and coalition's sources). */
  rowSteps: number[][];
}

const EPS = 1e-9;

/**
 * A constrained receptor counts as meeting its target when its ozone, recomputed from the cuts,
 * is at most target + TARGET_TOLERANCE × max(1, target) μg/m³ (solver round-off).
 */
export const TARGET_TOLERANCE = 1e-6;
export const targetSlack = (target: number) => TARGET_TOLERANCE * Math.max(1, Math.abs(target));

/** LP row name of receptor r: its index first, so ids that differ only in punctuation stay apart. */
const rowName = (compiled: Compiled, r: number) => `ozone_${r}_${lpName(compiled.dataset.receptors[r].id)}`;

/** Checks a query's targets and jurisdictions (not its scenario); throws QueryError worded for users. */
export function checkTargets(compiled: Compiled, query: Pick<PlanQuery, 'targets' | 'allowedJurisdictions'>): void {
  if (query.targets.length === 0) throw new QueryError('No receptor to constrain: name at least one receptor.');
  const seen = new Set<string>();
  for (const { receptor, target } of query.targets) {
    if (!compiled.receptorIndex.has(receptor))
      throw new QueryError(`Unknown receptor ${JSON.stringify(receptor)}; known: ${compiled.dataset.receptors.map((r) => r.id).join(', ')}.`);
    if (seen.has(receptor)) throw new QueryError(`Receptor ${receptor} is named twice.`);
    seen.add(receptor);
    if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0 || target > LIMITS.ozone)
      throw new QueryError(`The target for ${receptor} must be a positive number of μg/m³ up to ${LIMITS.ozone}, got ${target}.`);
  }
  for (const j of query.allowedJurisdictions ?? [])
    if (!compiled.jurisdictionIndex.has(j)) throw new QueryError(`Unknown jurisdiction ${JSON.stringify(j)}.`);
}

function checkQuery(compiled: Compiled, query: PlanQuery): void {
  if (query.scenario !== 'regional' && query.scenario !== 'local')
    throw new QueryError(
      query.scenario === 'equal'
        ? 'Equal effort has one unknown, the common share, and is solved exactly without an LP: there is no LP to build or export for it.'
        : `Unknown scenario ${JSON.stringify(query.scenario)}: use "regional", "local" or "equal".`,
    );
  checkTargets(compiled, query);
}

/** Builds the least-cost LP: minimise Σ c·x s.t. Σ a·x >= baseline - target per receptor, 0 <= x <= cap. */
export function buildProblem(dataset: Dataset, query: PlanQuery): PlanProblem {
  const compiled = compile(dataset);
  checkQuery(compiled, query);
  const allowed = query.allowedJurisdictions ? new Set(query.allowedJurisdictions.map((j) => compiled.jurisdictionIndex.get(j)!)) : undefined;
  const rows = query.targets.map((t) => compiled.receptorIndex.get(t.receptor)!);
  const rowSteps = rows.map((r) =>
    compiled.steps
      .filter((k) => (!allowed || allowed.has(k.jurisdiction)) && (query.scenario === 'regional' || k.jurisdiction === compiled.receptorJurisdiction[r]))
      .filter((k) => compiled.effect[r][k.index] !== 0 && k.cap > 0)
      .map((k) => k.index),
  );
  const columns = [...new Set(rowSteps.flat())].sort((a, b) => a - b);
  const lp: LP = {
    name: `airshed_${query.scenario}`,
    objective: {
      direction: 1, // GLP_MIN
      name: 'cost_yuan',
      vars: columns.map((k) => ({ name: compiled.columnNames[k], coef: compiled.steps[k].unitCost })),
    },
    subjectTo: rows.map((r, i) => ({
      name: rowName(compiled, r),
      vars: rowSteps[i].map((k) => ({ name: compiled.columnNames[k], coef: compiled.effect[r][k] })),
      bnds: { type: 2, lb: 0, ub: 0 }, // GLP_LO; lb set by setTargets
    })),
    bounds: columns.map((k) => ({ name: compiled.columnNames[k], type: 4, lb: 0, ub: compiled.steps[k].cap })), // GLP_DB
  };
  const problem: PlanProblem = { compiled, query, lp, columns, rows, rowSteps };
  setTargets(problem, query.targets);
  return problem;
}

/** Re-targets a built problem in place (the sweep reuses one LP across targets). */
export function setTargets(problem: PlanProblem, targets: ReceptorTarget[]): void {
  problem.query = { ...problem.query, targets };
  targets.forEach((t, i) => {
    const r = problem.rows[i];
    problem.lp.subjectTo[i].bnds.lb = problem.compiled.dataset.receptors[r].baseline - t.target;
  });
}

function emptyTallies(ids: { id: string }[], pollutants: string[]): Record<string, Tally> {
  return Object.fromEntries(ids.map(({ id }) => [id, { cost: 0, cutTonnes: Object.fromEntries(pollutants.map((p) => [p, 0])) }]));
}

/** Ozone at every receptor after the given cuts (baseline minus coefficient-weighted cuts). */
export function ozoneAfter(compiled: Compiled, stepCuts: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(
    compiled.dataset.receptors.map((receptor, r) => {
      let removed = 0;
      for (let k = 0; k < stepCuts.length; k++) removed += compiled.effect[r][k] * stepCuts[k];
      return [receptor.id, receptor.baseline - removed];
    }),
  );
}

/** Why a target cannot be met: per receptor, the best it could reach alone with its allowed steps. */
export function reachAlone(problem: PlanProblem): number[] {
  const { compiled } = problem;
  return problem.rows.map((r, i) => {
    const best = problem.rowSteps[i].reduce((sum, k) => sum + Math.max(compiled.effect[r][k], 0) * compiled.steps[k].cap, 0);
    const { baseline, background } = compiled.dataset.receptors[r];
    return Math.max(baseline - best, background);
  });
}

/** Some target is below what its receptor can reach alone: infeasible for certain, no solver needed. */
const unreachableAlone = (problem: PlanProblem) => reachAlone(problem).some((reach, i) => problem.query.targets[i].target < reach - EPS);

function diagnose(problem: PlanProblem): Infeasibility[] {
  const { compiled } = problem;
  const reach = reachAlone(problem);
  const unreachable: Infeasibility[] = [];
  problem.rows.forEach((r, i) => {
    const { receptor, target } = problem.query.targets[i];
    if (target < reach[i] - EPS) {
      const place = compiled.dataset.jurisdictions[compiled.receptorJurisdiction[r]].name.en;
      const who = problem.query.scenario === 'local' ? `${place}'s own sources` : 'The sources allowed';
      const atBackground = reach[i] === compiled.dataset.receptors[r].background;
      unreachable.push({
        receptor,
        target,
        bestReachable: reach[i],
        reason: atBackground
          ? `${target} μg/m³ is below the background ozone in ${place} (${reach[i].toFixed(1)} μg/m³, formed outside the basin), which no cut inside it can remove`
          : !problem.rowSteps[i].some((k) => compiled.effect[r][k] > 0)
            ? `${who} have no control step that lowers ozone in ${place} (their effects there are zero or negative, or their emissions are zero), so it stays at ${reach[i].toFixed(1)} μg/m³`
            : `${who} can bring ${place} down to ${reach[i].toFixed(1)} μg/m³ at best, with every control step in use`,
      });
    }
  });
  if (unreachable.length > 0) return unreachable;
  // Each target is reachable alone, so they conflict: cuts that help one receptor raise another's ozone.
  return problem.query.targets.map(({ receptor, target }, i) => ({
    receptor,
    target,
    bestReachable: reach[i],
    reason: `${compiled.dataset.jurisdictions[compiled.receptorJurisdiction[problem.rows[i]]].name.en} can reach ${reach[i].toFixed(1)} μg/m³ alone, but not while the other targets are met (cuts that help one receptor raise ozone at another)`,
  }));
}

/**
 * What to hand GLPK, or the answer without it. GLPK aborts (the whole WebAssembly instance) on an
 * LP without columns, so degenerate problems are answered here: a row no allowed step affects is
 * met only if it needs no cut (lb <= 0); if no row needs a cut, no cut is the optimum (costs are
 * never negative); rows without steps are left out of what GLPK sees.
 */
function solverInput(problem: PlanProblem): { answer: 'infeasible' | 'no-cut' } | { lp: LP } {
  const rows = problem.lp.subjectTo;
  if (rows.some((row) => row.vars.length === 0 && row.bnds.lb > EPS)) return { answer: 'infeasible' };
  if (rows.every((row) => row.bnds.lb <= 0)) return { answer: 'no-cut' };
  const subjectTo = rows.filter((row) => row.vars.length > 0);
  if (problem.columns.length === 0 || subjectTo.length === 0) return { answer: 'no-cut' };
  return { lp: { ...problem.lp, subjectTo } };
}

/**
 * What certifies a plan's LP: each row met to within its target's slack (as missedTargets checks
 * the ozone), and a duality gap within 1e-7 of the cost or LIMITS.yuanResolution.
 */
export function planTolerances(problem: PlanProblem): Tolerances {
  const slack = new Map(problem.rows.map((r, i) => [rowName(problem.compiled, r), targetSlack(problem.query.targets[i].target)]));
  return { gap: (z) => Math.max(LIMITS.yuanResolution, 1e-7 * Math.abs(z)), row: (name) => slack.get(name) ?? 0 };
}

/**
 * Constrained receptors whose ozone after all the cuts misses the target. Under local control
 * each place plans with its own sources only, so another place's cuts (NOx titration: a negative
 * coefficient) can push its ozone back above the target; with every plan carried out together,
 * the places listed here miss it.
 */
function missedTargets(problem: PlanProblem, ozone: Record<string, number>): Infeasibility[] {
  const { compiled, query } = problem;
  const missed: Infeasibility[] = [];
  problem.rows.forEach((r, i) => {
    const { receptor, target } = query.targets[i];
    const together = ozone[receptor];
    if (together <= target + targetSlack(target)) return;
    const place = compiled.dataset.jurisdictions[compiled.receptorJurisdiction[r]].name.en;
    const own = problem.rowSteps[i].reduce((sum, k) => sum + Math.max(compiled.effect[r][k], 0) * compiled.steps[k].cap, 0);
    const { baseline, background } = compiled.dataset.receptors[r];
    missed.push({
      receptor,
      target,
      bestReachable: Math.min(target, Math.max(baseline - own, background)),
      ozoneTogether: together,
      reason:
        query.scenario === 'local'
          ? `${place}'s own plan meets ${target} μg/m³ alone, but with every place's own plan carried out its ozone is ${together.toFixed(1)} μg/m³: other places' cuts raise it (NOx titration)`
          : `the solver's plan leaves ${place} at ${together.toFixed(1)} μg/m³, above the target (numerical round-off in an ill-conditioned dataset)`,
    });
  });
  return missed;
}

/** A plan with nothing cut or tallied yet. */
export function emptyPlan(dataset: Dataset, query: PlanQuery, feasible: boolean): PlanResult {
  const pollutants = dataset.pollutants.map((p) => p.id);
  return {
    query,
    feasible,
    totalCost: null,
    stepCuts: [],
    byJurisdiction: emptyTallies(dataset.jurisdictions, pollutants),
    byProvince: emptyTallies(dataset.provinces, pollutants),
    bySector: emptyTallies(dataset.sectors, pollutants),
    byPollutant: emptyTallies(dataset.pollutants, pollutants),
    ozone: {},
    marginalCost: {},
    infeasibility: [],
  };
}

/** A feasible plan's cuts, their cost tallied by jurisdiction, province, sector and pollutant, and the ozone they leave. */
export function fillPlan(result: PlanResult, compiled: Compiled, cuts: number[], ozone: Record<string, number>): void {
  const { dataset } = compiled;
  const pollutants = dataset.pollutants.map((p) => p.id);
  let total = 0;
  for (const step of compiled.steps) {
    const cut = cuts[step.index];
    if (cut <= 0) continue;
    const cost = cut * step.unitCost;
    total += cost;
    const p = pollutants[step.pollutant];
    for (const [tallies, id] of [
      [result.byJurisdiction, dataset.jurisdictions[step.jurisdiction].id],
      [result.byProvince, dataset.provinces[step.province].id],
      [result.bySector, dataset.sectors[step.sector].id],
      [result.byPollutant, p],
    ] as const) {
      tallies[id].cost += cost;
      tallies[id].cutTonnes[p] += cut;
    }
  }
  result.totalCost = total;
  result.stepCuts = cuts;
  result.ozone = ozone;
}

/**
 * Solves a built problem with glpk.js and interprets the solution. A plan is feasible only if
 * every constrained receptor meets its target with the ozone recomputed from all the cuts (see
 * missedTargets); degenerate problems are answered without the solver (see solverInput).
 */
export function solveProblem(glpk: GLPK, problem: PlanProblem): PlanResult {
  const { compiled, query } = problem;
  const dataset = compiled.dataset;
  const belowBackground = problem.rows.some((r, i) => query.targets[i].target < dataset.receptors[r].background);
  // The linear response is not valid below the background floor, so such targets are not solved.
  const input = belowBackground || unreachableAlone(problem) ? ({ answer: 'infeasible' } as const) : solverInput(problem);
  const solved = 'lp' in input ? solveChecked(glpk, input.lp, planTolerances(problem), `the ${query.scenario} plan`) : undefined;
  const result = emptyPlan(dataset, query, 'answer' in input ? input.answer === 'no-cut' : solved?.status === 'optimal');
  const infeasible = (why: Infeasibility[]) => {
    result.feasible = false;
    result.ozone = ozoneAfter(compiled, []);
    result.infeasibility = why;
    return result;
  };
  if (!result.feasible) return infeasible(diagnose(problem));
  const optimum = solved?.status === 'optimal' ? solved : undefined;
  const cuts = new Array<number>(compiled.steps.length).fill(0);
  if (optimum) problem.columns.forEach((k) => (cuts[k] = optimum.vars[compiled.columnNames[k]] ?? 0));
  const ozone = ozoneAfter(compiled, cuts);
  const missed = missedTargets(problem, ozone);
  if (missed.length > 0) return infeasible(missed);
  fillPlan(result, compiled, cuts, ozone);
  if (optimum) {
    problem.rows.forEach((r) => {
      const dual = optimum.dual[rowName(compiled, r)] ?? 0;
      if (Math.abs(dual) > EPS) result.marginalCost[dataset.receptors[r].id] = dual;
    });
  }
  return result;
}

/**
 * The lowest ozone a receptor reaches under a scenario with every allowed step in use (never
 * below its background): the exact floor, μg/m³, that no target below can be met under.
 */
export function floorOf(dataset: Dataset, receptor: string, scenario: PlanQuery['scenario']): number {
  const baseline = dataset.receptors.find((r) => r.id === receptor)?.baseline;
  if (baseline === undefined) throw new QueryError(`Unknown receptor ${JSON.stringify(receptor)}.`);
  return reachAlone(buildProblem(dataset, { scenario, targets: [{ receptor, target: baseline }] }))[0];
}

/** Builds and solves in one call (equal effort: solved exactly, without GLPK). */
export function solvePlan(glpk: GLPK, dataset: Dataset, query: PlanQuery): PlanResult {
  return query.scenario === 'equal' ? equalEffortPlan(dataset, query) : solveProblem(glpk, buildProblem(dataset, query));
}

/** Text for an LP file comment: printable ASCII only, so dataset text cannot start a new line (or a constraint). */
export const lpComment = (text: string, maxChars = 200) => text.slice(0, maxChars).replace(/[^\x20-\x7e]/g, '?');

/** An LP-file number, exact (shortest round-trip form): finite by the dataset limits; the exponent form (1e-7) is valid LP syntax. */
const lpNumber = (x: number) => String(x);

/**
 * The LP in CPLEX LP format, for checking in another solver. Written here rather than by
 * glpk.write, which prints to stdout and writes a file as a side effect. Every name is built by
 * lpName ([A-Za-z0-9_], with an index so names are unique) and every comment goes through
 * lpComment, so nothing in the dataset can add a line. A row no allowed step affects is written
 * with a column fixed at 0 (the file stays an exact statement of the problem).
 */
export function exportLp(dataset: Dataset, query: PlanQuery): string {
  const { lp, compiled } = buildProblem(dataset, query);
  const NONE = 'no_step';
  const needsNone = lp.objective.vars.length === 0 || lp.subjectTo.some((row) => row.vars.length === 0);
  const terms = (vars: { name: string; coef: number }[]) => {
    if (vars.length === 0) return `   0 ${NONE}`;
    const parts = vars.map((v, i) => `${v.coef < 0 ? '-' : i === 0 ? '' : '+'} ${lpNumber(Math.abs(v.coef))} ${v.name}`.trim());
    const lines: string[] = [];
    for (let i = 0; i < parts.length; i += 4) lines.push(`   ${parts.slice(i, i + 4).join(' ')}`);
    return lines.join('\n');
  };
  const targets = query.targets.map((t) => `${t.receptor} <= ${t.target} ug/m3`).join(', ');
  return [
    `\\ ${lpComment(`Airshed least-cost ozone plan: ${query.scenario} control, ${targets}`, 2000)}`,
    `\\ ${lpComment(`Dataset ${compiled.dataset.meta.id} v${compiled.dataset.meta.version}.`)} Objective in yuan/yr; columns in t/yr cut;`,
    '\\ each row: ozone removed at the receptor (ug/m3) >= baseline - target.',
    ...(needsNone ? [`\\ ${NONE}: a placeholder column fixed at 0, for a row (or objective) no allowed control step affects.`] : []),
    'Minimize',
    ` ${lp.objective.name}:`,
    terms(lp.objective.vars),
    'Subject To',
    ...lp.subjectTo.flatMap((row) => [` ${row.name}:`, terms(row.vars), `   >= ${lpNumber(row.bnds.lb)}`]),
    'Bounds',
    ...(lp.bounds ?? []).map((b) => ` 0 <= ${b.name} <= ${Number(b.ub.toPrecision(12))}`),
    ...(needsNone ? [` ${NONE} = 0`] : []),
    'End',
    '',
  ].join('\n');
}
