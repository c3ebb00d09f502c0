// Shared by the Node benchmark (TypeScript, via tsx) and the browser benchmark (plain Node).

/** Percentile of a sample (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (x, digits = 3) => `${x.toFixed(digits)} ms`;
