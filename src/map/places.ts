/** Label anchors from the geometry's small places file (one fetch per page), by jurisdiction id. */
let cache: { base: string; places: Promise<Map<string, [number, number]>> } | undefined;

export function loadPlaces(base: string): Promise<Map<string, [number, number]>> {
  if (cache?.base !== base) {
    const places = fetch(new URL('geo/places.geojson', base))
      .then((response) => (response.ok ? (response.json() as Promise<GeoJSON.FeatureCollection<GeoJSON.Point>>) : { type: 'FeatureCollection' as const, features: [] }))
      .then((collection) => new Map(collection.features
        .filter((f) => f.properties?.kind === 'label')
        .map((f) => [String(f.properties!.id), f.geometry.coordinates as [number, number]])))
      // Without the file every place is labelled at its seat.
      .catch(() => new Map<string, [number, number]>());
    cache = { base, places };
  }
  return cache.places;
}
