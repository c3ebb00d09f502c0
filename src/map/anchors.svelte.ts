/**
 * Screen positions of the places' label anchors (from the places file, else each place's seat),
 * projected again whenever the map moves. Call during a map piece's initialisation.
 */
import type { Dataset } from '../model/types';
import type { MapContext } from './context';
import { loadPlaces } from './places';

export type Anchors = Record<string, { x: number; y: number }>;

export function projectedAnchors(ctx: MapContext, dataset: () => Dataset): { readonly anchors: Anchors } {
  let places = $state.raw<Map<string, [number, number]> | null>(null);
  void loadPlaces(document.baseURI).then((loaded) => (places = loaded));
  const anchors = $derived.by((): Anchors => {
    void ctx.frame;
    if (!places) return {};
    const map = ctx.map;
    return Object.fromEntries(dataset().jurisdictions.map((j) => {
      const { x, y } = map.project(places!.get(j.id) ?? j.seat);
      return [j.id, { x, y }];
    }));
  });
  return {
    get anchors() {
      return anchors;
    },
  };
}
