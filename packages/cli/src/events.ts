import { z } from 'zod';
import {
  createGuard,
  SurfaceSchema,
  ToolDefinitionSchema,
  type Guard,
  type SessionRef,
  type SubjectInput,
  type Verdict,
} from '@bulwark/core';

/**
 * One agent event of the `bulwark scan --jsonl` format (a public contract: extend, never break).
 * Unknown extra fields are ignored.
 */
export const AgentEventSchema = z.object({
  session: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  surface: SurfaceSchema,
  text: z.string().optional(),
  tool: z.union([z.string(), ToolDefinitionSchema]).optional(),
  args: z.record(z.string(), z.unknown()).optional(),
  system: z.string().optional(),
});
/** One agent event. */
export type AgentEvent = z.infer<typeof AgentEventSchema>;

/** One output line of `bulwark scan --jsonl`. */
export interface ScanOutput {
  id?: string | number;
  decision?: Verdict['decision'];
  score?: number;
  categories?: Verdict['categories'];
  findings?: Array<{ detector: string; category: string; score: number; message: string }>;
  redacted?: string | Record<string, unknown>;
  error?: string;
}

/** A problem with one event, reported on its own output line. */
export class EventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventError';
  }
}

/** Turns an event into the subject the engine scans. Throws `EventError` naming what is wrong. */
export function eventToSubject(event: AgentEvent): SubjectInput {
  const id = event.id === undefined ? {} : { id: String(event.id) };
  switch (event.surface) {
    case 'prompt':
    case 'model_output':
    case 'document':
      return { ...id, surface: event.surface, text: requireText(event) };
    case 'tool_result': {
      const tool = typeof event.tool === 'string' ? event.tool : event.tool?.name;
      return { ...id, surface: 'tool_result', text: requireText(event), ...(tool ? { tool } : {}) };
    }
    case 'tool_call': {
      const tool = typeof event.tool === 'string' ? event.tool : event.tool?.name;
      if (!tool) throw new EventError('tool_call needs "tool" (the tool name)');
      return { ...id, surface: 'tool_call', tool, args: event.args ?? {} };
    }
    case 'tool_definition':
      if (typeof event.tool !== 'object') throw new EventError('tool_definition needs "tool" as an object {name, description, inputSchema?, annotations?}');
      return { ...id, surface: 'tool_definition', tool: event.tool };
  }
}

function requireText(event: AgentEvent): string {
  if (typeof event.text !== 'string') throw new EventError(`${event.surface} needs "text" (a string)`);
  return event.text;
}

/** Parses one JSONL line into an event; throws `EventError` with a readable message. */
export function parseEventLine(line: string): AgentEvent {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    throw new EventError(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new EventError('each line must be a JSON object');
  const result = AgentEventSchema.safeParse(data);
  if (!result.success) {
    throw new EventError(result.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; '));
  }
  return result.data;
}

/** The id of a raw line, if it can be recovered (so error lines still carry it). */
function recoverId(line: string): string | number | undefined {
  try {
    const data = JSON.parse(line) as { id?: unknown };
    return typeof data.id === 'string' || typeof data.id === 'number' ? data.id : undefined;
  } catch {
    return undefined;
  }
}

/** Converts a verdict to the public output shape. */
export function verdictToOutput(verdict: Verdict, id: string | number | undefined): ScanOutput {
  return {
    ...(id !== undefined ? { id } : {}),
    decision: verdict.decision,
    score: verdict.score,
    categories: verdict.categories,
    findings: verdict.findings.map((finding) => ({
      detector: finding.detector,
      category: finding.category,
      score: finding.score,
      message: finding.message,
    })),
    ...(verdict.redacted ? { redacted: verdict.redacted.args ?? verdict.redacted.text } : {}),
  };
}

/** Scans events one line at a time; lines sharing a `session` share state, a line without one is a run of its own. */
export function createEventScanner(guard: Guard = createGuard()) {
  let anonymous = 0;
  return {
    guard,
    /** Scans one parsed event. */
    async scanEvent(event: AgentEvent): Promise<{ output: ScanOutput; verdict: Verdict }> {
      const subject = eventToSubject(event);
      const session: SessionRef = { id: event.session ?? `line-${++anonymous}` };
      if (event.system !== undefined) session.systemPrompt = event.system;
      const verdict = await guard.scan(subject, session);
      if (event.session === undefined) await guard.forget(session.id);
      return { output: verdictToOutput(verdict, event.id), verdict };
    },
    /** Scans one raw line; never throws: malformed lines become `{id?, error}`. */
    async scanLine(line: string): Promise<ScanOutput> {
      try {
        return (await this.scanEvent(parseEventLine(line))).output;
      } catch (error) {
        const id = recoverId(line);
        return { ...(id !== undefined ? { id } : {}), error: (error as Error).message };
      }
    },
  };
}
