/**
 * A 32-bit FNV-1a hash of a text's UTF-16 code units. A model carries the fingerprint of the text it
 * was parsed from, so that work done later on a text read again (a file on disk may have changed
 * since) can tell whether the text is still the one the model describes.
 */
export function textFingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
