import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatTable } from './format.ts';

/** A table of results, printed and written as JSON. */
export interface ReportTable {
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

/** What an eval section or a bench suite returns. */
export interface Report {
  tables: ReportTable[];
  /** Machine-readable results, written to `<out>/<id>.json`. */
  json: unknown;
  /** Lines printed under the tables (definitions, caveats). */
  notes?: string[];
}

/** The repository root (where `pnpm-workspace.yaml` is). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared datasets folder: `../shared/datasets` beside the repository (never copied into it). */
export function datasetsDir(root = repoRoot): string {
  const candidates = [resolve(root, '../shared/datasets'), '/work/shared/datasets'];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

/** Prints a report's tables and notes. */
export function printReport(title: string, report: Report): void {
  process.stdout.write(`\n## ${title}\n`);
  for (const table of report.tables) {
    process.stdout.write(`\n${table.title}\n${formatTable(table.headers, table.rows)}\n`);
  }
  for (const note of report.notes ?? []) process.stdout.write(`${note}\n`);
}

/** Writes a report's JSON to `<dir>/<id>.json`. */
export async function writeReportJson(dir: string, id: string, report: Report): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.json`);
  await writeFile(path, `${JSON.stringify({ id, generatedAt: new Date().toISOString(), tables: report.tables, results: report.json }, null, 2)}\n`);
  return path;
}

/** A ratio as a percentage with one decimal. */
export function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—';
}

/** Milliseconds with three decimals. */
export function millis(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '—';
}

/** Runs a list of registered sections (eval) or suites (bench) with `--only` and `--out`. */
export async function runRegistered(
  kind: 'eval' | 'bench',
  registry: ReadonlyArray<{ id: string; title: string; run(): Promise<Report> }>,
  argv: string[],
): Promise<number> {
  const only = argValue(argv, '--only')?.split(',').map((id) => id.trim());
  const out = resolve(argValue(argv, '--out') ?? join(repoRoot, `${kind}-results`));
  const selected = registry.filter((entry) => !only || only.includes(entry.id));
  if (selected.length === 0) {
    process.stderr.write(`bulwark ${kind}: nothing matches --only; known: ${registry.map((entry) => entry.id).join(', ')}\n`);
    return 2;
  }
  const summary: Record<string, unknown> = {};
  for (const entry of selected) {
    const started = performance.now();
    const report = await entry.run();
    printReport(`${entry.title} (${((performance.now() - started) / 1000).toFixed(1)} s)`, report);
    await writeReportJson(out, entry.id, report);
    summary[entry.id] = report.json;
  }
  await writeReportJson(out, 'summary', { tables: [], json: summary });
  process.stdout.write(`\nJSON results: ${out}\n`);
  return 0;
}

function argValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}
