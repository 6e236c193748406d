import type { Detector } from '../detector.ts';
import { BulwarkConfigError } from '../errors.ts';
import type { Finding } from '../finding.ts';
import { formatIssues } from '../policy/load-policy.ts';
import type { Surface } from '../surface.ts';
import { RulePackSchema, type Rule, type RulePack, type RulePackInput } from './rule-pack.ts';
import { compileTopic, isOnTopic, restOf, sentenceOf, type CompiledTopic } from './rule-topic.ts';

interface CompiledRule {
  readonly rule: Rule;
  readonly patterns: readonly RegExp[];
  readonly keywords: readonly string[] | undefined;
  readonly requires: RegExp | undefined;
  readonly topic: CompiledTopic | undefined;
}

/** Validates a rule pack, naming the field of any error. */
export function parseRulePack(pack: RulePackInput): RulePack {
  const result = RulePackSchema.safeParse(pack);
  if (!result.success) throw new BulwarkConfigError(formatIssues(result.error, `rule pack ${String((pack as { id?: unknown }).id ?? '?')}`));
  return result.data;
}

function compileRule(packId: string, rule: Rule): CompiledRule {
  const patterns = rule.patterns.map((source) => {
    try {
      return new RegExp(source, regexFlags(source));
    } catch (error) {
      throw new BulwarkConfigError(`rule pack ${packId}.rules.${rule.id}.patterns: ${(error as Error).message}`);
    }
  });
  let requires: RegExp | undefined;
  try {
    requires = rule.requires ? new RegExp(rule.requires, regexFlags(rule.requires)) : undefined;
  } catch (error) {
    throw new BulwarkConfigError(`rule pack ${packId}.rules.${rule.id}.requires: ${(error as Error).message}`);
  }
  let topic: CompiledTopic | undefined;
  try {
    topic = compileTopic(rule, regexFlags(rule.onTopic?.keepWhen ?? ''));
  } catch (error) {
    throw new BulwarkConfigError(`rule pack ${packId}.rules.${rule.id}.onTopic.keepWhen: ${(error as Error).message}`);
  }
  return { rule, patterns, keywords: rule.keywords?.map((keyword) => keyword.toLowerCase()), requires, topic };
}

const maxEvidence = 120;
const needsUnicodeMode = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u;

/**
 * Case-insensitive flags for a pattern. Unicode mode (`u`) is used only where the pattern needs it (property escapes,
 * astral characters): V8 matches `/i` an order of magnitude faster than `/iu`, and BMP letters still fold case.
 */
export function regexFlags(source: string): string {
  return needsUnicodeMode.test(source) ? 'iu' : 'i';
}

/** Compiles a rule pack (once) into a detector that scans every view of the normalized input. */
export function createRulePackDetector(packInput: RulePackInput): Detector & { readonly pack: RulePack } {
  const pack = parseRulePack(packInput);
  const compiled = pack.rules.map((rule) => compileRule(pack.id, rule));
  const categories = [...new Set(pack.rules.map((rule) => rule.category))];
  return {
    pack,
    meta: { id: pack.id, categories, surfaces: pack.surfaces, description: pack.description },
    scan(input, context) {
      const findings: Finding[] = [];
      const matched = new Set<string>();
      for (const view of input.normalized.views) {
        const lower = compiled.some((entry) => entry.keywords) ? view.text.toLowerCase() : '';
        for (const entry of compiled) {
          if (matched.has(entry.rule.id)) continue;
          const score = scoreOn(entry.rule, context.surface);
          if (score <= 0) continue;
          if (entry.keywords && !entry.keywords.some((keyword) => lower.includes(keyword))) continue;
          if (entry.requires && !entry.requires.test(view.text)) continue;
          let onTopic: { match: RegExpExecArray; score: number } | undefined;
          const report = (match: RegExpExecArray, findingScore: number) => {
            const start = match.index;
            matched.add(entry.rule.id);
            findings.push({
              detector: `${pack.id}/${entry.rule.id}`,
              category: entry.rule.category,
              score: findingScore,
              message: entry.rule.description,
              span: view.toOriginal(start, start + match[0].length),
              ...(view.kind !== 'normalized' ? { view: view.kind } : {}),
              evidence: match[0].slice(0, maxEvidence),
            });
          };
          for (const pattern of entry.patterns) {
            const topic = entry.topic && entry.topic.score < score ? entry.topic : undefined;
            const found = topic ? offTopicMatch(pattern, view.text, topic) : { match: pattern.exec(view.text), onTopic: false };
            if (!found.match) continue;
            if (found.onTopic && topic) {
              onTopic ??= { match: found.match, score: topic.score };
              continue;
            }
            report(found.match, score);
            break;
          }
          if (!matched.has(entry.rule.id) && onTopic && onTopic.score > 0) report(onTopic.match, onTopic.score);
        }
      }
      return findings;
    },
  };
}

/** Matches of one pattern read for a rule with an on-topic reading. */
const maxTopicMatches = 16;

/**
 * The first match of a pattern whose sentence is off the text's topic; else its first match, marked on-topic. At most
 * {@link maxTopicMatches} matches are judged, so hostile input stays bounded.
 */
function offTopicMatch(pattern: RegExp, text: string, topic: CompiledTopic): { match: RegExpExecArray | null; onTopic: boolean } {
  const global = new RegExp(pattern.source, `${pattern.flags}g`); // a fresh one per call: no state shared between scans
  const matches: RegExpExecArray[] = [];
  for (let match = global.exec(text); match && matches.length < maxTopicMatches; match = global.exec(text)) {
    if (match[0].length === 0) global.lastIndex++;
    matches.push(match);
  }
  if (matches.length === 0) return { match: null, onTopic: false };
  const sentences = matches.map((match) => sentenceOf(text, match.index, match.index + match[0].length));
  const rest = restOf(topic, text, sentences);
  const index = sentences.findIndex((sentence) => !isOnTopic(topic, text, sentence, rest));
  if (index >= 0) return { match: matches[index] ?? null, onTopic: false };
  return { match: matches[0] ?? null, onTopic: true };
}

function scoreOn(rule: Rule, surface: Surface): number {
  return rule.surfaceScores?.[surface] ?? rule.score;
}
