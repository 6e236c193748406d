/** Deterministic hashing used for splits and sampling. */

/** 32-bit FNV-1a hash of a string (stable across runs and machines). */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
