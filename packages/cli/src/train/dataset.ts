/**
 * Reads the labeled JSON-lines datasets in ../shared/datasets (in place; never copied into the repo).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One labeled row of a dataset file. */
export const DatasetRowSchema = z.object({
  text: z.string(),
  label: z.enum(['injection', 'jailbreak', 'harmful', 'benign']),
  surface: z.enum(['prompt', 'document', 'tool_result']),
  source: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** A parsed dataset row plus the file it came from. */
export type DatasetRow = z.infer<typeof DatasetRowSchema> & { readonly file: string };

/** The default dataset folder: `../shared/datasets` relative to the repository root. */
export function defaultDatasetDirectory(repositoryRoot: string): string {
  return path.resolve(repositoryRoot, '../shared/datasets');
}

/** Loads every `*.jsonl` file of a folder, sorted by file name; errors name the file, line and field. */
export function loadDatasets(directory: string): DatasetRow[] {
  const files = readdirSync(directory).filter((name) => name.endsWith('.jsonl')).sort();
  const rows: DatasetRow[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(directory, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = DatasetRowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}:${index + 1}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid row'}`);
      }
      rows.push({ ...parsed.data, file });
    });
  }
  return rows;
}
