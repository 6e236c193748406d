/**
 * Scores texts with trained parameters exactly like the ONNX classifier does in core: canonicalize,
 * split into windows, score each window, keep the maximum per label.
 */
import {
  canonicalizeText,
  defaultFeaturizeOptions,
  defaultWindowOptions,
  featurizeCanonical,
  splitIntoWindows,
} from '../../../core/src/model/featurize.ts';
import { createWorkspace, forward, type NetworkParameters } from './network.ts';

/** [injection, jailbreak] probabilities. */
export type ScorePair = readonly [number, number];

/** Returns a scorer bound to the parameters (one workspace, reused). */
export function createScorer(parameters: NetworkParameters): (text: string) => ScorePair {
  const workspace = createWorkspace(parameters);
  return (text: string) => {
    let injection = 0;
    let jailbreak = 0;
    for (const window of splitIntoWindows(canonicalizeText(text), defaultWindowOptions)) {
      const scores = forward(parameters, featurizeCanonical(window.text, defaultFeaturizeOptions), workspace);
      injection = Math.max(injection, scores[0]!);
      jailbreak = Math.max(jailbreak, scores[1]!);
    }
    return [injection, jailbreak];
  };
}
