// Seeded random datasets for the HiGHS oracle (oracle.test.ts): small, badly scaled, within LIMITS; and LP text for HiGHS.
import type { LP } from 'glpk.js/node';
import { LIMITS } from '../../src/model/limits';
import { floorOf } from '../../src/model/lp';
import type { Dataset, ReceptorTarget } from '../../src/model/types';
import { tinyDataset } from '../fixtures';

/** A random dataset on the tiny one's frame: 3 to 5 places in 2 provinces, 1 or 2 pollutants, badly scaled numbers. */
export function randomDataset(r: () => number, index: number): Dataset {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const logUniform = (lo: number, hi: number) => Number((10 ** (Math.log10(lo) + r() * (Math.log10(hi) - Math.log10(lo)))).toPrecision(3));
  const d = tinyDataset();
  const places = 3 + Math.floor(r() * 3);
  const pollutants = 1 + Math.floor(r() * 2);
  d.meta = { ...d.meta, id: `oracle-${index}`, publishedResult: undefined };
  d.pollutants = Array.from({ length: pollutants }, (_, p) => ({ id: `P${p}`, name: { en: `P${p}`, zh: `P${p}` } }));
  d.jurisdictions = Array.from({ length: places }, (_, j) => ({ ...d.jurisdictions[0], id: `j${j}`, name: { en: `J${j}`, zh: `J${j}` }, province: j % 2 ? 'south' : 'north' }));
  const costs: number[] = [];
  d.sources = d.jurisdictions.flatMap((j) =>
    d.sectors.flatMap((s) =>
      d.pollutants
        .filter(() => r() < 0.8)
        .map((p) => {
          let left = 1;
          const steps: { share: number; cost: number }[] = [];
          for (let k = 1 + Math.floor(r() * 3); k > 0 && left >= LIMITS.minShare; k--) {
            const share = Math.min(left, pick([LIMITS.minShare, LIMITS.minShare, 0.1, 0.3, 0.5]));
            left -= share;
            // Free steps, near-free ones, ties with an earlier step, and the dearest allowed.
            const cost = costs.length > 0 && r() < 0.2 ? pick(costs) : pick([0, LIMITS.minCost, 1, logUniform(100, 1e5), logUniform(1e5, LIMITS.cost)]);
            costs.push(cost);
            steps.push({ share, cost });
          }
          steps.sort((a, b) => a.cost - b.cost); // a source's steps get dearer
          return { ...d.sources[0], id: `${j.id}.${s.id}.${p.id}`, jurisdiction: j.id, sector: s.id, pollutant: p.id, emissions: pick([1e-3, 1, logUniform(10, 1e6), LIMITS.emissions]), steps };
        }),
    ),
  );
  d.receptors = d.jurisdictions.map((j) => {
    const baseline = 150 + Math.round(r() * 150);
    return { ...d.receptors[0], id: `r_${j.id}`, jurisdiction: j.id, baseline, background: Math.round(baseline * (0.3 + 0.4 * r())), damage: pick([1e3, 1e6, 1e9, 1e12]), damageRef: 'made-up' };
  });
  d.coefficients = d.receptors.map((rc) =>
    d.jurisdictions.map((j) =>
      d.pollutants.map(() => {
        const u = r();
        if (u < 0.2 && rc.jurisdiction !== j.id) return 0;
        const size = pick([LIMITS.minCoefficient, logUniform(LIMITS.minCoefficient, LIMITS.coefficient), logUniform(1e-4, 1e-2), LIMITS.coefficient]);
        return u > 0.85 ? -size : size;
      }),
    ),
  );
  d.defaults = { ...d.defaults, receptors: [d.receptors[0].id] };
  return d;
}

/** Targets between each receptor's baseline and its regional floor, some exactly at the floor. */
export function randomTargets(r: () => number, dataset: Dataset): ReceptorTarget[] {
  return dataset.receptors.map((rc) => {
    const floor = floorOf(dataset, rc.id, 'regional');
    const f = [0, 0.3, 0.7, 0.999, 1][Math.floor(r() * 5)];
    return { receptor: rc.id, target: Math.max(rc.baseline - f * (rc.baseline - floor), 1e-3) };
  });
}

/** An LP object (glpk.js form) in CPLEX LP format; a placeholder column fixed at 0 stands in for an empty row or objective. */
export function lpText(lp: LP): string {
  const terms = (vars: { name: string; coef: number }[]) =>
    (vars.length === 0 ? [{ name: 'none', coef: 0 }] : vars).map((v) => `${v.coef < 0 ? '-' : '+'} ${Math.abs(v.coef)} ${v.name}`).join('\n   ');
  const sense = (b: { type: number; lb: number; ub: number }) => (b.type === 2 ? `>= ${b.lb}` : b.type === 3 ? `<= ${b.ub}` : `= ${b.lb}`);
  const bound = (b: { name: string; type: number; lb: number; ub: number }) =>
    b.type === 1 ? `${b.name} free` : b.type === 2 ? `${b.name} >= ${b.lb}` : b.type === 3 ? `-inf <= ${b.name} <= ${b.ub}` : b.type === 4 ? `${b.lb} <= ${b.name} <= ${b.ub}` : `${b.name} = ${b.lb}`;
  return [
    'Minimize',
    ` obj: ${terms(lp.objective.vars)}`,
    'Subject To',
    ...lp.subjectTo.map((row) => ` ${row.name}: ${terms(row.vars)} ${sense(row.bnds)}`),
    'Bounds',
    ...(lp.bounds ?? []).map((b) => ` ${bound(b)}`),
    ' none = 0',
    'End',
    '',
  ].join('\n');
}

