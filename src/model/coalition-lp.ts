/**
 * The coalition LPs of the cost game (sharing.ts), solved in plain TypeScript instead of one or
 * two GLPK calls each: with 13 cities and 13 receptors the game has 8,191 of them, and glpk.js
 * rebuilds every problem from JSON (names, rows, bounds) before it solves it.
 *
 * For a coalition S with constrained receptors R (its own) and steps K (its own sources), v(S) is
 *   min Σ_k c_k x_k  s.t.  Σ_k a_rk x_k ≥ d_r (r ∈ R),  0 ≤ x_k ≤ u_k            (plain)
 * when that is feasible, else
 *   min Σ_k c_k x_k + Σ_r p_r s_r  s.t.  Σ_k a_rk x_k + s_r ≥ d_r,  s_r ≥ 0        (with damage)
 * exactly as sharing.ts defines it with GLPK. Both come from one bounded-variable revised simplex
 * in which phase 1 minimises Σ s_r, which decides feasibility without a second LP, and phase 2
 * continues from that basis with the plain costs (s fixed at 0) or the damage prices.
 *
 * The steps of one jurisdiction and pollutant share one effect vector and their unit costs rise
 * step by step, so together they are one variable y_g (the group's tonnes, as a share of its
 * total) with a convex piecewise-linear cost: the same LP, with at most 2 x 13 columns instead of
 * 400. A nonbasic y_g sits at a breakpoint; an entering y_g moves through every segment that still
 * pays in one iteration (where step columns would take one bound flip per step); a basic y_g is
 * bounded by its segment's ends.
 *
 * The answer is certified before it is used: after the last pivot the basis is refactorised from
 * scratch and the solution must be primal and dual feasible within tolerance. Anything short of
 * that (a near-singular basis, an iteration limit, a feasibility question too close to call)
 * returns null and the caller solves that coalition with GLPK as before.
 */
import type { Compiled } from './compile';

export interface CoalitionCost {
  value: number;
  /** μg/m³ left above the targets and charged at the damage price (0 when the coalition meets its targets). */
  shortfall: number;
}

/** Primal feasibility tolerance (in μg/m³ on rows, in shares of a group on columns). */
const TOL_PRIMAL = 1e-9;
/** Relative dual tolerance on reduced costs. */
const TOL_DUAL = 1e-9;
/** Pivots smaller than this (relative to the column's largest entry) are not taken. */
const TOL_PIVOT = 1e-9;
/** Looser tolerances for the final certificate. */
const CHECK_PRIMAL = 1e-7;
const CHECK_DUAL = 1e-7;
/** Phase 1 infeasibility (Σ s, relative to the largest reduction) at most this: feasible; at least FEAS_NO: infeasible; between: too close to call. */
const FEAS_YES = 1e-10;
const FEAS_NO = 1e-6;
const REFACTOR_EVERY = 32;

/** The steps of one (jurisdiction, pollutant): one column with a convex piecewise-linear cost. */
interface Group {
  jurisdiction: number;
  /** Total tonnes the group's steps can remove (its column is scaled by this). */
  total: number;
  /** Breakpoints as shares of the total, 0 = B[0] < ... < B[L] = 1. */
  B: Float64Array;
  /** Cost per share of the total in each segment (unit cost x total), rising. */
  S: Float64Array;
  /** Cost at each breakpoint. */
  C: Float64Array;
  /** Effect per share of the total at each target's receptor. */
  effect: Float64Array;
}

/**
 * Solver for every coalition of one game: the targets' receptors (rows), their required
 * reductions and damage prices are fixed (the reductions can be retargeted); each call names the coalition's own targets and the
 * jurisdictions whose steps it may use. Work arrays are allocated once and reused.
 */
export class CoalitionLp {
  private readonly groups: Group[] = [];
  /** Negative unit costs would make steps without effect worth using: not handled here. */
  private readonly usable: boolean;

  // Work arrays (sized for the largest coalition). Variables: the groups (0..n-1), then one
  // shortfall s_i per row (n..n+m-1), then one surplus e_i per row (n+m..n+2m-1).
  private m = 0;
  private n = 0;
  private readonly own: Int32Array;
  private readonly d: Float64Array;
  private readonly cols: Int32Array;
  private readonly basic: Int8Array;
  /** Nonbasic group: its breakpoint; basic group: its segment. */
  private readonly at: Int32Array;
  private readonly basis: Int32Array;
  private readonly xB: Float64Array;
  private readonly Binv: Float64Array;
  private readonly pi: Float64Array;
  private readonly alpha: Float64Array;
  private readonly col: Float64Array;
  private readonly work: Float64Array;
  private readonly rhs: Float64Array;
  private sUpper = Infinity;
  private phase2 = false;
  private damage = false;

