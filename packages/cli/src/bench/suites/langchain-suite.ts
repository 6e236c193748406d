import { createGuard } from '@bulwark/core';
import { bulwarkMiddleware } from '@bulwark/langchain';
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { createAgent, fakeModel, tool, type AgentMiddleware } from 'langchain';
import { z } from 'zod';
import { millis, type Report } from '../../report.ts';
import { measureTasks } from '../measure.ts';
import { benignText } from '../texts.ts';

const question = benignText(400);
const answer = benignText(800);
const page = benignText(2_000);

const fetchPage = tool(async () => page, { name: 'fetch_page', description: 'Fetches a web page.', schema: z.object({ url: z.string() }) });

const maxRuns = 50_000;
const toolCall = (id: string) => ({ name: 'fetch_page', args: { url: 'https://example.com/a' }, id, type: 'tool_call' as const });

/** Agent turns: `steps` lists the tool calls of each model call before the final answer. The agent is compiled once. */
function agentRun(middleware: readonly AgentMiddleware[], steps: readonly number[]): () => Promise<unknown> {
  const model = fakeModel();
  for (let run = 0; run < maxRuns; run += 1) {
    steps.forEach((calls, step) => model.respond(new AIMessage({ content: '', tool_calls: Array.from({ length: calls }, (_, index) => toolCall(`call_${run}_${step}_${index}`)) })));
    model.respond(new AIMessage(answer));
  }
  const agent = createAgent({ model, tools: [fetchPage], middleware });
  return () => agent.invoke({ messages: [new HumanMessage(question)] });
}

const scenarios = [
  { id: 'B', label: '2 model calls, 1 tool call', steps: [1] },
  { id: 'C', label: '3 model calls, 2 tool calls', steps: [1, 1] },
  { id: 'D', label: '2 model calls, 2 tool calls', steps: [2] },
] as const;

/**
 * Added latency of `bulwarkMiddleware` (default guard) in LangChain: per tool call and per model call, measured on
 * the `wrapToolCall` / `wrapModelCall` hooks around an instant handler; and per full `createAgent` run with a scripted
 * `fakeModel`, with and without the middleware, in three scenarios.
 */
export async function runLangChainSuite(): Promise<Report> {
  const guard = createGuard();
  const guarded = [bulwarkMiddleware({ guard })];
  const tasks = scenarios.flatMap((scenario) => [
    [`${scenario.id}: ${scenario.label}, no middleware`, agentRun([], scenario.steps)] as const,
    [`${scenario.id}: ${scenario.label}, bulwarkMiddleware`, agentRun(guarded, scenario.steps)] as const,
  ]);
  const results = await measureTasks(tasks, { time: 1_500, warmupTime: 300 });
  const delta = (index: number, key: 'p50' | 'mean') => results[index * 2 + 1]![key] - results[index * 2]![key];
  // The hooks alone, called as the agent calls them, against a handler that answers at once: the direct cost.
  const middleware = bulwarkMiddleware({ guard });
  const state = { messages: [new HumanMessage(question)], bulwarkSessionId: 'bench' };
  const wrapToolCall = middleware.wrapToolCall!;
  const wrapModelCall = middleware.wrapModelCall!;
  const toolRequest = { toolCall: toolCall('call_hook'), tool: fetchPage, state, runtime: {} } as unknown as Parameters<typeof wrapToolCall>[0];
  const modelRequest = { model: fakeModel(), messages: state.messages, systemPrompt: '', tools: [fetchPage], state, runtime: {} } as unknown as Parameters<typeof wrapModelCall>[0];
  const hooks = await measureTasks(
    [
      ['wrapToolCall: handler only', () => new ToolMessage({ content: page, tool_call_id: 'call_hook', name: 'fetch_page' })],
      ['wrapToolCall: bulwarkMiddleware', () => wrapToolCall(toolRequest, async () => new ToolMessage({ content: page, tool_call_id: 'call_hook', name: 'fetch_page' }))],
      ['wrapModelCall: handler only', () => new AIMessage(answer)],
      ['wrapModelCall: bulwarkMiddleware', () => wrapModelCall(modelRequest, async () => new AIMessage(answer))],
    ],
    { time: 1_000, warmupTime: 200 },
  );
  const hookRows = [
    ['tool call (arguments + 2 KB result)', millis(hooks[1]!.p50 - hooks[0]!.p50), millis(hooks[1]!.mean - hooks[0]!.mean)],
    ['model call (800 B answer)', millis(hooks[3]!.p50 - hooks[2]!.p50), millis(hooks[3]!.mean - hooks[2]!.mean)],
  ];
  const rows = results.map((result) => [result.name, millis(result.p50), millis(result.p99), millis(result.mean)]);
  return {
    tables: [
      { title: 'createAgent runs with a scripted fakeModel, with and without bulwarkMiddleware', headers: ['run', 'p50 ms', 'p99 ms', 'mean ms'], rows },
      { title: 'Added latency of the middleware hooks alone (wrapToolCall / wrapModelCall around an instant handler)', headers: ['per', 'p50 ms', 'mean ms'], rows: hookRows },
      {
        title: 'Added latency per full agent run (with − without; scheduling noise dominates at this scale)',
        headers: ['scenario', 'p50 ms', 'mean ms'],
        rows: scenarios.map((scenario, index) => [scenario.label, millis(delta(index, 'p50')), millis(delta(index, 'mean'))]),
      },
    ],
    json: { runs: results, hooks },
    notes: ['Hook rows: the direct cost Bulwark adds to each tool call and model call. Run rows include LangGraph scheduling of the extra middleware nodes (beforeAgent, beforeModel) and the once-per-session tool-definition scan.'],
  };
}
