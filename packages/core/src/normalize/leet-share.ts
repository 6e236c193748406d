import type { NormalizedText } from './normalize.ts';
import { hiddenLayerViewKinds, type ViewKind } from './view.ts';

/**
 * Leetspeak is deliberate when at least this share of the words mixes letters with leetspeak digits or symbols, and at
 * least `minimumLeetWords` of them do — not the odd "14th" or "mp3" of ordinary text.
 */
const deliberateLeetShare = 0.05;
const minimumLeetWords = 3;
const leetTokenPattern = /[\p{L}\p{N}@$!|€]+/gu;

/** Share of the words that mixed letters with leetspeak digits or symbols (0 when there are too few to mean anything). */
export function leetspeakShare(normalized: NormalizedText): number {
  const leetWords = normalized.signals.leetWords;
  if (leetWords < minimumLeetWords) return 0;
  const words = normalized.views[0]?.text.match(leetTokenPattern)?.length ?? 0;
  return words === 0 ? 0 : leetWords / words;
}

/** True when the text is written in leetspeak on purpose, so its de-leeted view is worth reading as the text itself. */
export function isLeetspeakDeliberate(normalized: NormalizedText): boolean {
  return leetspeakShare(normalized) >= deliberateLeetShare;
}

/** True for a view worth reading besides the normalized text: a hidden layer, or the de-leeted text when leetspeak is deliberate. */
export function isReadableBesideNormalized(kind: ViewKind, leetIsDeliberate: boolean): boolean {
  return hiddenLayerViewKinds.has(kind) || (kind === 'leet' && leetIsDeliberate);
}
