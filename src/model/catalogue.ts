import type { LocalizedText } from './types';

/** The bundled datasets (public/data/catalogue.json), the default first. Written by build:data. */
export interface CatalogueEntry {
  id: string;
  /** File name beside the catalogue. */
  file: string;
  title: LocalizedText;
}

export interface Catalogue {
  format: 'airshed-catalogue';
  datasets: CatalogueEntry[];
}

const FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\.json$/;

/** Reads the catalogue; a file name is a plain name beside it (no path, no scheme). */
export function parseCatalogue(text: string): { ok: true; catalogue: Catalogue } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The dataset catalogue is not valid JSON: ${(error as Error).message}` };
  }
  const c = json as Partial<Catalogue> | null;
  if (!c || c.format !== 'airshed-catalogue' || !Array.isArray(c.datasets) || c.datasets.length === 0)
    return { ok: false, message: 'The dataset catalogue must be {"format": "airshed-catalogue", "datasets": [...]} with at least one dataset.' };
  for (const [i, d] of c.datasets.entries()) {
    const ok = d && typeof d.id === 'string' && typeof d.file === 'string' && FILE_PATTERN.test(d.file) &&
      typeof d.title?.en === 'string' && typeof d.title?.zh === 'string';
    if (!ok) return { ok: false, message: `The dataset catalogue's datasets[${i}] needs an id, a plain .json file name and a title in en and zh.` };
  }
  return { ok: true, catalogue: c as Catalogue };
}
