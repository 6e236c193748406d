import type { Detector } from '../../detector.ts';
import { jailbreakPretextPack } from '../../rules/packs/jailbreak-pretext.ts';
import { coveringSpan, firstFindingPerCue } from '../../rules/rule-cues.ts';
import { createRulePackDetector } from '../../rules/rule-pack-detector.ts';
import { hasProtectivePurposeNear, loadHarmRequestModel, readsAsHarmRequest, type HarmRequestModel } from '../harm-request/harm-request-model.ts';
import { lazyModel, type ModelSource } from '../lazy-model.ts';

/**
 * The cue classes: those of the `jailbreak-pretext` pack, read from its rule ids, and `request`, a sentence the
 * harm-request model reads as a request for harmful content.
 */
type Cue = 'priming' | 'misuse' | 'fiction' | 'evasion' | 'frame' | 'setting' | 'harm' | 'request';

function cueOf(rule: string): Cue | undefined {
  if (rule.startsWith('priming-')) return 'priming';
  if (rule === 'disclaimer-misuse') return 'misuse';
  if (rule === 'disclaimer-fiction') return 'fiction';
  if (rule.startsWith('evasion-')) return 'evasion';
  if (rule.startsWith('frame-')) return 'frame';
  if (rule.startsWith('setting-')) return 'setting';
  if (rule.startsWith('harm-')) return 'harm';
  return undefined;
}

/**
 * The cues that wrap a request in a pretext: a role, a setting (a story, an exercise, a profession, pressure), a fiction
 * or a misuse disclaimer. Evasion ("without getting caught") is not one: it belongs to the harmful request itself.
 */
const pretextCues: readonly Cue[] = ['frame', 'setting', 'fiction', 'misuse'];
/**
 * A request cue blocks (0.85) beside any pretext, so it must be clear: the model's midpoint, above the threshold the
 * model file carries (chosen at 2% of benign calibration prompts for a signal that never blocks alone). Role-play
 * prompts are common and the model is a word model: at its own threshold it read "Write a post about how you overcame
 * the challenges" inside a role as harmful.
 */
const clearRequestScore = 0.5;

/** How the cues combine: the first matching line wins. */
const combinations: ReadonlyArray<{ readonly id: string; readonly score: number; readonly message: string; readonly holds: (cues: ReadonlySet<Cue>) => boolean }> = [
  { id: 'affirmative-priming', score: 0.85, message: 'primes an affirmative "Sure, here is" opening (refusal suppression)', holds: (cues) => cues.has('priming') },
  {
    id: 'disclaimed-request',
    score: 0.85,
    message: 'a misuse disclaimer together with a role, fiction or deniability pretext (persuasion jailbreak)',
    holds: (cues) => cues.has('misuse') && (cues.has('frame') || cues.has('fiction') || cues.has('evasion')),
  },
  {
    id: 'deniable-request',
    score: 0.8,
    message: 'asks for deniable or undetectable content inside a role or fiction pretext (persuasion jailbreak)',
    holds: (cues) => cues.has('evasion') && (cues.has('frame') || cues.has('fiction')),
  },
  {
    id: 'pretexted-harm',
    score: 0.85,
    message: 'a harmful request wrapped in a role declared fictional, hypothetical or for research (persuasion jailbreak)',
    holds: (cues) => cues.has('harm') && cues.has('fiction') && cues.has('frame'),
  },
  {
    id: 'role-wrapped-request',
    score: 0.85,
    message: 'a request for harmful content made inside a role, a story, an exercise or another pretext (persuasion jailbreak)',
    holds: (cues) => cues.has('request') && pretextCues.some((cue) => cues.has(cue)),
  },
  { id: 'misuse-disclaimer', score: 0.6, message: 'promises the answer will never be misused', holds: (cues) => cues.has('misuse') },
  { id: 'fictional-role', score: 0.7, message: 'a role in a world declared purely fictional or hypothetical', holds: (cues) => cues.has('fiction') && cues.has('frame') },
  { id: 'disclaimed-harm', score: 0.8, message: 'a harmful request declared fictional, hypothetical or for research', holds: (cues) => cues.has('harm') && cues.has('fiction') },
  { id: 'role-wrapped-harm', score: 0.6, message: 'a harmful act requested inside a role or fiction', holds: (cues) => cues.has('harm') && cues.has('frame') },
  { id: 'fiction-disclaimer', score: 0.5, message: 'declares the request purely fictional, hypothetical or for research', holds: (cues) => cues.has('fiction') },
];

