/** Checksums embedded in provider token formats, validated offline. */

const crcTable = buildCrcTable();

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE 802.3) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let index = 0; index < text.length; index++) {
    crc = (crcTable[(crc ^ text.charCodeAt(index)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const base62Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base 62 (digits, upper, lower), left-padded with `0` to `width`. */
export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = base62Alphabet[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) token checksum: the last six characters are the
 * base-62 CRC-32 of the random part between the four-character prefix and the checksum.
 */
export function validBase62Crc32Token(token: string): boolean {
  if (token.length < 4 + 6 + 20) return false;
  const body = token.slice(4, -6);
  return base62(crc32(body), 6) === token.slice(-6);
}

/** A JWT's first segment is base64url JSON naming a signing algorithm. */
export function validJwtHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** Named checksums (structural validators) a secret rule can require. */
export const secretChecksums = {
  'base62-crc32': validBase62Crc32Token,
  'jwt-header': validJwtHeader,
} as const satisfies Record<string, (secret: string) => boolean>;

/** A checksum a secret rule can name. */
export type SecretChecksum = keyof typeof secretChecksums;
