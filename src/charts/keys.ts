/**
 * Chart keys (legends) as data. Each chart's key is a pure function of the dataset and the view,
 * so the page (ChartKey.svelte) and the exported SVG/PNG (ui/share/download.ts) draw the same
 * items with the same swatch geometry (`swatchShapes`). Colours are CSS colours, usually theme
 * variables (`var(--regional)`): the page follows the theme; the export resolves them in the
 * light palette.
 */
import type { Dataset, Lang } from '../model/types';
import { jurisdictionOf } from '../model/places';
import type { ViewState } from '../state/state';
import { formatOzone, translator } from '../state/i18n';
import { provinceColor } from './format';

/**
 * - line / dashed: a horizontal stroke (a curve); block: a filled box (an area, a bar), striped
 *   when it has several colours; circle: an open point; tick: a short mark on the x axis;
 *   rule / dashed-rule: a vertical line across the plot; outline: a box drawn round bars.
 */
export type KeyShape = 'line' | 'dashed' | 'block' | 'circle' | 'tick' | 'rule' | 'dashed-rule' | 'outline';

export interface KeyItem {
  id: string;
  label: string;
  shape: KeyShape;
  /** CSS colours; a block with several is drawn as stripes of each. */
  colors: string[];
  /** 0..1, default 1. */
  opacity?: number;
}

/** Swatch size in px (CSS px on the page, user units in the export). */
export const SWATCH = { width: 18, height: 12 } as const;

export interface SwatchShape {
  tag: 'rect' | 'line' | 'circle';
  attrs: Record<string, string | number>;
}

/**
 * The SVG elements of an item's swatch in a SWATCH-sized box at the origin, painted through
 * `style` (CSS variables work there, not in presentation attributes). `paint` maps each colour
 * (the export resolves theme variables with it).
 */
export function swatchShapes(item: KeyItem, paint: (color: string) => string = (c) => c): SwatchShape[] {
  const { width: w, height: h } = SWATCH;
  const color = paint(item.colors[0] ?? 'currentColor');
  const opacity = item.opacity ?? 1;
  const stroke = (width: number, dash?: string) => `stroke:${color};stroke-width:${width};fill:none${dash ? `;stroke-dasharray:${dash}` : ''};opacity:${opacity}`;
  switch (item.shape) {
    case 'line':
      return [{ tag: 'line', attrs: { x1: 1, x2: w - 1, y1: h / 2, y2: h / 2, style: stroke(2.5) } }];
    case 'dashed':
      return [{ tag: 'line', attrs: { x1: 0, x2: w, y1: h / 2, y2: h / 2, style: stroke(2.5, '6 3') } }];
    case 'circle':
      return [{ tag: 'circle', attrs: { cx: w / 2, cy: h / 2, r: 4.25, style: `fill:${paint('var(--panel)')};stroke:${color};stroke-width:2;opacity:${opacity}` } }];
    case 'tick':
      return [{ tag: 'line', attrs: { x1: w / 2, x2: w / 2, y1: h / 2 - 1, y2: h, style: stroke(2) } }];
    case 'rule':
      return [{ tag: 'line', attrs: { x1: w / 2, x2: w / 2, y1: 0, y2: h, style: stroke(1.5) } }];
    case 'dashed-rule':
      return [{ tag: 'line', attrs: { x1: w / 2, x2: w / 2, y1: 0, y2: h, style: stroke(1.5, '4 3') } }];
    case 'outline':
      return [{ tag: 'rect', attrs: { x: 1, y: 1, width: w - 2, height: h - 2, style: stroke(1.5) } }];
    case 'block': {
      const colors = item.colors.length > 0 ? item.colors : ['currentColor'];
      const stripe = w / colors.length;
      return colors.map((c, i) => ({
        tag: 'rect' as const,
        attrs: { x: Number((i * stripe).toFixed(2)), y: 1, width: Number(stripe.toFixed(2)), height: h - 2, style: `fill:${paint(c)};opacity:${opacity}` },
      }));
    }
  }
}


