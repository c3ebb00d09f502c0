/**
 * A teacher's own slides: an ordered list of saved views, each a URL query string. The deck
 * travels in one URL parameter (base64url of a JSON array) and is kept in localStorage.
 */
export const MAX_SLIDES = 20;
/** The deck's link parameter; each slide is bounded only by this, so any view that can be added can be read back. */
export const MAX_DECK_PARAM = 12_000;
const STORAGE_KEY = 'airshed:deck';

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (raw: string) => new TextDecoder().decode(Uint8Array.from(atob(raw.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

export function encodeDeck(queries: string[]): string {
  return toBase64Url(JSON.stringify(queries));
}

/** The deck in a link, or null if it is not a list of 1 to MAX_SLIDES query strings within MAX_DECK_PARAM. */
export function decodeDeck(raw: string): string[] | null {
  if (raw.length > MAX_DECK_PARAM || !/^[A-Za-z0-9_-]*$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(fromBase64Url(raw));
    const ok = Array.isArray(value) && value.length >= 1 && value.length <= MAX_SLIDES && value.every((q) => typeof q === 'string');
    return ok ? (value as string[]) : null;
  } catch {
    return null;
  }
}

export type SlideRoom = 'ok' | 'full' | 'duplicate' | 'long';

/** Whether a view can join the deck: the same test decodeDeck applies on the way back, so a saved deck always loads. */
export function slideRoom(deck: string[], query: string): SlideRoom {
  if (deck.includes(query)) return 'duplicate';
  if (deck.length >= MAX_SLIDES) return 'full';
  return encodeDeck([...deck, query]).length > MAX_DECK_PARAM ? 'long' : 'ok';
}

export function loadDeck(): string[] {
  try {
    return decodeDeck(localStorage.getItem(STORAGE_KEY) ?? '') ?? [];
  } catch {
    return []; // storage disabled (private mode, sandboxed iframe)
  }
}

/** Calls back with the deck whenever another tab saves it, so two tabs never overwrite each
 * other's slides (every edit is saved at once, so this tab adopts the newer list). */
export function watchDeck(onchange: (queries: string[]) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onchange(decodeDeck(event.newValue ?? '') ?? []);
  };
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}

export function saveDeck(queries: string[]): void {
  try {
    if (queries.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, encodeDeck(queries));
  } catch {
    // storage disabled: the deck still lives in the URL
  }
}
