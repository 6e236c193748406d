import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BulwarkConfigError } from '../errors.ts';
import { loadOnnxClassifier, type OnnxClassifierOptions } from '../model/onnx-classifier.ts';
import type { AttackClassifier, ModelCalibration } from './injection-fusion.ts';

/** The metrics file committed beside the default model. */
export const defaultMetricsPath: string = fileURLToPath(new URL('../../models/injection-classifier.metrics.json', import.meta.url));

const MetricsSchema = z.object({
  thresholds: z.object({ injection: z.number().min(0).max(1), jailbreak: z.number().min(0).max(1) }),
});

/**
 * Where the flag tier sits, as a share of the block threshold's probability. The metrics file holds one threshold per
 * label (chosen at ≤ 1% FPR on validation); the flag tier is for monitoring and sits lower.
 */
const flagShare = 0.5;

/** Reads a model's calibration from its metrics file (`thresholds` per label, chosen on a validation split). */
export async function readModelCalibration(metricsPath: string = defaultMetricsPath): Promise<ModelCalibration> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(metricsPath, 'utf8'));
  } catch (error) {
    throw new BulwarkConfigError(`${metricsPath}: cannot read model metrics: ${(error as Error).message}`);
  }
  const parsed = MetricsSchema.safeParse(data);
  if (!parsed.success) throw new BulwarkConfigError(`${metricsPath}.thresholds: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const { injection, jailbreak } = parsed.data.thresholds;
  return {
    injection: { block: injection, flag: injection * flagShare },
    jailbreak: { block: jailbreak, flag: jailbreak * flagShare },
  };
}

/** A classifier that carries its own calibration (fusion uses it unless the guard is given one). */
export type CalibratedClassifier = AttackClassifier & { readonly calibration: ModelCalibration };

/**
 * Loads the ONNX classifier committed with @bulwark/core (or another of the same contract) together with the
 * calibration from its metrics file. Guards call this once, lazily, on their first scan that needs the model.
 */
export async function loadDefaultClassifier(options: OnnxClassifierOptions & { metricsPath?: string } = {}): Promise<CalibratedClassifier> {
  const [classifier, calibration] = await Promise.all([loadOnnxClassifier(options), readModelCalibration(options.metricsPath)]);
  return { id: classifier.id, score: (texts) => classifier.score(texts), calibration };
}
