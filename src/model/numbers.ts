/**
 * The one rule for numbers typed by people, in CLI arguments and URL parameters: plain decimals
 * only, an optional minus sign, digits, and an optional fraction ("196.7", "-5", "0.25"). No
 * exponent (1e3), hex (0x10), binary (0b1), leading '+', spaces, "Infinity" or empty strings:
 * JavaScript's Number() accepts all of those, which lets a typo or a crafted link pass as a value.
 */
export const DECIMAL_RULE = 'a plain decimal number such as 196.7 (digits, an optional leading minus and decimal point; no exponent or hex)';

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Longer strings are not numbers a person types. */
const MAX_DECIMAL_CHARS = 40;

/** The value of a plain decimal string, or null when it breaks the rule. */
export function parseDecimal(raw: string): number | null {
  if (raw.length > MAX_DECIMAL_CHARS || !DECIMAL.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}
