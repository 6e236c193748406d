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

const warmupRounds = 20;
const maxRounds = 2_000;
/** Scripted answers queued per agent: one run per round, warm-up included. */
const maxRuns = warmupRounds + maxRounds;
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

interface RunMeasurement {
  name: string;
  samples: number;
  /** Each run's time, in round order (paired with the other variants' runs of the same round). */
  times: number[];
  p50: number;
  p99: number;
  mean: number;
}

/**
 * The no-op middleware with a one-field `stateSchema`: LangChain then builds a partial zod schema of it and parses the
 * state around every model call (and at the start of each run), whatever the hooks do. Bulwark keeps no agent state.
 */
const noopStateMiddleware = createMiddleware({
  name: 'NoopStateMiddleware',
  stateSchema: z.object({ noopSessionId: z.string().optional() }),
  beforeAgent: () => undefined,
  beforeModel: { canJumpTo: ['end'], hook: () => undefined },
  wrapModelCall: (request, handler) => handler(request),
  wrapToolCall: (request, handler) => handler(request),
});

/**
 * Runs the variants of one scenario in turn, one run each per round (starting with a different variant each round),
 * so a change in machine load between tasks (other processes, GC of an earlier task's garbage) falls on every variant
 * alike; sequential per-task timing made the differences between variants swing by several milliseconds from one
 * `pnpm bench` to the next.
 */
async function measureInterleaved(tasks: ReadonlyArray<readonly [string, () => Promise<unknown>]>, options: { timeMs: number; warmupRounds: number; maxRounds: number }): Promise<RunMeasurement[]> {
  for (let round = 0; round < options.warmupRounds; round += 1) for (const [, task] of tasks) await task();
  const samples = tasks.map(() => [] as number[]);
  const deadline = performance.now() + options.timeMs;
  for (let round = 0; round < options.maxRounds && (round < 100 || performance.now() < deadline); round += 1) {
    for (let offset = 0; offset < tasks.length; offset += 1) {
      const index = (round + offset) % tasks.length;
      const started = performance.now();
      await tasks[index]![1]();
      samples[index]!.push(performance.now() - started);
    }
  }
  return tasks.map(([name], index) => {
    const sorted = [...samples[index]!].sort((a, b) => a - b);
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
    return { name, samples: sorted.length, times: samples[index]!, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
  });
}

/** The median over rounds of `after − before` in the same round: the added latency, with load drift paired out. */
function pairedDelta(before: RunMeasurement, after: RunMeasurement): number {
  const differences = after.times.map((time, round) => time - before.times[round]!).sort((a, b) => a - b);
  return differences[Math.floor(differences.length / 2)]!;
}

/**
 * Added latency of `bulwarkMiddleware` (default guard) in LangChain: per tool call and per model call, measured on
 * its hooks around an instant handler; and per full `createAgent` run with a scripted `fakeModel`, without
 * middleware, with a no-op middleware of the same shape, with Bulwark and all detectors off (adapter + engine
 * plumbing), and with Bulwark, in three scenarios, the variants of a scenario interleaved run by run.
 */
export async function runLangChainSuite(): Promise<Report> {
  const guard = createGuard();
  const variants = [
    ['no middleware', []],
    ['no-op middleware', [noopMiddleware]],
    ['no-op middleware with a stateSchema', [noopStateMiddleware]],
    ['bulwarkMiddleware, no detectors', [bulwarkMiddleware({ guard: createGuard({ detectors: [] }) })]],
    ['bulwarkMiddleware', [bulwarkMiddleware({ guard })]],
  ] as const;
  const results: RunMeasurement[] = [];
  for (const scenario of scenarios) {
    const tasks = variants.map(([name, middleware]) => [`${scenario.label}, ${name}`, agentRun(middleware, scenario.steps)] as const);
    results.push(...(await measureInterleaved(tasks, { timeMs: 8_000, warmupRounds, maxRounds })));
  }
  const runRows = scenarios.map((scenario, index) => {
    const [plain, noop, noopState, plumbing, bulwark] = results.slice(index * variants.length, (index + 1) * variants.length) as [RunMeasurement, RunMeasurement, RunMeasurement, RunMeasurement, RunMeasurement];
    return [scenario.label, millis(plain.p50), millis(noop.p50), millis(plumbing.p50), millis(bulwark.p50), millis(pairedDelta(plain, noop)), millis(pairedDelta(noop, noopState)), millis(pairedDelta(noop, plumbing)), millis(pairedDelta(noop, bulwark))];
  });

  // The hooks alone, called as the agent calls them, against a handler that answers at once: the direct cost.
  const middleware = bulwarkMiddleware({ guard });
  const state = { messages: [new HumanMessage(question)] };
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
  const rows = results.map((result) => [result.name, result.samples, millis(result.p50), millis(result.p99), millis(result.mean)]);
  return {
    tables: [
      { title: 'Added latency of the Bulwark hooks (around an instant handler)', headers: ['per', 'p50 ms', 'mean ms'], rows: hookRows },
      {
        title: 'createAgent runs with a scripted fakeModel (p50 ms)',
        headers: ['scenario', 'none', 'no-op mw', 'bulwark, no detectors', 'bulwark', 'Δ LangChain middleware plumbing', 'Δ a stateSchema (LangChain)', 'Δ Bulwark, no detectors', 'Δ Bulwark'],
        rows: runRows,
      },
      { title: 'All runs', headers: ['run', 'runs', 'p50 ms', 'p99 ms', 'mean ms'], rows },
    ],
    json: { runs: results.map(({ times: _times, ...result }) => result), hooks },
    notes: [
      'Hook rows: the direct cost Bulwark adds to each tool call and model call.',
      "Run rows: 'no-op mw' has the same hooks doing nothing (LangChain schedules beforeAgent/beforeModel as graph nodes); Bulwark's share is bulwark − no-op, and includes the once-per-session tool-definition scan; 'no detectors' is the adapter and engine plumbing alone; 'Δ a stateSchema' is what LangChain adds to the no-op middleware when it declares a one-field stateSchema (why Bulwark keeps none).",
      'Run rows are interleaved (one run of each variant per round); each Δ is the median of the per-round differences, so load changes between rounds cancel out. Absolute figures still scale with machine load.',
    ],
  };
}
