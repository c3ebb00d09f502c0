/**
 * The nucleolus of the cost game: the allocation that makes the largest excess x(S) - v(S) (what
 * a coalition S is charged beyond what it would pay on its own) as small as possible, then the
 * next largest, and so on. Computed exactly by the standard sequence of linear programmes, solved
 * with glpk.js, each answer certified (certified.ts):
 *
 *   round k:  minimise t  s.t.  x(S) - v(S) <= t   for every coalition S still free,
 *                               x(S) - v(S) = e_S  for the coalitions fixed in earlier rounds,
 *                               x(N) = v(N).
 *
 * A coalition whose row has a non-zero dual at the optimum is tight in every optimal solution
 * (complementary slackness), and since t is free the duals of the free rows sum to 1, so each
 * round fixes at least one coalition at e_S = t*. Coalitions whose characteristic vector lies in
 * the span of the fixed ones (and N) have a determined excess and leave the free set. Each round
 * raises that span's rank, so after at most n - 1 rounds the equations fix x: the nucleolus.
 *
 * This is the nucleolus over all efficient allocations (the prenucleolus); it lies in the core
 * whenever the core is not empty, where it coincides with the nucleolus over imputations. The
 * first round's t* is the least possible largest excess: at most 0 exactly when the core is not
 * empty.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { solveChecked, type Tolerances } from './certified';
import { COST_TOLERANCE, type CostGame, type SharingProgress } from './sharing';
import { runSteps } from './steps';

/** Relative tolerance (to the largest |v(S)|) for tight rows, non-zero duals and the span test. */
const EPS = 1e-9;

export interface NucleolusLevel {
  /** Excess x(S) - v(S) of the coalitions fixed in this round, yuan/yr (negative: they pay less than alone). */
  excess: number;
  /** Coalition bitmasks fixed at that excess. */
  masks: number[];
}

export interface Nucleolus {
  /** yuan/yr per player, players order; sums to v(N). */
  allocation: number[];
  /** The largest excess no allocation can avoid (round 1's optimum), yuan/yr: <= 0 iff the core is not empty. */
  maxExcess: number;
  /** The core is not empty (maxExcess within the game's tolerance of 0 or below). */
  coreNonEmpty: boolean;
  /** Excess levels fixed round by round, largest first. */
  levels: NucleolusLevel[];
  /** Linear programmes solved. */
  rounds: number;
}

/** Rows in reduced row echelon form, augmented with the right-hand side (the last entry). */
class Span {
  rows: Float64Array[] = [];
  pivots: number[] = [];
  constructor(private readonly n: number) {}

  /** An augmented vector [a | rhs] reduced against the basis. */
  private reduce(a: Float64Array): Float64Array {
    const r = Float64Array.from(a);
    this.rows.forEach((row, k) => {
      const f = r[this.pivots[k]];
      if (f !== 0) for (let j = 0; j <= this.n; j++) r[j] -= f * row[j];
    });
    return r;
  }

  contains(mask: number): boolean {
    const r = this.reduce(vector(mask, this.n, 0));
    for (let j = 0; j < this.n; j++) if (Math.abs(r[j]) > EPS) return false;
    return true;
  }

  /** Adds the equation x(mask) = rhs; false if it was already implied. */
  add(mask: number, rhs: number): boolean {
    const r = this.reduce(vector(mask, this.n, rhs));
    let pivot = -1;
    for (let j = 0; j < this.n; j++) if (Math.abs(r[j]) > EPS && (pivot < 0 || Math.abs(r[j]) > Math.abs(r[pivot]))) pivot = j;
    if (pivot < 0) return false;
    const p = r[pivot];
    for (let j = 0; j <= this.n; j++) r[j] /= p;
    r[pivot] = 1;
    for (const row of this.rows) {
      const f = row[pivot];
      if (f !== 0) for (let j = 0; j <= this.n; j++) row[j] -= f * r[j];
    }
    this.rows.push(r);
    this.pivots.push(pivot);
    return true;
  }

  get rank(): number {
    return this.rows.length;
  }

  /** The unique solution, once the rank is n. */
  solution(): number[] {
    const x = new Array<number>(this.n).fill(0);
    this.rows.forEach((row, k) => (x[this.pivots[k]] = row[this.n]));
    return x;
  }
}

function vector(mask: number, n: number, rhs: number): Float64Array {
  const a = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) if (mask & (1 << i)) a[i] = 1;
  a[n] = rhs;
  return a;
}

const rowName = (mask: number) => `s${mask}`;

/**
 * The nucleolus, one linear programme per step (at most n - 1 of them), yielding progress after
 * each so that a worker can yield to its message queue between them.
 */
