/**
 * Standalone model evaluation: `node packages/cli/src/train/evaluate-main.ts [--out FILE] [--only FILE,...]`.
 * Prints the tables of {@link evaluateModel} and writes them as JSON (default
 * packages/core/models/injection-classifier.evaluation.json).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDatasetDirectory, loadDatasets } from './dataset.ts';
import { evaluateModel, type ModelEvaluation } from './evaluate-model.ts';
import { gatherMachineDocuments, repositoryRoot } from './main.ts';

/** Formats an evaluation as Markdown tables (used in MODEL.md). */
export function formatEvaluation(evaluation: ModelEvaluation): string {
  const lines: string[] = [];
  const percent = (value: number) => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`);
  lines.push(`Thresholds (full model): ${JSON.stringify(evaluation.thresholds)}`, '');
  lines.push('| held-out source (retrained without it) | surface | positives | benign | TPR | TPR any head | TPR@1%FPR | FPR |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const run of evaluation.leaveOneSourceOut) {
    for (const slice of run.slices) {
      lines.push(`| ${slice.file} | ${slice.surface} | ${slice.positives} | ${slice.negatives} | ${percent(slice.tpr)} | ${percent(slice.tprAnyHead)} | ${percent(slice.tprAt1PercentFpr)} | ${percent(slice.fpr)} |`);
    }
  }
  lines.push('', '| validation slice (unseen groups) | surface | positives | benign | TPR | TPR any head | TPR@1%FPR | FPR |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const slice of evaluation.validation) {
    lines.push(`| ${slice.file} | ${slice.surface} | ${slice.positives} | ${slice.negatives} | ${percent(slice.tpr)} | ${percent(slice.tprAnyHead)} | ${percent(slice.tprAt1PercentFpr)} | ${percent(slice.fpr)} |`);
  }
  lines.push('', '| held-out machine docs | documents | FPR |', '|---|---|---|');
  for (const corpus of evaluation.heldOutMachineDocs.byCorpus) lines.push(`| ${corpus.corpus} | ${corpus.count} | ${percent(corpus.fpr)} |`);
  lines.push('', '| evasion (model alone, after canonicalization) | positives | TPR clean | TPR with trick |', '|---|---|---|---|');
  for (const row of evaluation.evasion) lines.push(`| ${row.trick} | ${row.positives} | ${percent(row.tprClean)} | ${percent(row.tprTricked)} |`);
  return lines.join('\n');
}

/** Runs the model evaluation from CLI-style arguments; returns a process exit code. */
export async function runEvaluateModel(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' }, only: { type: 'string' } } });
  const rows = loadDatasets(defaultDatasetDirectory(repositoryRoot));
  const documents = gatherMachineDocuments();
  const evaluation = evaluateModel({
    rows,
    documents,
    ...(values.only === undefined ? {} : { leaveOneOutFiles: values.only.split(',') }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${formatEvaluation(evaluation)}\n`);
  const out = values.out ?? path.join(repositoryRoot, 'packages/core/models/injection-classifier.evaluation.json');
  writeFileSync(out, `${JSON.stringify(evaluation, null, 2)}\n`);
  process.stderr.write(`wrote ${out} (${evaluation.seconds} s)\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runEvaluateModel(process.argv.slice(2));
}
