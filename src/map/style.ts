/** The offline map style: only the site's own GeoJSON, no tiles, no glyphs, no sprites. */
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { NO_VALUE_COLOR } from './metrics';

export const BASIN_BOUNDS: [[number, number], [number, number]] = [[113.4, 36.0], [119.9, 42.65]];
export const VIEW_BOUNDS: [[number, number], [number, number]] = [[111, 34], [123, 44]];

/** The basemap's colours (land, sea, lines) in the light and the dark theme; the data fills are the same in both. */
export const BASEMAP = {
  light: { background: '#eceae4', sea: '#c9dff0', land: '#eceae4', neighbours: '#e3e1da', neighboursLine: '#b9b5aa', border: '#ffffff' },
  dark: { background: '#1b2027', sea: '#15273a', land: '#262b32', neighbours: '#2d333b', neighboursLine: '#56606b', border: '#12161b' },
} as const;
export type BasemapTheme = keyof typeof BASEMAP;

/** [layer, paint property, colour key]: what a theme switch repaints. */
export const BASEMAP_PAINT: [string, Parameters<MaplibreMap['setPaintProperty']>[1], keyof (typeof BASEMAP)['light']][] = [
  ['background', 'background-color', 'background'],
  ['sea', 'fill-color', 'sea'],
  ['land', 'fill-color', 'land'],
  ['neighbours', 'fill-color', 'neighbours'],
  ['neighbours-line', 'line-color', 'neighboursLine'],
  ['jurisdictions-line', 'line-color', 'border'],
];

export function basinStyle(base: string, theme: BasemapTheme = 'light'): StyleSpecification {
  const c = BASEMAP[theme];
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
      { id: 'background', type: 'background', paint: { 'background-color': c.background } },
      { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': c.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
      { id: 'neighbours', type: 'fill', source: 'neighbours', paint: { 'fill-color': c.neighbours } },
      { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': c.neighboursLine, 'line-width': 0.8 } },
      {
        id: 'jurisdictions-fill',
        type: 'fill',
        source: 'jurisdictions',
        paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], NO_VALUE_COLOR], 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.8, 1] },
      },
      { id: 'jurisdictions-line', type: 'line', source: 'jurisdictions', paint: { 'line-color': c.border, 'line-width': 1.2 } },
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