/** Options of {@link createPretextDetector}. */
export interface PretextDetectorOptions {
  /**
   * The harm-request model, or a loader called once on the first prompt that has a pretext cue (role, setting, fiction
   * or misuse disclaimer); default: the committed `models/harm-requests.bin`. `false`: the pack's cues only.
   */
  readonly harmRequests?: ModelSource<HarmRequestModel>;
}

/**
 * Persuasion jailbreaks (PAIR-style role-play and pretexts): combines the cues of the `jailbreak-pretext` rule pack and
 * the harm-request model. A role alone ("you are a travel guide"), deniability alone ("without getting caught") or a
 * harmful request alone yields nothing: a plain harmful request is a content-safety matter, not a jailbreak. A misuse
 * disclaimer with a role, fiction or deniability, deniability inside a role, a sentence the harm-request model reads as
 * a clear request for harmful content (model score ≥ 0.5) inside a role, a setting (a story, an exercise, a profession,
 * pressure), a fiction or misuse disclaimer, or "Sure, here is" priming block (0.8–0.85); a lone disclaimer, a role
 * declared fictional or a harmful topic named inside a role is flag level (0.5–0.6) and blocks only with the
 * classifier or another rule (the policy's noisy-or). Category `jailbreak`, prompts only.
 */
export function createPretextDetector(options: PretextDetectorOptions = {}): Detector {
  const cues = createRulePackDetector(jailbreakPretextPack);
  const harmModel = lazyModel(options.harmRequests ?? (() => loadHarmRequestModel()));
  return {
    meta: {
      id: 'jailbreak-pretext',
      categories: ['jailbreak'],
      surfaces: ['prompt'],
      description: 'Persuasion jailbreaks: responsibility-lifting frames combined with misuse disclaimers, deniability, harmful requests or affirmative priming.',
    },
    async scan(input, context) {
      const found = firstFindingPerCue(await cues.scan(input, context), cueOf);
      const text = input.normalized.views[0]?.text ?? '';
      // A harmful topic named to protect from it ("so that staff can spot it", "why it is dangerous") is not harm asked
      // for; the purpose must sit in the sentence that names the harm or the next one.
      const harm = found.get('harm');
      if (harm?.span && hasProtectivePurposeNear(input.normalized.original, harm.span.start)) found.delete('harm');
      // The model is read only where a pretext is: a harmful request without one is not a jailbreak.
      let requestEvidence = '';
      if (pretextCues.some((cue) => found.has(cue))) {
        const model = await harmModel();
        if (model) {
          const request = readsAsHarmRequest(model, text);
          if (request && request.score >= clearRequestScore) {
            found.set('request', { detector: 'jailbreak-pretext/harm-request', category: 'jailbreak', score: request.score, message: 'a request for harmful content' });
            requestEvidence = ` request=${request.score.toFixed(2)}`;
          }
        }
      }
      const present = new Set(found.keys());
      const combination = combinations.find((entry) => entry.holds(present));
      if (!combination) return [];
      return [
        {
          detector: `jailbreak-pretext/${combination.id}`,
          category: 'jailbreak',
          score: combination.score,
          message: combination.message,
          ...coveringSpan(found.values()),
          evidence: `cues=${[...present].sort().join('+')}${requestEvidence}`,
        },
      ];
    },
  };
}
