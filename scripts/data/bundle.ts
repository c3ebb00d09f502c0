/** The bundled datasets, the default first, and the catalogue the page and the CLI read. */
import type { GLPK } from 'glpk.js/node';
import type { Catalogue } from '../../src/model/catalogue';
import type { Dataset } from '../../src/model/types';
import { buildCalibrated, calibrate } from './calibrated';
import { buildGrounded } from './grounded';

export function bundledDatasets(glpk: GLPK): Dataset[] {
  return [buildGrounded(), buildCalibrated(calibrate(glpk))];
}

export function catalogueOf(datasets: Dataset[]): Catalogue {
  return { format: 'airshed-catalogue', datasets: datasets.map((d) => ({ id: d.meta.id, file: `${d.meta.id}.json`, title: d.meta.title })) };
}
