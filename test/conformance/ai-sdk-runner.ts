import type { LanguageModelV4GenerateResult, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { bulwarkMiddleware } from '@bulwark/ai-sdk';
import type { Guard } from '@bulwark/core';
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel, type ToolSet } from 'ai';
import { MockLanguageModelV4, simulateReadableStream } from 'ai/test';
import { z } from 'zod';
import type { ModelTurn, Scenario } from './corpus.ts';
import { leafStrings, newRunRecord, toolResult, type RunRecord } from './outcome.ts';

/** How the AI SDK runner calls the model. */
export type AiSdkMode = 'generateText' | 'streamText';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/**
 * Plays a scenario through the AI SDK: `MockLanguageModelV4` scripted with the scenario's turns, wrapped with
 * `bulwarkMiddleware`, driven by `generateText` or `streamText` with the middleware's `toolApproval`. The mock model
 * records every prompt and tool list it is given; tools record their executions.
 */
export async function runWithAiSdk(scenario: Scenario, guard: Guard, mode: AiSdkMode): Promise<RunRecord> {
  const record = newRunRecord();
  const callCounts = new Map<string, number>();
  const tools: ToolSet = Object.fromEntries(
    scenario.tools.map((definition) => [
      definition.name,
      tool({
        description: definition.description,
        inputSchema: z.object(Object.fromEntries(Object.entries(definition.parameters).map(([name, description]) => [name, z.string().describe(description)]))),
        execute: async (args: Record<string, string>) => {
          const index = callCounts.get(definition.name) ?? 0;
          callCounts.set(definition.name, index + 1);
          record.toolRuns.push({ tool: definition.name, args: { ...args } });
          return toolResult(scenario, definition.name, index);
        },
      }),
    ]),
  );
  const base = new MockLanguageModelV4(
    mode === 'generateText'
      ? { doGenerate: scenario.turns.map(generateResultOf) }
      : { doStream: scenario.turns.map((turn, index) => ({ stream: simulateReadableStream({ chunks: streamPartsOf(turn, index), initialDelayInMs: null, chunkDelayInMs: null }) })) },
  );
  const bulwark = bulwarkMiddleware({ guard });
  const settings = {
    model: wrapLanguageModel({ model: base, middleware: bulwark }),
    ...(scenario.system ? { system: scenario.system } : {}),
    prompt: scenario.user,
    tools,
    toolApproval: bulwark.toolApproval,
    providerOptions: { bulwark: { sessionId: `ai-sdk-${mode}-${scenario.id}` } },
    stopWhen: stepCountIs(scenario.turns.length),
  };

  if (mode === 'generateText') {
    const result = await generateText(settings);
    for (const step of result.steps) if (step.text) record.userSaw.push(step.text);
    record.answer = result.text;
  } else {
    let streamError: unknown;
    const result = streamText({ ...settings, onError: ({ error }) => void (streamError = error) });
    let streamed = '';
    for await (const delta of result.textStream) streamed += delta;
    if (streamError) throw streamError;
    record.userSaw.push(streamed);
    record.answer = await result.text;
  }
  const calls = mode === 'generateText' ? base.doGenerateCalls : base.doStreamCalls;
  for (const call of calls) record.modelInputs.push(leafStrings([call.prompt, call.tools ?? []]));
  return record;
}

function generateResultOf(turn: ModelTurn, turnIndex: number): LanguageModelV4GenerateResult {
  const calls = turn.calls ?? [];
  return {
    content: [
      ...(turn.text !== undefined ? [{ type: 'text' as const, text: turn.text }] : []),
      ...calls.map((call, index) => ({ type: 'tool-call' as const, toolCallId: `call-${turnIndex}-${index}`, toolName: call.tool, input: JSON.stringify(call.args) })),
    ],
    finishReason: calls.length > 0 ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' },
    usage,
    warnings: [],
  };
}

/** The turn as a provider stream: text in 7-character deltas (so values are split across deltas), then tool calls. */
function streamPartsOf(turn: ModelTurn, turnIndex: number): LanguageModelV4StreamPart[] {
  const calls = turn.calls ?? [];
  const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  if (turn.text !== undefined) {
    const id = `text-${turnIndex}`;
    parts.push({ type: 'text-start', id });
    for (let start = 0; start < turn.text.length; start += 7) parts.push({ type: 'text-delta', id, delta: turn.text.slice(start, start + 7) });
    parts.push({ type: 'text-end', id });
  }
  calls.forEach((call, index) => {
    const id = `call-${turnIndex}-${index}`;
    const input = JSON.stringify(call.args);
    parts.push({ type: 'tool-input-start', id, toolName: call.tool });
    parts.push({ type: 'tool-input-delta', id, delta: input });
    parts.push({ type: 'tool-input-end', id });
    parts.push({ type: 'tool-call', toolCallId: id, toolName: call.tool, input });
  });
  parts.push({ type: 'finish', usage, finishReason: calls.length > 0 ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' } });
  return parts;
}