/** The published study's result is drawn when the view constrains exactly the place it was published for. */
export function publishedShown(dataset: Dataset, view: Pick<ViewState, 'receptors'>) {
  const published = dataset.meta.publishedResult;
  return published && view.receptors.length === 1 && view.receptors[0] === published.receptor ? published : null;
}

/** The cost curve: both scenarios, the saving between them, the published points, the marks and the target. */
export function costCurveKey(dataset: Dataset, view: Pick<ViewState, 'receptors' | 'lang' | 'unit'>): KeyItem[] {
  const t = translator(view.lang);
  const ozone = (ug: number) => formatOzone(ug, view.unit, view.lang, dataset.units.ugPerPpb);
  const items: KeyItem[] = [
    { id: 'regional', label: t('scenario.regional'), shape: 'line', colors: ['var(--regional)'] },
    { id: 'local', label: t('scenario.local'), shape: 'dashed', colors: ['var(--local)'] },
    { id: 'saving', label: t('curve.saving'), shape: 'block', colors: ['var(--saving)'], opacity: 0.55 },
  ];
  if (publishedShown(dataset, view)) items.push({ id: 'published', label: t('curve.published'), shape: 'circle', colors: ['var(--ink)'] });
  items.push(
    { id: 'marks', label: t('key.marks', { standard: ozone(dataset.standards.grade2OneHour), published: ozone(dataset.standards.publishedTarget) }), shape: 'tick', colors: ['var(--bad)'] },
    { id: 'target', label: t('key.target'), shape: 'rule', colors: ['var(--ink)'] },
  );
  return items;
}

/** Provinces whose steps the merit order draws: all of them, or under local control the place's own. */
function meritProvinces(dataset: Dataset, view: Pick<ViewState, 'receptors' | 'scenario'>): number[] {
  if (view.scenario !== 'local') return dataset.provinces.map((_, i) => i);
  const own = dataset.jurisdictions.find((j) => j.id === jurisdictionOf(dataset, view.receptors[0]))?.province;
  const index = dataset.provinces.findIndex((p) => p.id === own);
  return index >= 0 ? [index] : dataset.provinces.map((_, i) => i);
}

/**
 * The merit order: bars coloured by province; the part of each step the plan uses solid, the
 * rest pale; the place selected on the map outlined; the cut the target needs as a dashed line.
 */
export function meritOrderKey(dataset: Dataset, view: Pick<ViewState, 'receptors' | 'scenario' | 'lang' | 'selected' | 'target'>): KeyItem[] {
  const t = translator(view.lang);
  const provinces = meritProvinces(dataset, view);
  const colors = provinces.map(provinceColor);
  const items: KeyItem[] = provinces.map((i) => ({ id: `province-${dataset.provinces[i].id}`, label: dataset.provinces[i].name[view.lang], shape: 'block', colors: [provinceColor(i)] }));
  items.push(
    { id: 'used', label: t('merit.used'), shape: 'block', colors },
    { id: 'unused', label: t('merit.unused'), shape: 'block', colors, opacity: 0.25 },
  );
  const selected = view.selected ? dataset.jurisdictions.find((j) => j.id === view.selected) : undefined;
  if (selected) items.push({ id: 'selected', label: t('key.selected', { place: selected.name[view.lang] }), shape: 'outline', colors: ['var(--ink)'] });
  const receptor = dataset.receptors.find((r) => r.id === view.receptors[0]);
  if (receptor && receptor.baseline - view.target > 0) items.push({ id: 'needed', label: t('key.needed'), shape: 'dashed-rule', colors: ['var(--ink)'] });
  return items;
}

/** The tornado: the input at its low end, at its high end, and the base value. */
export function tornadoKey(lang: Lang): KeyItem[] {
  const t = translator(lang);
  return [
    { id: 'low', label: t('tornado.low'), shape: 'block', colors: ['var(--muted)'] },
    { id: 'high', label: t('tornado.high'), shape: 'block', colors: ['var(--accent)'] },
    { id: 'base', label: t('tornado.base'), shape: 'rule', colors: ['var(--ink)'] },
  ];
}
