/**
 * One training run: examples → network → thresholds chosen on the validation split → validation metrics.
 * Used by `pnpm train` (all sources) and by the leave-one-source-out evaluation (one file excluded).
 */
import { defaultFeaturizeOptions } from '../../../core/src/model/featurize.ts';
import type { DatasetRow } from './dataset.ts';
import { buildExamples, sliceName } from './examples.ts';
import type { GatheredDocument } from './gather-benign.ts';
import { rateAtOrAbove, round, thresholdForFpr } from './metrics.ts';
import type { NetworkParameters } from './network.ts';
import { createScorer, type ScorePair } from './scoring.ts';
import { defaultTrainOptions, trainNetwork, type TrainOptions } from './trainer.ts';

/** Decision thresholds per label (a text is flagged for a label when its score is ≥ the threshold). */
export interface Thresholds {
  readonly injection: number;
  readonly jailbreak: number;
}

/** Thresholds per surface group: `prompt`, and `document` (also used for tool results). */
export interface SurfaceThresholds {
  readonly prompt: Thresholds;
  readonly document: Thresholds;
}

/** The thresholds that apply to a surface (`tool_result` and `document` share the document thresholds). */
export function thresholdsForSurface(thresholds: SurfaceThresholds, surface: string): Thresholds {
  return surface === 'prompt' ? thresholds.prompt : thresholds.document;
}

/** Target false-positive rates used to choose the thresholds on the validation split. */
export const thresholdTargetFpr = { injection: 0.01, jailbreak: 0.01 } as const;

/** Metrics of one (file, surface) slice. */
export interface SliceMetrics {
  readonly file: string;
  readonly surface: string;
  readonly positives: number;
  readonly negatives: number;
  /** Positives flagged by their own head (injection rows by the injection head, …). */
  readonly tpr: number;
  /** Positives flagged by either head. */
  readonly tprAnyHead: number;
  /** Negatives (benign) flagged by either head. */
  readonly fpr: number;
  /** Own-head TPR at the threshold giving 1% FPR on the pooled validation negatives of the same surface. */
  readonly tprAt1PercentFpr: number;
}

/** Result of {@link runTraining}. */
export interface TrainingResult {
  readonly parameters: NetworkParameters;
  /** Pooled over all validation negatives (prompts and documents). */
  readonly thresholds: Thresholds;
  /** Chosen per surface group; what the engine should use. */
  readonly thresholdsBySurface: SurfaceThresholds;
  readonly validation: {
    readonly slices: SliceMetrics[];
    readonly machineDocsFpr: number;
    readonly machineDocsCount: number;
    readonly harmfulJailbreakFlagRate: number;
  };
  readonly trainExampleCount: number;
  readonly trainSeconds: number;
}

/** Options of {@link runTraining}. */
export interface RunTrainingOptions {
  readonly rows: readonly DatasetRow[];
  readonly documents: readonly GatheredDocument[];
  readonly excludeFiles?: readonly string[];
  readonly train?: Partial<Omit<TrainOptions, 'bucketCount'>>;
  readonly log?: (line: string) => void;
}

/** Scored row: the row and its [injection, jailbreak] scores. */
export interface ScoredRow {
  readonly row: DatasetRow;
  readonly scores: ScorePair;
}

function isFlagged(scores: ScorePair, thresholds: Thresholds): boolean {
  return scores[0] >= thresholds.injection || scores[1] >= thresholds.jailbreak;
}

/** Computes per-(file, surface) metrics of scored rows; `negativesBySurface` feeds TPR@1%FPR. */
export function sliceMetrics(
  scored: readonly ScoredRow[],
  surfaceThresholds: SurfaceThresholds,
  negativesBySurface: ReadonlyMap<string, { injection: number[]; jailbreak: number[] }>,
): SliceMetrics[] {
  const slices = new Map<string, ScoredRow[]>();
  for (const entry of scored) {
    const key = `${sliceName(entry.row)}\u0000${entry.row.surface}`;
    const list = slices.get(key) ?? [];
    list.push(entry);
    slices.set(key, list);
  }
  return [...slices.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([key, entries]) => {
      const [file = '', surface = ''] = key.split('\u0000');
      const thresholds = thresholdsForSurface(surfaceThresholds, surface);
      const positives = entries.filter((entry) => entry.row.label === 'injection' || entry.row.label === 'jailbreak');
      const negatives = entries.filter((entry) => entry.row.label === 'benign');
      const ownScore = (entry: ScoredRow) => (entry.row.label === 'injection' ? entry.scores[0] : entry.scores[1]);
      const ownFlag = (entry: ScoredRow) =>
        entry.row.label === 'injection' ? entry.scores[0] >= thresholds.injection : entry.scores[1] >= thresholds.jailbreak;
      const pool = negativesBySurface.get(surface) ?? { injection: [], jailbreak: [] };
      const atFpr = positives.length === 0 ? Number.NaN : positives.filter((entry) => {
        const negativeScores = entry.row.label === 'injection' ? pool.injection : pool.jailbreak;
        return ownScore(entry) >= thresholdForFpr(negativeScores, 0.01);
      }).length / positives.length;
      return {
        file,
        surface,
        positives: positives.length,
        negatives: negatives.length,
        tpr: round(rateAtOrAbove(positives.map((entry) => (ownFlag(entry) ? 1 : 0)), 1)),
        tprAnyHead: round(rateAtOrAbove(positives.map((entry) => (isFlagged(entry.scores, thresholds) ? 1 : 0)), 1)),
        fpr: round(rateAtOrAbove(negatives.map((entry) => (isFlagged(entry.scores, thresholds) ? 1 : 0)), 1)),
        tprAt1PercentFpr: round(atFpr),
      };
    });
}

