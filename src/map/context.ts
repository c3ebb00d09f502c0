/**
 * The map shared with the pieces drawn on it (feature states, labels, arrows, layer events), as
 * svelte-maplibre does: MapCanvas creates the maplibre map and provides it through Svelte
 * context; the pieces read it and redraw when `frame` changes (the map moved or resized).
 */
import { getContext, setContext } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface MapContext {
  /** The map, once its style has loaded (children render only then). */
  readonly map: MaplibreMap;
  /** Bumped on every move and resize: screen positions must be projected again. */
  readonly frame: number;
  /** The map's size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

const KEY = Symbol('airshed-map');

export const setMapContext = (context: MapContext): MapContext => setContext(KEY, context);

export function getMapContext(): MapContext {
  const context = getContext<MapContext | undefined>(KEY);
  if (!context) throw new Error('A map piece must be placed inside <MapCanvas>.');
  return context;
}
