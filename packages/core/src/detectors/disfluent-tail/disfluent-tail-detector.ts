import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../../detector.ts';
import { BulwarkConfigError } from '../../errors.ts';
import { hiddenLayerViewKinds } from '../../normalize/view.ts';
import { defaultSplitLimits, findDisfluentTail, prepareText, type DisfluentTail, type SplitLimits } from './disfluent-tail.ts';
import type { WordPairModel } from './word-pairs.ts';

/** The word-pair model committed with @bulwark/core (`pnpm bulwark train-word-pairs`). */
export const defaultWordPairModelPath: string = fileURLToPath(new URL('../../../models/word-pairs.bin', import.meta.url));

/** Tail share of unseen word pairs from which a tail reads as disfluent. */
const tailRateThreshold = 0.8;
/**
 * The head must read as prose: at most this share of its pairs unseen. The model knows documentation better than
 * everyday topics, so a plain request on a rare topic reaches 0.6–0.8; text in another language reaches 0.9–1.
 */
const headRateCeiling = 0.8;
/** The tail must be clearly worse than the head (whole-text jargon, lists and foreign text are uniform). */
const minimumContrast = 0.15;
/** The tail carries token salad (symbols glued to sub-words, case glue, mixed scripts): at least one odd token. */
const minimumTailOddness = 1;
/** A tail with twice the salad may be somewhat less disfluent, if it clearly departs from the head. */
const saladTailRateThreshold = 0.75;
const saladContrast = 0.3;
const saladTailOddness = 2;
/** A head with more salad than this is not a fluent request (the adversarial-suffix detector reads such text). */
const maximumHeadOddness = 1;
/**
 * Inline code after a question ("why does `x.reduce((a, b) => a + b, 0);` fail") is disfluent and odd too, but unseen
 * because of its symbols: a tail with this many code-shaped tokens must also string plain words nobody pairs.
 */
const codeTokenLimit = 2;
const minimumWordRateWithCode = 0.3;
/** A tail where this share of tokens ends a list item (names, ingredients, tags) is a list, not a suffix. */
const listRateLimit = 0.25;
const blockScore = 0.8;

/** Parses a model file: a Bloom filter whose size in bits is a power of two. */
export function parseWordPairModel(bytes: Uint8Array, source: string): WordPairModel {
  const bits = Math.log2(bytes.length * 8);
  if (!Number.isInteger(bits) || bits < 10 || bits > 28) throw new BulwarkConfigError(`${source}: a word-pair model is a power-of-two number of bytes (got ${bytes.length})`);
  return { bits, filter: bytes };
}

/** Loads a word-pair model file. */
export async function loadWordPairModel(modelPath: string = defaultWordPairModelPath): Promise<WordPairModel> {
  const bytes = await readFile(modelPath).catch((error: Error) => {
    throw new BulwarkConfigError(`${modelPath}: cannot read the word-pair model: ${error.message}`);
  });
  return parseWordPairModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), modelPath);
}

/**
 * A second, shorter reading for short requests ("write a phishing email") and short suffixes (8–12 tokens): it needs
 * twice the salad in the tail.
 */
const shortSplitLimits: SplitLimits = { minimumHeadPairs: 3, minimumTailPairs: 7 };
const minimumShortTailOddness = 2;


/** The adversarial tail of a text, from the long reading or (with twice the salad) the short one. */
function adversarialTailOf(text: string, model: WordPairModel): DisfluentTail | undefined {
  const prepared = prepareText(text, model);
  const long = findDisfluentTail(prepared, model, defaultSplitLimits);
  if (long && isAdversarialTail(long)) return long;
  const short = findDisfluentTail(prepared, model, shortSplitLimits);
  return short && isAdversarialTail(short) && short.tailOddness >= minimumShortTailOddness ? short : undefined;
}

/** Whether a split is a fluent request followed by an adversarial suffix. */
export function isAdversarialTail(tail: DisfluentTail): boolean {
  return (
    tail.headRate <= headRateCeiling &&
    ((tail.tailRate >= tailRateThreshold && tail.tailRate - tail.headRate >= minimumContrast && tail.tailOddness >= minimumTailOddness) ||
      (tail.tailRate >= saladTailRateThreshold && tail.tailRate - tail.headRate >= saladContrast && tail.tailOddness >= saladTailOddness)) &&
    tail.headOddness <= maximumHeadOddness &&
    (tail.tailCodeTokens < codeTokenLimit || tail.tailWordRate >= minimumWordRateWithCode) &&
    tail.tailListRate < listRateLimit
  );
}

/** Options of {@link createDisfluentTailDetector}. */
export interface DisfluentTailOptions {
  /** A model, or a loader called once on the first scan; default: the committed `models/word-pairs.bin`. */
  readonly model?: WordPairModel | (() => Promise<WordPairModel>);
}

/**
 * Adversarial suffixes written mostly in words (GCG/DSN suffixes that glue few symbols): a fluent request followed by a
 * tail whose adjacent words natural text never puts together, with at least one token of salad in it. Fluency comes
 * from a word-pair model trained on this machine's documentation and benign prompts. Category `jailbreak`, prompts only;
 * blocks on its own. Text that is disfluent throughout (foreign languages, lists, jargon, tables) has no contrast and
 * does not fire.
 */
export function createDisfluentTailDetector(options: DisfluentTailOptions = {}): Detector {
  const source = options.model ?? (() => loadWordPairModel());
  let loading: Promise<WordPairModel> | undefined;
  const model = (): WordPairModel | Promise<WordPairModel> => {
    if (typeof source !== 'function') return source;
    loading ??= source();
    return loading;
  };
  return {
    meta: {
      id: 'disfluent-tail',
      categories: ['jailbreak'],
      surfaces: ['prompt'],
      description: 'Flags a fluent request followed by a disfluent, salad-bearing tail (a word-based adversarial suffix).',
    },
    async scan(input) {
      const loaded = await model();
      for (const [index, view] of input.normalized.views.entries()) {
        // Besides the text itself: decoded hidden layers and spaced letters, so an encoding does not hide the suffix.
        if (index > 0 && !hiddenLayerViewKinds.has(view.kind)) continue;
        const tail = adversarialTailOf(view.text, loaded);
        if (!tail) continue;
        return [
          {
            detector: 'disfluent-tail/word-salad-suffix',
            category: 'jailbreak',
            score: blockScore,
            message: 'a fluent request followed by a disfluent tail of token salad (an adversarial suffix)',
            span: view.toOriginal(tail.start, view.text.length),
            ...(index > 0 ? { view: view.kind } : {}),
            evidence: `tail=${tail.tailRate.toFixed(2)} head=${tail.headRate.toFixed(2)} words=${tail.tailWordRate.toFixed(2)} oddness=${tail.tailOddness.toFixed(1)} tokens=${tail.tailTokens}`,
          },
        ];
      }
      return [];
    },
  };
}
