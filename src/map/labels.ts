/**
 * Where the place labels go: greedy placement with collision checks, most important first. Each
 * label tries a few positions around its anchor (centred, above, below, right, left), kept inside
 * the map; the first that overlaps no label already placed wins; a label with no free position
 * is hidden (still in the page: it shows when focused, and zooming in makes room).
 */
import type { JurisdictionId } from '../model/types';

export interface LabelRequest {
  id: string;
  /** Anchor in screen pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lower goes first (the selected place, then the constrained receptors, then the rest). */
  priority: number;
}

export interface LabelPlace {
  /** Centre of the label box in screen pixels. */
  x: number;
  y: number;
  visible: boolean;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const overlaps = (a: Box, b: Box, gap = 0) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/** Place labels in priority order (ties keep their order); `gap` is the free space kept between boxes. */
export function placeLabels(labels: LabelRequest[], size: { width: number; height: number }, gap = 2): Map<string, LabelPlace> {
  const order = labels.map((label, index) => ({ label, index })).sort((a, b) => a.label.priority - b.label.priority || a.index - b.index);
  const placed: Box[] = [];
  const out = new Map<string, LabelPlace>();
  for (const { label } of order) {
    const { width: w, height: h } = label;
    // Centred, then just above or below the anchor's label spot, then beside it.
    const offsets: [number, number][] = [[0, 0], [0, -(h + gap)], [0, h + gap], [w / 2 + 6, 0], [-(w / 2 + 6), 0]];
    let found: LabelPlace | undefined;
    for (const [dx, dy] of offsets) {
      // Kept inside the map (a label at the edge slides in rather than being cut off).
      const x = Math.min(Math.max(label.x + dx, w / 2), Math.max(w / 2, size.width - w / 2));
      const y = Math.min(Math.max(label.y + dy, h / 2), Math.max(h / 2, size.height - h / 2));
      const box = { left: x - w / 2, top: y - h / 2, right: x + w / 2, bottom: y + h / 2 };
      if (placed.some((other) => overlaps(box, other, gap))) continue;
      placed.push(box);
      found = { x, y, visible: true };
      break;
    }
    out.set(label.id, found ?? { x: label.x, y: label.y, visible: false });
  }
  return out;
}

/** Priority of a place's label: the selected place, then the places holding a constrained receptor, then the others (larger values first). */
export function labelPriority(id: JurisdictionId, selected: JurisdictionId | null, constrained: JurisdictionId[], value: number | null, maxValue: number): number {
  if (id === selected) return 0;
  if (constrained.includes(id)) return 1;
  return 2 + (value === null || maxValue <= 0 ? 1 : 1 - value / maxValue);
}