  constructor(
    compiled: Compiled,
    /** Receptor index of each target. */
    rows: number[],
    /** Required reduction (baseline - target) of each target. */
    private reductions: number[],
    /** Damage price of each target, yuan per μg/m³. */
    private readonly prices: number[],
  ) {
    const { dataset } = compiled;
    const P = dataset.pollutants.length;
    this.usable = compiled.steps.every((k) => k.unitCost >= 0);
    for (let j = 0; j < dataset.jurisdictions.length; j++)
      for (let p = 0; p < P; p++) {
        const steps = compiled.steps.filter((k) => k.jurisdiction === j && k.pollutant === p && k.cap > 0).sort((a, b) => a.unitCost - b.unitCost || a.index - b.index);
        const total = steps.reduce((sum, k) => sum + k.cap, 0);
        if (steps.length === 0 || !(total > 0)) continue;
        const L = steps.length;
        const B = new Float64Array(L + 1);
        const S = new Float64Array(L);
        const C = new Float64Array(L + 1);
        let cumulative = 0;
        steps.forEach((k, s) => {
          cumulative += k.cap;
          B[s + 1] = s === L - 1 ? 1 : cumulative / total;
          S[s] = k.unitCost * total;
          C[s + 1] = C[s] + k.unitCost * k.cap;
        });
        this.groups.push({ jurisdiction: j, total, B, S, C, effect: Float64Array.from(rows, (r) => dataset.coefficients[r][j][p] * total) });
      }
    const T = rows.length;
    const G = this.groups.length;
    this.own = new Int32Array(T);
    this.d = new Float64Array(T);
    this.cols = new Int32Array(G);
    this.basic = new Int8Array(G + 2 * T);
    this.at = new Int32Array(G + 2 * T);
    this.basis = new Int32Array(T);
    this.xB = new Float64Array(T);
    this.Binv = new Float64Array(T * T);
    this.pi = new Float64Array(T);
    this.alpha = new Float64Array(T);
    this.col = new Float64Array(T);
    this.work = new Float64Array(T * T);
    this.rhs = new Float64Array(T);
  }

  /** New required reductions for the same receptors (a looser or tighter spec). */
  retarget(reductions: number[]): void {
    this.reductions = reductions;
  }

  /**
   * v(S) for a coalition with the given own targets (indexes into the game's targets) and allowed
   * jurisdictions (a predicate on jurisdiction index), or null if the answer cannot be certified.
   */
  solve(own: number[], allowed: (jurisdiction: number) => boolean): CoalitionCost | null {
    if (!this.usable) return null;
    const m = own.length;
    this.m = m;
    for (let i = 0; i < m; i++) {
      this.own[i] = own[i];
      this.d[i] = this.reductions[own[i]];
    }
    // Columns: the allowed groups with an effect on some own row (as buildProblem's steps).
    let n = 0;
    this.groups.forEach((g, index) => {
      if (!allowed(g.jurisdiction)) return;
      for (let i = 0; i < m; i++)
        if (g.effect[own[i]] !== 0) {
          this.cols[n++] = index;
          return;
        }
    });
    this.n = n;
    // Start: every group at 0; per row the shortfall (d > 0) or the surplus (d <= 0) is basic.
    this.basic.fill(0, 0, n + 2 * m);
    this.at.fill(0, 0, n + 2 * m);
    this.Binv.fill(0, 0, m * m);
    let scale = 1;
    for (let i = 0; i < m; i++) {
      const di = this.d[i];
      scale = Math.max(scale, Math.abs(di));
      this.basis[i] = di > 0 ? n + i : n + m + i;
      this.Binv[i * m + i] = di > 0 ? 1 : -1;
      this.xB[i] = Math.abs(di);
      this.basic[this.basis[i]] = 1;
    }
    // Phase 1: minimise the shortfalls' sum.
    this.phase2 = false;
    this.damage = false;
    this.sUpper = Infinity;
    if (!this.iterate()) return null;
    let infeasibility = 0;
    for (let i = 0; i < m; i++) if (this.basis[i] >= n && this.basis[i] < n + m) infeasibility += Math.max(0, this.xB[i]);
    if (infeasibility > FEAS_YES * scale && infeasibility < FEAS_NO * scale) return null;
    // Phase 2: the plain LP (shortfalls fixed at 0) or the one with damage, from phase 1's basis.
    this.phase2 = true;
    for (let i = 0; i < m; i++) {
      const v = this.basis[i];
      if (v >= n) continue;
      const B = this.groups[this.cols[v]].B;
      let s = 0;
      while (s + 2 < B.length && B[s + 1] <= this.xB[i]) s++;
      this.at[v] = s; // a basic group's segment
    }
    this.damage = infeasibility >= FEAS_NO * scale;
    this.sUpper = this.damage ? Infinity : 0;
    if (!this.iterate()) return null;
    if (!this.refactor() || !this.certified()) return null;
    let value = 0;
    let shortfall = 0;
    for (let v = 0; v < n; v++) if (!this.basic[v]) value += this.groups[this.cols[v]].C[this.at[v]];
    for (let i = 0; i < m; i++) {
      const v = this.basis[i];
      const x = this.xB[i];
      if (v < n) {
        const g = this.groups[this.cols[v]];
        const s = this.at[v];
        value += g.C[s] + g.S[s] * (Math.min(Math.max(x, g.B[s]), g.B[s + 1]) - g.B[s]);
      } else if (v < n + m && this.damage) {
        const s = Math.max(x, 0);
        value += this.prices[this.own[v - n]] * s;
        shortfall += s;
      }
    }
    return { value, shortfall };
  }

