import type { Scenario, ScenarioToolCall } from './corpus.ts';

/** What one run of a scenario produced, as the user and the model experienced it. Every runner fills one. */
export interface RunRecord {
  /** Per model call, every string the model was given (messages and tool definitions). */
  readonly modelInputs: string[][];
  /** The tools that actually executed, in order, with the arguments they received. */
  readonly toolRuns: Array<{ tool: string; args: Record<string, unknown> }>;
  /** Every piece of answer text that reached the user (streamed or final). */
  readonly userSaw: string[];
  /** The final answer. */
  answer: string;
}

/** An empty record. */
export function newRunRecord(): RunRecord {
  return { modelInputs: [], toolRuns: [], userSaw: [], answer: '' };
}

/** Every string inside a value (objects, arrays), depth-first; JSON strings are kept as they are. */
export function leafStrings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 40) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) leafStrings(item, out, depth + 1);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) leafStrings(item, out, depth + 1);
  return out;
}

/**
 * The expectations of a scenario that a run broke, as readable sentences (empty when the run kept every promise).
 * One checker for every runner: adapters are held to the same outcome.
 */
export function brokenPromises(scenario: Scenario, record: RunRecord): string[] {
  const broken: string[] = [];
  const expectation = scenario.expect;
  const modelText = record.modelInputs.map((inputs) => inputs.join('\n'));
  const userText = record.userSaw.join('\n');
  for (const fragment of expectation.modelNeverReads ?? []) {
    const call = modelText.findIndex((text) => text.includes(fragment));
    if (call >= 0) broken.push(`the model read ${JSON.stringify(fragment)} (model call ${call + 1})`);
  }
  for (const fragment of expectation.userNeverSees ?? []) {
    if (userText.includes(fragment)) broken.push(`the user saw ${JSON.stringify(fragment)}`);
  }
  for (const tool of expectation.toolNeverRuns ?? []) {
    const runs = record.toolRuns.filter((candidate) => candidate.tool === tool);
    if (runs.length > 0) broken.push(`${tool} ran ${runs.length} time(s): ${runs.map((run) => JSON.stringify(run.args)).join(', ')}`);
  }
  for (const { tool, argumentContains } of expectation.toolNeverRunsWith ?? []) {
    const run = record.toolRuns.find((candidate) => candidate.tool === tool && leafStrings(candidate.args).some((value) => value.includes(argumentContains)));
    if (run) broken.push(`${tool} ran with ${JSON.stringify(argumentContains)}: ${JSON.stringify(run.args)}`);
  }
  if (expectation.toolRuns) {
    const expected = expectation.toolRuns.map(describeCall);
    const actual = record.toolRuns.map(describeCall);
    if (JSON.stringify(expected) !== JSON.stringify(actual)) broken.push(`tool runs were ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  for (const fragment of expectation.modelReads ?? []) {
    if (!modelText.some((text) => text.includes(fragment))) broken.push(`the model never read ${JSON.stringify(fragment)} verbatim`);
  }
  if (expectation.answerIs !== undefined && record.answer !== expectation.answerIs) {
    broken.push(`the answer was ${JSON.stringify(record.answer)}, expected ${JSON.stringify(expectation.answerIs)}`);
  }
  return broken;
}

function describeCall(call: ScenarioToolCall | { tool: string; args: Record<string, unknown> }): string {
  const args = Object.fromEntries(Object.entries(call.args).sort(([left], [right]) => left.localeCompare(right)));
  return `${call.tool}(${JSON.stringify(args)})`;
}

/** The result of a tool's n-th call (0-based): the scripted result, the last one repeating. */
export function toolResult(scenario: Scenario, tool: string, callIndex: number): string {
  const definition = scenario.tools.find((candidate) => candidate.name === tool);
  if (!definition) throw new Error(`scenario ${scenario.id}: no tool ${tool}`);
  return definition.results[Math.min(callIndex, definition.results.length - 1)] ?? '';
}
