import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../../detector.ts';
import { BulwarkConfigError } from '../../errors.ts';
import { hiddenLayerViewKinds } from '../../normalize/view.ts';
import { defaultSplitLimits, findDisfluentTail, prepareText, type DisfluentTail, type PreparedText, type SplitLimits } from './disfluent-tail.ts';
import type { WordPairModel } from './word-pairs.ts';
import { loadHarmRequestModel, readsAsHarmRequest, type HarmRequestModel } from '../harm-request/harm-request-model.ts';
import { lazyModel, type ModelSource } from '../lazy-model.ts';

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
function adversarialTailOf([long, short]: Splits): DisfluentTail | undefined {
  if (long && isAdversarialTail(long)) return long;
  return short && isAdversarialTail(short) && short.tailOddness >= minimumShortTailOddness ? short : undefined;
}

/** A text's best split under the long reading and under the short one, computed once for every reading. */
type Splits = readonly [DisfluentTail | undefined, DisfluentTail | undefined];

function splitsOf(prepared: PreparedText, model: WordPairModel): Splits {
  return [findDisfluentTail(prepared, model, defaultSplitLimits), findDisfluentTail(prepared, model, shortSplitLimits)];
}

/**
 * After a request for harmful content (the harm-request model), a suffix needs less salad: optimizers that search
 * word-level tails (GCG variants) leave mostly words, a few glued symbols or none. The tail must still be clearly
 * disfluent and clearly worse than the head.
 */
const harmfulHeadTailRate = 0.8;
const harmfulHeadContrast = 0.3;
/**
 * This reading blocks with no pretext at all, so the head must read clearly as a harmful request: the model's own
 * midpoint, the bar of the pretext detector's blocking combination too (above the model file's threshold, chosen at 2%
 * of benign calibration prompts for a cue).
 */
const harmfulHeadMinimumScore = 0.5;

/** Whether a split is a harmful request followed by a disfluent tail (the harmful-head reading; see above). */
export function isSuffixAfterHarmfulRequest(tail: DisfluentTail): boolean {
  return (
    tail.headRate <= headRateCeiling &&
    tail.tailRate >= harmfulHeadTailRate &&
    tail.tailRate - tail.headRate >= harmfulHeadContrast &&
    tail.headOddness <= maximumHeadOddness &&
    (tail.tailCodeTokens < codeTokenLimit || tail.tailWordRate >= minimumWordRateWithCode) &&
    tail.tailListRate < listRateLimit &&
    tail.tailTagRate < listRateLimit &&
    !tail.afterQuestion
  );
}

/** Whether a split is a fluent request followed by an adversarial suffix. */
export function isAdversarialTail(tail: DisfluentTail): boolean {
  return (
    tail.headRate <= headRateCeiling &&
    ((tail.tailRate >= tailRateThreshold && tail.tailRate - tail.headRate >= minimumContrast && tail.tailOddness >= minimumTailOddness) ||
      (tail.tailRate >= saladTailRateThreshold && tail.tailRate - tail.headRate >= saladContrast && tail.tailOddness >= saladTailOddness)) &&
    tail.headOddness <= maximumHeadOddness &&
    (tail.tailCodeTokens < codeTokenLimit || tail.tailWordRate >= minimumWordRateWithCode) &&
    tail.tailListRate < listRateLimit &&
    !tail.afterQuestion
  );
}

/** Options of {@link createDisfluentTailDetector}. */
export interface DisfluentTailOptions {
  /** A model, or a loader called once on the first scan; default: the committed `models/word-pairs.bin`. */
  readonly model?: WordPairModel | (() => Promise<WordPairModel>);
  /**
   * The harm-request model for the harmful-head reading, or a loader called once when a text first has a disfluent
   * tail; default: the committed `models/harm-requests.bin`. `false`: the salad readings only.
   */
  readonly harmRequests?: ModelSource<HarmRequestModel>;
}

/** A tail after a harmful request, from either reading. */
function tailAfterHarmfulRequest(splits: Splits, text: string, harm: HarmRequestModel): DisfluentTail | undefined {
  return splits.find(
    (tail) => tail !== undefined && isSuffixAfterHarmfulRequest(tail) && (readsAsHarmRequest(harm, text.slice(0, tail.start))?.score ?? 0) >= harmfulHeadMinimumScore,
  );
}

/**
 * Adversarial suffixes written mostly in words (GCG/DSN suffixes that glue few symbols): a fluent request followed by a
 * tail whose adjacent words natural text never puts together, with at least one token of salad in it — or, when the
 * head reads as a request for harmful content (the harm-request model), with no salad needed. Fluency comes from a
 * word-pair model trained on this machine's documentation and benign prompts. Category `jailbreak`, prompts only;
 * blocks on its own. Text that is disfluent throughout (foreign languages, lists, jargon, tables) has no contrast and
 * does not fire.
 */
export function createDisfluentTailDetector(options: DisfluentTailOptions = {}): Detector {
  const model = lazyModel(options.model ?? (() => loadWordPairModel()));
  const harmModel = lazyModel(options.harmRequests ?? (() => loadHarmRequestModel()));
  return {
    meta: {
      id: 'disfluent-tail',
      categories: ['jailbreak'],
      surfaces: ['prompt'],
      description: 'Flags a fluent request followed by a disfluent, salad-bearing tail (a word-based adversarial suffix).',
    },
    async scan(input) {
      const loaded = await model();
      if (!loaded) return [];
      for (const [index, view] of input.normalized.views.entries()) {
        // Besides the text itself: decoded hidden layers and spaced letters, so an encoding does not hide the suffix.
        if (index > 0 && !hiddenLayerViewKinds.has(view.kind)) continue;
        const splits = splitsOf(prepareText(view.text, loaded), loaded);
        const salad = adversarialTailOf(splits);
        const harm = salad || (!splits[0] && !splits[1]) ? undefined : await harmModel();
        const tail = salad ?? (harm ? tailAfterHarmfulRequest(splits, view.text, harm) : undefined);
        if (!tail) continue;
        return [
          {
            detector: salad ? 'disfluent-tail/word-salad-suffix' : 'disfluent-tail/harmful-request-suffix',
            category: 'jailbreak',
            score: blockScore,
            message: salad
              ? 'a fluent request followed by a disfluent tail of token salad (an adversarial suffix)'
              : 'a request for harmful content followed by a disfluent tail (an adversarial suffix)',
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
