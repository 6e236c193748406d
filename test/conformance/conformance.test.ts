import { createGuard, surfaces, type Guard, type PolicyInput, type Surface } from '@bulwark/core';
import { describe, expect, it } from 'vitest';
import { runWithAiSdk } from './ai-sdk-runner.ts';
import { runWithCore } from './core-runner.ts';
import { corpus, selectScenarios, type Scenario } from './corpus.ts';
import { runWithLangChain } from './langchain-runner.ts';
import { brokenPromises, type RunRecord } from './outcome.ts';

const guardWith = (policy: PolicyInput): Guard => createGuard({ policy });

/** Every way a user can put Bulwark in front of an agent; each must keep the same promises. */
interface Runner {
  readonly name: string;
  /** The surfaces this integration guards. */
  readonly guards: readonly Surface[];
  /** Plays a scenario with a guard built from the policy (built-in detectors). */
  readonly run: (scenario: Scenario, policy: PolicyInput) => Promise<RunRecord>;
}

const runners: readonly Runner[] = [
  { name: 'core engine (bulwark scan --jsonl events)', guards: surfaces, run: (scenario, policy) => runWithCore(scenario, guardWith(policy)) },
  { name: '@bulwark/langchain (createAgent + fakeModel)', guards: surfaces, run: (scenario, policy) => runWithLangChain(scenario, guardWith(policy)) },
  {
    name: '@bulwark/ai-sdk generateText (MockLanguageModelV4)',
    guards: surfaces,
    run: (scenario, policy) => runWithAiSdk(scenario, guardWith(policy), 'generateText'),
  },
  { name: '@bulwark/ai-sdk streamText (MockLanguageModelV4)', guards: surfaces, run: (scenario, policy) => runWithAiSdk(scenario, guardWith(policy), 'streamText') },
];

const builtin = createGuard();
const { included, excluded } = selectScenarios(builtin.detectors);
const describeExclusions = excluded.map(({ scenario, missing }) => `${scenario.id} (needs ${missing.map((capability) => capability.id).join(', ')})`);

describe('conformance corpus', () => {
  it('has unique ids, attacks and clean runs, and every clean run needs no special capability', () => {
    expect(new Set(corpus.map((scenario) => scenario.id)).size).toBe(corpus.length);
    expect(corpus.filter((scenario) => scenario.kind === 'attack').length).toBeGreaterThanOrEqual(8);
    const clean = corpus.filter((scenario) => scenario.kind === 'clean');
    expect(clean.length).toBeGreaterThanOrEqual(4);
    expect(clean.filter((scenario) => !included.includes(scenario))).toEqual([]);
  });

  it(`leaves out only scenarios whose capability the built-in guard lacks: ${describeExclusions.join('; ') || 'none'}`, () => {
    for (const { missing } of excluded) {
      expect(missing.length).toBeGreaterThan(0);
      for (const capability of missing) expect(capability.providedBy(builtin.detectors)).toBe(false);
    }
    expect(included.length + excluded.length).toBe(corpus.length);
  });
});

for (const runner of runners) {
  const held = included.filter((scenario) => scenario.guardedAt.every((surface) => runner.guards.includes(surface)));
  describe(runner.name, () => {
    for (const scenario of held) {
      it(`${scenario.id}: ${scenario.promise}`, async () => {
        const record = await runner.run(scenario, {});
        expect(brokenPromises(scenario, record)).toEqual([]);
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
