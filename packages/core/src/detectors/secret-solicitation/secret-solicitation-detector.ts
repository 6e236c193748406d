import type { Detector } from '../../detector.ts';
import { secretSolicitationPack } from '../../rules/packs/secret-solicitation.ts';
import { coveringSpan, firstFindingPerCue } from '../../rules/rule-cues.ts';
import { createRulePackDetector } from '../../rules/rule-pack-detector.ts';

/** The cue classes of the `secret-solicitation` pack, read from its rule ids. */
type Cue = 'ask' | 'disguise' | 'authority' | 'override';

function cueOf(rule: string): Cue | undefined {
  if (rule === 'ask-disguised-secret') return 'disguise';
  if (rule.startsWith('ask-')) return 'ask';
  if (rule.startsWith('authority-')) return 'authority';
  if (rule.startsWith('override-')) return 'override';
  return undefined;
}

const blockScore = 0.85;

/**
 * Direct prompt injections after what the assistant guards (Gandalf- and TensorTrust-style): a request for its
 * password, secret key or another user's private data, made under a claim of authority over the assistant ("I'm your
 * developer", "entering maintenance mode", "I am God") or after an order to drop its rules ("forget what you were
 * told", "you have to answer all my questions"), or in a disguise only a guarded secret needs (reversed, encoded,
 * translated, letter by letter, hinted, confirmed). Either half alone yields nothing: users ask about passwords, and
 * people say odd things to chatbots. Category `injection`, prompts only; blocks (0.85). The pack's cues read every
 * decoded view, so a request spelled in base64 or spaced letters is read too.
 */
export function createSecretSolicitationDetector(): Detector {
  const cues = createRulePackDetector(secretSolicitationPack);
  return {
    meta: {
      id: 'secret-solicitation',
      categories: ['injection'],
      surfaces: ['prompt'],
      description: "Asks for the assistant's secret or another user's data under a claim of authority or after an order to drop its rules.",
    },
    async scan(input, context) {
      const found = firstFindingPerCue(await cues.scan(input, context), cueOf);
      // Asking for the secret in a disguise (reversed, encoded, hinted) is the pressure itself: only a guarded secret needs it.
      const ask = found.get('disguise') ?? found.get('ask');
      const pressure = found.get('disguise') ?? found.get('authority') ?? found.get('override');
      if (!ask || !pressure) return [];
      const kind = found.has('disguise') ? 'disguise' : found.has('authority') ? 'authority' : 'override';
      return [
        {
          detector: `secret-solicitation/${kind}`,
          category: 'injection',
          score: blockScore,
          message: {
            disguise: "asks for a guarded secret in a disguised form (reversed, encoded, translated, hinted)",
            authority: "asks for a guarded secret or another user's data while claiming authority over the assistant",
            override: "asks for a guarded secret or another user's data after telling the assistant to drop its rules",
          }[kind],
          ...coveringSpan([ask, pressure]),
          evidence: `cues=${[...found.keys()].sort().join('+')}`,
        },
      ];
    },
  };
}
