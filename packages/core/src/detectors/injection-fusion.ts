import type { Detector, DetectorContext, ScanInput } from '../detector.ts';
import type { Finding } from '../finding.ts';
import { isLeetspeakDeliberate, isReadableBesideNormalized } from '../normalize/leet-share.ts';
import type { RulePackInput } from '../rules/rule-pack.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import type { Surface } from '../surface.ts';
import { hasAttackCue } from './attack-cues.ts';
import { lazyModel } from './lazy-model.ts';

/** Scores of an injection/jailbreak classifier for one text, each a probability in [0, 1]. */
export interface AttackScores {
  injection: number;
  jailbreak: number;
}

/**
 * The model layer as fusion sees it (structurally the `Classifier` of `model/classifier.ts`): scores texts, long ones in
 * windows, and returns the maximum per label.
 */
export interface AttackClassifier {
  readonly id: string;
  /** Calibration that comes with the model (from its metrics file); the guard's own calibration wins. */
  readonly calibration?: ModelCalibration;
  score(texts: readonly string[]): Promise<AttackScores[]>;
}

/** A classifier, or a function that loads one; fusion calls it once, on the first scan that needs the model. */
export type AttackClassifierSource = AttackClassifier | (() => Promise<AttackClassifier>);

/**
 * Where a raw model probability sits on the policy's scale. `block` is the probability chosen on validation data for
 * the target false-positive rate; it maps to `blockScore` (the default policy's block threshold). `flag` maps to
 * `flagScore`. In between and beyond, the mapping is linear, so it stays monotone and never invents certainty.
 */
export interface ThresholdPair {
  readonly block: number;
  readonly flag: number;
}

/** Model thresholds per label, with optional per-surface overrides (benign documents and prompts differ). */
export interface ModelCalibration {
  readonly injection: ThresholdPair;
  readonly jailbreak: ThresholdPair;
  readonly surfaces?: Partial<Record<Surface, Partial<Record<keyof AttackScores, ThresholdPair>>>>;
  /** Score that `block` maps to; default 0.8 (the default block threshold of `injection` and `jailbreak`). */
  readonly blockScore?: number;
  /** Score that `flag` maps to; default 0.5. */
  readonly flagScore?: number;
}

/** Conservative defaults used when a classifier comes without calibration. */
export const defaultModelCalibration: ModelCalibration = {
  injection: { block: 0.9, flag: 0.6 },
  jailbreak: { block: 0.9, flag: 0.6 },
};

/** Options of {@link createInjectionFusionDetector}. */
export interface InjectionFusionOptions {
  /** The attack rule packs fused here (compiled once). */
  readonly packs: readonly RulePackInput[];
  /** The model layer; none means rules and normalization signals only. */
  readonly classifier?: AttackClassifierSource;
  readonly calibration?: ModelCalibration;
  /** Surfaces the model scores (default: prompt, tool_result, document, tool_definition). */
  readonly modelSurfaces?: readonly Surface[];
}

const attackCategories = new Set(['injection', 'jailbreak']);
/** Rules under the block threshold are "weak": phrasing benign text also uses. A confident benign model softens them. */
const weakRuleScore = 0.75;
/** Calibrated model score under which the model counts as confident the text is benign. */
const modelBenignScore = 0.15;
/** How much a confident benign model softens a weak rule. */
const weakRuleDamping = 0.6;
/** Extra confidence when an attack signal was hidden: found only in a decoded/de-obfuscated view. */
const hiddenAttackBoost = 0.6;
/** Extra confidence when an attack signal comes with invisible, tag or look-alike characters. */
const evasionWithAttackBoost = 0.4;
const maxModelViews = 8;
/** Views that re-spell the whole text rather than decode a hidden layer of it. */
const respellings = new Set(['leet', 'collapsed']);
/**
 * A bag-of-n-grams model sees few features in a short text and is least reliable there. Below this many words the
 * model's score is scaled down (to `shortTextFloor` of itself for a one-word text), so on its own it can flag a short
 * text but not block it; a rule that agrees still blocks.
 */
const fullEvidenceWords = 16;
const shortTextFloor = 0.6;

