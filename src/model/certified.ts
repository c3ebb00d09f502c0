/**
 * The one path by which an LP answer from GLPK reaches the model: every optimum is checked on the
 * unscaled problem (primal feasibility, signs of the duals, duality gap) before it is used, and
 * "infeasible" is believed only when the duals of a phase-one LP prove it. GLPK's tolerances can,
 * on datasets mixing very large and very small numbers, stop at a dearer plan, call a feasible
 * problem infeasible or report GLP_OPT at a point that is not optimal; an answer that cannot be
 * certified is retried (column scaling on and off, presolver off and on) and otherwise reported
 * as an UncertifiedError, never used.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { QueryError } from './errors';

const SOLVER_OPTIONS = { msglev: 0, presol: false } as const;

/**
 * Seconds one GLPK attempt may take. Its simplex can cycle on a badly scaled LP (seen unscaled
 * without the presolver: it never returns); the limit, far above measured solve times (5 rows ×
 * 1000 columns in 11 ms, shared/STACK.md) and growing with the LP's size, turns that into a
 * failed attempt.
 */
const timeLimit = (lp: LP, columns: number) => 1 + (lp.subjectTo.length * columns) / 1e5;

/**
 * No attempt gave an answer that passes the check. A QueryError (its message is for users): the
 * dataset, not the code, is what GLPK cannot solve reliably, so the page and the CLI report it.
 */
export class UncertifiedError extends QueryError {}

export interface Tolerances {
  /** Largest duality gap accepted at an optimum of cost z (objective units). */
  gap: (z: number) => number;
  /** Largest violation accepted for a row (row units); default 1e-9 × (1 + |bound| + Σ|a·x|). */
  row?: (name: string) => number;
}

export type Checked =
  | {
      status: 'optimal';
      /** Cost of `vars` on the unscaled LP. */
      z: number;
      /** Column values on the unscaled LP, within their bounds. */
      vars: Record<string, number>;
      /** Row duals (sign-consistent with the row's bounds). */
      dual: Record<string, number>;
    }
  | { status: 'infeasible' };

/** Relative tolerances of the check when the caller gives none (rows) and for reduced costs of unbounded columns (GLPK's own tol_dj). */
const FEASIBILITY = 1e-9;
const DUAL = 1e-7;

/**
 * The LP with every column that has bounds [0, ub] rescaled to [0, 1] (its coefficients times
 * ub): the solver then works in "share of the step used", so column bounds of 1e8 tonnes and
 * coefficients of 1e-9 μg/m³ per tonne do not meet inside GLPK's tolerances (unscaled, GLPK can
 * call such a feasible problem infeasible). Objective value and row duals are unchanged; a
 * column's value is y × ub. Other columns (e.g. a damage column with no upper bound) stay as they are.
 */
function scaleColumns(lp: LP): { lp: LP; scale: Map<string, number> } {
  const scale = new Map<string, number>();
  for (const b of lp.bounds ?? []) if (b.type === 4 && b.lb === 0 && b.ub > 0) scale.set(b.name, b.ub);
  const scaled = (vars: { name: string; coef: number }[]) => vars.map((v) => ({ name: v.name, coef: v.coef * (scale.get(v.name) ?? 1) }));
  return {
    lp: {
      ...lp,
      objective: { ...lp.objective, vars: scaled(lp.objective.vars) },
      subjectTo: lp.subjectTo.map((row) => ({ ...row, vars: scaled(row.vars) })),
      bounds: (lp.bounds ?? []).map((b) => (scale.has(b.name) ? { ...b, ub: 1 } : b)),
    },
    scale,
  };
}

type Bounds = { type: number; lb: number; ub: number };
// GLPK bound types: 1 free, 2 lower, 3 upper, 4 double, 5 fixed (at lb).
const lowerOf = (b: Bounds) => (b.type === 2 || b.type === 4 || b.type === 5 ? b.lb : -Infinity);
const upperOf = (b: Bounds) => (b.type === 3 || b.type === 4 ? b.ub : b.type === 5 ? b.lb : Infinity);

/** Every column's [lower, upper] as glpk.js sets them (a column without a bounds entry is [0, ∞)). */
function columnBounds(lp: LP): Map<string, [number, number]> {
  const bounds = new Map<string, [number, number]>();
  const add = (name: string) => bounds.has(name) || bounds.set(name, [0, Infinity]);
  lp.objective.vars.forEach((v) => add(v.name));
  lp.subjectTo.forEach((row) => row.vars.forEach((v) => add(v.name)));
  for (const b of lp.bounds ?? []) bounds.set(b.name, [lowerOf(b), upperOf(b)]);
  return bounds;
}

