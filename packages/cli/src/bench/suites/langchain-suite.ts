import { createGuard } from '@bulwark/core';
import { bulwarkMiddleware } from '@bulwark/langchain';
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { createAgent, createMiddleware, fakeModel, tool, type AgentMiddleware } from 'langchain';
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

/** A middleware with the same hooks as Bulwark's that does nothing: what LangChain's middleware plumbing costs. */
const noopMiddleware = createMiddleware({
  name: 'NoopMiddleware',
  beforeAgent: () => undefined,
  beforeModel: { canJumpTo: ['end'], hook: () => undefined },
  wrapModelCall: (request, handler) => handler(request),
  wrapToolCall: (request, handler) => handler(request),
});

/**
 * Added latency of `bulwarkMiddleware` (default guard) in LangChain: per tool call and per model call, measured on
 * its hooks around an instant handler; and per full `createAgent` run with a scripted `fakeModel`, without
 * middleware, with a no-op middleware of the same shape, and with Bulwark, in three scenarios.
 */
export async function runLangChainSuite(): Promise<Report> {
  const guard = createGuard();
  const guarded = [bulwarkMiddleware({ guard })];
  const variants = [
    ['no middleware', []],
    ['no-op middleware', [noopMiddleware]],
    ['bulwarkMiddleware', guarded],
  ] as const;
  const tasks = scenarios.flatMap((scenario) => variants.map(([name, middleware]) => [`${scenario.label}, ${name}`, agentRun(middleware, scenario.steps)] as const));
  const results = await measureTasks(tasks, { time: 1_500, warmupTime: 300 });
  const runRows = scenarios.map((scenario, index) => {
    const [plain, noop, bulwark] = [results[index * 3]!, results[index * 3 + 1]!, results[index * 3 + 2]!];
    return [scenario.label, millis(plain.p50), millis(noop.p50), millis(bulwark.p50), millis(noop.p50 - plain.p50), millis(bulwark.p50 - noop.p50)];
  });

  // The hooks alone, called as the agent calls them, against a handler that answers at once: the direct cost.
  const middleware = bulwarkMiddleware({ guard });
  const state = { messages: [new HumanMessage(question)], bulwarkSessionId: 'bench' };
  const wrapToolCall = middleware.wrapToolCall!;
  const wrapModelCall = middleware.wrapModelCall!;
  const beforeModel = (middleware.beforeModel as { hook: (state: unknown, runtime: unknown) => Promise<unknown> }).hook;
  const toolRequest = { toolCall: toolCall('call_hook'), tool: fetchPage, state, runtime: {} } as unknown as Parameters<typeof wrapToolCall>[0];
  const modelRequest = { model: fakeModel(), messages: state.messages, systemPrompt: '', tools: [fetchPage], state, runtime: {} } as unknown as Parameters<typeof wrapModelCall>[0];
  const hooks = await measureTasks(
    [
      ['wrapToolCall: handler only', () => new ToolMessage({ content: page, tool_call_id: 'call_hook', name: 'fetch_page' })],
      ['wrapToolCall: bulwarkMiddleware', () => wrapToolCall(toolRequest, async () => new ToolMessage({ content: page, tool_call_id: 'call_hook', name: 'fetch_page' }))],
      ['wrapModelCall: handler only', () => new AIMessage(answer)],
      ['wrapModelCall: bulwarkMiddleware', () => wrapModelCall(modelRequest, async () => new AIMessage(answer))],
      ['beforeModel: bulwarkMiddleware', () => beforeModel(state, {})],
    ],
    { time: 1_000, warmupTime: 200 },
  );
  const hookRows = [
    ['tool call: wrapToolCall (arguments + 2 KB result)', millis(hooks[1]!.p50 - hooks[0]!.p50), millis(hooks[1]!.mean - hooks[0]!.mean)],
    ['model call: wrapModelCall (800 B answer)', millis(hooks[3]!.p50 - hooks[2]!.p50), millis(hooks[3]!.mean - hooks[2]!.mean)],
    ['model call: beforeModel (400 B prompt)', millis(hooks[4]!.p50), millis(hooks[4]!.mean)],
  ];
  const rows = results.map((result) => [result.name, millis(result.p50), millis(result.p99), millis(result.mean)]);
  return {
    tables: [
      { title: 'Added latency of the Bulwark hooks (around an instant handler)', headers: ['per', 'p50 ms', 'mean ms'], rows: hookRows },
      {
        title: 'createAgent runs with a scripted fakeModel (p50 ms)',
        headers: ['scenario', 'none', 'no-op mw', 'bulwark', 'Δ LangChain middleware plumbing', 'Δ Bulwark scanning'],
        rows: runRows,
      },
      { title: 'All runs', headers: ['run', 'p50 ms', 'p99 ms', 'mean ms'], rows },
    ],
    json: { runs: results, hooks },
    notes: [
      'Hook rows: the direct cost Bulwark adds to each tool call and model call.',
      "Run rows: 'no-op mw' has the same hooks doing nothing (LangChain schedules beforeAgent/beforeModel as graph nodes); Bulwark's share is bulwark − no-op, and includes the once-per-session tool-definition scan.",
    ],
  };
}
