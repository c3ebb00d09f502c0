/**
 * The one loader for dataset files, used by the CLI and the page's file picker: size first,
 * then strict UTF-8, then JSON, then the schema (validateDataset returns a clean copy).
 */
import { MAX_DATASET_BYTES } from './limits';
import { parseDataset, tooLarge, type Validation } from './validate';

/**
 * Decodes and validates the bytes of a dataset file. The size is checked before anything is
 * decoded; a UTF-8 byte-order mark is skipped; bytes that are not valid UTF-8 are a problem,
 * never replacement characters silently read as data.
 */
export function decodeDatasetBytes(bytes: Uint8Array): Validation {
  if (bytes.byteLength > MAX_DATASET_BYTES) return tooLarge(bytes.byteLength);
  let text: string;
  try {
    // ignoreBOM: false (the default) strips one leading byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ path: '(file)', message: 'is not valid UTF-8 text (save it as UTF-8 JSON)' }] };
  }
  return parseDataset(text);
}
