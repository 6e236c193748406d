/**
 * A compact model of which adjacent word pairs occur in natural text: a one-hash Bloom filter over lower-cased word
 * bigrams seen at least twice in a benign corpus (built by `bulwark train-word-pairs` from documentation on the
 * training machine and benign prompt datasets; see packages/core/MODEL.md). Membership may be a false positive (a pair
 * reads as seen), never a false negative.
 */

import { hashSlot } from '../hash-slot.ts';

/** A word-pair Bloom filter: `bits` = log2 of its size in bits. */
export interface WordPairModel {
  readonly bits: number;
  readonly filter: Uint8Array;
}

/** The word class of a whitespace-separated token: a plain word (lower-cased), a number, or anything else. */
export type WordClass = string;
/** Tokens that are not a plain word or number (code, symbols glued to letters, camel case, mixed scripts). */
export const otherToken = '<other>';
const numberToken = '<number>';

const leadingWrapper = /^[("'“‘«*_[]+/u;
const trailingWrapper = /[.,;:!?)"'”’»*_\]…]+$/u;
/** `word`, `Word`, `WORD`, `don't`, `well-known`: one script's letters with inner apostrophes and hyphens. */
const plainWord = /^(?:\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+)(?:['’-]\p{Ll}+)*$/u;
const plainNumber = /^[\d.,:%$/-]+$/u;

/** Reduces one whitespace-separated token to its word class. */
export function wordClassOf(token: string): WordClass {
  const core = token.replace(leadingWrapper, '').replace(trailingWrapper, '');
  if (plainWord.test(core)) return core.toLowerCase();
  if (plainNumber.test(core)) return numberToken;
  return otherToken;
}

/** Whether a word class is a plain word (not a number or another token). */
export function isWordClass(wordClass: WordClass): boolean {
  return wordClass !== otherToken && wordClass !== numberToken;
}

/** The Bloom-filter slot of a word pair. */
export function pairSlot(first: WordClass, second: WordClass, bits: number): number {
  return hashSlot(`${first} ${second}`, bits);
}

/** Whether natural text was seen to put `second` right after `first`; a non-word token never pairs. */
export function isSeenPair(model: WordPairModel, first: WordClass, second: WordClass): boolean {
  if (first === otherToken || second === otherToken) return false;
  const slot = pairSlot(first, second, model.bits);
  return ((model.filter[slot >>> 3] ?? 0) & (1 << (slot & 7))) !== 0;
}

/** Builds a model from texts: every word pair seen at least `minimumCount` times is set. Deterministic for the same texts. */
export function buildWordPairModel(texts: Iterable<string>, bits = 21, minimumCount = 2): WordPairModel {
  const counts = new Map<string, number>();
  for (const text of texts) {
    let previous: WordClass | undefined;
    for (const match of text.matchAll(/\S+/gu)) {
      const current = wordClassOf(match[0]);
      if (previous !== undefined && previous !== otherToken && current !== otherToken) {
        const key = `${previous} ${current}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      previous = current;
    }
  }
  const filter = new Uint8Array(1 << (bits - 3));
  for (const [key, count] of counts) {
    if (count < minimumCount) continue;
    const space = key.indexOf(' ');
    const slot = pairSlot(key.slice(0, space), key.slice(space + 1), bits);
    filter[slot >>> 3] = (filter[slot >>> 3] ?? 0) | (1 << (slot & 7));
  }
  return { bits, filter };
}
