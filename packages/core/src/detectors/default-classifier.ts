import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BulwarkConfigError } from '../errors.ts';
import { loadOnnxClassifier, type OnnxClassifierOptions } from '../model/onnx-classifier.ts';
import { defaultModelCalibration, type AttackClassifier, type ModelCalibration } from './injection-fusion.ts';

/** The fusion calibration committed beside the default model (`bulwark calibrate`); preferred over the metrics file. */
export const defaultCalibrationPath: string = fileURLToPath(new URL('../../models/injection-classifier.calibration.json', import.meta.url));

const PairSchema = z.object({ block: z.number().min(0).max(1), flag: z.number().min(0).max(1) });
const LabelsSchema = z.object({ injection: PairSchema, jailbreak: PairSchema });
const CalibrationFileSchema = z.object({
  injection: PairSchema,
  jailbreak: PairSchema,
  surfaces: z.partialRecord(z.enum(['prompt', 'model_output', 'tool_call', 'tool_result', 'tool_definition', 'document']), LabelsSchema).optional(),
});

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

/** Where a model's thresholds come from; without either file, fusion's conservative defaults apply. */
export interface CalibrationSources {
  /** A per-surface calibration file written by `bulwark calibrate`; preferred when present. */
  readonly calibrationPath?: string;
  /** A metrics file with `thresholds` per label, chosen on a validation split. */
  readonly metricsPath?: string;
}

/** Reads a model's calibration: the per-surface calibration file when it exists, else the metrics file's thresholds. */
export async function readModelCalibration(sources: CalibrationSources = { calibrationPath: defaultCalibrationPath, metricsPath: defaultMetricsPath }): Promise<ModelCalibration> {
  if (sources.calibrationPath) {
    const text = await readFile(sources.calibrationPath, 'utf8').catch(() => undefined);
    if (text !== undefined) return parseOrThrow(CalibrationFileSchema, text, sources.calibrationPath);
  }
  if (!sources.metricsPath) return defaultModelCalibration;
  const text = await readFile(sources.metricsPath, 'utf8').catch((error: Error) => {
    throw new BulwarkConfigError(`${sources.metricsPath}: cannot read model metrics: ${error.message}`);
  });
  const { injection, jailbreak } = parseOrThrow(MetricsSchema, text, sources.metricsPath).thresholds;
  return {
    injection: { block: injection, flag: injection * flagShare },
    jailbreak: { block: jailbreak, flag: jailbreak * flagShare },
  };
}

function parseOrThrow<T>(schema: z.ZodType<T>, text: string, path: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BulwarkConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BulwarkConfigError(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A classifier that carries its own calibration (fusion uses it unless the guard is given one). */
export type CalibratedClassifier = AttackClassifier & { readonly calibration: ModelCalibration };

/**
 * Loads the ONNX classifier committed with @bulwark/core (or another of the same contract) together with its
 * calibration. Guards call this once, lazily, on their first scan that needs the model. For a model of your own,
 * pass `calibrationPath` and/or `metricsPath`; the committed files belong to the committed model.
 */
export async function loadDefaultClassifier(options: OnnxClassifierOptions & CalibrationSources = {}): Promise<CalibratedClassifier> {
  const committed = options.modelPath === undefined;
  const calibrationPath = options.calibrationPath ?? (committed ? defaultCalibrationPath : undefined);
  const metricsPath = options.metricsPath ?? (committed ? defaultMetricsPath : undefined);
  const sources: CalibrationSources = { ...(calibrationPath ? { calibrationPath } : {}), ...(metricsPath ? { metricsPath } : {}) };
  const [classifier, calibration] = await Promise.all([loadOnnxClassifier(options), readModelCalibration(sources)]);
  return { id: classifier.id, score: (texts) => classifier.score(texts), calibration };
}
