import { ozoneBudget } from '../src/model/budget';
import { meritOrder } from '../src/model/merit';
import type { Dataset, UncertainInput } from '../src/model/types';
import { defaultDataset } from './fixtures';

const text = (en: string, zh: string) => ({ en, zh });

/**
 * The default dataset with an `uncertainty` list covering every effect kind that moves dataset
 * numbers directly, so the analysis is tested whatever the bundled dataset lists. Its evidence
 * is dropped, so each input's own effect is seen (with evidence, coefficients are rescaled to
 * reproduce it after every draw: test/model/evidence.test.ts).
 */
export function uncertainDataset(): Dataset {
  const dataset = defaultDataset();
  delete dataset.evidence;
  const beijing = dataset.receptors.find((r) => r.id === 'beijing')!;
  const ownShare = ozoneBudget(dataset).find((b) => b.receptor === 'beijing')!.ownShare;
  const ref = Object.keys(dataset.meta.references)[0]; // any reference will do for tests
  const input = (id: string, name: string, effect: UncertainInput['effect'], nominal: number, low: number, high: number, rest: Partial<UncertainInput> = {}): UncertainInput => ({
    id, name: text(name, name), effect, nominal, low, high, scale: 'linear', unit: '×', ref, ...rest,
  });
  dataset.uncertainty = [
    ...dataset.sectors.map(({ id }, i) => {
      const spread = [0.3, 0.4, 0.5][i % 3];
      return input(`emissions-${id}`, `${id} emissions`, 'emissions', 1, 1 - spread, 1 + spread, { where: { sectors: [id] } });
    }),
    input('cost-beijing', 'Beijing control costs', 'cost', 1, 0.5, 2, { scale: 'log', where: { jurisdictions: ['beijing'] }, adjustable: true }),
    input('cost-others', 'Control costs outside Beijing', 'cost', 1, 0.5, 2, { scale: 'log', where: { jurisdictions: dataset.jurisdictions.map((j) => j.id).filter((id) => id !== 'beijing') } }),
    input('steps-beijing', "Share of Beijing's emissions the control steps can remove", 'stepShare', 0.4, 0.2, 1, { where: { jurisdictions: ['beijing'] }, unit: 'share' }),
    input('coefficient-scale', 'Ozone removed per tonne cut', 'coefficient', 1, 0.7, 1.5, { scale: 'log', where: { sign: 'positive' }, adjustable: true }),
    input('nox-weight', 'Weight of NOx cuts against VOC cuts', 'coefficient', 1, 0.6, 1.6, { scale: 'log', where: { pollutants: ['NOx'], sign: 'positive' } }),
    input('titration', 'NOx titration in VOC-limited cores', 'coefficient', 1, 0.5, 2, { scale: 'log', where: { sign: 'negative' } }),
    input('own-share-beijing', "Beijing's own share of its ozone-forming potential", 'ownShare', ownShare, Math.max(0.02, ownShare - 0.1), Math.min(0.95, ownShare + 0.15), { where: { receptors: ['beijing'] }, unit: 'share' }),
    input('baseline-beijing', "Beijing's baseline peak ozone", 'baseline', beijing.baseline, beijing.baseline - 8, beijing.baseline + 8, { where: { receptors: ['beijing'] }, unit: 'μg/m³' }),
    input('background', 'Background ozone everywhere', 'background', 0, -15, 15, { unit: 'μg/m³' }),
  ];
  return dataset;
}

/**
 * A Beijing target both scenarios meet at nominal values, whatever the dataset: the given
 * fraction of the way down what Beijing's own sources can remove, well above the background.
 */
export function beijingTarget(dataset: Dataset, fraction = 0.5): number {
  const receptor = dataset.receptors.find((r) => r.id === 'beijing')!;
  const own = dataset.jurisdictions.findIndex((j) => j.id === receptor.jurisdiction);
  const reach = meritOrder(dataset, 'beijing', (j) => j === own).at(-1)?.cumulativeReduction ?? 0;
  return Number(Math.max(receptor.background + 20, receptor.baseline - fraction * reach).toFixed(1));
}
