import { createGuard, surfaces, type Guard, type PolicyInput, type Surface } from '@bulwark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithAiSdk } from './ai-sdk-runner.ts';
import { runWithCore } from './core-runner.ts';
import { corpus, selectScenarios, type Scenario } from './corpus.ts';
import { runWithLangChain } from './langchain-runner.ts';
import { runWithMcpProxy } from './mcp-runner.ts';
import { startScenarioServer, type ScenarioServer } from './mcp-scenario-server.ts';
import { brokenPromises, type RunRecord } from './outcome.ts';

const guardWith = (policy: PolicyInput): Guard => createGuard({ policy });

// The MCP server the proxy guards: one per test file, started before the runs.
let scenarioServer: ScenarioServer | undefined;
beforeAll(async () => {
  scenarioServer = await startScenarioServer(corpus);
});
afterAll(async () => {
  await scenarioServer?.close();
});
const requireServer = (): ScenarioServer => {
  if (!scenarioServer) throw new Error('the MCP scenario server did not start');
  return scenarioServer;
};

/** One way a user can put Bulwark in front of an agent; each must keep the same promises. */
interface Runner {
  readonly id: string;
  readonly name: string;
  /** The surfaces this integration guards. */
  readonly guards: readonly Surface[];
  /** Plays a scenario with the built-in detectors and the given policy. */
  readonly run: (scenario: Scenario, policy: PolicyInput) => Promise<RunRecord>;
}

const runners: readonly Runner[] = [
  { id: 'core', name: 'core engine (bulwark scan --jsonl events)', guards: surfaces, run: (scenario, policy) => runWithCore(scenario, guardWith(policy)) },
  {
    id: 'langchain-invoke',
    name: '@bulwark/langchain: createAgent.invoke (fakeModel)',
    guards: surfaces,
    run: (scenario, policy) => runWithLangChain(scenario, guardWith(policy), 'invoke'),
  },
  {
    id: 'langchain-stream',
    name: '@bulwark/langchain: createAgent.stream, messages mode (fakeModel)',
    guards: surfaces,
    run: (scenario, policy) => runWithLangChain(scenario, guardWith(policy), 'stream'),
  },
  {
    id: 'ai-sdk-generate',
    name: '@bulwark/ai-sdk: generateText (MockLanguageModelV4)',
    guards: surfaces,
    run: (scenario, policy) => runWithAiSdk(scenario, guardWith(policy), 'generateText'),
  },
  {
    id: 'ai-sdk-stream',
    name: '@bulwark/ai-sdk: streamText (MockLanguageModelV4)',
    guards: surfaces,
    run: (scenario, policy) => runWithAiSdk(scenario, guardWith(policy), 'streamText'),
  },
  {
    id: 'mcp-proxy',
    name: '@bulwark/mcp-proxy: MCP Client → proxy → MCP server (Streamable HTTP)',
    // Prompts and answers never cross an MCP proxy.
    guards: ['tool_definition', 'tool_call', 'tool_result'],
    run: (scenario, policy) => runWithMcpProxy(scenario, policy, requireServer()),
  },
];

/**
 * Promises found broken and not yet fixed: an adapter that disagrees with core, or core itself (a miss or a false
 * positive, then listed for every runner). Each entry's tests assert the run still breaks exactly `breaks` (the
 * checker's own words): the suite stays green while the finding is on record here, and turns red the day it is fixed
 * (or breaks differently) — then delete the entry. Never add an entry to hide a finding nobody has reported.
 */
const knownFindings: ReadonlyArray<{ runners: readonly string[]; scenario: string; finding: string; breaks: readonly string[] }> = [
];

const builtin = createGuard();
const { included, excluded } = selectScenarios(builtin.detectors);
const describeExclusions = excluded.map(({ scenario, missing }) => `${scenario.id} (needs ${missing.map((capability) => capability.id).join(', ')})`);

describe('conformance corpus', () => {
  it('has unique ids, attacks and clean runs, and every clean run needs no special capability and is held everywhere', () => {
    expect(new Set(corpus.map((scenario) => scenario.id)).size).toBe(corpus.length);
    expect(corpus.filter((scenario) => scenario.kind === 'attack').length).toBeGreaterThanOrEqual(8);
    const clean = corpus.filter((scenario) => scenario.kind === 'clean');
    expect(clean.length).toBeGreaterThanOrEqual(4);
    expect(clean.filter((scenario) => !included.includes(scenario) || scenario.guardedAt.length > 0)).toEqual([]);
  });

  it(`leaves out only scenarios whose capability the built-in guard lacks: ${describeExclusions.join('; ') || 'none'}`, () => {
    for (const { missing } of excluded) {
      expect(missing.length).toBeGreaterThan(0);
      for (const capability of missing) expect(capability.providedBy(builtin.detectors)).toBe(false);
    }
    expect(included.length + excluded.length).toBe(corpus.length);
  });

  it('lists known findings only for runners and scenarios that exist', () => {
    for (const entry of knownFindings) {
      for (const runner of entry.runners) expect(runners.map((candidate) => candidate.id)).toContain(runner);
      expect(corpus.map((scenario) => scenario.id)).toContain(entry.scenario);
    }
  });
});

for (const runner of runners) {
  const held = included.filter((scenario) => scenario.guardedAt.every((surface) => runner.guards.includes(surface)));
  describe(runner.name, () => {
    for (const scenario of held) {
      const known = knownFindings.find((entry) => entry.runners.includes(runner.id) && entry.scenario === scenario.id);
      const title = known ? `${scenario.id}: KNOWN FINDING, still broken: ${known.finding}` : `${scenario.id}: ${scenario.promise}`;
      it(title, async () => {
        const record = await runner.run(scenario, {});
        expect(brokenPromises(scenario, record)).toEqual(known?.breaks ?? []);
      });
    }

    // The attack really happens in this runner: with the guard in shadow mode (it records and allows everything),
    // every attack scenario breaks its promise. A scenario that cannot fail proves nothing.
    for (const scenario of held.filter((candidate) => candidate.kind === 'attack')) {
      it(`${scenario.id}: breaks its promise when the guard only watches (shadow mode)`, async () => {
        const record = await runner.run(scenario, { mode: 'shadow' });
        expect(brokenPromises(scenario, record)).not.toEqual([]);
      });
    }
  });
}