/**
 * One detector for the attack categories (`injection`, `jailbreak`): it runs the attack rule packs, the optional
 * classifier and the normalization signals over the shared input and reports calibrated findings.
 *
 * Design: every rule match stays a finding of its own (id, span, evidence — the explanation users see); the model
 * adds one finding per category with its calibrated score; evasion adds one finding when an attack signal was hidden.
 * The policy combines findings of a category by noisy-or, so two independent weak signals (a rule and the model, or
 * two rules) together cross a threshold that neither crosses alone. Fusion also lowers weak rules when the model is
 * confident the text is benign — the over-defense case of trigger words in harmless text.
 */
export function createInjectionFusionDetector(options: InjectionFusionOptions): Detector {
  const packs = options.packs.map((pack) => createRulePackDetector(pack));
  const modelSurfaces = new Set<Surface>(options.modelSurfaces ?? ['prompt', 'tool_result', 'document', 'tool_definition']);
  const surfaces = [...new Set([...packs.flatMap((pack) => pack.meta.surfaces), ...(options.classifier ? modelSurfaces : [])])];
  const categories = [...new Set(packs.flatMap((pack) => pack.meta.categories).concat(['injection', 'jailbreak']))];
  const classifier = lazyModel(options.classifier ?? false);

  return {
    meta: {
      id: 'injection',
      categories,
      surfaces,
      description: 'Prompt injection and jailbreaks: attack rule packs, the classifier and evasion signals, fused into calibrated scores.',
    },
    async scan(input, context) {
      const disabled = new Set([...context.policy.detectors.disable, ...(context.policy.surfaces[context.surface]?.disable ?? [])]);
      const ruleFindings: Finding[] = [];
      for (const pack of packs) {
        if (disabled.has(pack.meta.id) || !pack.meta.surfaces.includes(context.surface)) continue;
        ruleFindings.push(...(pack.scan(input, context) as Finding[]));
      }
      const model = modelSurfaces.has(context.surface) ? await scoreWithModel(classifier(), input, context, options.calibration) : undefined;
      return fuse(ruleFindings, model, input, context.surface);
    },
  };
}

interface ModelResult {
  readonly id: string;
  /** Calibrated scores on the policy scale. */
  readonly calibrated: AttackScores;
  readonly raw: AttackScores;
  /** The view kind the highest score came from. */
  readonly view: string;
}

async function scoreWithModel(
  pending: AttackClassifier | Promise<AttackClassifier> | undefined,
  input: ScanInput,
  context: DetectorContext,
  configured: ModelCalibration | undefined,
): Promise<ModelResult | undefined> {
  if (!pending) return undefined;
  const model = await pending;
  const calibration = configured ?? model.calibration ?? defaultModelCalibration;
  // The leet view goes to the model only when leetspeak is deliberate, so that ordinary text is scored once; rules still
  // read every view.
  const leetIsDeliberate = isLeetspeakDeliberate(input.normalized);
  const first = input.normalized.views[0]?.text ?? '';
  const firstProse = proseOf(first);
  // Re-spellings of a JSON text (leet, collapsed) are no longer JSON; their prose is already read through the first view.
  const structured = firstProse !== first;
  const views = input.normalized.views
    .filter((view, index) => index === 0 || (isReadableBesideNormalized(view.kind, leetIsDeliberate) && !(structured && respellings.has(view.kind))))
    .slice(0, maxModelViews);
  const texts = views.map((view, index) => (index === 0 ? firstProse : proseOf(view.text)));
  if (texts.every((text) => text.trim().length === 0)) return undefined;
  const scores = await model.score(texts);
  const raw: AttackScores = { injection: 0, jailbreak: 0 };
  const calibrated: AttackScores = { injection: 0, jailbreak: 0 };
  let view = 'normalized';
  scores.forEach((score, index) => {
    const weight = evidenceWeight(texts[index] ?? '');
    const best = Math.max(calibrated.injection, calibrated.jailbreak);
    for (const label of ['injection', 'jailbreak'] as const) {
      const value = round(weight * calibrate(clamp(score[label]), thresholdsFor(calibration, context.surface, label), calibration));
      if (value > calibrated[label]) {
        calibrated[label] = value;
        raw[label] = clamp(score[label]);
      }
    }
    if (index > 0 && Math.max(calibrated.injection, calibrated.jailbreak) > best) view = views[index]?.kind ?? view;
  });
  return { id: model.id, raw, view, calibrated };
}

