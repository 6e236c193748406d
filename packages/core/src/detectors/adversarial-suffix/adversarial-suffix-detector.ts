import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import { hiddenLayerViewKinds } from '../../normalize/view.ts';
import { densestSuffixWindow } from './suffix-score.ts';

/** Window density (oddness per token) from which a text is reported: flag level, blocks with other evidence. */
const flagDensity = 0.15;
/** Window density from which token salad blocks on its own (no benign prompt of the shared datasets reaches 0.2). */
const blockDensity = 0.25;
const flagScore = 0.5;
const blockScore = 0.8;
/** Fewest odd tokens a reported window holds (a short text with one odd token is not a suffix). */
const minimumOddTokens = 4;


/** Maps window density to the policy scale: `flagDensity` → 0.5, `blockDensity` → 0.8 (the jailbreak block threshold), linear, capped at 0.95. */
function scoreOf(density: number): number {
  const score = flagScore + ((density - flagDensity) / (blockDensity - flagDensity)) * (blockScore - flagScore);
  return Math.round(Math.min(0.95, score) * 1e4) / 1e4;
}

/**
 * Adversarial suffixes (GCG, DSN, random search): machine-optimized token salad appended to a request — sub-words glued
 * to brackets and symbols, words glued by case, two scripts inside one token, runs of lone symbols — that no person
 * writes. Scores the densest window of 16 tokens anywhere in the prompt; code lines, inline code, embedded JSON, URLs,
 * paths, numbers and encoded blobs do not count, and repeated shapes (option lists, link tables) count once.
 * Category `jailbreak`, prompts only: at flag level it blocks together with the classifier or a rule (noisy-or); dense
 * salad blocks alone.
 */
export const adversarialSuffixDetector: Detector = {
  meta: {
    id: 'adversarial-suffix',
    categories: ['jailbreak'],
    surfaces: ['prompt'],
    description: 'Flags machine-made token salad (GCG/DSN/random-search adversarial suffixes) anywhere in a prompt.',
  },
  scan(input) {
    let best: Finding | undefined;
    input.normalized.views.forEach((view, index) => {
      // Besides the text itself: hidden layers and spaced letters (`hiddenLayerViewKinds`), so an encoding does not hide
      // the suffix; not leetspeak, which re-spells ordinary text.
      if (index > 0 && !hiddenLayerViewKinds.has(view.kind)) return;
      const window = densestSuffixWindow(view.text);
      if (!window || window.density < flagDensity || window.oddTokens < minimumOddTokens) return;
      const score = scoreOf(window.density);
      if (best && best.score >= score) return;
      const reasons = Object.entries(window.reasons)
        .map(([reason, count]) => `${reason}=${count}`)
        .join(' ');
      best = {
        detector: 'adversarial-suffix/token-salad',
        category: 'jailbreak',
        score,
        message: 'machine-made token salad (an adversarial suffix) in the prompt',
        span: view.toOriginal(window.start, window.end),
        ...(index > 0 ? { view: view.kind } : {}),
        evidence: `density=${window.density.toFixed(2)} ${reasons}`,
      };
    });
    return best ? [best] : [];
  },
};
