/**
 * DOM helpers for the Share panel: stand-alone SVG from a chart on the page (its computed
 * styles inlined, on white, with a title, a subtitle naming the view, the chart's key drawn from
 * its key items (charts/keys.ts, the same items the page draws), and source, licence and link
 * lines), PNG at 2x through a canvas, file downloads and copying text.
 */
import { SWATCH, swatchShapes, type KeyItem } from '../../charts/keys';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Paint properties copied from each element's computed style. */
const PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'paint-order', 'stroke-linejoin'] as const;
/** Text properties, copied onto the root and every text element. */
const TEXT = ['font-size', 'font-family', 'font-weight', 'text-anchor'] as const;
/** Elements that draw nothing themselves (a pattern's shapes inside <defs> do draw: not skipped). */
const SKIP = new Set(['title', 'desc', 'metadata', 'style', 'script']);

const INK = '#1b1f24';
const MUTED = '#4f5863';

export interface StandaloneOptions {
  title: string;
  /** The view: places, target in the display unit, scenario. */
  subtitle?: string;
  /** The chart's key (legend), drawn under the subtitle: the same items the page's key draws. */
  key?: KeyItem[];
  /** Lines at the foot: the source, the licence, the link to the view. */
  footer?: string[];
  background?: string;
}

export interface StandaloneSvg {
  markup: string;
  width: number;
  height: number;
}

/** Relative luminance of an `rgb(...)`/`#rrggbb` colour, or null when it cannot be read. */
function luminance(color: string): number | null {
  let rgb: number[] | null = null;
  const fn = color.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/);
  if (fn) rgb = fn.slice(1, 4).map(Number);
  const hex = color.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (hex) rgb = hex.slice(1, 4).map((h) => parseInt(h, 16));
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Runs `read` with the page's light palette: exports go on white, so a dark theme on screen
 * (`<html data-theme="dark">`) is switched off for the synchronous style reads and put back
 * before anything is painted.
 */
export function withLightTheme<T>(read: () => T): T {
  const html = document.documentElement;
  const theme = html.dataset.theme;
  if (theme !== 'dark') return read();
  html.dataset.theme = 'light';
  try {
    return read();
  } finally {
    html.dataset.theme = theme;
  }
}

/**
 * Copies the computed style of every element of `source` onto the matching element of `clone`
 * (same structure), as inline `style`. Text that would still be too light to read on white
 * (contrast under 4.5:1) is drawn in the muted ink colour instead.
 */
function inlineStyles(source: Element, clone: Element): void {
  const name = source.localName;
  if (SKIP.has(name)) return;
  const computed = getComputedStyle(source);
  const isText = name === 'text' || name === 'tspan' || name === 'svg';
  const declarations: string[] = [];
  for (const property of PAINT) {
    let value = computed.getPropertyValue(property);
    if (!value) continue;
    if (property === 'fill' && (name === 'text' || name === 'tspan') && (luminance(value) ?? 0) > 0.18) value = MUTED;
    declarations.push(`${property}:${value}`);
  }
  if (isText)
    for (const property of TEXT) {
      const value = computed.getPropertyValue(property);
      if (value) declarations.push(`${property}:${value}`);
    }
  // Through the CSSOM: the page's Content-Security-Policy refuses style attributes set as markup.
  if (declarations.length > 0) (clone as SVGElement).style.cssText = declarations.join(';');
  clone.removeAttribute('class');
  const from = source.children;
  const to = clone.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

/**
 * A CSS colour as the browser computes it (`var(--regional)` -> `rgb(11, 92, 173)`, `#0072B2` ->
 * `rgb(0, 114, 178)`), read from a probe element so that theme variables resolve in the palette
 * in force (withLightTheme) and every colour of the export is written the same way.
 */
export function resolveColor(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  probe.style.display = 'none';
  document.body.append(probe);
  try {
    return getComputedStyle(probe).color || MUTED;
  } finally {
    probe.remove();
  }
}

/** Text width in px for layout, measured with a canvas (estimated where there is no 2D context). */
function measure(text: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6) * 12, 0);
  context.font = font;
  return context.measureText(text).width;
}

