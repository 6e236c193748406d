/**
 * Featurization shared by training (packages/cli/src/train) and inference (onnx-classifier.ts).
 *
 * A text becomes a bag of hashed feature ids: character n-grams (3 to 5 characters, over lower-cased
 * text with whitespace collapsed and a space on each side) plus word unigrams and bigrams. Every id is in
 * `[1, bucketCount)`; id 0 is reserved for padding and its embedding row is zero. The function is pure and
 * deterministic: the same text and options always give the same ids in the same order.
 */

/** Options of the hashed featurizer. They are recorded in the model's metadata and must match it. */
export interface FeaturizeOptions {
  /** Number of embedding rows, including the padding row 0. */
  readonly bucketCount: number;
  /** Smallest character n-gram length. */
  readonly minCharGram: number;
  /** Largest character n-gram length. */
  readonly maxCharGram: number;
}

/** The featurizer settings the committed model was trained with. */
export const defaultFeaturizeOptions: FeaturizeOptions = Object.freeze({
  bucketCount: 1 << 18,
  minCharGram: 3,
  maxCharGram: 5,
});

/** Id reserved for padding: its embedding is zero and it is not counted in the mean. */
export const padId = 0;

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;
const charGramSeed = 0x9e3779b1;
const wordSeed = 0x85ebca6b;
const bigramSeed = 0xc2b2ae35;
const wordPattern = /[\p{L}\p{N}]+/gu;

const invisiblePattern = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\u{e0000}-\u{e007f}]/gu;

/** Four or more single letters separated by single spaces ("i g n o r e"): letter-spacing evasion. */
const spacedLettersPattern = /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){3,}(?![\p{L}\p{N}])/gu;

/**
 * Lower-cases and NFKC-normalizes text, drops invisible characters (zero-width, bidi controls, variation
 * selectors, Unicode tags), collapses whitespace runs to one space and joins letter-spaced words
 * ("i g n o r e" → "ignore"). Idempotent; cheap on text the
 * engine has already normalized.
 */
export function canonicalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(invisiblePattern, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(spacedLettersPattern, (run) => run.replaceAll(' ', ''))
    .trim();
}

function mix(hash: number): number {
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x7feb352d);
  mixed ^= mixed >>> 15;
  mixed = Math.imul(mixed, 0x846ca68b);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

function toBucket(hash: number, bucketCount: number): number {
  return 1 + (mix(hash) % (bucketCount - 1));
}

function hashString(text: string, seed: number): number {
  let hash = (fnvOffset ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), fnvPrime);
  }
  return hash >>> 0;
}

/**
 * Returns the hashed feature ids of an already canonical text (see {@link canonicalizeText}).
 * Use {@link featurize} unless the text is known to be canonical.
 */
export function featurizeCanonical(canonical: string, options: FeaturizeOptions = defaultFeaturizeOptions): number[] {
  const { bucketCount, minCharGram, maxCharGram } = options;
  const ids: number[] = [];
  const padded = ` ${canonical} `;
  const length = padded.length;
  for (let start = 0; start + minCharGram <= length; start += 1) {
    let hash = (fnvOffset ^ charGramSeed) >>> 0;
    const end = Math.min(length, start + maxCharGram);
    for (let index = start; index < end; index += 1) {
      hash = Math.imul(hash ^ padded.charCodeAt(index), fnvPrime) >>> 0;
      if (index - start + 1 >= minCharGram) ids.push(toBucket(hash, bucketCount));
    }
  }
  let previousWordHash = -1;
  for (const match of canonical.matchAll(wordPattern)) {
    const wordHash = hashString(match[0], wordSeed);
    ids.push(toBucket(wordHash, bucketCount));
    if (previousWordHash >= 0) {
      ids.push(toBucket(Math.imul(previousWordHash ^ bigramSeed, fnvPrime) ^ wordHash, bucketCount));
    }
    previousWordHash = wordHash;
  }
  return ids;
}

/** Canonicalizes a text and returns its hashed feature ids (never empty for non-empty text). */
export function featurize(text: string, options: FeaturizeOptions = defaultFeaturizeOptions): number[] {
  return featurizeCanonical(canonicalizeText(text), options);
}

/** A window of text: its character offsets in the canonical text and the slice itself. */
export interface TextWindow {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Window settings: long texts are scored in overlapping windows and the maximum is kept. */
export interface WindowOptions {
  /** Maximum window length in characters. */
  readonly windowSize: number;
  /** Characters shared by consecutive windows. */
  readonly overlap: number;
}

/** The window settings used in training and inference. */
export const defaultWindowOptions: WindowOptions = Object.freeze({ windowSize: 512, overlap: 128 });

/**
 * Splits a canonical text into overlapping windows, moving each cut back to the nearest space when one
 * is close, so words are rarely split. Short texts give exactly one window.
 */
export function splitIntoWindows(canonical: string, options: WindowOptions = defaultWindowOptions): TextWindow[] {
  const { windowSize, overlap } = options;
  if (canonical.length <= windowSize) return [{ start: 0, end: canonical.length, text: canonical }];
  const windows: TextWindow[] = [];
  let start = 0;
  for (;;) {
    let end = Math.min(canonical.length, start + windowSize);
    if (end < canonical.length) {
      const space = canonical.lastIndexOf(' ', end);
      if (space > start + windowSize / 2) end = space;
    }
    windows.push({ start, end, text: canonical.slice(start, end) });
    if (end >= canonical.length) break;
    let next = Math.max(start + 1, end - overlap);
    const space = canonical.indexOf(' ', next);
    if (space >= 0 && space < end) next = space + 1;
    start = next;
  }
  return windows;
}
