import type { DatasetRow } from '../train/dataset.ts';
import { groupKey, rowSplit } from '../train/examples.ts';
import type { GatheredDocument } from '../train/gather-benign.ts';
import { createHash } from 'node:crypto';

/**
 * The model's validation split (groups it never trained on) is cut in two halves: `calibration` chooses the fusion
 * thresholds, `test` measures them. Thresholds are chosen on benign rows only (a false-positive target), so every
 * attack row of the validation split is a test row; benign rows are halved by group, machine docs by path.
 */
export type ValidationHalf = 'calibration' | 'test';

/** Which half of the validation split a row falls in; `undefined` for training rows. */
export function validationHalf(row: DatasetRow): ValidationHalf | undefined {
  if (rowSplit(row) !== 'validation') return undefined;
  if (row.label === 'injection' || row.label === 'jailbreak') return 'test';
  return halfOf(groupKey(row));
}

/** Which half of the validation machine docs a document falls in; `undefined` for training and held-out docs. */
export function documentHalf(document: GatheredDocument): ValidationHalf | undefined {
  if (document.split !== 'validation') return undefined;
  return halfOf(document.path);
}

/**
 * SHA-256, not the split's FNV hash: FNV's low bits depend only on the key's low bits, so an FNV half of the validation
 * split (itself chosen by FNV modulo 5) would not be independent of it.
 */
function halfOf(key: string): ValidationHalf {
  return (createHash('sha256').update(key).digest()[0]! & 1) === 0 ? 'calibration' : 'test';
}