/** Greedy line breaking at ordinary spaces (never at no-break spaces), and between any two characters where a word is too long (Chinese). */
export function wrapText(text: string, font: string, maxWidth: number, width = measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[^ ]+ *| +/g) ?? []) {
    if (width(line + token.trimEnd(), font) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    for (const ch of token) {
      if (line && width(line + ch, font) > maxWidth && ch !== ' ') {
        lines.push(line.trimEnd());
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function element<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style') node.style.cssText = String(value); // as in inlineStyles: the CSP allows only the CSSOM
    else node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A stand-alone copy of a chart's `<svg>`: computed styles inline, a white background, a title,
 * a subtitle, the chart's key and footer lines (source, licence, link), with explicit size and
 * viewBox. Call it inside withLightTheme: the key's theme colours resolve in the light palette.
 */
export function standaloneSvg(svg: SVGSVGElement, options: StandaloneOptions): StandaloneSvg {
  const box = svg.getBoundingClientRect();
  const chartWidth = Math.round(svg.width.baseVal.value || box.width);
  const chartHeight = Math.round(svg.height.baseVal.value || box.height);
  // The chart sits at the same left edge as the title (its axis title starts at its own x = 0),
  // with a little room on the right for a tick label centred on the last tick.
  const pad = 12;
  const width = Math.max(pad + chartWidth + 6, 320);
  const font = getComputedStyle(svg).fontFamily || 'system-ui, sans-serif';

  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  // Interactive marks (the cost curve's readout) stay on the page.
  for (const skip of clone.querySelectorAll('[data-export="skip"]')) skip.remove();
  for (const attribute of ['role', 'aria-labelledby', 'aria-describedby', 'aria-label', 'tabindex']) clone.removeAttribute(attribute);
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  clone.setAttribute('overflow', 'visible');

  const root = element('svg', { xmlns: SVG_NS, version: '1.1', role: 'img', 'aria-labelledby': 'export-title' });
  root.append(element('title', { id: 'export-title' }, options.title));
  const background = element('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: options.background ?? '#ffffff' });
  root.append(background);

  const text = (x: number, y: number, size: number, fill: string, content: string, weight = 400) =>
    element('text', { x, y, style: `font-family:${font};font-size:${size}px;font-weight:${weight};fill:${fill}` }, content);
  let y = pad;
  for (const line of wrapText(options.title, `600 15px ${font}`, width - 2 * pad)) {
    y += 19;
    root.append(text(pad, y, 15, INK, line, 600));
  }
  for (const line of options.subtitle ? wrapText(options.subtitle, `12.5px ${font}`, width - 2 * pad) : []) {
    y += 17;
    root.append(text(pad, y, 12.5, MUTED, line));
  }
  y += 6;

  // The key, wrapped to the width: each item a group with its swatch and its label.
  const keyFont = `12px ${font}`;
  const colors = new Map<string, string>();
  const paint = (color: string) => {
    if (!colors.has(color)) colors.set(color, resolveColor(color));
    return colors.get(color)!;
  };
  let x = pad;
  let rowY = y + 14;
  for (const item of options.key ?? []) {
    const itemWidth = SWATCH.width + 5 + measure(item.label, keyFont) + 14;
    if (x > pad && x + itemWidth > width - pad) {
      x = pad;
      rowY += 18;
    }
    const group = element('g', { 'data-key': item.id });
    const swatch = element('g', { transform: `translate(${x},${rowY - SWATCH.height + 1})` });
    for (const shape of swatchShapes(item, paint)) swatch.append(element(shape.tag, shape.attrs));
    group.append(swatch, text(x + SWATCH.width + 5, rowY, 12, MUTED, item.label));
    root.append(group);
    x += itemWidth;
  }
  y = (options.key?.length ? rowY : y) + 8;

  clone.setAttribute('x', String(pad));
  clone.setAttribute('y', String(y));
  root.append(clone);
  y += chartHeight + 18;
  const footerFont = `10.5px ${font}`;
  for (const [i, footer] of (options.footer ?? []).entries()) {
    for (const line of wrapText(footer, footerFont, width - 2 * pad)) {
      root.append(element('text', { x: pad, y, 'data-footer': i, style: `font-family:${font};font-size:10.5px;fill:${MUTED}` }, line));
      y += 13.5;
    }
  }
  const height = Math.ceil(y + pad - 13.5);

  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { markup, width, height };
}

/** Draws SVG markup onto a canvas at `scale` and encodes it as PNG. */
export async function rasterize(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a file name through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const svgBlob = (markup: string) => new Blob([markup], { type: 'image/svg+xml;charset=utf-8' });
/** CSV text already starts with its BOM (see state/exports.ts). */
export const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

