/** Places by either id kind: a receptor (where a target is set) or a jurisdiction (what cuts and pays). */
import type { Dataset, JurisdictionId, Lang, ReceptorId } from './types';

/** The jurisdiction a receptor sits in, or undefined for an unknown receptor. */
export function jurisdictionOf(dataset: Pick<Dataset, 'receptors'>, receptor: ReceptorId): JurisdictionId | undefined {
  return dataset.receptors.find((r) => r.id === receptor)?.jurisdiction;
}

/** The jurisdictions that hold any of these receptors (each once, in the receptors' order). */
export function jurisdictionsOf(dataset: Pick<Dataset, 'receptors'>, receptors: readonly ReceptorId[]): JurisdictionId[] {
  return [...new Set(receptors.flatMap((id) => jurisdictionOf(dataset, id) ?? []))];
}

/**
 * The one place-name lookup, from either id kind: a jurisdiction by its name; a receptor by its
 * jurisdiction's name, followed by its own id where that jurisdiction holds several receptors
 * (the schema gives receptors no names of their own). Receptor ids are looked up first (in
 * every bundled dataset a receptor's id is its jurisdiction's); an unknown id is its own name.
 */
export function placeName(dataset: Pick<Dataset, 'jurisdictions' | 'receptors'>, id: ReceptorId | JurisdictionId, lang: Lang): string {
  const receptor = dataset.receptors.find((r) => r.id === id);
  const jurisdiction = dataset.jurisdictions.find((j) => j.id === (receptor?.jurisdiction ?? id));
  if (!jurisdiction) return id;
  const shared = receptor && dataset.receptors.some((r) => r !== receptor && r.jurisdiction === receptor.jurisdiction);
  return shared ? `${jurisdiction.name[lang]} · ${receptor.id}` : jurisdiction.name[lang];
}
