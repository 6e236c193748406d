/**
 * Turns dataset rows and gathered benign documents into training/validation windows with targets.
 *
 * Targets are [injection, jailbreak]; NaN means "not supervised" for that output:
 * - injection rows → [1, NaN]; jailbreak rows → [NaN, 1] (a DAN prompt is neither a clean negative nor a
 *   positive for the other head);
 * - harmful rows → [0, NaN]: a plain harmful request is not an injection; it is left out of the jailbreak loss
 *   (the model must not learn "harmful topic" as "attack", nor be told the topic rules out a jailbreak);
 * - benign rows and gathered machine docs → [0, 0].
 *
 * Split: a row goes to validation when the hash of its group key is ≡ 0 (mod 5). The group key is the
 * attack template when the dataset names one (BIPIA attack category, GPTFuzz template, CyberSecEval
 * technique × language, JailbreakBench goal), so validation measures unseen templates, not unseen rows.
 */
import {
  canonicalizeText,
  defaultFeaturizeOptions,
  defaultWindowOptions,
  featurizeCanonical,
  splitIntoWindows,
  type FeaturizeOptions,
} from '../../../core/src/model/featurize.ts';
import type { DatasetRow } from './dataset.ts';
import type { GatheredDocument } from './gather-benign.ts';
import { createRandom } from './network.ts';
import { stableHash } from './split.ts';
import { syntheticMultilingualRequest } from './synthetic-multilingual.ts';
import { syntheticNamedPersonaPrompt, syntheticPersonaPrompt } from './synthetic-personas.ts';
import { syntheticBenign, syntheticInjection } from './synthetic.ts';

/** A training window. */
export interface Example {
  readonly ids: Int32Array;
  readonly targets: readonly [number, number];
  /** Sampling bucket: examples are drawn per bucket so no single file dominates. */
  readonly bucket: string;
}

/**
 * BIPIA attack categories whose injected text is an ordinary, unaddressed request ("What is the capital of
 * Brazil?", "Provide a poem about…"). Without the user's task a context-free classifier cannot tell them
 * from a benign prompt, and training on them teaches "every question is an injection". They are left out of
 * training and reported separately; catching them is the job of goal/flow checks, not this model.
 */
export const taskIrrelevantCategories: ReadonlySet<string> = new Set([
  'Information Retrieval',
  'Learning and Tutoring',
  'Programming Help',
  'Language Translation',
  'Content Creation',
]);

/** Whether a row is a task-irrelevant injection (see {@link taskIrrelevantCategories}). */
export function isTaskIrrelevantInjection(row: DatasetRow): boolean {
  const category = row.meta?.['attack_category'];
  return row.label === 'injection' && typeof category === 'string' && taskIrrelevantCategories.has(category);
}

/** The reporting slice of a row: its file, with task-irrelevant injections apart. */
export function sliceName(row: DatasetRow): string {
  return isTaskIrrelevantInjection(row) ? `${row.file} (task-irrelevant categories)` : row.file;
}

/** Row-level split of a dataset row. */
export function rowSplit(row: DatasetRow): 'train' | 'validation' {
  return stableHash(groupKey(row)) % 5 === 0 ? 'validation' : 'train';
}

/** The key that keeps one attack template (or one context) on one side of the split. */
export function groupKey(row: DatasetRow): string {
  const meta = row.meta ?? {};
  const pick = (key: string) => (meta[key] === undefined ? undefined : String(meta[key]));
  const key =
    pick('attack_category') ??
    pick('template_id') ??
    (meta['injection_variant'] === undefined ? undefined : `${pick('injection_variant')}|${pick('language')}`) ??
    pick('goal') ??
    pick('context_index');
  return `${row.file}|${key ?? row.text}`;
}

/** The supervision targets of a row label. */
export function targetsFor(label: DatasetRow['label']): readonly [number, number] {
  switch (label) {
    case 'injection':
      return [1, Number.NaN];
    case 'jailbreak':
      return [Number.NaN, 1];
    case 'harmful':
      return [0, Number.NaN];
    case 'benign':
      return [0, 0];
  }
}

function toIds(text: string, options: FeaturizeOptions): Int32Array {
  return Int32Array.from(featurizeCanonical(text, options));
}

const leetMap: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

/** Replaces a seeded random share of letters with look-alike digits (leetspeak), for augmentation. */
export function leetspeak(text: string, random: () => number, share = 0.5): string {
  let result = '';
  for (const character of text) result += leetMap[character] !== undefined && random() < share ? leetMap[character] : character;
  return result;
}

/** Options of {@link buildExamples}. */
export interface BuildOptions {
  readonly seed: number;
  readonly featurizeOptions?: FeaturizeOptions;
  /** Dataset files to leave out entirely (leave-one-source-out). */
  readonly excludeFiles?: readonly string[];
  /** How many benign-doc windows get an injection payload embedded. */
  readonly embeddedInjectionCount?: number;
  /** How many synthetic injections and synthetic hard negatives (each) are generated. */
  readonly syntheticCount?: number;
  /** How many synthetic benign prompts of each grammar (personas, named personas, non-English requests) are generated (negatives for both heads). */
  readonly personaCount?: number;
}

/** Training and validation examples. */
export interface ExampleSets {
  readonly train: Example[];
  readonly validationRows: DatasetRow[];
  readonly validationDocuments: GatheredDocument[];
}

