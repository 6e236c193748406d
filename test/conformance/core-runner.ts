import type { Guard } from '@bulwark/core';
import { createEventScanner, parseEventLine, type AgentEvent, type ScanOutput } from '../../packages/cli/src/events.ts';
import type { Scenario } from './corpus.ts';
import { newRunRecord, toolResult, type RunRecord } from './outcome.ts';

/**
 * Plays a scenario through the core engine, one `bulwark scan --jsonl` event per step (each event is written as a
 * JSONL line and parsed back, so the public event mapping is what runs), and acts on each verdict the way a host
 * does: a blocked prompt ends the run unanswered, a blocked definition is withheld from the model, a blocked call
 * never runs and the model reads the reason, a blocked result is replaced by the reason, redactions replace the
 * text, a blocked answer becomes the block message and ends the turn.
 */
export async function runWithCore(scenario: Scenario, guard: Guard): Promise<RunRecord> {
  const scanner = createEventScanner(guard);
  const session = `core-${scenario.id}`;
  const record = newRunRecord();
  const scan = async (event: Omit<AgentEvent, 'session' | 'system'>): Promise<ScanOutput> => {
    const line = JSON.stringify({ session, ...(scenario.system ? { system: scenario.system } : {}), ...event });
    return (await scanner.scanEvent(parseEventLine(line))).output;
  };
  const stops = (output: ScanOutput) => output.decision === 'block' || output.decision === 'ask';
  const redactedText = (output: ScanOutput, original: string) =>
    output.decision === 'redact' && typeof output.redacted === 'string' ? output.redacted : original;

  const visibleTools: string[] = [];
  for (const tool of scenario.tools) {
    const definition = { name: tool.name, description: tool.description, inputSchema: inputSchemaOf(tool.parameters) };
    const output = await scan({ surface: 'tool_definition', tool: definition });
    if (!stops(output)) visibleTools.push(tool.name);
  }
  const definitionsSeen = scenario.tools
    .filter((tool) => visibleTools.includes(tool.name))
    .flatMap((tool) => [tool.name, tool.description, ...Object.entries(tool.parameters).flat()]);

  const prompt = await scan({ surface: 'prompt', text: scenario.user });
  if (stops(prompt)) {
    record.answer = guard.policy.blockMessage;
    record.userSaw.push(record.answer);
    return record;
  }
  const context: string[] = [redactedText(prompt, scenario.user)];
  const callCounts = new Map<string, number>();

  for (const turn of scenario.turns) {
    record.modelInputs.push([...definitionsSeen, ...context]);
    if (turn.text !== undefined) {
      const output = await scan({ surface: 'model_output', text: turn.text });
      if (stops(output)) {
        record.answer = guard.policy.blockMessage;
        record.userSaw.push(record.answer);
        return record;
      }
      const shown = redactedText(output, turn.text);
      record.answer = shown;
      record.userSaw.push(shown);
      context.push(shown);
    }
    if (!turn.calls || turn.calls.length === 0) return record;
    for (const call of turn.calls) {
      context.push(JSON.stringify(call));
      if (!visibleTools.includes(call.tool)) {
        context.push(`Tool ${call.tool} is not available.`);
        continue;
      }
      const verdict = await scan({ surface: 'tool_call', tool: call.tool, args: { ...call.args } });
      if (stops(verdict)) {
        context.push(`Tool call not executed: ${verdict.decision}`);
        continue;
      }
      const args = verdict.decision === 'redact' && typeof verdict.redacted === 'object' ? verdict.redacted : { ...call.args };
      const index = callCounts.get(call.tool) ?? 0;
      callCounts.set(call.tool, index + 1);
      record.toolRuns.push({ tool: call.tool, args });
      const result = toolResult(scenario, call.tool, index);
      const resultVerdict = await scan({ surface: 'tool_result', tool: call.tool, text: result });
      context.push(stops(resultVerdict) ? `Tool result withheld: ${resultVerdict.decision}` : redactedText(resultVerdict, result));
    }
  }
  return record;
}

/** The JSON schema of a scenario tool's string parameters. */
export function inputSchemaOf(parameters: Readonly<Record<string, string>>): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(parameters).map(([name, description]) => [name, { type: 'string', description }])),
    required: Object.keys(parameters),
  };
}
