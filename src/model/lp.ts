import type { GLPK, LP } from 'glpk.js/node';
import { compile, lpName, type Compiled } from './compile';
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

const rowName = (compiled: Compiled, r: number) => `ozone_${lpName(compiled.dataset.receptors[r].id)}`;

function checkQuery(compiled: Compiled, query: PlanQuery): void {
  if (query.scenario !== 'regional' && query.scenario !== 'local')
    throw new QueryError(`Unknown scenario ${JSON.stringify(query.scenario)}: use "regional" or "local".`);
  if (query.targets.length === 0) throw new QueryError('No receptor to constrain: name at least one receptor.');
  const seen = new Set<string>();
  for (const { receptor, target } of query.targets) {
    if (!compiled.receptorIndex.has(receptor))
      throw new QueryError(`Unknown receptor ${JSON.stringify(receptor)}; known: ${compiled.dataset.receptors.map((r) => r.id).join(', ')}.`);
    if (seen.has(receptor)) throw new QueryError(`Receptor ${receptor} is named twice.`);
    seen.add(receptor);
    if (!Number.isFinite(target) || target <= 0) throw new QueryError(`The target for ${receptor} must be a positive number of μg/m³, got ${target}.`);
  }
  for (const j of query.allowedJurisdictions ?? [])
    if (!compiled.jurisdictionIndex.has(j)) throw new QueryError(`Unknown jurisdiction ${JSON.stringify(j)}.`);
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
function diagnose(problem: PlanProblem): Infeasibility[] {
  const { compiled } = problem;
  const reach = problem.rows.map((r, i) => {
    const best = problem.rowSteps[i].reduce((sum, k) => sum + Math.max(compiled.effect[r][k], 0) * compiled.steps[k].cap, 0);
    const { baseline, background } = compiled.dataset.receptors[r];
    return Math.max(baseline - best, background);
  });
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

/** Solves a built problem with glpk.js and interprets the solution. */
export function solveProblem(glpk: GLPK, problem: PlanProblem): PlanResult {
  const { compiled, query } = problem;
  const dataset = compiled.dataset;
  const belowBackground = problem.rows.some((r, i) => query.targets[i].target < dataset.receptors[r].background);
  // The linear response is not valid below the background floor, so such targets are not solved.
  const out = belowBackground ? undefined : glpk.solve(problem.lp, { ...SOLVER_OPTIONS, msglev: glpk.GLP_MSG_OFF });
  const pollutants = dataset.pollutants.map((p) => p.id);
  const result: PlanResult = {
    query,
    feasible: out?.result.status === glpk.GLP_OPT,
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
  if (!out || !result.feasible) {
    result.ozone = ozoneAfter(compiled, []);
    result.infeasibility = diagnose(problem);
    return result;
  }
  const cuts = new Array<number>(compiled.steps.length).fill(0);
  problem.columns.forEach((k) => {
    // Clamp solver round-off so cuts stay within [0, cap].
    cuts[k] = Math.min(Math.max(out.result.vars[compiled.columnNames[k]] ?? 0, 0), compiled.steps[k].cap);
  });
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
  result.ozone = ozoneAfter(compiled, cuts);
  problem.rows.forEach((r) => {
    const dual = out.result.dual?.[rowName(compiled, r)] ?? 0;
    if (Math.abs(dual) > EPS) result.marginalCost[dataset.receptors[r].id] = dual;
  });
  return result;
}

/** Builds and solves in one call. */
export function solvePlan(glpk: GLPK, dataset: Dataset, query: PlanQuery): PlanResult {
  return solveProblem(glpk, buildProblem(dataset, query));
}

/**
 * The LP in CPLEX LP format, for checking in another solver. Written here rather than by
 * glpk.write, which prints to stdout and writes a file as a side effect.
 */
export function exportLp(dataset: Dataset, query: PlanQuery): string {
  const { lp, compiled } = buildProblem(dataset, query);
  const terms = (vars: { name: string; coef: number }[]) => {
    const parts = vars.map((v, i) => `${v.coef < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(v.coef)} ${v.name}`.trim());
    const lines: string[] = [];
    for (let i = 0; i < parts.length; i += 4) lines.push(`   ${parts.slice(i, i + 4).join(' ')}`);
    return lines.join('\n');
  };
  const targets = query.targets.map((t) => `${t.receptor} <= ${t.target} ug/m3`).join(', ');
  return [
    `\\ Airshed least-cost ozone plan: ${query.scenario} control, ${targets}`,
    `\\ Dataset ${compiled.dataset.meta.id} v${compiled.dataset.meta.version}. Objective in yuan/yr; columns in t/yr cut;`,
    '\\ each row: ozone removed at the receptor (ug/m3) >= baseline - target.',
    'Minimize',
    ` ${lp.objective.name}:`,
    terms(lp.objective.vars),
    'Subject To',
    ...lp.subjectTo.flatMap((row) => [` ${row.name}:`, terms(row.vars), `   >= ${row.bnds.lb}`]),
    'Bounds',
    ...(lp.bounds ?? []).map((b) => ` 0 <= ${b.name} <= ${Number(b.ub.toPrecision(12))}`),
    'End',
    '',
  ].join('\n');
}
