import { readFileSync } from 'node:fs';
import type { Dataset } from '../src/model/types';

export const DATA_PATH = new URL('../public/data/bth-ozone.json', import.meta.url);

/** A fresh deep copy of the default dataset, safe to mutate in a test. */
export function defaultDataset(): Dataset {
  return JSON.parse(readFileSync(DATA_PATH, 'utf8')) as Dataset;
}
