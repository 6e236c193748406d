import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import { isLeetspeakDeliberate, isReadableBesideNormalized } from '../../normalize/leet-share.ts';
import type { TextView } from '../../normalize/view.ts';
import { languages, requestKindOf, type RequestKind } from './request-forms.ts';
import { segmentsOf, type Segment } from './segments.ts';
import { situatedCue } from './situated.ts';
import { contentStemCounts, stemOf } from './topic-words.ts';

/**
 * How much text the rest of the document needs before a topic break can be judged: twelve distinct content words, or
 * a data-heavy text (a table of figures, a statement) of forty words and numbers with at least four content words.
 */
const minimumRestWords = 12;
const minimumDataTokens = 40;
const minimumDataWords = 4;
/** A request on a line of its own, sharing no content word with the text: blocks alone. */
const standaloneScore = 0.85;
/**
 * Weaker evidence: inside a paragraph, one entry of a list (changelogs are lists of unrelated imperatives), or
 * introduced by a line ending in a colon (the text presents it: "Homework for Friday:"). Flags; blocks together with
 * the classifier or a rule.
 */
const partialScore = 0.6;
/**
 * A text with several requests in it is a list of tasks (a worksheet, an FAQ, a changelog of imperatives, a prompt
 * collection), not a text with one task planted in it: two requests flag at most; three or more are reported under
 * the flag line, so that they do not stop a text even together with a flagging classifier score.
 */
const taskListCount = 3;
const taskListScore = 0.35;
/**
 * Kinds of request people ask each other (a question, a recommendation, an explanation): situated in the here and now
 * or in what writer and reader share (`situated.ts`: "on Saturday", "near the station", "the party", "P.S."), they are
 * an aside between people, not a task for an assistant, and are not read as requests at all. A task an assistant is
 * typically given (a poem, a translation, a sum) is not made personal by the day or place it names — they are its
 * subject ("a letter … for the school library", "a limerick about the party") — only a postscript makes it an aside,
 * and then it still flags.
 */
const personalKinds: ReadonlySet<RequestKind> = new Set(['question', 'list', 'explain']);
const asideCue = 'aside';

/** Language names say which language a translation is wanted in, not what it is about. */
const languageStems = new Set([...languages].map(stemOf));
const tokenPattern = /[\p{L}\p{N}]+/gu;
/**
 * Cohesion of the rest: whole sentences (not lines of figures) with at least three content words; with four or more of
 * them and 60% sharing no content word with the rest of the text, the text is a list of unrelated items and a topic
 * break means little.
 */
const minimumCohesionWords = 3;
const minimumCohesionLength = 12;
const minimumCohesionSentences = 4;
const incoherentShare = 0.6;
/** Sentences read for cohesion: a sample of the text's first ones is enough and keeps the cost bounded. */
const cohesionSample = 24;
/** Request-form segments read per view: the limit keeps hostile input linear and bounded. */
const maxCandidates = 64;
/** Text in invisible characters loses its line breaks; nobody reads it, so a request in it counts as set apart. */
const invisibleViewKinds = new Set(['tags', 'selectors']);

interface Candidate {
  readonly segment: Segment;
  readonly kind: RequestKind;
  readonly shared: number;
  readonly words: number;
  readonly restWords: number;
  readonly score: number;
  /** Why the request reads as situated in the writer's here and now (it then flags at most). */
  readonly situated?: string;
}

/**
 * A request addressed to an assistant, planted in a text it has nothing to do with: a general-knowledge question, a
 * translation, a poem or a code sample asked for on its own line inside an email about a card payment or a table of
 * results. The agent reading the text was asked to work on it; a self-contained task for an assistant that shares no
 * topic with it is there to be obeyed, not read. Read surfaces only: on a prompt, asking is the point.
 *
 * Two tests: the segment has the form of a request to an assistant (`request-forms.ts`: task verbs with their object,
 * knowledge questions, not asks between the people in a conversation), and its content words do not occur in the
 * rest of the text (topic discontinuity; `topic-words.ts`).
 */
export const plantedRequestDetector: Detector = {
  meta: {
    id: 'planted-request',
    categories: ['injection'],
    surfaces: ['document', 'tool_result'],
    description: 'Flags a request addressed to an assistant (a question, a task) that has nothing to do with the text it is planted in.',
  },
  scan(input) {
    const primary = input.normalized.views[0];
    if (!primary) return [];
    let primaryText: TextStats | undefined;
    const primaryStats = () => (primaryText ??= statsOf(primary.text));
    const leetIsDeliberate = isLeetspeakDeliberate(input.normalized);
    let best: { result: ViewResult; view: TextView } | undefined;
    input.normalized.views.forEach((view, index) => {
      // Besides the text itself: hidden layers and spaced letters, leetspeak only when deliberate (as in fusion).
      if (index > 0 && !isReadableBesideNormalized(view.kind, leetIsDeliberate)) return;
      // A decoded layer is judged against its own words and the text around the layer.
      const reading: Reading = index === 0 ? 'plain' : invisibleViewKinds.has(view.kind) ? 'invisible' : 'decoded';
      const result = readView(view.text, index === 0 ? primaryStats : () => merge(statsOf(view.text), primaryStats()), reading);
      if (result && (!best || result.score > best.result.score)) best = { result, view };
    });
    if (!best) return [];
    const { result, view } = best;
    const candidate = result.candidate;
    const finding: Finding = {
      detector: 'planted-request/off-topic-request',
      category: 'injection',
      score: result.score,
      message: `a ${candidate.kind} request addressed to an assistant, unrelated to the text around it`,
      span: view.toOriginal(candidate.segment.start, candidate.segment.end),
      ...(view !== primary ? { view: view.kind } : {}),
      evidence: `kind=${candidate.kind} shared=${candidate.shared}/${candidate.words} rest=${candidate.restWords} ${candidate.segment.standalone ? 'own line' : 'in a paragraph'}${result.requests > 1 ? ` requests=${result.requests}` : ''}${candidate.situated ? ` situated=${candidate.situated}` : ''}`,
    };
    return [finding];
  },
};

