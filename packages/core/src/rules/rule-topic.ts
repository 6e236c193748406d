import { contentStemCounts, fold, foldedWords } from '../detectors/planted-request/topic-words.ts';
import { sentenceUnit } from './packs/sentence-syntax.ts';
import type { Rule } from './rule-pack.ts';

/** The rest of a sentence after a match: sentence units up to its end (quoted strings and domains do not end it). */
const sentenceRest = new RegExp(`${sentenceUnit}{0,400}`, 'y');
const leadingBreak = /^[\s.!?:;|"”'’)\]]+/u;

/** A rule's on-topic reading, compiled once. */
export interface CompiledTopic {
  readonly score: number;
  readonly subjectWords: ReadonlySet<string>;
  readonly keepWhen: RegExp | undefined;
}

/** Compiles a rule's `onTopic` option (undefined when the rule has none). */
export function compileTopic(rule: Rule, flags: string): CompiledTopic | undefined {
  const topic = rule.onTopic;
  if (!topic) return undefined;
  return {
    score: topic.score,
    subjectWords: new Set((topic.subjectWords ?? []).map(fold)),
    keepWhen: topic.keepWhen === undefined ? undefined : new RegExp(topic.keepWhen, flags),
  };
}

/** The sentence a match sits in: from the match (leading punctuation and breaks dropped) to the end of its sentence. */
export function sentenceOf(text: string, start: number, end: number): SentenceBounds {
  const lead = leadingBreak.exec(text.slice(start, end))?.[0].length ?? 0;
  sentenceRest.lastIndex = end;
  const tail = sentenceRest.exec(text)?.[0].length ?? 0;
  return { start: start + lead, end: Math.min(text.length, end + tail + 1) };
}

/** A sentence of the text: where it starts and ends. */
export interface SentenceBounds {
  readonly start: number;
  readonly end: number;
}

/** What the text says besides the matched sentences, read once for all of them. */
export interface TextRest {
  /** Stems of the rest's content words. */
  readonly stems: ReadonlyMap<string, number>;
  /** True when the rest names one of the rule's subject words. */
  readonly namesSubject: boolean;
}

/**
 * The rest of a text: every sentence the rule matched is left out, so an order repeated does not make itself its own
 * topic.
 */
export function restOf(topic: CompiledTopic, text: string, matched: readonly SentenceBounds[]): TextRest {
  const parts: string[] = [];
  let from = 0;
  for (const other of [...matched].sort((first, second) => first.start - second.start)) {
    if (other.start < from) continue;
    parts.push(text.slice(from, other.start));
    from = other.end;
  }
  parts.push(text.slice(from));
  const rest = parts.join('\n');
  const stems = contentStemCounts(rest);
  const namesSubject = stems.size > 0 && topic.subjectWords.size > 0 && foldedWords(rest).some((word) => topic.subjectWords.has(word));
  return { stems, namesSubject };
}

/**
 * True when a matched sentence belongs to the text around it: it shares a content word with the rest of the text, or
 * the rest names one of the rule's subject words; and it does not match `keepWhen`. A text with no content words
 * besides the matched sentences has no topic for the sentence to belong to.
 */
export function isOnTopic(topic: CompiledTopic, text: string, sentence: SentenceBounds, rest: TextRest): boolean {
  const own = text.slice(sentence.start, sentence.end);
  if (topic.keepWhen?.test(own)) return false;
  if (rest.stems.size === 0) return false;
  for (const stem of contentStemCounts(own).keys()) if (rest.stems.has(stem)) return true;
  return rest.namesSubject;
}