const minimumProseWords = 4;

/**
 * What the model reads of a text. The model learned prose (prompts, documents, emails); a JSON tool result of names,
 * ids and amounts is outside what it knows and reads as noise. For JSON, the model reads the string values that are
 * prose (≥ 4 space-separated words with letters) — where injected instructions live — joined by newlines, or nothing when there are none. Rules
 * still read the whole text.
 */
function proseOf(text: string): string {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return text;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return text;
  }
  const prose: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 32) return;
    if (typeof value === 'string') {
      if (value.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length >= minimumProseWords) prose.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, depth + 1));
    else if (value && typeof value === 'object') Object.values(value).forEach((item) => visit(item, depth + 1));
  };
  visit(data, 0);
  return prose.join('\n');
}

/** How much of the model's score a text of this length supports: 1 from `fullEvidenceWords` words up. */
function evidenceWeight(text: string): number {
  const words = (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) + (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0) / 2;
  return shortTextFloor + (1 - shortTextFloor) * Math.min(1, words / fullEvidenceWords);
}

/** The thresholds for a label on a surface: the surface's own, else (tool results, tool definitions) the documents', else the label's. */
function thresholdsFor(calibration: ModelCalibration, surface: Surface, label: keyof AttackScores): ThresholdPair {
  const fallback = surface === 'tool_result' || surface === 'tool_definition' ? calibration.surfaces?.document?.[label] : undefined;
  return calibration.surfaces?.[surface]?.[label] ?? fallback ?? calibration[label];
}

/** Maps a raw probability to the policy scale: `flag → flagScore`, `block → blockScore`, linear in between and beyond. */
export function calibrate(probability: number, thresholds: ThresholdPair, calibration: Pick<ModelCalibration, 'blockScore' | 'flagScore'> = {}): number {
  const blockScore = calibration.blockScore ?? 0.8;
  const flagScore = calibration.flagScore ?? 0.5;
  const block = clamp(thresholds.block);
  const flag = Math.min(clamp(thresholds.flag), block);
  let score: number;
  if (probability >= block) score = block >= 1 ? 1 : blockScore + ((probability - block) / (1 - block)) * (1 - blockScore);
  else if (probability >= flag) score = block === flag ? blockScore : flagScore + ((probability - flag) / (block - flag)) * (blockScore - flagScore);
  else score = flag <= 0 ? 0 : (probability / flag) * flagScore;
  return Math.round(clamp(score) * 1e4) / 1e4;
}

/** Surfaces whose text the agent reads from outside (tool results, documents, tool definitions). */
const readSurfaces = new Set<Surface>(['tool_result', 'document', 'tool_definition']);
/**
 * Highest score the model alone may give on a read surface (and on a prompt, see {@link confidentModelAlone}): just
 * under the block level, so an uncorroborated model score flags. What agents read — source code, logs, READMEs, mail —
 * is far more varied than the model's training data (a line of code naming `systemPrompt` scored 0.97); blocking it
 * would break the agent's task. Any attack rule match or hiding signal corroborates the model, and the two together
 * block through the policy's noisy-or.
 */
const modelAloneCeiling = 0.79;

function isCorroborated(ruleFindings: readonly Finding[], input: ScanInput): boolean {
  if (ruleFindings.some((finding) => attackCategories.has(finding.category) && finding.score >= 0.3)) return true;
  const signals = input.normalized.signals;
  return signals.tags + signals.bidi + signals.homoglyphWords > 0 || signals.invisible >= 2;
}

/**
 * Raw probability at which the model may block a user prompt with nothing else agreeing. Under it, on the prompt
 * surface, the model needs corroboration — an attack rule, a hiding signal, or an attack cue (`attack-cues.ts`) — to
 * block, and flags otherwise. Persona and task prompts ("You are a shy baker named Mira. Describe your morning.") share
 * their openings with jailbreak templates. Left out of training, jackhhao's 638 benign role-play prompts were blocked
 * 32.6% of the time by the model alone; with this gate and the persona negatives of `synthetic-personas.ts`, 3.3%
 * (leave-one-source-out; see DETECTION.md).
 */
