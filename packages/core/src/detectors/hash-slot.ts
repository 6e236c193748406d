/** 32-bit FNV-1a of a string, finished with a mixer, cut to `bits` bits: the slot of a hashed feature. */
export function hashSlot(key: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x5bd1e995);
  hash ^= hash >>> 15;
  return (hash >>> 0) >>> (32 - bits);
}
