import { codeLineLookup } from '../adversarial-suffix/code-lines.ts';
import { scoreTokens } from '../adversarial-suffix/token-oddness.ts';
import { isSeenPair, isWordClass, wordClassOf, type WordPairModel } from './word-pairs.ts';

/** Where a text turns from fluent prose into a disfluent tail, and how sharply. */
export interface DisfluentTail {
  /** Offset in the scanned text where the tail starts (its first token); it runs to the end. */
  readonly start: number;
  /** Share of the tail's adjacent word pairs that natural text never puts together. */
  readonly tailRate: number;
  /** The same share over the head (the text before the tail). */
  readonly headRate: number;
  /** Token-salad oddness summed over the tail's tokens and over the head's (see token-oddness.ts). */
  readonly tailOddness: number;
  readonly headOddness: number;
  /**
   * Share of the tail's pairs that join two plain words natural text never puts together ("poem velvet"): token
   * salad strings words; code, logs and markup are unseen because of their symbols instead.
   */
  readonly tailWordRate: number;
  /** Share of tail tokens that end an item of a list (a comma or semicolon): names, ingredients, tags. */
  readonly tailListRate: number;
  /** Share of the tail's tokens that are hashtags or mentions. */
  readonly tailTagRate: number;
  /**
   * Whether a word ending a question or a lead-in ("…command injection?", "…this log:") sits where the tail starts (the
   * head's last three tokens or the tail's first three): the tail is then material pasted after a question.
   */
  readonly afterQuestion: boolean;
  /** Tail tokens shaped like code: operators, arrows, method calls, statement ends (`=`, `=>`, `a.b(`, `x);`). */
  readonly tailCodeTokens: number;
  /** Tokens in the tail. */
  readonly tailTokens: number;
}

/** A token shaped like code rather than prose or salad. */
const codeShaped = /^(?:[=+*/<>&|%-]{1,3}|=>|==|!=)$|=>|[\w\])]\.\w+\(|\w\);?$|;$/u;

/** Hashtags and mentions (`#tbt`, `@dana`): social-media writing, not salad. */
const tagOrMention = /^[#@][\p{L}\p{N}_]+[.,;:!?)]*$/u;
const listItemEnd = /[,;]$/u;
/** A plain word closing a question or a lead-in: "injection?", "log:" (not "??" or "):" from salad). */
const questionOrLeadInEnd = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*[?:]$/u;

/** How long a head and a tail must be, in word pairs. */
export interface SplitLimits {
  /** Fewest word pairs in a head: the request an adversarial suffix is appended to. */
  readonly minimumHeadPairs: number;
  /** Fewest word pairs in a tail: an optimizer's suffix is 15–25 tokens; short ones are 10–12. */
  readonly minimumTailPairs: number;
}

/** The default limits: a request of 7+ words followed by 10+ pairs of salad. */
export const defaultSplitLimits: SplitLimits = { minimumHeadPairs: 6, minimumTailPairs: 10 };
/** Unseen-pair share a tail needs before a split is considered at all. */
const minimumTailRate = 0.7;

/**
 * A text read once for {@link findDisfluentTail}: its tokens, word classes and prefix sums of unseen pairs. Token
 * oddness is computed on the first split that needs it and shared by later readings.
 */
export interface PreparedText {
  readonly text: string;
  readonly tokens: readonly RegExpExecArray[];
  /** prefix[i] = unseen pairs among pairs 0..i-1 (pair i joins tokens i and i+1). */
  readonly unseen: readonly number[];
  /** The same, counting only pairs of two plain words. */
  readonly unseenWords: readonly number[];
  /** Oddness per token (hashtags and mentions count 0), once computed. */
  oddness?: readonly number[];
}

/** Tokenizes a text and looks up each adjacent word pair once (linear time). */
export function prepareText(text: string, model: WordPairModel): PreparedText {
  const tokens = [...text.matchAll(/\S+/gu)];
  const classes = tokens.map((match) => wordClassOf(match[0]));
  const unseen = [0];
  const unseenWords = [0];
  for (let index = 1; index < classes.length; index += 1) {
    const first = classes[index - 1] ?? '';
    const second = classes[index] ?? '';
    const isUnseen = isSeenPair(model, first, second) ? 0 : 1;
    unseen.push((unseen[unseen.length - 1] ?? 0) + isUnseen);
    unseenWords.push((unseenWords[unseenWords.length - 1] ?? 0) + (isUnseen && isWordClass(first) && isWordClass(second) ? 1 : 0));
  }
  return { text, tokens, unseen, unseenWords };
}

function oddnessOf(prepared: PreparedText): readonly number[] {
  prepared.oddness ??= scoreTokens(prepared.text, codeLineLookup(prepared.text)).map((token, index) => (tagOrMention.test(prepared.tokens[index]?.[0] ?? '') ? 0 : token.oddness));
  return prepared.oddness;
}

/**
 * Finds the split of a text into a head and a tail where the tail is most disfluent relative to the head: the share of
 * adjacent word pairs unseen in natural text (a word-pair model) jumps. One pass with prefix sums (linear time); token
 * oddness is computed only for a text that has such a split. Returns undefined for short texts or no split.
 */
export function findDisfluentTail(input: string | PreparedText, model: WordPairModel, limits: SplitLimits = defaultSplitLimits): DisfluentTail | undefined {
  const { minimumHeadPairs, minimumTailPairs } = limits;
  const prepared = typeof input === 'string' ? prepareText(input, model) : input;
  const { tokens, unseen, unseenWords } = prepared;
  if (tokens.length < minimumHeadPairs + minimumTailPairs + 1) return undefined;
  const pairs = tokens.length - 1;
  const total = unseen[pairs] ?? 0;
  let best: { split: number; tailRate: number; headRate: number } | undefined;
  for (let split = minimumHeadPairs; split + minimumTailPairs <= pairs; split += 1) {
    const headRate = (unseen[split] ?? 0) / split;
    const tailRate = (total - (unseen[split] ?? 0)) / (pairs - split);
    if (tailRate < minimumTailRate) continue;
    if (!best || tailRate - headRate > best.tailRate - best.headRate) best = { split, tailRate, headRate };
  }
  if (!best) return undefined;
  const oddness = oddnessOf(prepared);
  let tailOddness = 0;
  let headOddness = 0;
  // Pair `split` joins tokens split and split+1: the tail's tokens start at split+1.
  oddness.forEach((value, index) => {
    if (index > best.split) tailOddness += value;
    else headOddness += value;
  });
  let listItems = 0;
  let codeTokens = 0;
  let tags = 0;
  for (let index = best.split + 1; index < tokens.length; index += 1) {
    const token = tokens[index]?.[0] ?? '';
    if (listItemEnd.test(token)) listItems += 1;
    if (codeShaped.test(token)) codeTokens += 1;
    if (tagOrMention.test(token)) tags += 1;
  }
  const tailTokens = tokens.length - best.split - 1;
  return {
    start: tokens[best.split + 1]?.index ?? 0,
    tailRate: best.tailRate,
    headRate: best.headRate,
    tailWordRate: ((unseenWords[pairs] ?? 0) - (unseenWords[best.split] ?? 0)) / (pairs - best.split),
    tailOddness,
    headOddness,
    tailListRate: listItems / tailTokens,
    tailTagRate: tags / tailTokens,
    afterQuestion: tokens.slice(Math.max(0, best.split - 2), best.split + 4).some((token) => questionOrLeadInEnd.test(token[0])),
    tailCodeTokens: codeTokens,
    tailTokens,
  };
}
