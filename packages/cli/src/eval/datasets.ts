import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/** One row of a dataset in `../shared/datasets` (see its README). */
export const DatasetRowSchema = z.object({
  text: z.string(),
  label: z.enum(['injection', 'jailbreak', 'harmful', 'benign']),
  surface: z.enum(['prompt', 'document', 'tool_result']),
  source: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
/** One dataset row. */
export type DatasetRow = z.infer<typeof DatasetRowSchema>;

/** The `.jsonl` files of a datasets folder, sorted by name. */
export async function listDatasetFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
}

/** Streams the valid rows of one dataset file (invalid rows are counted, not thrown). */
export async function* readDataset(path: string): AsyncGenerator<DatasetRow> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const parsed = DatasetRowSchema.safeParse(JSON.parse(line));
    if (parsed.success) yield parsed.data;
  }
}

/** The dataset's name: its file name without `.jsonl`. */
export function datasetName(path: string): string {
  return basename(path, '.jsonl');
}
