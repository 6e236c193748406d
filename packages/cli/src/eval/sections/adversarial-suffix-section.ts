import { isStopping } from '../metrics.ts';
import { createGuard, type AttackClassifier, type Guard } from '@bulwark/core';
import { datasetsDir, percent, repoRoot, type Report } from '../../report.ts';
import { loadDatasets, type DatasetRow } from '../../train/dataset.ts';
import { rowSplit } from '../../train/examples.ts';
import { gatherMachineDocuments } from '../../train/main.ts';
import { runTraining } from '../../train/pipeline.ts';
import { createScorer } from '../../train/scoring.ts';

const heldOutFile = 'jailbreakbench.jsonl';
const detectorId = 'adversarial-suffix';

interface Tally {
  stopped: number;
  total: number;
}

type Variant = 'without' | 'with';

/** Guards with and without the adversarial-suffix detector, everything else equal. */
function guardPair(classifier?: AttackClassifier): Record<Variant, Guard> {
  const model = classifier ? { classifier } : {};
  return { without: createGuard({ ...model, policy: { detectors: { disable: [detectorId] } } }), with: createGuard(model) };
}

/** Share of rows each guard stops, per group key. */
async function tallies(guards: Record<Variant, Guard>, rows: readonly DatasetRow[], keyOf: (row: DatasetRow) => string): Promise<Map<string, Record<Variant, Tally>>> {
  const result = new Map<string, Record<Variant, Tally>>();
  for (const row of rows) {
    for (const key of [keyOf(row), 'all']) if (!result.has(key)) result.set(key, { without: { stopped: 0, total: 0 }, with: { stopped: 0, total: 0 } });
    for (const variant of ['without', 'with'] as const) {
      const verdict = await guards[variant].scan({ surface: 'prompt', text: row.text });
      const stopped = isStopping(verdict.decision);
      for (const key of [keyOf(row), 'all']) {
        const tally = result.get(key)![variant];
        tally.total += 1;
        if (stopped) tally.stopped += 1;
      }
    }
  }
  return result;
}

function methodOf(row: DatasetRow): string {
  const method = row.meta?.['method'];
  return typeof method === 'string' ? method : 'unknown';
}

/**
 * The adversarial-suffix detector's effect: jailbreakbench per attack method and benign prompts, stopped with and
 * without the detector — once with the committed model (trained with jailbreakbench) and once with a model retrained
 * without jailbreakbench (leave-one-source-out), where the detector's generalization shows.
 */
export async function runAdversarialSuffixSection(): Promise<Report> {
  const rows = loadDatasets(datasetsDir());
  const attacks = rows.filter((row) => row.file === heldOutFile && row.label === 'jailbreak');
  const run = runTraining({ rows, documents: gatherMachineDocuments(repoRoot), excludeFiles: [heldOutFile] });
  const score = createScorer(run.parameters);
  const retrained: AttackClassifier = {
    id: 'without-jailbreakbench',
    calibration: {
      injection: { block: run.thresholds.injection, flag: run.thresholds.injection * 0.5 },
      jailbreak: { block: run.thresholds.jailbreak, flag: run.thresholds.jailbreak * 0.5 },
    },
    async score(texts) {
      return texts.map((text) => {
        const [injection, jailbreak] = score(text);
        return { injection, jailbreak };
      });
    },
  };
  const benign = rows.filter((row) => row.file !== heldOutFile && row.label === 'benign' && row.surface === 'prompt');
  const tables: Report['tables'] = [];
  const json: Record<string, unknown> = {};
  for (const [name, guards, negatives] of [
    ['committed model', guardPair(), benign],
    ['model retrained without jailbreakbench', guardPair(retrained), benign.filter((row) => rowSplit(row) === 'validation')],
  ] as const) {
    const byMethod = await tallies(guards, attacks, methodOf);
    const byFile = await tallies(guards, negatives, (row) => row.file.replace(/\.jsonl$/, ''));
    const line = (group: string, key: string, tally: Record<Variant, Tally>) => [group, key, tally.with.total, percent(tally.without.stopped / tally.without.total), percent(tally.with.stopped / tally.with.total)];
    tables.push({
      title: `Stopped with and without adversarial-suffix, ${name}`,
      headers: ['rows', 'group', 'count', 'without', 'with'],
      rows: [...[...byMethod].sort().map(([key, tally]) => line('jailbreakbench', key, tally)), ...[...byFile].sort().map(([key, tally]) => line('benign prompts', key, tally))],
    });
    json[name] = { attacks: Object.fromEntries(byMethod), benign: Object.fromEntries(byFile) };
  }
  return {
    tables,
    json,
    notes: [
      'Stopped = decision block or ask under the default policy; "without" disables the detector by policy (`detectors.disable`).',
      'Committed model: every jailbreakbench jailbreak row and every benign prompt of the other files (the model trained on some of them).',
      'Retrained: the training pipeline without jailbreakbench, its own thresholds; negatives are the benign validation prompts of the other files.',
    ],
  };
}
