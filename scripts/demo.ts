/**
 * `pnpm demo`: scans the bundled sample agent runs (a clean run and an attacked run) through the same code path as
 * `bulwark scan --jsonl`, prints a table of verdicts, then runs every example under `examples/` (each asserts and
 * exits non-zero on failure). Exits non-zero when the clean run is stopped or the attacked run is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGuard } from '@bulwark/core';
import { createEventScanner, parseEventLine } from '../packages/cli/src/events.ts';
import { formatTable } from '../packages/cli/src/format.ts';
import { repoRoot } from '../packages/cli/src/report.ts';
import { runExamples } from './run-examples.ts';

const samples = join(repoRoot, 'packages/cli/samples');

async function scanSample(name: string) {
  const scanner = createEventScanner(createGuard());
  const rows: string[][] = [];
  const decisions: string[] = [];
  for (const line of readFileSync(join(samples, name), 'utf8').split('\n').filter(Boolean)) {
    const event = parseEventLine(line);
    const { output, verdict } = await scanner.scanEvent(event);
    decisions.push(verdict.decision);
    const tool = typeof event.tool === 'string' ? event.tool : event.tool?.name ?? '';
    const top = [...verdict.findings].sort((a, b) => b.score - a.score)[0];
    rows.push([String(output.id ?? ''), event.surface, tool, verdict.decision.toUpperCase(), verdict.score.toFixed(2), top ? truncate(`${top.category}: ${top.message}`, 100) : '']);
  }
  process.stdout.write(`\n${name}\n${formatTable(['id', 'surface', 'tool', 'decision', 'score', 'top finding'], rows)}\n`);
  return decisions;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

const stops = new Set(['block', 'ask', 'redact']);
const clean = await scanSample('clean-run.jsonl');
const attacked = await scanSample('attacked-run.jsonl');
let failed = false;
if (clean.some((decision) => stops.has(decision))) {
  process.stderr.write('demo: the clean run was stopped — a false positive\n');
  failed = true;
}
if (!attacked.some((decision) => decision === 'block')) {
  process.stderr.write('demo: nothing in the attacked run was blocked\n');
  failed = true;
}

if (runExamples().length > 0) failed = true;
process.exitCode = failed ? 1 : 0;
