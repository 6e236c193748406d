import { BulwarkConfigError, harmFeatures, harmRequestScore, harmSentences, parseHarmRequestModel, serializeHarmRequestModel, type HarmRequestModel } from '@bulwark/core';
import { createRandom } from './network.ts';

/** What a harm-request model learns from. */
export interface HarmRequestTrainingData {
  /** Plainly harmful requests (one request each). */
  readonly harmful: readonly string[];
  /** Benign prompts; each is learned whole and sentence by sentence (the model scores sentences). */
  readonly benign: readonly string[];
  /** Benign prompts never trained on: the threshold is chosen on them. */
  readonly validationBenign: readonly string[];
}

/** Training settings; the defaults built the committed model. */
export interface HarmRequestTrainingOptions {
  /** log2 of the number of weight slots (default 18: 256 KB as int8). */
  readonly bits?: number;
  /** Passes over the examples (default 8). */
  readonly epochs?: number;
  /** Weight decay per update (default 0.001). */
  readonly weightDecay?: number;
  /** Seed of the example order (default 13). */
  readonly seed?: number;
  /** Share of validation benign prompts allowed at or above the threshold (default 0.02). */
  readonly falsePositiveRate?: number;
}

/**
 * Trains the model by stochastic gradient descent on the logistic loss (harmful requests weighted by the square root of
 * the class ratio), quantizes it as the file stores it, and sets the threshold at `falsePositiveRate` of the validation benign
 * prompts (their most harmful-looking sentence). Deterministic for the same data and options.
 */
export function trainHarmRequestModel(data: HarmRequestTrainingData, options: HarmRequestTrainingOptions = {}): HarmRequestModel {
  if (data.harmful.length === 0 || data.benign.length === 0) throw new BulwarkConfigError('harm-request training needs harmful and benign texts');
  const bits = options.bits ?? 18;
  const epochs = options.epochs ?? 8;
  const weightDecay = options.weightDecay ?? 1e-3;
  const falsePositiveRate = options.falsePositiveRate ?? 0.02;
  const examples: Array<{ readonly slots: readonly number[]; readonly label: 0 | 1 }> = [];
  for (const text of data.harmful) examples.push({ slots: harmFeatures(text, bits), label: 1 });
  for (const text of data.benign) {
    examples.push({ slots: harmFeatures(text, bits), label: 0 });
    for (const sentence of harmSentences(text)) if (sentence !== text.trim()) examples.push({ slots: harmFeatures(sentence, bits), label: 0 });
  }
  const positiveWeight = Math.sqrt((examples.length - data.harmful.length) / data.harmful.length);
  const weights = new Float32Array(1 << bits);
  let bias = 0;
  const random = createRandom(options.seed ?? 13);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    const rate = 0.2 / (1 + epoch);
    for (const position of order) {
      const example = examples[position]!;
      let logit = bias;
      for (const slot of example.slots) logit += weights[slot]!;
      const gradient = (1 / (1 + Math.exp(-logit)) - example.label) * (example.label === 1 ? positiveWeight : 1);
      for (const slot of example.slots) weights[slot] = weights[slot]! - rate * (gradient + weightDecay * weights[slot]!);
      bias -= rate * gradient;
    }
  }
  // Choose the threshold on the model as the file will hold it (quantized weights).
  const stored = parseHarmRequestModel(serializeHarmRequestModel({ bits, bias, weights, threshold: 0.5 }), 'training');
  const scores = data.validationBenign.map((text) => harmRequestScore(stored, text).score).sort((a, b) => b - a);
  const allowed = Math.floor(scores.length * falsePositiveRate);
  const threshold = Math.min(0.99, Math.max(0.05, (scores[allowed] ?? 0) + 1e-6));
  return { ...stored, threshold };
}
