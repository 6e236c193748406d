import type { DatasetRow } from '../train/dataset.ts';
import { groupKey, rowSplit } from '../train/examples.ts';
import type { GatheredDocument } from '../train/gather-benign.ts';
import { stableHash } from '../train/split.ts';

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
  return stableHash(`${groupKey(row)}#fusion`) % 2 === 0 ? 'calibration' : 'test';
}

/** Which half of the validation machine docs a document falls in; `undefined` for training and held-out docs. */
export function documentHalf(document: GatheredDocument): ValidationHalf | undefined {
  if (document.split !== 'validation') return undefined;
  return stableHash(`${document.path}#fusion`) % 2 === 0 ? 'calibration' : 'test';
}
