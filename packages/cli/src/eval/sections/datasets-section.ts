import { createGuard } from '@bulwark/core';
import { createEventScanner } from '../../events.ts';
import { datasetsDir, percent, type Report } from '../../report.ts';
import { datasetName, listDatasetFiles, readDataset } from '../datasets.ts';
import { isStopping, stoppedRate, tprAtFpr, type ScoredExample } from '../metrics.ts';

interface Group {
  file: string;
  surface: string;
  positives: ScoredExample[];
  negatives: ScoredExample[];
}


/**
 * Scores every dataset file through the same code path as `bulwark scan --jsonl` (event → subject → guard.scan) and
 * reports, per file and surface: TPR, FPR and TPR at 1% FPR. Harmful-only rows are excluded (they are a content-safety
 * category, not an attack technique). TPR@1%FPR uses the pooled benign rows of the same surface across all files.
 */
export async function runDatasetsSection(dir = datasetsDir()): Promise<Report> {
  const scanner = createEventScanner(createGuard());
  const groups = new Map<string, Group>();
  for (const path of await listDatasetFiles(dir)) {
    const file = datasetName(path);
    for await (const row of readDataset(path)) {
      if (row.label === 'harmful') continue;
      const surface = row.surface === 'prompt' ? 'prompt' : 'document';
      const key = `${file}\u0000${surface}`;
      const group = groups.get(key) ?? { file, surface, positives: [], negatives: [] };
      groups.set(key, group);
      const { output } = await scanner.scanEvent({ surface, text: row.text });
      const score = Math.max(output.categories?.injection ?? 0, output.categories?.jailbreak ?? 0);
      const example = { score, stopped: isStopping(output.decision) };
      (row.label === 'benign' ? group.negatives : group.positives).push(example);
    }
  }
  const pooledNegatives = new Map<string, number[]>();
  for (const group of groups.values()) {
    const pool = pooledNegatives.get(group.surface) ?? [];
    pool.push(...group.negatives.map((example) => example.score));
    pooledNegatives.set(group.surface, pool);
  }
  const rows: Array<Array<string | number>> = [];
  const json: Record<string, unknown>[] = [];
  for (const group of [...groups.values()].sort((a, b) => a.file.localeCompare(b.file) || a.surface.localeCompare(b.surface))) {
    const tpr = stoppedRate(group.positives);
    const fpr = stoppedRate(group.negatives);
    const pool = pooledNegatives.get(group.surface) ?? [];
    const tpr1 = tprAtFpr(group.positives.map((example) => example.score), pool, 0.01);
    rows.push([group.file, group.surface, group.positives.length, group.negatives.length, percent(tpr), percent(fpr), percent(tpr1)]);
    json.push({ file: group.file, surface: group.surface, positives: group.positives.length, negatives: group.negatives.length, tpr, fpr, tprAt1Fpr: tpr1 });
  }
  const pooled = [...pooledNegatives.entries()].map(([surface, scores]) => {
    const groupsOfSurface = [...groups.values()].filter((group) => group.surface === surface);
    return [surface, scores.length, percent(stoppedRate(groupsOfSurface.flatMap((group) => group.negatives)))];
  });
  return {
    tables: [
      { title: 'Per dataset file and surface (stopped = block or ask)', headers: ['file', 'surface', 'attacks', 'benign', 'TPR', 'FPR', 'TPR@1%FPR'], rows },
      { title: 'Pooled benign rows per surface', headers: ['surface', 'benign', 'FPR'], rows: pooled },
    ],
    json,
    notes: [
      'TPR/FPR: share of attack/benign rows the default guard stops (decision block or ask).',
      'TPR@1%FPR: attack score = max(injection, jailbreak); threshold set on the pooled benign rows of the surface.',
      'In-sample: the committed classifier was trained on most of these rows. For held-out figures see the `detection`',
      '(validation test half, machine docs, evasion) and `detection-loso` (leave-one-source-out) sections.',
    ],
  };
}
