import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGuard, DecisionSchema, SurfaceSchema, ToolDefinitionSchema, type Decision, type PolicyInput, type SubjectInput } from '@bulwark/core';
import { z } from 'zod';

/** One line of an agent run in the `bulwark scan --jsonl` event format, with the decision a tool call is expected to get. */
export const AgentRunEventSchema = z
  .object({
    session: z.string().optional(),
    id: z.string().optional(),
    surface: SurfaceSchema,
    text: z.string().optional(),
    tool: z.union([z.string(), ToolDefinitionSchema]).optional(),
    args: z.record(z.string(), z.unknown()).optional(),
    system: z.string().optional(),
    /** Expected decision of a tool call: `allow` marks a legitimate call, `block`/`ask` an attacker's call to stop. */
    expect: DecisionSchema.optional(),
  })
  .passthrough();
/** One event of an agent run. */
export type AgentRunEvent = z.infer<typeof AgentRunEventSchema>;

/** The folder of the agent-run fixtures shipped with the repository. */
export const agentRunsFolder = fileURLToPath(new URL('../../../../test/fixtures/agent-runs', import.meta.url));

/** The scan subject of an event (the obvious mapping of the `--jsonl` format). */
export function eventSubject(event: AgentRunEvent): SubjectInput {
  const id = event.id !== undefined ? { id: event.id } : {};
  const text = event.text ?? '';
  switch (event.surface) {
    case 'tool_call':
      return { ...id, surface: 'tool_call', tool: typeof event.tool === 'string' ? event.tool : (event.tool?.name ?? 'unknown'), args: event.args ?? {} };
    case 'tool_result':
      return { ...id, surface: 'tool_result', ...(typeof event.tool === 'string' ? { tool: event.tool } : {}), text };
    case 'tool_definition':
      if (typeof event.tool !== 'object') throw new Error(`event ${event.id ?? '?'}: tool_definition needs a tool object`);
      return { ...id, surface: 'tool_definition', tool: event.tool };
    case 'document':
      return { ...id, surface: 'document', text };
    default:
      return { ...id, surface: event.surface, text };
  }
}

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

const stopped = (decision: Decision) => decision === 'block' || decision === 'ask';

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

/** Runs every agent-run fixture through one guard per file (sessions by their `session` field) and scores the tool calls. */
export async function runAgentRuns(options: { folder?: string; policy?: PolicyInput } = {}): Promise<AgentRunReport> {
  const folder = options.folder ?? agentRunsFolder;
  const files = (await readdir(folder)).filter((name) => name.endsWith('.jsonl')).sort();
  const calls: CallOutcome[] = [];
  const durations: number[] = [];
  for (const name of files) {
    const events = parseAgentRun(await readFile(join(folder, name), 'utf8'), name);
    const guard = createGuard({ ...(options.policy ? { policy: options.policy } : {}) });
    for (const event of events) {
      const session = { id: `${name}:${event.session ?? 'default'}`, ...(event.system ? { systemPrompt: event.system } : {}) };
      const verdict = await guard.scan(eventSubject(event), session);
      if (event.surface !== 'tool_call') continue;
      durations.push(verdict.durationMs);
      if (event.expect === undefined) continue;
      const correct = event.expect === 'allow' ? !stopped(verdict.decision) : stopped(verdict.decision);
      calls.push({
        file: basename(name),
        id: event.id ?? '?',
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