/** Content-word counts and the number of words and numbers of a text. */
interface TextStats {
  readonly stems: ReadonlyMap<string, number>;
  readonly tokens: number;
}

interface ViewResult {
  readonly candidate: Candidate;
  readonly requests: number;
  readonly score: number;
}

function statsOf(text: string): TextStats {
  return { stems: contentStemCounts(text), tokens: tokenCount(text) };
}

function merge(first: TextStats, second: TextStats): TextStats {
  const stems = new Map(first.stems);
  for (const [stem, count] of second.stems) stems.set(stem, (stems.get(stem) ?? 0) + count);
  return { stems, tokens: first.tokens + second.tokens };
}

/**
 * How a view was read: the text as it is, a decoded layer, or text in invisible characters. A request in a decoded
 * layer is not one the text presents to its reader (an "ROT13:" line before it introduces nothing); one in invisible
 * characters has lost its line breaks and counts as set apart.
 */
type Reading = 'plain' | 'decoded' | 'invisible';

/** The strongest off-topic request of one reading of the text, scored; the text's statistics are built only when needed. */
function readView(text: string, stats: () => TextStats, reading: Reading): ViewResult | undefined {
  const invisible = reading === 'invisible';
  let document: TextStats | undefined;
  const candidates: Candidate[] = [];
  let requests = 0;
  const segments = segmentsOf(text, { gluedSentences: invisible });
  for (const segment of segments) {
    if (!segment.complete) continue;
    const kind = requestKindOf(segment.text);
    if (!kind) continue;
    const cue = situatedCue(segment.text);
    if (cue && personalKinds.has(kind)) continue;
    const situated = cue === asideCue ? cue : undefined;
    if (++requests > maxCandidates) break;
    document ??= stats();
    const seen = reading === 'plain' ? segment : { ...segment, introduced: false, ...(invisible ? { standalone: true } : {}) };
    const candidate = judge(seen, kind, document.stems, document.tokens);
    if (candidate) candidates.push(situated ? { ...candidate, situated, score: Math.min(candidate.score, partialScore) } : candidate);
  }
  if (candidates.length === 0) return undefined;
  const candidate = candidates.reduce((top, entry) => (entry.score > top.score ? entry : top));
  let score = requests >= taskListCount ? Math.min(candidate.score, taskListScore) : requests > 1 ? Math.min(candidate.score, partialScore) : candidate.score;
  if (score > partialScore && document && isIncoherent(segments, candidate.segment, document.stems)) score = partialScore;
  return { candidate, requests, score };
}

/**
 * True when the text has no topic of its own for a request to break from: most of its other sentences share no
 * content word with the rest either (a news feed, search results, an inbox listing — items side by side).
 */
function isIncoherent(segments: readonly Segment[], request: Segment, documentStems: ReadonlyMap<string, number>): boolean {
  let sentences = 0;
  let isolated = 0;
  for (const segment of segments) {
    if (sentences >= cohesionSample) break;
    if (segment === request || !segment.complete || segment.end - segment.start < minimumCohesionLength || isDataLine(segment.text)) continue;
    const own = contentStemCounts(segment.text);
    if (own.size < minimumCohesionWords) continue;
    sentences++;
    let shared = false;
    for (const [stem, count] of own) {
      if ((documentStems.get(stem) ?? 0) > count) {
        shared = true;
        break;
      }
    }
    if (!shared) isolated++;
  }
  return sentences >= minimumCohesionSentences && isolated / sentences >= incoherentShare;
}

/** A line of figures (a receipt line, a statement entry) rather than a sentence: a third or more of its tokens are numbers. */
function isDataLine(text: string): boolean {
  let tokens = 0;
  let numbers = 0;
  for (const match of text.matchAll(tokenPattern)) {
    tokens++;
    if (/^\p{N}/u.test(match[0])) numbers++;
  }
  return numbers * 3 >= tokens;
}

/** Words and numbers in a text. */
function tokenCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(tokenPattern)) count++;
  return count;
}

/**
 * A request-form segment judged against the rest of the text: a candidate when the rest is long enough to have a topic
 * and shares none of the request's content words.
 */
function judge(segment: Segment, kind: RequestKind, documentStems: ReadonlyMap<string, number>, documentTokens: number): Candidate | undefined {
  const own = contentStemCounts(segment.text);
  let restWords = documentStems.size;
  for (const [stem, count] of own) if ((documentStems.get(stem) ?? 0) <= count) restWords--;
  const restTokens = documentTokens - tokenCount(segment.text);
  if (restWords < minimumRestWords && !(restTokens >= minimumDataTokens && restWords >= minimumDataWords)) return undefined;
  let words = 0;
  let shared = 0;
  for (const [stem, count] of own) {
    if (languageStems.has(stem)) continue;
    words++;
    if ((documentStems.get(stem) ?? 0) > count) shared++;
  }
  // A phrase to translate ("thank you very much") or a sum to work out may have no topic at all: nothing ties it to the
  // text either.
  if (words === 0 && kind !== 'translate' && kind !== 'solve') return undefined;
  if (shared > 0) return undefined;
  const score = segment.standalone && !segment.listItem && !segment.introduced ? standaloneScore : partialScore;
  return { segment, kind, shared, words, restWords, score };
}

