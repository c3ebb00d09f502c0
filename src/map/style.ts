/** The offline map style: only the site's own GeoJSON, no tiles, no glyphs, no sprites. */
import type { StyleSpecification } from 'maplibre-gl';
import { NO_VALUE_COLOR } from './metrics';

export const BASIN_BOUNDS: [[number, number], [number, number]] = [[113.4, 36.0], [119.9, 42.65]];
export const VIEW_BOUNDS: [[number, number], [number, number]] = [[111, 34], [123, 44]];

export function basinStyle(base: string): StyleSpecification {
  const geo = (name: string) => new URL(`geo/${name}.geojson`, base).href;
  return {
    version: 8,
    sources: {
      sea: { type: 'geojson', data: geo('sea') },
      land: { type: 'geojson', data: geo('land') },
      neighbours: { type: 'geojson', data: geo('neighbours') },
      jurisdictions: { type: 'geojson', data: geo('jurisdictions'), promoteId: 'id' },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eceae4' } },
      { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': '#c9dff0' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#eceae4' } },
      { id: 'neighbours', type: 'fill', source: 'neighbours', paint: { 'fill-color': '#e3e1da' } },
      { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': '#b9b5aa', 'line-width': 0.8 } },
      {
        id: 'jurisdictions-fill',
        type: 'fill',
        source: 'jurisdictions',
        paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], NO_VALUE_COLOR], 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.8, 1] },
      },
      { id: 'jurisdictions-line', type: 'line', source: 'jurisdictions', paint: { 'line-color': '#ffffff', 'line-width': 1.2 } },
      // Outlines get a casing (white under the dark dashes, dark under the amber) so that they
      // stand out on every fill, light or dark, whatever the reader's colour vision.
      {
        id: 'jurisdictions-receptor-casing',
        type: 'line',
        source: 'jurisdictions',
        paint: { 'line-color': '#ffffff', 'line-width': ['case', ['boolean', ['feature-state', 'receptor'], false], 4, 0] },
      },
      {
        id: 'jurisdictions-receptor',
        type: 'line',
        source: 'jurisdictions',
        paint: { 'line-color': '#0f2a44', 'line-width': ['case', ['boolean', ['feature-state', 'receptor'], false], 2.2, 0], 'line-dasharray': [2, 1] },
      },
      {
        id: 'jurisdictions-selected-casing',
        type: 'line',
        source: 'jurisdictions',
        paint: { 'line-color': '#1b1f24', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 7, 0] },
      },
      {
        id: 'jurisdictions-selected',
        type: 'line',
        source: 'jurisdictions',
        paint: { 'line-color': '#f2a900', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 0] },
      },
    ],
  };
}
