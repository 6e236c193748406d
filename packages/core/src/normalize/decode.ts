import type { Span, ViewKind } from './view.ts';

/** An encoded layer found in the text, with its decoded content. */
export interface DecodedLayer {
  readonly kind: Extract<ViewKind, 'base64' | 'hex' | 'url' | 'rot13'>;
  /** Where the encoded text sits in the text it was found in. */
  readonly span: Span;
  readonly text: string;
}

/** Bounds that keep decoding linear and cheap on hostile input. */
export interface DecodeLimits {
  readonly maxLayers: number;
  readonly maxDecodedChars: number;
}

const base64Candidate = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;
const hexCandidate = /(?:\\x[0-9a-fA-F]{2}){6,}|\b(?:[0-9a-fA-F]{2}[ :]?){8,}[0-9a-fA-F]{2}\b/g;
const urlCandidate = /(?<![^\s<>"'`])[^\s<>"'`]*%[0-9a-fA-F]{2}[^\s<>"'`]*/g;
const rot13Marker = /\brot[\s-]?13\b/i;

/** Finds base64, hex and URL-encoded layers (and a ROT13 reading when the text mentions ROT13) that decode to readable text. */
export function findEncodedLayers(text: string, limits: DecodeLimits): DecodedLayer[] {
  const layers: DecodedLayer[] = [];
  let budget = limits.maxDecodedChars;
  const add = (layer: DecodedLayer): boolean => {
    if (layers.length >= limits.maxLayers || budget <= 0) return false;
    budget -= layer.text.length;
    layers.push(layer);
    return true;
  };
  for (const match of text.matchAll(base64Candidate)) {
    const encoded = match[0];
    if (!looksLikeBase64(encoded)) continue;
    const decoded = decodeBase64(encoded);
    if (decoded && isReadable(decoded)) {
      if (!add({ kind: 'base64', span: spanOf(match), text: decoded })) break;
    }
  }
  for (const match of text.matchAll(hexCandidate)) {
    const decoded = decodeHex(match[0]);
    if (decoded && isReadable(decoded)) {
      if (!add({ kind: 'hex', span: spanOf(match), text: decoded })) break;
    }
  }
  for (const match of text.includes('%') ? text.matchAll(urlCandidate) : []) {
    if ((match[0].match(/%[0-9a-fA-F]{2}/g)?.length ?? 0) < 3) continue;
    const decoded = decodeUrl(match[0]);
    if (decoded && decoded !== match[0] && isReadable(decoded)) {
      if (!add({ kind: 'url', span: spanOf(match), text: decoded })) break;
    }
  }
  if (rot13Marker.test(text)) add({ kind: 'rot13', span: { start: 0, end: text.length }, text: rot13(text) });
  return layers;
}

function spanOf(match: RegExpMatchArray): Span {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length };
}

function looksLikeBase64(candidate: string): boolean {
  // Plain words and identifiers are not base64: require a mix of cases or digits, and a plausible length.
  const body = candidate.replace(/=+$/, '');
  if (body.length % 4 === 1) return false;
  const hasUpper = /[A-Z]/.test(body);
  const hasLower = /[a-z]/.test(body);
  const hasDigitOrSymbol = /[0-9+/_-]/.test(body);
  return hasUpper && hasLower && hasDigitOrSymbol;
}

function decodeBase64(encoded: string): string | undefined {
  const alphabet = /[-_]/.test(encoded) ? 'base64url' : 'base64';
  const bytes = Buffer.from(encoded, alphabet);
  if (bytes.length < 8) return undefined;
  return utf8OrUndefined(bytes);
}

function decodeHex(encoded: string): string | undefined {
  const digits = encoded.replace(/\\x|[\s:]/g, '');
  if (digits.length % 2 !== 0) return undefined;
  return utf8OrUndefined(Buffer.from(digits, 'hex'));
}

function decodeUrl(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Text that a person could read: printable, and mostly letters — or, for tables, listings and code, mostly letters,
 * digits, spaces and the punctuation that lays them out (with some letters still).
 */
export function isReadable(text: string): boolean {
  if (text.length < 4) return false;
  let printable = 0;
  let letters = 0;
  let layout = 0;
  let digits = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd) return false;
    if (code >= 0x20 || code === 0x0a || code === 0x0d || code === 0x09) printable++;
    if (/\p{L}/u.test(char)) letters++;
    else if (/[\p{N}\s|\-:.,;()[\]{}=_'"/+*#]/u.test(char)) {
      layout++;
      if (code >= 0x30 && code <= 0x39) digits++;
    }
  }
  const length = [...text].length;
  if (printable / length < 0.95) return false;
  // Numbers (account lines, amounts) and layout (tables, listings, code) are readable when letters still make a share.
  return (
    letters / length >= 0.4 ||
    (letters / length >= 0.2 && (letters + digits) / length >= 0.6) ||
    (letters / length >= 0.15 && (letters + layout) / length >= 0.9)
  );
}

/** ROT13 of ASCII letters. */
export function rot13(text: string): string {
  return text.replace(/[a-zA-Z]/g, (char) => {
    const base = char <= 'Z' ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}