/**
 * Weak duality for min c·x s.t. l <= A x <= u (rows), lo <= x <= up: at any row duals y of the
 * right signs (y >= 0 on a lower bound, <= 0 on an upper), Σ y·(bound) + Σ min over the column's
 * box of (c - yA)·x is a lower bound on every feasible cost. A column with no bound on the side its
 * reduced cost points to makes the bound -∞ unless that reduced cost is round-off (within DUAL of
 * its terms), where x's own value is used. Returns the bound or why there is none.
 */
function lagrangianBound(lp: LP, columns: Map<string, [number, number]>, x: Map<string, number>, rawDual: Record<string, number> | undefined): { bound: number; dual: Record<string, number> } | { why: string } {
  const dual: Record<string, number> = {};
  const reduced = new Map<string, number>();
  const size = new Map<string, number>();
  for (const [name] of columns) (reduced.set(name, 0), size.set(name, 0));
  for (const v of lp.objective.vars) (reduced.set(v.name, reduced.get(v.name)! + v.coef), size.set(v.name, size.get(v.name)! + Math.abs(v.coef)));
  let bound = 0;
  for (const row of lp.subjectTo) {
    const [l, u] = [lowerOf(row.bnds), upperOf(row.bnds)];
    let y = rawDual?.[row.name] ?? 0;
    if (!Number.isFinite(y)) return { why: `row ${row.name} has dual ${y}` };
    if (l === -Infinity) y = Math.min(y, 0);
    if (u === Infinity) y = Math.max(y, 0);
    dual[row.name] = y;
    if (y === 0) continue;
    bound += y > 0 ? y * l : y * u;
    for (const v of row.vars) (reduced.set(v.name, reduced.get(v.name)! - y * v.coef), size.set(v.name, size.get(v.name)! + Math.abs(y * v.coef)));
  }
  for (const [name, d] of reduced) {
    if (d === 0) continue;
    const edge = columns.get(name)![d > 0 ? 0 : 1];
    if (Number.isFinite(edge)) bound += d * edge;
    else if (Math.abs(d) <= DUAL * size.get(name)!) bound += d * x.get(name)!;
    else return { why: `column ${name} has reduced cost ${d} towards no bound` };
  }
  return { bound, dual };
}

type Solution = ReturnType<GLPK['solve']>;

/** The violation accepted for a row whose terms a·x sum to `size` in absolute value. */
function rowTolerance(row: LP['subjectTo'][number], tolerances: Tolerances, size: number): number {
  const finite = [lowerOf(row.bnds), upperOf(row.bnds)].filter(Number.isFinite);
  return tolerances.row?.(row.name) ?? FEASIBILITY * (1 + Math.max(0, ...finite.map(Math.abs)) + size);
}

interface Evidence {
  /** The solver's point, unscaled and clamped into the column bounds, if it meets every row. */
  point?: { z: number; vars: Record<string, number> };
  /** The lower bound its duals prove, if they prove one. */
  bound?: { bound: number; dual: Record<string, number> };
  why?: string;
}

/** What one GLPK optimum proves on the unscaled LP: a feasible point (an upper bound on the optimum) and a lower bound. */
function evidence(lp: LP, columns: Map<string, [number, number]>, out: Solution, scale: Map<string, number>, tolerances: Tolerances): Evidence {
  // Values back in unscaled units, clamped into their bounds (round-off can leave a share at 1 + 1e-12).
  const x = new Map<string, number>();
  for (const [name, [lo, up]] of columns) {
    const raw = (out.result.vars[name] ?? 0) * (scale.get(name) ?? 1);
    if (!Number.isFinite(raw)) return { why: `column ${name} is ${raw}` };
    x.set(name, Math.min(Math.max(raw, lo), up));
  }
  const found: Evidence = {};
  for (const row of lp.subjectTo) {
    let activity = 0;
    let size = 0;
    for (const v of row.vars) (activity += v.coef * x.get(v.name)!, (size += Math.abs(v.coef * x.get(v.name)!)));
    const [l, u] = [lowerOf(row.bnds), upperOf(row.bnds)];
    const violation = Math.max(l - activity, activity - u, 0);
    if (violation > rowTolerance(row, tolerances, size)) found.why ??= `row ${row.name} is violated by ${violation}`;
  }
  if (!found.why) {
    let z = 0;
    for (const v of lp.objective.vars) z += v.coef * x.get(v.name)!;
    found.point = { z, vars: Object.fromEntries(x) };
  }
  const lower = lagrangianBound(lp, columns, x, out.result.dual);
  if ('why' in lower) found.why ??= lower.why;
  else found.bound = lower;
  return found;
}

