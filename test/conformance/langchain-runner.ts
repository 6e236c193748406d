import type { Guard } from '@bulwark/core';
import { bulwarkMiddleware } from '@bulwark/langchain';
import { AIMessage, HumanMessage, createAgent, createMiddleware, fakeModel, tool } from 'langchain';
import { z } from 'zod';
import type { ModelTurn, Scenario, ScenarioTool } from './corpus.ts';
import { leafStrings, newRunRecord, toolResult, type RunRecord } from './outcome.ts';

/**
 * Plays a scenario through a real LangChain `createAgent` with `bulwarkMiddleware` and a `fakeModel()` scripted with
 * the scenario's turns. A second middleware, placed after Bulwark (so it sits next to the model), records which tool
 * definitions each model call is given; `fakeModel().calls` records the messages.
 */
export async function runWithLangChain(scenario: Scenario, guard: Guard): Promise<RunRecord> {
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
  const result = await agent.invoke({ messages: [new HumanMessage(scenario.user)] }, { recursionLimit: 50 });

  model.calls.forEach((call, index) => {
    const definitions = (toolsPerCall[index] ?? []).flatMap((name) => definitionStrings(scenario.tools.find((candidate) => candidate.name === name)));
    record.modelInputs.push([...definitions, ...call.messages.flatMap((message) => leafStrings([message.content, (message as AIMessage).tool_calls ?? []]))]);
  });
  const answers = result.messages.filter((message) => AIMessage.isInstance(message));
  for (const message of answers) if (message.text) record.userSaw.push(message.text);
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
