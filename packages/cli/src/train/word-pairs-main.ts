/**
 * `bulwark train-word-pairs`: builds the word-pair fluency model of the disfluent-tail detector
 * (packages/core/models/word-pairs.bin) from text on this machine — the train split of the gathered benign documentation
 * (node_modules READMEs, /usr/share/doc, man pages, tool docs) and the train split of the benign prompt datasets. Offline
 * and deterministic for the same machine and datasets. Attack rows are never read; `--exclude FILE` leaves a dataset
 * file out (leave-one-source-out runs).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildWordPairModel } from '../../../core/src/detectors/disfluent-tail/word-pairs.ts';
import { defaultDatasetDirectory, loadDatasets } from './dataset.ts';
import { rowSplit } from './examples.ts';
import { gatherMachineDocuments, repositoryRoot } from './main.ts';

/** The texts the word-pair model learns from: benign train-split documents and prompts only. */
export function wordPairTrainingTexts(excludeFiles: readonly string[] = []): string[] {
  const texts: string[] = [];
  for (const document of gatherMachineDocuments()) if (document.split === 'train') texts.push(document.text);
  for (const row of loadDatasets(defaultDatasetDirectory(repositoryRoot))) {
    if (row.label !== 'benign' || excludeFiles.includes(row.file) || rowSplit(row) !== 'train') continue;
    texts.push(row.text);
  }
  return texts;
}

/**
 * Dataset files left out by default: JailbreakBench is the held-out jailbreak benchmark (its benign rows share goals
 * with its attacks), so the committed model never learns from it.
 */
export const defaultExcludedFiles: readonly string[] = ['jailbreakbench.jsonl'];

/** Builds and writes the model; returns the exit code. */
export function runTrainWordPairs(argv: readonly string[]): number {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' }, exclude: { type: 'string', multiple: true } } });
  const texts = wordPairTrainingTexts(values.exclude ?? defaultExcludedFiles);
  const model = buildWordPairModel(texts);
  const out = values.out ?? path.join(repositoryRoot, 'packages/core/models/word-pairs.bin');
  writeFileSync(out, model.filter);
  const set = model.filter.reduce((sum, byte) => sum + popcount(byte), 0);
  process.stdout.write(`word-pairs: ${texts.length} texts, ${set} of ${model.filter.length * 8} bits set → ${out}\n`);
  return 0;
}

function popcount(byte: number): number {
  let count = 0;
  for (let value = byte; value > 0; value >>= 1) count += value & 1;
  return count;
}
