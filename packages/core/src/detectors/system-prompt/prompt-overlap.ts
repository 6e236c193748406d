/** Words of a text, lower-cased, with their offsets: whitespace, case and punctuation no longer matter. */
export interface Words {
  readonly words: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Splits text into lower-case words with offsets. */
export function wordsOf(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(wordPattern)) {
    words.push(match[0].toLowerCase());
    starts.push(match.index ?? 0);
    ends.push((match.index ?? 0) + match[0].length);
  }
  return { words, starts, ends };
}

const stopwords = new Set(
  'a an and are as at be by for from has have i in is it its me my of on or our that the their this to was we were will with you your not do does can if so but all any'.split(' '),
);

/** A protected prompt compiled once: its word shingles (order-free within a window, so reordered sentences still match). */
export interface PromptFingerprint {
  readonly size: number;
  /** Shingle length in words. */
  readonly n: number;
  /** Each distinct prompt word and its number; shingles are keyed by word numbers. */
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly shingles: ReadonlySet<string>;
  /** Letters and digits of the prompt, for short prompts (an access code, one sentence). */
  readonly compact: string;
}

/** Compiles a system prompt into word shingles; shingles made only of stopwords are dropped. */
export function fingerprintPrompt(prompt: string): PromptFingerprint {
  const { words } = wordsOf(prompt);
  const n = words.length >= 24 ? 4 : 3;
  const vocabulary = new Map<string, number>();
  for (const word of words) if (!vocabulary.has(word)) vocabulary.set(word, vocabulary.size);
  const shingles = new Set<string>();
  for (let index = 0; index + n <= words.length; index++) {
    const window = words.slice(index, index + n);
    if (window.every((word) => stopwords.has(word))) continue;
    shingles.add(window.map((word) => vocabulary.get(word)).join(','));
  }
  return { size: words.length, n, vocabulary, shingles, compact: words.join('') };
}

/** How much of a protected prompt a text reproduces. */
export interface Overlap {
  /** Share of the prompt's shingles that appear in the text. */
  readonly coverage: number;
  /** Words of the text that belong to a shingle of the prompt. */
  readonly leakedWords: number;
  /** Offsets of the first and last leaked word, in the text. */
  readonly start: number;
  readonly end: number;
}

/** Measures the prompt's shingles found in a text. Linear in the text's length. */
export function measureOverlap(fingerprint: PromptFingerprint, text: string): Overlap | undefined {
  const { words, starts, ends } = wordsOf(text);
  const { n, vocabulary } = fingerprint;
  // Words outside the prompt's vocabulary end every window they are in: only runs of known words are looked up.
  const ids = words.map((word) => vocabulary.get(word) ?? -1);
  const covered = new Uint8Array(words.length);
  const matched = new Set<string>();
  let run = 0;
  for (let index = 0; index < ids.length; index++) {
    run = (ids[index] ?? -1) < 0 ? 0 : run + 1;
    if (run < n) continue;
    const first = index - n + 1;
    const shingle = ids.slice(first, index + 1).join(',');
    if (!fingerprint.shingles.has(shingle)) continue;
    matched.add(shingle);
    covered.fill(1, first, index + 1);
  }
  if (matched.size === 0) return undefined;
  let leakedWords = 0;
  let first = -1;
  let last = -1;
  covered.forEach((flag, index) => {
    if (!flag) return;
    leakedWords++;
    if (first < 0) first = index;
    last = index;
  });
  return {
    coverage: matched.size / Math.max(1, fingerprint.shingles.size),
    leakedWords,
    start: starts[first] ?? 0,
    end: ends[last] ?? 0,
  };
}

/**
 * Leak confidence from an overlap: reproducing most of the prompt, or a long stretch of a long prompt, is a leak.
 * Coverage 0.5 or 30 leaked words score 0.95; a handful of shared phrases scores low.
 */
export function leakScore(overlap: Overlap): number {
  const byCoverage = Math.min(1, overlap.coverage / 0.5) * 0.95;
  const byLength = Math.min(1, Math.max(0, overlap.leakedWords - 6) / 24) * 0.95;
  return Math.round(Math.max(byCoverage, byLength) * 100) / 100;
}
