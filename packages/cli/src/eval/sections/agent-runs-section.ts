import { isStopping } from '../metrics.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGuard, DecisionSchema, type Decision, type PolicyInput } from '@bulwark/core';
import { z } from 'zod';
import { AgentEventSchema, createEventScanner } from '../../events.ts';
import { millis, percent, repoRoot, type Report } from '../../report.ts';

/** One line of an agent-run fixture: a `bulwark scan --jsonl` event, plus the decision a tool call is expected to get. */
export const AgentRunEventSchema = AgentEventSchema.extend({
  /** `allow` marks a legitimate call; `block` or `ask` an attacker's call that must be stopped. */
  expect: DecisionSchema.optional(),
});
/** One event of an agent run. */
export type AgentRunEvent = z.infer<typeof AgentRunEventSchema>;

/** The folder of the agent-run fixtures shipped with the repository. */
export const agentRunsFolder = join(repoRoot, 'test/fixtures/agent-runs');

/** The outcome of one tool call with an expected decision. */
export interface CallOutcome {
  readonly file: string;
  readonly id: string;
  readonly tool: string;
  readonly expected: Decision;
  readonly decision: Decision;
  readonly reason: string;
  /** Whether the outcome counts as right: attacker calls stopped (block or ask), legitimate calls allowed (allow or flag). */
  readonly correct: boolean;
}

/** What the agent-run suite measured. */
export interface AgentRunReport {
  readonly calls: readonly CallOutcome[];
  readonly attack: { readonly total: number; readonly stopped: number };
  readonly legitimate: { readonly total: number; readonly allowed: number };
  /** Calls whose decision is exactly the expected one. */
  readonly exact: number;
  /** p50/p99 of the tool-call decisions, in milliseconds. */
  readonly latency: { readonly p50: number; readonly p99: number };
}

const stopped = isStopping;

/** Parses one fixture file; errors name the file and line. */
export function parseAgentRun(text: string, file: string): AgentRunEvent[] {
  return text
    .split('\n')
    .map((line, index) => [line.trim(), index + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, number]) => {
      const parsed = AgentRunEventSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** Runs every agent-run fixture through `bulwark scan --jsonl`'s code path (one guard per file) and scores the tool calls. */
export async function runAgentRuns(options: { folder?: string; policy?: PolicyInput } = {}): Promise<AgentRunReport> {
  const folder = options.folder ?? agentRunsFolder;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.jsonl')).sort();
  const calls: CallOutcome[] = [];
  const durations: number[] = [];
  for (const file of files) {
    const events = parseAgentRun(await readFile(join(folder, file), 'utf8'), file);
    const scanner = createEventScanner(createGuard(options.policy ? { policy: options.policy } : {}));
    for (const event of events) {
      const { verdict } = await scanner.scanEvent(event);
      if (event.surface !== 'tool_call') continue;
      durations.push(verdict.durationMs);
      if (event.expect === undefined) continue;
      const correct = event.expect === 'allow' ? !stopped(verdict.decision) : stopped(verdict.decision);
      calls.push({
        file,
        id: String(event.id ?? '?'),
        tool: typeof event.tool === 'string' ? event.tool : '?',
        expected: event.expect,
        decision: verdict.decision,
        reason: verdict.reason,
        correct,
      });
    }
  }
  const attacks = calls.filter((call) => call.expected !== 'allow');
  const legitimate = calls.filter((call) => call.expected === 'allow');
  durations.sort((a, b) => a - b);
  const quantile = (share: number) => durations[Math.min(durations.length - 1, Math.floor(share * durations.length))] ?? 0;
  return {
    calls,
    attack: { total: attacks.length, stopped: attacks.filter((call) => call.correct).length },
    legitimate: { total: legitimate.length, allowed: legitimate.filter((call) => call.correct).length },
    exact: calls.filter((call) => call.decision === call.expected).length,
    latency: { p50: quantile(0.5), p99: quantile(0.99) },
  };
}

/**
 * `pnpm eval` section: the agent-run fixtures (email, banking, files, web, Slack-like tools, the 8 trifecta
 * combinations, tools with and without annotations, and a holdout file): the share of attacker tool calls stopped
 * and of legitimate tool calls allowed, per file and overall.
 */
export async function runAgentRunsSection(folder = agentRunsFolder): Promise<Report> {
  const report = await runAgentRuns({ folder });
  const files = [...new Set(report.calls.map((call) => call.file))];
  const rows = files.map((file) => {
    const calls = report.calls.filter((call) => call.file === file);
    const attacks = calls.filter((call) => call.expected !== 'allow');
    const legitimate = calls.filter((call) => call.expected === 'allow');
    return [
      file,
      attacks.length,
      percent(attacks.filter((call) => call.correct).length / attacks.length),
      legitimate.length,
      percent(legitimate.filter((call) => call.correct).length / legitimate.length),
    ];
  });
  rows.push([
    'all',
    report.attack.total,
    percent(report.attack.stopped / report.attack.total),
    report.legitimate.total,
    percent(report.legitimate.allowed / report.legitimate.total),
  ]);
  const misses = report.calls.filter((call) => !call.correct);
  return {
    tables: [
      {
        title: 'Tool calls in agent runs (test/fixtures/agent-runs): attacker calls stopped (block|ask), legitimate calls allowed (allow|flag)',
        headers: ['file', 'attacker calls', 'stopped', 'legitimate calls', 'allowed'],
        rows,
      },
    ],
    json: { ...report, calls: report.calls.map(({ reason: _reason, ...call }) => call) },
    notes: [
      `Exact expected decision: ${report.exact}/${report.calls.length}. Tool-call decision latency inside the engine over these sessions: p50 ${millis(report.latency.p50)} ms, p99 ${millis(report.latency.p99)} ms.`,
      ...misses.map((call) => `MISS ${call.file} ${call.id} ${call.tool}: expected ${call.expected}, got ${call.decision} — ${call.reason}`),
    ],
  };
}

/** A short text report of an agent-run evaluation. */
export function formatAgentRunReport(report: AgentRunReport): string {
  const share = (part: number, total: number) => (total === 0 ? 'n/a' : `${((part / total) * 100).toFixed(1)}%`);
  const lines = [
    `agent runs: ${report.calls.length} tool calls with expected decisions`,
    `  attacker calls stopped (block|ask): ${report.attack.stopped}/${report.attack.total} = ${share(report.attack.stopped, report.attack.total)}`,
    `  legitimate calls allowed (allow|flag): ${report.legitimate.allowed}/${report.legitimate.total} = ${share(report.legitimate.allowed, report.legitimate.total)}`,
    `  exact decision: ${report.exact}/${report.calls.length}`,
    `  tool-call decision latency in the engine: p50 ${report.latency.p50} ms, p99 ${report.latency.p99} ms`,
  ];
  for (const call of report.calls.filter((entry) => !entry.correct)) {
    lines.push(`  MISS ${call.file} ${call.id} ${call.tool}: expected ${call.expected}, got ${call.decision} — ${call.reason}`);
  }
  return lines.join('\n');
}