  /** Column of variable v in the coalition's rows. */
  private column(v: number, out: Float64Array): void {
    const { n, m } = this;
    if (v < n) {
      const effect = this.groups[this.cols[v]].effect;
      for (let i = 0; i < m; i++) out[i] = effect[this.own[i]];
    } else {
      out.fill(0, 0, m);
      out[(v - n) % m] = v < n + m ? 1 : -1;
    }
  }

  /** Cost of a basic variable (its segment's slope for a group). */
  private basicCost(v: number): number {
    const { n, m } = this;
    if (v < n) return this.phase2 ? this.groups[this.cols[v]].S[this.at[v]] : 0;
    if (v < n + m) return this.phase2 ? (this.damage ? this.prices[this.own[v - n]] : 0) : 1;
    return 0;
  }

  /** π = c_B B⁻¹. */
  private computePrices(): void {
    const { m, pi, Binv } = this;
    pi.fill(0, 0, m);
    for (let i = 0; i < m; i++) {
      const c = this.basicCost(this.basis[i]);
      if (c === 0) continue;
      for (let k = 0; k < m; k++) pi[k] += c * Binv[i * m + k];
    }
  }

  /** π · column of group variable v. */
  private priced(v: number): number {
    const effect = this.groups[this.cols[v]].effect;
    let w = 0;
    for (let i = 0; i < this.m; i++) w += this.pi[i] * effect[this.own[i]];
    return w;
  }

  /**
   * Does moving nonbasic v pay (after computePrices)? The reduced cost's size as the gain (for
   * Dantzig's choice) and the direction (+1 up, -1 down); dir 0 if it does not pay beyond `tol`
   * (relative to the size of the terms).
   */
  private violation(v: number, tol: number): { gain: number; dir: number } {
    const { n, m } = this;
    if (v < n) {
      const g = this.groups[this.cols[v]];
      const bp = this.at[v];
      const w = this.priced(v);
      if (bp < g.S.length) {
        const c = this.phase2 ? g.S[bp] : 0;
        if (w - c > tol * Math.max(1, Math.abs(c), Math.abs(w))) return { gain: w - c, dir: 1 };
      }
      if (bp > 0) {
        const c = this.phase2 ? g.S[bp - 1] : 0;
        if (c - w > tol * Math.max(1, Math.abs(c), Math.abs(w))) return { gain: c - w, dir: -1 };
      }
      return { gain: 0, dir: 0 };
    }
    if (v < n + m && this.sUpper === 0) return { gain: 0, dir: 0 }; // shortfalls fixed at 0
    const i = (v - n) % m;
    const c = v < n + m ? (this.phase2 ? (this.damage ? this.prices[this.own[i]] : 0) : 1) : 0;
    const pa = v < n + m ? this.pi[i] : -this.pi[i];
    return pa - c > tol * Math.max(1, Math.abs(c), Math.abs(pa)) ? { gain: pa - c, dir: 1 } : { gain: 0, dir: 0 };
  }