/** Pools benign scores per surface (machine docs count as `document`). */
export function negativePools(
  scoredBenign: readonly ScoredRow[],
  documentScores: readonly ScorePair[],
): Map<string, { injection: number[]; jailbreak: number[] }> {
  const pools = new Map<string, { injection: number[]; jailbreak: number[] }>();
  const push = (surface: string, scores: ScorePair) => {
    const pool = pools.get(surface) ?? { injection: [], jailbreak: [] };
    pool.injection.push(scores[0]);
    pool.jailbreak.push(scores[1]);
    pools.set(surface, pool);
  };
  for (const entry of scoredBenign) if (entry.row.label === 'benign') push(entry.row.surface, entry.scores);
  for (const scores of documentScores) {
    push('document', scores);
    push('tool_result', scores);
  }
  return pools;
}

/** Trains on everything but the validation split (and excluded files), chooses thresholds, measures. */
export function runTraining(options: RunTrainingOptions): TrainingResult {
  const log = options.log ?? (() => {});
  const trainOptions: TrainOptions = { ...defaultTrainOptions, ...options.train, bucketCount: defaultFeaturizeOptions.bucketCount };
  const started = performance.now();
  const sets = buildExamples(options.rows, options.documents, {
    seed: trainOptions.seed,
    excludeFiles: options.excludeFiles ?? [],
  });
  log(`examples: ${sets.train.length} training windows, ${sets.validationRows.length} validation rows, ${sets.validationDocuments.length} validation docs`);
  const parameters = trainNetwork(sets.train, {
    ...trainOptions,
    onEpoch: (epoch, loss) => log(`epoch ${epoch}: loss ${loss.toFixed(4)} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const score = createScorer(parameters);
  const scored: ScoredRow[] = sets.validationRows.map((row) => ({ row, scores: score(row.text) }));
  const documentScores = sets.validationDocuments.map((document) => score(document.text));
  const benign = scored.filter((entry) => entry.row.label === 'benign');
  const harmful = scored.filter((entry) => entry.row.label === 'harmful');
  const thresholds: Thresholds = {
    injection: round(
      thresholdForFpr(
        [...benign, ...harmful].map((entry) => entry.scores[0]).concat(documentScores.map((scores) => scores[0])),
        thresholdTargetFpr.injection,
      ),
      6,
    ),
    jailbreak: round(
      thresholdForFpr(
        benign.map((entry) => entry.scores[1]).concat(documentScores.map((scores) => scores[1])),
        thresholdTargetFpr.jailbreak,
      ),
      6,
    ),
  };
  const pools = negativePools(benign, documentScores);
  const choose = (injectionNegatives: number[], jailbreakNegatives: number[]): Thresholds => ({
    injection: round(thresholdForFpr(injectionNegatives, thresholdTargetFpr.injection), 6),
    jailbreak: round(thresholdForFpr(jailbreakNegatives, thresholdTargetFpr.jailbreak), 6),
  });
  const harmfulPrompts = harmful.filter((entry) => entry.row.surface === 'prompt').map((entry) => entry.scores[0]);
  const promptThresholds = choose(
    [...(pools.get('prompt')?.injection ?? []), ...harmfulPrompts],
    pools.get('prompt')?.jailbreak ?? [],
  );
  const documentThresholds = choose(pools.get('document')?.injection ?? [], pools.get('document')?.jailbreak ?? []);
  // Documents are longer (more windows, max over windows) and can quote prompts: their thresholds are never
  // below the prompt thresholds.
  const thresholdsBySurface: SurfaceThresholds = {
    prompt: promptThresholds,
    document: {
      injection: Math.max(documentThresholds.injection, promptThresholds.injection),
      jailbreak: Math.max(documentThresholds.jailbreak, promptThresholds.jailbreak),
    },
  };
  return {
    parameters,
    thresholds,
    thresholdsBySurface,
    validation: {
      slices: sliceMetrics(scored, thresholdsBySurface, pools),
      machineDocsFpr: round(
        rateAtOrAbove(documentScores.map((scores) => (isFlagged(scores, thresholdsBySurface.document) ? 1 : 0)), 1),
      ),
      machineDocsCount: documentScores.length,
      harmfulJailbreakFlagRate: round(rateAtOrAbove(harmful.map((entry) => entry.scores[1]), thresholdsBySurface.prompt.jailbreak)),
    },
    trainExampleCount: sets.train.length,
    trainSeconds: round(trainSeconds, 1),
  };
}

