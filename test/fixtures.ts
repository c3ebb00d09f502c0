import { readFileSync } from 'node:fs';
import type { Dataset } from '../src/model/types';

export const DATA_DIR = new URL('../public/data/', import.meta.url);
export const DATA_PATH = new URL('bth-ozone.json', DATA_DIR);
export const CALIBRATED_PATH = new URL('bth-ozone-calibrated.json', DATA_DIR);
/** Bundled dataset ids, the default first (as in public/data/catalogue.json). */
export const BUNDLED = ['bth-ozone', 'bth-ozone-calibrated'];

/** A fresh deep copy of the default (literature-grounded) dataset, safe to mutate in a test. */
export function defaultDataset(): Dataset {
  return JSON.parse(readFileSync(DATA_PATH, 'utf8')) as Dataset;
}

/** A fresh copy of the dataset calibrated to the published headline: tests of the model's
 * mechanics pin their figures on it, since it is stable and reproduces the paper's numbers. */
export function calibratedDataset(): Dataset {
  return JSON.parse(readFileSync(CALIBRATED_PATH, 'utf8')) as Dataset;
}