  /**
   * Lower and upper bound of basic variable v: a group's segment in phase 2, the whole group in
   * phase 1 (where every segment costs 0, so breakpoints do not matter).
   */
  private lower(v: number): number {
    return v < this.n && this.phase2 ? this.groups[this.cols[v]].B[this.at[v]] : 0;
  }
  private upper(v: number): number {
    const { n, m } = this;
    return v < n ? (this.phase2 ? this.groups[this.cols[v]].B[this.at[v] + 1] : 1) : v < n + m ? this.sUpper : Infinity;
  }

  /** Simplex iterations of the current phase to optimality; false on trouble. */
  private iterate(): boolean {
    const { m, n } = this;
    const N = n + 2 * m;
    const alpha = this.alpha;
    let degenerate = 0;
    const limit = 20 * (N + m) + 100;
    for (let iteration = 0; iteration < limit; iteration++) {
      if (iteration > 0 && iteration % REFACTOR_EVERY === 0 && !this.refactor()) return false;
      this.computePrices();
      // Entering variable: Dantzig's largest relative gain, or Bland's first one when stalling.
      const bland = degenerate > 20;
      let q = -1;
      let best = 0;
      let dir = 0;
      for (let v = 0; v < N; v++) {
        if (this.basic[v]) continue;
        const found = this.violation(v, TOL_DUAL);
        if (found.dir === 0) continue;
        if (bland || found.gain > best) {
          best = found.gain;
          q = v;
          dir = found.dir;
          if (bland) break;
        }
      }
      if (q < 0) return true; // optimal
      // How far q may move while it pays: a group passes every segment whose slope still pays.
      let start = 0;
      let span = Infinity;
      let stop = 0;
      if (q < n) {
        const g = this.groups[this.cols[q]];
        const w = this.priced(q);
        const pays = (c: number) => (dir > 0 ? w - c : c - w) / Math.max(1, Math.abs(c), Math.abs(w)) > TOL_DUAL;
        const bp = this.at[q];
        let k = bp;
        if (dir > 0) while (k < g.S.length && pays(this.phase2 ? g.S[k] : 0)) k++;
        else while (k > 0 && pays(this.phase2 ? g.S[k - 1] : 0)) k--;
        start = g.B[bp];
        stop = k;
        span = Math.abs(g.B[k] - start);
      }
      // α = B⁻¹ a_q; basic i moves by -dir·α_i per unit of q.
      this.column(q, this.col);
      let amax = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let c = 0; c < m; c++) s += this.Binv[i * m + c] * this.col[c];
        alpha[i] = s;
        amax = Math.max(amax, Math.abs(s));
      }
      const pivotTol = TOL_PIVOT * Math.max(1, amax);
      // Harris ratio test: the bounds relaxed by the tolerance, then the largest pivot among the ties.
      let relaxed = span;
      for (let i = 0; i < m; i++) {
        const delta = -dir * alpha[i];
        if (Math.abs(delta) < pivotTol) continue;
        const v = this.basis[i];
        if (delta < 0) relaxed = Math.min(relaxed, (this.xB[i] - this.lower(v) + TOL_PRIMAL) / -delta);
        else {
          const ub = this.upper(v);
          if (ub < Infinity) relaxed = Math.min(relaxed, (ub - this.xB[i] + TOL_PRIMAL) / delta);
        }
      }
      if (!Number.isFinite(relaxed)) return false; // unbounded: cannot happen with costs >= 0
      let leave = -1;
      let t = span;
      let bestPivot = 0;
      for (let i = 0; i < m; i++) {
        const delta = -dir * alpha[i];
        if (Math.abs(delta) < pivotTol) continue;
        const v = this.basis[i];
        let reach: number;
        if (delta < 0) reach = (this.xB[i] - this.lower(v)) / -delta;
        else {
          const ub = this.upper(v);
          if (ub === Infinity) continue;
          reach = (ub - this.xB[i]) / delta;
        }
        if (reach <= relaxed && Math.abs(delta) > bestPivot) {
          bestPivot = Math.abs(delta);
          leave = i;
          t = Math.max(0, reach);
        }
      }
      if (leave >= 0 && span <= t) {
        leave = -1; // q reaches the end of what pays first
        t = span;
      }
      degenerate = t <= 1e-12 ? degenerate + 1 : 0;
      for (let i = 0; i < m; i++) this.xB[i] -= dir * alpha[i] * t;
      if (leave < 0) {
        if (q < n) this.at[q] = stop; // a long step through the group's breakpoints
        continue;
      }
      // The leaving variable stays at the bound it reached (a group: that end of its segment).
      const out = this.basis[leave];
      const hitUpper = -dir * alpha[leave] > 0;
      this.basic[out] = 0;
      if (out >= n) this.at[out] = 0;
      else if (this.phase2) this.at[out] += hitUpper ? 1 : 0;
      else this.at[out] = hitUpper ? this.groups[this.cols[out]].S.length : 0;
      // The entering variable becomes basic in the segment it reached.
      const value = start + dir * t;
      this.basic[q] = 1;
      if (q < n) {
        const g = this.groups[this.cols[q]];
        const bp = this.at[q];
        let s: number;
        if (dir > 0) {
          s = bp;
          while (s + 1 < stop && g.B[s + 1] < value) s++;
        } else {
          s = bp - 1;
          while (s > stop && g.B[s] > value) s--;
        }
        this.at[q] = s;
      }
      this.basis[leave] = q;
      this.xB[leave] = value;
      // B⁻¹ update: row `leave` divided by the pivot, eliminated from the others.
      const Binv = this.Binv;
      const piv = alpha[leave];
      for (let c = 0; c < m; c++) Binv[leave * m + c] /= piv;
      for (let i = 0; i < m; i++) {
        if (i === leave || alpha[i] === 0) continue;
        const f = alpha[i];
        for (let c = 0; c < m; c++) Binv[i * m + c] -= f * Binv[leave * m + c];
      }
    }
    return false;
  }

  /** B⁻¹ from the basis columns by Gauss-Jordan with partial pivoting, then x_B afresh; false if singular. */
  private refactor(): boolean {
    const { m, n } = this;
    const a = this.work; // the basis matrix, row-major, reduced in place
    const col = this.col;
    for (let c = 0; c < m; c++) {
      this.column(this.basis[c], col);
      for (let i = 0; i < m; i++) a[i * m + c] = col[i];
    }
    const inv = this.Binv;
    inv.fill(0, 0, m * m);
    for (let i = 0; i < m; i++) inv[i * m + i] = 1;
    for (let c = 0; c < m; c++) {
      let p = c;
      for (let i = c + 1; i < m; i++) if (Math.abs(a[i * m + c]) > Math.abs(a[p * m + c])) p = i;
      const pivot = a[p * m + c];
      if (Math.abs(pivot) < 1e-12) return false;
      if (p !== c)
        for (let k = 0; k < m; k++) {
          [a[p * m + k], a[c * m + k]] = [a[c * m + k], a[p * m + k]];
          [inv[p * m + k], inv[c * m + k]] = [inv[c * m + k], inv[p * m + k]];
        }
      for (let k = 0; k < m; k++) {
        a[c * m + k] /= pivot;
        inv[c * m + k] /= pivot;
      }
      for (let i = 0; i < m; i++) {
        if (i === c) continue;
        const f = a[i * m + c];
        if (f === 0) continue;
        for (let k = 0; k < m; k++) {
          a[i * m + k] -= f * a[c * m + k];
          inv[i * m + k] -= f * inv[c * m + k];
        }
      }
    }
    // x_B = B⁻¹ (d - Σ columns of the nonbasic groups at their breakpoints).
    const rhs = this.rhs;
    for (let i = 0; i < m; i++) rhs[i] = this.d[i];
    for (let v = 0; v < n; v++) {
      if (this.basic[v]) continue;
      const g = this.groups[this.cols[v]];
      const x = g.B[this.at[v]];
      if (x === 0) continue;
      for (let i = 0; i < m; i++) rhs[i] -= g.effect[this.own[i]] * x;
    }
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += inv[i * m + c] * rhs[c];
      this.xB[i] = s;
    }
    return true;
  }

  /** The refactorised solution is primal feasible and no nonbasic variable pays to move (optimal). */
  private certified(): boolean {
    const { m, n } = this;
    for (let i = 0; i < m; i++) {
      const v = this.basis[i];
      const x = this.xB[i];
      if (x < this.lower(v) - CHECK_PRIMAL || x > this.upper(v) + CHECK_PRIMAL) return false;
    }
    this.computePrices();
    for (let v = 0; v < n + 2 * m; v++) if (!this.basic[v] && this.violation(v, CHECK_DUAL).dir !== 0) return false;
    return true;
  }
}
