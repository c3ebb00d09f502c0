/** The one clipboard routine of the page (share link, embed snippet, deck link). */

/**
 * Copies text to the clipboard. Without the async clipboard (insecure origin, permission
 * refused), selects the text in `fallback` and tries the legacy copy command. Resolves with
 * 'copied', or 'selected' when the user has to press Ctrl+C themselves.
 */
export async function copyText(text: string, fallback: HTMLInputElement | HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!fallback) return 'selected';
    fallback.focus();
    fallback.select();
    fallback.setSelectionRange(0, fallback.value.length);
    try {
      // Deprecated but still the only synchronous fallback; harmless where unsupported.
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}
