import type { GLPK, LP } from 'glpk.js/node';
import { compile, lpName, type Compiled } from './compile';
import { LIMITS } from './limits';
import { equalEffortPlan } from './equal-effort';
import type { Dataset, Infeasibility, PlanQuery, PlanResult, ReceptorTarget, Tally } from './types';

export type { GLPK };

/** Thrown for a query that names things the dataset lacks; the message is for users. */
export class QueryError extends Error {}

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

export const SOLVER_OPTIONS = { msglev: 0, presol: false } as const;

/**
 * The LP with every column that has bounds [0, ub] rescaled to [0, 1] (its coefficients times
 * ub): the solver then works in "share of the step used", so column bounds of 1e8 tonnes and
 * coefficients of 1e-9 μg/m³ per tonne do not meet inside GLPK's tolerances (unscaled, GLPK can
 * call such a feasible problem infeasible). Objective value and row duals are unchanged; a
 * column's value is y × ub. Other columns (e.g. a damage column with no upper bound) stay as they are.
 */
export function scaleColumns(lp: LP): LP {
  const scale = new Map<string, number>();
  for (const b of lp.bounds ?? []) if (b.type === 4 && b.lb === 0 && b.ub > 0) scale.set(b.name, b.ub);
  const scaled = (vars: { name: string; coef: number }[]) => vars.map((v) => ({ name: v.name, coef: v.coef * (scale.get(v.name) ?? 1) }));
  return {
    ...lp,
    objective: { ...lp.objective, vars: scaled(lp.objective.vars) },
    subjectTo: lp.subjectTo.map((row) => ({ ...row, vars: scaled(row.vars) })),
    bounds: (lp.bounds ?? []).map((b) => (scale.has(b.name) ? { ...b, ub: 1 } : b)),
  };
}

/**
 * What to hand GLPK (column-scaled), or the answer without it. GLPK aborts (the whole WebAssembly instance) on an
 * LP without columns, so degenerate problems are answered here: a row no allowed step affects is
 * met only if it needs no cut (lb <= 0); if no row needs a cut, no cut is the optimum (costs are
 * never negative); rows without steps are left out of what GLPK sees.
 */
function solverInput(problem: PlanProblem): { answer: 'infeasible' | 'no-cut' } | { lp: LP; scaled: boolean } {
  const rows = problem.lp.subjectTo;
  if (rows.some((row) => row.vars.length === 0 && row.bnds.lb > EPS)) return { answer: 'infeasible' };
  if (rows.every((row) => row.bnds.lb <= 0)) return { answer: 'no-cut' };
  const subjectTo = rows.filter((row) => row.vars.length > 0);
  if (problem.columns.length === 0 || subjectTo.length === 0) return { answer: 'no-cut' };
  return { lp: { ...problem.lp, subjectTo }, scaled: true };
}

type Solution = ReturnType<GLPK['solve']>;

/**
 * Duality gap of a solution to min c·x s.t. A x >= lb (rows), 0 <= x <= ub: primal cost minus
 * the Lagrangian bound Σ y·lb + Σ min(0, c - yA)·ub at the solver's duals y >= 0, which no
 * feasible plan can beat. A gap near 0 certifies the plan optimal whatever the solver did.
 */
function dualityGap(lp: LP, out: Solution): number {
  const y = lp.subjectTo.map((row) => Math.max(0, out.result.dual?.[row.name] ?? 0));
  const reduced = new Map(lp.objective.vars.map((v) => [v.name, v.coef]));
  lp.subjectTo.forEach((row, i) => row.vars.forEach((v) => reduced.set(v.name, (reduced.get(v.name) ?? 0) - y[i] * v.coef)));
  const upper = new Map((lp.bounds ?? []).map((b) => [b.name, b.ub]));
  let bound = lp.subjectTo.reduce((sum, row, i) => sum + y[i] * row.bnds.lb, 0);
  for (const [name, d] of reduced) bound += Math.min(0, d) * (upper.get(name) ?? Infinity);
  let primal = 0;
  for (const v of lp.objective.vars) primal += v.coef * (out.result.vars[v.name] ?? 0);
  return primal - bound;
}

/**
 * Solves with GLPK and checks the answer: an optimum must come with a duality gap within 1e-7 of
 * its cost (or LIMITS.yuanResolution). GLPK's tolerances can, on datasets mixing very large and very small numbers, stop
 * at a dearer plan or call a feasible problem infeasible; then the LP is solved again unscaled
 * and with the presolver, and the first certified optimum (else the cheapest) is kept.
 */
function solveChecked(glpk: GLPK, lp: LP): { out: Solution; scaled: boolean } {
  let best: { out: Solution; scaled: boolean } | undefined;
  let first: { out: Solution; scaled: boolean } | undefined;
  for (const [scaled, presol] of [[true, false], [false, false], [true, true], [false, true]] as const) {
    const input = scaled ? scaleColumns(lp) : lp;
    const out = glpk.solve(input, { ...SOLVER_OPTIONS, presol, msglev: glpk.GLP_MSG_OFF });
    first ??= { out, scaled };
    if (out.result.status !== glpk.GLP_OPT) continue;
    const z = out.result.z;
    if (Number.isFinite(z) && dualityGap(input, out) <= Math.max(LIMITS.yuanResolution, 1e-7 * Math.abs(z))) return { out, scaled };
    if (!best || z < best.out.result.z) best = { out, scaled };
  }
  return best ?? first!;
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
  const solved = 'lp' in input ? solveChecked(glpk, input.lp) : undefined;
  const out = solved?.out;
  const result = emptyPlan(dataset, query, 'answer' in input ? input.answer === 'no-cut' : out?.result.status === glpk.GLP_OPT);
  const infeasible = (why: Infeasibility[]) => {
    result.feasible = false;
    result.ozone = ozoneAfter(compiled, []);
    result.infeasibility = why;
    return result;
  };
  if (!result.feasible) return infeasible(diagnose(problem));
  const cuts = new Array<number>(compiled.steps.length).fill(0);
  if (out) {
    problem.columns.forEach((k) => {
      // A scaled solve works in shares of each step (scaleColumns); clamp round-off so cuts stay within [0, cap].
      const { cap } = compiled.steps[k];
      cuts[k] = Math.min(Math.max((out.result.vars[compiled.columnNames[k]] ?? 0) * (solved!.scaled ? cap : 1), 0), cap);
    });
  }
  const ozone = ozoneAfter(compiled, cuts);
  const missed = missedTargets(problem, ozone);
  if (missed.length > 0) return infeasible(missed);
  fillPlan(result, compiled, cuts, ozone);
  if (out) {
    problem.rows.forEach((r) => {
      const dual = out.result.dual?.[rowName(compiled, r)] ?? 0;
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
