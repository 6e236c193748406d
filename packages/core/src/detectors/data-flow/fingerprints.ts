/**
 * Content fingerprints for "was this text copied from that read?": 16-character windows of the letters-and-digits
 * key, hashed (FNV-1a), kept when the hash falls in a 1-in-8 sample. Sampling depends only on content, so a copied
 * passage yields the same sampled windows in both texts; two shared windows mean a copied run of roughly 24+ characters.
 */
export const fingerprintWindow = 16;
const sampleMask = 7;
const maxFingerprints = 4096;

/** FNV-1a of `text[start, start + window)`. */
function windowHash(text: string, start: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < start + fingerprintWindow; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Sorted, distinct sampled fingerprints of a key (letters and digits only). */
export function fingerprintsOf(key: string): number[] {
  const hashes = new Set<number>();
  for (let start = 0; start + fingerprintWindow <= key.length && hashes.size < maxFingerprints; start++) {
    const hash = windowHash(key, start);
    if ((hash & sampleMask) === 0) hashes.add(hash);
  }
  return [...hashes].sort((a, b) => a - b);
}

/** Calls `onMatch(start, hash)` for every sampled window of `key` whose fingerprint is in `sorted`. */
export function matchFingerprints(key: string, sorted: readonly number[], onMatch: (start: number, hash: number) => void): void {
  if (sorted.length === 0) return;
  for (let start = 0; start + fingerprintWindow <= key.length; start++) {
    const hash = windowHash(key, start);
    if ((hash & sampleMask) !== 0) continue;
    if (hasFingerprint(sorted, hash)) onMatch(start, hash);
  }
}

/** Whether a sorted fingerprint list holds `hash` (binary search). */
export function hasFingerprint(sorted: readonly number[], hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle] ?? 0;
    if (value === hash) return true;
    if (value < hash) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