/**
 * Phase one: min Σ s (each row's violation, on each side it has a bound) over the LP's own column
 * bounds. A lower bound on it above the rows' summed tolerances proves that no point meets every row.
 */
function provedInfeasible(glpk: GLPK, lp: LP, tolerances: Tolerances): boolean {
  const slack: { name: string; coef: number }[] = [];
  const subjectTo = lp.subjectTo.map((row, i) => {
    const vars = [...row.vars];
    if (lowerOf(row.bnds) > -Infinity) vars.push({ name: `below_${i}`, coef: 1 });
    if (upperOf(row.bnds) < Infinity) vars.push({ name: `above_${i}`, coef: -1 });
    slack.push(...vars.slice(row.vars.length).map((v) => ({ name: v.name, coef: 1 })));
    return { ...row, vars };
  });
  const phaseOne: LP = { ...lp, objective: { direction: 1, name: 'violation', vars: slack }, subjectTo };
  const columns = columnBounds(phaseOne);
  const allowed = lp.subjectTo.reduce((sum, row) => sum + rowTolerance(row, tolerances, 0), 0);
  for (const scaled of [true, false]) {
    const input = scaled ? scaleColumns(phaseOne) : { lp: phaseOne, scale: new Map<string, number>() };
    const out = glpk.solve(input.lp, { ...SOLVER_OPTIONS, msglev: glpk.GLP_MSG_OFF, tmlim: timeLimit(phaseOne, columns.size) });
    if (out.result.status !== glpk.GLP_OPT) continue;
    const x = new Map([...columns].map(([name, [lo, up]]) => [name, Math.min(Math.max((out.result.vars[name] ?? 0) * (input.scale.get(name) ?? 1), lo), up)]));
    const lower = lagrangianBound(phaseOne, columns, x, out.result.dual);
    if ('bound' in lower && lower.bound > allowed) return true;
  }
  return false;
}

/**
 * Solves a minimisation LP with GLPK and returns only a certified answer: the first attempt
 * (column-scaled or not, presolver off or on) whose optimum passes the check, or 'infeasible'
 * when a phase-one LP proves it. Otherwise throws UncertifiedError naming `what` and why each
 * attempt failed. GLPK aborts (the whole WebAssembly instance) on an LP without columns, so
 * callers answer those themselves.
 */
export function solveChecked(glpk: GLPK, lp: LP, tolerances: Tolerances, what: string): Checked {
  if (lp.objective.direction !== glpk.GLP_MIN) throw new Error('solveChecked minimises: give it a GLP_MIN objective.');
  const columns = columnBounds(lp);
  const scaledLp = scaleColumns(lp);
  const attempts = scaledLp.scale.size > 0 ? ([[true, false], [false, false], [true, true], [false, true]] as const) : ([[false, false], [false, true]] as const);
  const failures: string[] = [];
  let infeasibleChecked = false;
  // The cheapest point that meets every row and the best lower bound, from any attempt: weak duality holds across them.
  let point: Evidence['point'];
  let bound: Evidence['bound'];
  for (const [scaled, presol] of attempts) {
    const input = scaled ? scaledLp : { lp, scale: new Map<string, number>() };
    const out = glpk.solve(input.lp, { ...SOLVER_OPTIONS, presol, msglev: glpk.GLP_MSG_OFF, tmlim: timeLimit(lp, columns.size) });
    const label = `${scaled ? 'scaled' : 'unscaled'}${presol ? ', presolved' : ''}`;
    const found = out.result.status === glpk.GLP_OPT ? evidence(lp, columns, out, input.scale, tolerances) : undefined;
    if (found?.point && (!point || found.point.z < point.z)) point = found.point;
    if (found?.bound && (!bound || found.bound.bound > bound.bound)) bound = found.bound;
    if (point && bound) {
      const gap = point.z - bound.bound;
      if (gap <= tolerances.gap(point.z)) return { status: 'optimal', ...point, dual: bound.dual };
      failures.push(`${label}: duality gap ${gap} at cost ${point.z}`);
      continue;
    }
    // No point meets every row yet: perhaps none does.
    if (!point && !infeasibleChecked) {
      infeasibleChecked = true;
      if (provedInfeasible(glpk, lp, tolerances)) return { status: 'infeasible' };
    }
    failures.push(`${label}: ${found ? found.why : `GLPK status ${out.result.status}${out.result.status === glpk.GLP_NOFEAS ? ' (infeasible, not proved)' : ''}`}`);
  }
  throw new UncertifiedError(
    `The solver's answer for ${what} could not be checked as optimal (the dataset mixes very large and very small numbers), so it is not used. Attempts: ${failures.join('; ')}.`,
  );
}