function windowsOf(text: string): string[] {
  return splitIntoWindows(canonicalizeText(text), defaultWindowOptions).map((window) => window.text);
}

function pickWindows(windows: readonly string[], maximum: number, random: () => number): string[] {
  if (windows.length <= maximum) return [...windows];
  const chosen = new Set<number>([0]);
  while (chosen.size < maximum) chosen.add(Math.floor(random() * windows.length));
  return [...chosen].sort((left, right) => left - right).map((index) => windows[index]!);
}

/** The injected instruction of a row when the dataset names it (BIPIA), canonicalized. */
function attackPayload(row: DatasetRow): string | undefined {
  const text = row.meta?.['attack_text'];
  return typeof text === 'string' ? canonicalizeText(text) : undefined;
}

/** Builds the training examples (with augmentation) and returns the held-back validation material. */
export function buildExamples(
  rows: readonly DatasetRow[],
  documents: readonly GatheredDocument[],
  options: BuildOptions,
): ExampleSets {
  const featurizeOptions = options.featurizeOptions ?? defaultFeaturizeOptions;
  const excluded = new Set(options.excludeFiles ?? []);
  const random = createRandom(options.seed ^ 0x5bd1e995);
  const train: Example[] = [];
  const validationRows: DatasetRow[] = [];
  const payloads: string[] = [];
  const add = (text: string, targets: readonly [number, number], bucket: string) =>
    train.push({ ids: toIds(text, featurizeOptions), targets, bucket });

  for (const row of rows) {
    if (excluded.has(row.file)) continue;
    if (rowSplit(row) === 'validation') {
      validationRows.push(row);
      continue;
    }
    if (isTaskIrrelevantInjection(row)) continue;
    const targets = targetsFor(row.label);
    const bucket = `${row.file}|${row.label}`;
    const windows = windowsOf(row.text);
    const payload = attackPayload(row);
    if (payload !== undefined) {
      payloads.push(payload);
      const probe = payload.slice(0, 40);
      const hits = windows.filter((window) => window.includes(probe));
      for (const window of hits.length > 0 ? hits.slice(0, 2) : windows.slice(0, 2)) add(window, targets, bucket);
    } else {
      for (const window of pickWindows(windows, row.label === 'benign' ? 6 : 4, random)) add(window, targets, bucket);
    }
    if (row.label === 'injection' || row.label === 'jailbreak') {
      if (payload === undefined && row.text.length < 400 && row.label === 'injection') payloads.push(canonicalizeText(row.text));
      if (random() < 0.15) add(leetspeak(windows[0]!, random), targets, `${bucket}|leet`);
    }
  }

  const trainDocuments = documents.filter((document) => document.split === 'train');
  const docWindows: string[] = [];
  for (const document of trainDocuments) {
    for (const window of pickWindows(windowsOf(document.text), 6, random)) {
      add(window, [0, 0], `machine-docs|${document.corpus}|${stableHash(document.path) % 3}`);
      docWindows.push(window);
    }
    // Short snippets too, so that short (often non-English) text is not mistaken for an attack.
    const canonical = canonicalizeText(document.text);
    for (let snippet = 0; snippet < 2 && canonical.length > 80; snippet += 1) {
      const start = Math.floor(random() * (canonical.length - 40));
      const length = 40 + Math.floor(random() * 200);
      add(canonical.slice(start, start + length), [0, 0], `machine-docs-snippets|${document.corpus}`);
    }
  }

  const embed = (host: string, payload: string) => {
    const room = Math.max(0, defaultWindowOptions.windowSize - payload.length - 1);
    const cut = host.slice(0, room);
    const position = Math.floor(random() * (cut.length + 1));
    const spaced = cut.lastIndexOf(' ', position);
    const at = spaced < 0 ? 0 : spaced;
    return `${cut.slice(0, at)} ${payload} ${cut.slice(at)}`.trim();
  };
  const randomDocWindow = () => docWindows[Math.floor(random() * docWindows.length)]!;
  const embeddedCount = options.embeddedInjectionCount ?? 2000;
  if (payloads.length > 0 && docWindows.length > 0) {
    for (let index = 0; index < embeddedCount; index += 1) {
      const payload = payloads[Math.floor(random() * payloads.length)]!;
      add(embed(randomDocWindow(), payload), [1, Number.NaN], 'augmented|embedded-dataset-injection');
    }
  }
  const syntheticCount = options.syntheticCount ?? 4000;
  for (let index = 0; index < syntheticCount && docWindows.length > 0; index += 1) {
    const injection = canonicalizeText(syntheticInjection(random));
    add(random() < 0.3 ? injection : embed(randomDocWindow(), injection), [1, Number.NaN], 'synthetic|injection');
    const benign = canonicalizeText(syntheticBenign(random));
    add(random() < 0.5 ? benign : embed(randomDocWindow(), benign), [0, 0], 'synthetic|benign');
  }

  const personaCount = options.personaCount ?? 2000;
  for (let index = 0; index < personaCount; index += 1) {
    add(canonicalizeText(syntheticPersonaPrompt(random)), [0, 0], 'synthetic|persona');
    add(canonicalizeText(syntheticNamedPersonaPrompt(random)), [0, 0], 'synthetic|persona-named');
    add(canonicalizeText(syntheticMultilingualRequest(random)), [0, 0], 'synthetic|multilingual');
  }

  const validationDocuments = documents.filter((document) => document.split === 'validation');
  return { train, validationRows, validationDocuments };
}
