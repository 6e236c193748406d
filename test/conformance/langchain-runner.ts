import type { Guard } from '@bulwark/core';
import { bulwarkMiddleware } from '@bulwark/langchain';
import { AIMessage, AIMessageChunk, HumanMessage, createAgent, createMiddleware, fakeModel, tool, type BaseMessage } from 'langchain';
import { z } from 'zod';
import type { ModelTurn, Scenario, ScenarioTool } from './corpus.ts';
import { leafStrings, newRunRecord, toolResult, type RunRecord } from './outcome.ts';

/** How the LangChain runner drives the agent. */
export type LangChainMode = 'invoke' | 'stream';

/**
 * Plays a scenario through a real LangChain `createAgent` with `bulwarkMiddleware` and a `fakeModel()` scripted with
 * the scenario's turns. A second middleware, placed after Bulwark (so it sits next to the model), records which tool
 * definitions each model call is given; `fakeModel().calls` records the messages. In `stream` mode the agent runs
 * with `streamMode: ['messages', 'values']` and the user sees every streamed AI chunk (the middleware's default
 * `streaming: 'hold'`).
 */
export async function runWithLangChain(scenario: Scenario, guard: Guard, mode: LangChainMode = 'invoke'): Promise<RunRecord> {
  const record = newRunRecord();
  const callCounts = new Map<string, number>();
  const tools = scenario.tools.map((definition) =>
    tool(
      async (args: Record<string, string>) => {
        const index = callCounts.get(definition.name) ?? 0;
        callCounts.set(definition.name, index + 1);
        record.toolRuns.push({ tool: definition.name, args: { ...args } });
        return toolResult(scenario, definition.name, index);
      },
      { name: definition.name, description: definition.description, schema: schemaOf(definition) },
    ),
  );
  let model = fakeModel();
  scenario.turns.forEach((turn, index) => {
    model = model.respond(aiMessageOf(turn, index));
  });
  const toolsPerCall: string[][] = [];
  const recorder = createMiddleware({
    name: 'ConformanceRecorder',
    wrapModelCall: (request, handler) => {
      toolsPerCall.push(request.tools.map((candidate) => (candidate as { name?: string }).name ?? ''));
      return handler(request);
    },
  });
  const agent = createAgent({
    model,
    tools,
    middleware: [bulwarkMiddleware({ guard }), recorder],
    ...(scenario.system ? { systemPrompt: scenario.system } : {}),
  });
  const input = { messages: [new HumanMessage(scenario.user)] };
  let messages: BaseMessage[];
  if (mode === 'invoke') {
    messages = (await agent.invoke(input, { recursionLimit: 50 })).messages;
  } else {
    messages = [];
    let streamed = '';
    for await (const [streamMode, payload] of await agent.stream(input, { recursionLimit: 50, streamMode: ['messages', 'values'] })) {
      if (streamMode === 'values') messages = (payload as { messages: BaseMessage[] }).messages;
      else {
        const [chunk] = payload as [BaseMessage, unknown];
        if (AIMessageChunk.isInstance(chunk) || AIMessage.isInstance(chunk)) streamed += chunk.text;
      }
    }
    record.userSaw.push(streamed);
  }

  model.calls.forEach((call, index) => {
    const definitions = (toolsPerCall[index] ?? []).flatMap((name) => definitionStrings(scenario.tools.find((candidate) => candidate.name === name)));
    record.modelInputs.push([...definitions, ...call.messages.flatMap((message) => leafStrings([message.content, (message as AIMessage).tool_calls ?? []]))]);
  });
  const answers = messages.filter((message) => AIMessage.isInstance(message));
  if (mode === 'invoke') for (const message of answers) if (message.text) record.userSaw.push(message.text);
  record.answer = answers.at(-1)?.text ?? '';
  return record;
}

function aiMessageOf(turn: ModelTurn, turnIndex: number): AIMessage {
  return new AIMessage({
    content: turn.text ?? '',
    tool_calls: (turn.calls ?? []).map((call, index) => ({ name: call.tool, args: { ...call.args }, id: `call-${turnIndex}-${index}`, type: 'tool_call' as const })),
  });
}

function schemaOf(definition: ScenarioTool) {
  return z.object(Object.fromEntries(Object.entries(definition.parameters).map(([name, description]) => [name, z.string().describe(description)])));
}

function definitionStrings(definition: ScenarioTool | undefined): string[] {
  return definition ? [definition.name, definition.description, ...Object.entries(definition.parameters).flat()] : [];
}