const confidentModelAlone = 0.99;

/** Highest calibrated score the model may give alone on this surface. */
function modelCeiling(ruleFindings: readonly Finding[], model: ModelResult, input: ScanInput, surface: Surface): number {
  // Under the ceiling there is nothing to cap: skip the corroboration checks (the cue scan reads every view).
  if (Math.max(model.calibrated.injection, model.calibrated.jailbreak) <= modelAloneCeiling) return 1;
  if (readSurfaces.has(surface)) return isCorroborated(ruleFindings, input) ? 1 : modelAloneCeiling;
  if (surface !== 'prompt') return 1;
  if (Math.max(model.raw.injection, model.raw.jailbreak) >= confidentModelAlone) return 1;
  if (isCorroborated(ruleFindings, input)) return 1;
  return input.normalized.views.some((view) => hasAttackCue(view.text)) ? 1 : modelAloneCeiling;
}

function fuse(ruleFindings: Finding[], model: ModelResult | undefined, input: ScanInput, surface: Surface): Finding[] {
  const findings: Finding[] = [];
  const ceiling = model ? modelCeiling(ruleFindings, model, input, surface) : 1;
  for (const finding of ruleFindings) {
    if (!attackCategories.has(finding.category) || !model) {
      findings.push(finding);
      continue;
    }
    const modelScore = model.calibrated[finding.category as keyof AttackScores];
    const softened = finding.score <= weakRuleScore && modelScore < modelBenignScore;
    findings.push(softened ? { ...finding, score: round(finding.score * weakRuleDamping), message: `${finding.message} (softened: the model reads this as benign)` } : finding);
  }
  if (model) {
    for (const label of ['injection', 'jailbreak'] as const) {
      const score = Math.min(model.calibrated[label], ceiling);
      if (score < 0.05) continue;
      findings.push({
        detector: `injection/model-${label}`,
        category: label,
        score,
        message: `the classifier rates this text as ${label === 'injection' ? 'a prompt injection' : 'a jailbreak'}`,
        ...(model.view !== 'normalized' ? { view: model.view } : {}),
        evidence: `${model.id} p=${model.raw[label].toFixed(3)}${score < model.calibrated[label] ? ' (alone: capped at flag)' : ''}`,
      });
    }
  }
  const boost = evasionBoost(findings, input);
  if (boost) findings.push(boost);
  return findings;
}

/** An attack signal that was hidden is more likely an attack: report the hiding as extra evidence for that category. */
function evasionBoost(findings: readonly Finding[], input: ScanInput): Finding | undefined {
  const attacks = findings.filter((finding) => attackCategories.has(finding.category) && finding.score >= 0.3);
  if (attacks.length === 0) return undefined;
  const strongest = attacks.reduce((best, finding) => (finding.score > best.score ? finding : best));
  const category = strongest.category;
  const hidden = attacks.find((finding) => finding.view !== undefined && finding.view !== 'normalized' && !finding.detector.startsWith('injection/model-'));
  if (hidden) {
    return {
      detector: 'injection/hidden-attack',
      category,
      score: hiddenAttackBoost,
      message: `the attack signal was hidden (found only in the ${hidden.view} reading of the text)`,
      view: hidden.view,
      ...(hidden.span ? { span: hidden.span } : {}),
    };
  }
  const signals = input.normalized.signals;
  const hiding = signals.tags + signals.bidi + (signals.invisible >= 2 ? signals.invisible : 0) + signals.homoglyphWords;
  if (hiding === 0) return undefined;
  return {
    detector: 'injection/evasion-with-attack',
    category,
    score: evasionWithAttackBoost,
    message: 'an attack signal comes with invisible, tag or look-alike characters',
    evidence: `tags=${signals.tags} bidi=${signals.bidi} invisible=${signals.invisible} homoglyphWords=${signals.homoglyphWords}`,
  };
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