export function* nucleolusSteps(glpk: GLPK, game: Pick<CostGame, 'players' | 'value'>): Generator<SharingProgress, Nucleolus, void> {
  const n = game.players.length;
  const full = game.value.length - 1;
  // Work in units of the largest |v(S)|, so that GLPK's absolute tolerances mean the same in any dataset.
  let scale = 1;
  for (const v of game.value) scale = Math.max(scale, Math.abs(v));
  const v = (mask: number) => game.value[mask] / scale;
  const tolerance = EPS * Math.max(1, n);

  const span = new Span(n);
  span.add(full, v(full));
  const fixed: { mask: number; excess: number }[] = [];
  let free: number[] = [];
  for (let mask = 1; mask < full; mask++) free.push(mask);
  const levels: NucleolusLevel[] = [];
  const names = game.players.map((_, i) => `x${i}`);
  const members = (mask: number) => names.filter((_, i) => mask & (1 << i)).map((name) => ({ name, coef: 1 }));
  // Values are in units of the largest |v(S)|: the game's own relative tolerance, absolute here.
  const tolerances: Tolerances = { gap: () => COST_TOLERANCE, row: () => COST_TOLERANCE };
  let maxExcess = 0;
  let rounds = 0;

  while (span.rank < n) {
    const lp: LP = {
      name: 'nucleolus',
      objective: { direction: glpk.GLP_MIN, name: 'max_excess', vars: [{ name: 't', coef: 1 }] },
      subjectTo: [
        { name: rowName(full), vars: members(full), bnds: { type: glpk.GLP_FX, lb: v(full), ub: v(full) } },
        ...fixed.map(({ mask, excess }) => ({ name: rowName(mask), vars: members(mask), bnds: { type: glpk.GLP_FX, lb: v(mask) + excess, ub: v(mask) + excess } })),
        ...free.map((mask) => ({ name: rowName(mask), vars: [...members(mask), { name: 't', coef: -1 }], bnds: { type: glpk.GLP_UP, lb: 0, ub: v(mask) } })),
      ],
      bounds: [...names, 't'].map((name) => ({ name, type: glpk.GLP_FR, lb: 0, ub: 0 })),
    };
    rounds++;
    const out = solveChecked(glpk, lp, tolerances, `the nucleolus LP (round ${rounds})`);
    if (out.status !== 'optimal') throw new Error(`The nucleolus LP has no optimum (round ${rounds}), though every allocation with a large enough t is feasible.`);
    const t = out.z;
    if (rounds === 1) maxExcess = t;
    const x = names.map((name) => out.vars[name] ?? 0);
    const excess = (mask: number) => x.reduce((sum, xi, i) => (mask & (1 << i) ? sum + xi : sum), 0) - v(mask);
    // Rows with a non-zero dual are tight at every optimum; the free rows' duals sum to 1.
    let tight = free.filter((mask) => Math.abs(out.dual[rowName(mask)] ?? 0) > tolerance);
    if (tight.length === 0) tight = provablyTight(glpk, lp, free, t, excess, tolerance, tolerances);
    const added: number[] = [];
    for (const mask of tight) {
      if (span.add(mask, v(mask) + t)) {
        fixed.push({ mask, excess: t });
      }
      added.push(mask);
    }
    if (added.length === 0) throw new Error(`The nucleolus LP fixed no coalition (round ${rounds}).`);
    levels.push({ excess: t * scale, masks: added });
    free = free.filter((mask) => !added.includes(mask) && !span.contains(mask));
    yield { done: span.rank - 1, total: n - 1 };
  }
  const allocation = span.solution().map((xi) => xi * scale);
  return {
    allocation,
    maxExcess: maxExcess * scale,
    coreNonEmpty: n === 1 || maxExcess <= COST_TOLERANCE,
    levels,
    rounds,
  };
}

/**
 * Fallback when no free row's dual is reported non-zero (numerical trouble): a free coalition
 * tight at this optimum is tight at every optimum if even the least excess it can have on the
 * optimal face is t. The first such coalition is returned (there is always one).
 */
function provablyTight(glpk: GLPK, lp: LP, free: number[], t: number, excess: (mask: number) => number, tolerance: number, tolerances: Tolerances): number[] {
  const face: LP['subjectTo'] = lp.subjectTo.map((row) => (row.vars.some((v) => v.name === 't') ? { ...row, vars: row.vars.filter((v) => v.name !== 't'), bnds: { ...row.bnds, ub: row.bnds.ub + t } } : row));
  for (const mask of free) {
    if (Math.abs(excess(mask) - t) > tolerance * 10) continue;
    const row = face.find((r) => r.name === rowName(mask))!;
    const least = { ...lp, objective: { direction: glpk.GLP_MIN, name: 'least', vars: row.vars }, subjectTo: face, bounds: lp.bounds!.filter((b) => b.name !== 't') };
    const out = solveChecked(glpk, least, tolerances, `the nucleolus face LP of coalition ${mask}`);
    if (out.status === 'optimal' && out.z >= row.bnds.ub - tolerance * 10) return [mask];
  }
  throw new Error('The nucleolus LP has no coalition tight at every optimum (numerical trouble).');
}

/** nucleolusSteps run to the end in one go. */
export function nucleolus(glpk: GLPK, game: Pick<CostGame, 'players' | 'value'>): Nucleolus {
  return runSteps(nucleolusSteps(glpk, game));
}
