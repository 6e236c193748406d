/** One sentence-like piece of a text, with its offsets in that text. */
export interface Segment {
  /** The segment's text, markers (bullets, numbering, heading marks, quote marks) stripped from its start. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when the segment is the whole of its line: a request set apart from the text around it. */
  readonly standalone: boolean;
  /**
   * True when the segment is a whole sentence: it ends in terminal punctuation (not a heading or a line wrapped in the
   * middle of a sentence) and does not continue, in lower case, a line that ended mid-sentence. A whole line without a
   * final full stop is complete too when the text sets it apart for a reader: wrapped in markup (`**…**`, `<task>…</task>`)
   * or labelled for an assistant ("Assistant: compose a limerick") — not a heading (`# …`).
   */
  readonly complete: boolean;
  /** True when the line starts with a bullet or a number: one entry of a list (a changelog, a to-do list). */
  readonly listItem: boolean;
  /** True when the line before ends in a colon ("Homework for Friday:"): the text presents what follows. */
  readonly introduced: boolean;
}

/** Longest segment read: requests addressed to an assistant are short; a long sentence is prose. */
const maxSegmentLength = 320;
/** Line markers skipped before a segment: bullets, numbering, markdown headings and emphasis, quote marks, "Q:". */
const leadingMarker = /^(?:[-*•·>#]{1,6}[ \t]+|\d{1,3}[.)][ \t]+|[a-z][.)][ \t]+|q[:.][ \t]*|\*\*|__)/iu;
const listMarker = /^(?:[-*•·]|\d|[a-z][.)])/iu;
/** Markup around a line's text: an opening tag (`<task>`, `<p class="x">`) and a closing one, bold or underline marks. */
const openingMarkup = /^<[a-z][\w-]*(?:\s[^<>]{0,80})?>\s*|^(?:\*\*|__)/iu;
const closingMarkup = /\s*(?:<\/[a-z][\w-]*>|\*\*|__)\s*$/iu;
/** A postscript mark ("P.S.", "P.P.S."), which its full stops do not end a sentence after. */
const postscriptMark = /^p\.(?:\s?p\.)?(?:\s?s\.)?$/iu;
/** A label addressing the assistant or naming the line as its task. */
const assistantLabel = /^(?:assistant|ai|chatbot|bot|llm|model|agent|(?:new |next |your |the )?(?:task|instructions?))\s*[:,]\s*/iu;
/** A sentence end: terminal punctuation followed by whitespace or, with the space lost, by a capital letter. */
const sentenceEnd = /[.!?。！？]+(?:[ \t]?["'”’»)](?=\s|$))?(?=\s|\p{Lu})/gu;
/**
 * Text decoded from invisible characters has lost its line breaks: lines run into each other ("…Mercury TWhat is…").
 * There a capital letter followed by a small one, glued to the word before it, also starts a sentence, a sentence
 * ends before anything but a small letter, and a table cell's bar ends one too; table rows are read (their bars are
 * all that is left of the table).
 */
const gluedSentenceEnd = /[.!?。！？]+["'”’»)]?(?!\p{Ll})|\|+[ \t]*|(?<=[\p{L}\p{N}])(?=\p{Lu}\p{Ll})/gu;

/** A finished sentence: terminal punctuation, then at most a closing quote or bracket (a space between: spaced-out text). */
const sentenceClose = /[.!?。！？][ \t]?["'”’»)\]]?$/u;

/** A line that stops mid-sentence: it has text and does not end in punctuation that closes a sentence or a cell. */
const openEnded = /[\p{L}\p{N},]\s*$/u;
const lowerCaseStart = /^\p{Ll}/u;

/**
 * The sentences of a text, line by line, each with its offsets. Table rows (lines starting with `|`) and lines inside
 * fenced code blocks are skipped: a question in a table cell or a code comment is data, not a request set in prose.
 * Linear in the length of the text.
 */
export function segmentsOf(text: string, options: { readonly gluedSentences?: boolean } = {}): Segment[] {
  const ends = options.gluedSentences ? gluedSentenceEnd : sentenceEnd;
  const segments: Segment[] = [];
  let inFence = false;
  let lineStart = 0;
  let previousLine = '';
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const trimmedStart = line.length - line.trimStart().length;
    if (line.startsWith('```', trimmedStart) || line.startsWith('~~~', trimmedStart)) inFence = !inFence;
    else if (!inFence && (options.gluedSentences || line.charCodeAt(trimmedStart) !== 0x7c)) addLineSegments(line, lineStart, trimmedStart, previousLine, ends, segments);
    if (newline === -1) break;
    if (line.trim().length > 0) previousLine = line;
    lineStart = newline + 1;
  }
  return segments;
}

function addLineSegments(line: string, lineOffset: number, trimmedStart: number, previousLine: string, ends: RegExp, segments: Segment[]): void {
  const afterOpenLine = openEnded.test(previousLine);
  const afterColon = /:\s*$/u.test(previousLine);
  let body = trimmedStart;
  let listItem = false;
  let heading = false;
  let marked = false;
  for (let step = 0; step < 3; step++) {
    const marker = leadingMarker.exec(line.slice(body, body + 12));
    if (!marker || marker[0].length === 0) break;
    const emphasis = marker[0] === '**' || marker[0] === '__';
    listItem ||= !emphasis && listMarker.test(marker[0]);
    heading ||= marker[0].startsWith('#');
    marked ||= emphasis;
    body += marker[0].length;
  }
  const opening = openingMarkup.exec(line.slice(body, body + 100));
  if (opening) {
    body += opening[0].length;
    marked = true;
  }
  let lineTextEnd = line.trimEnd().length;
  const closing = closingMarkup.exec(line.slice(Math.max(body, lineTextEnd - 40), lineTextEnd));
  if (closing && marked) lineTextEnd -= closing[0].length;
  if (lineTextEnd <= body) return;
  const pieces: Array<[number, number]> = [];
  let pieceStart = body;
  for (const match of line.matchAll(ends)) {
    const pieceEnd = match.index + match[0].length;
    if (pieceEnd <= pieceStart) continue;
    if (pieceEnd >= lineTextEnd) break;
    // "P.S." ends no sentence: the postscript is the sentence after it.
    if (postscriptMark.test(line.slice(pieceStart, pieceEnd))) continue;
    pieces.push([pieceStart, pieceEnd]);
    pieceStart = pieceEnd;
    while (pieceStart < lineTextEnd && /\s/u.test(line[pieceStart] ?? '')) pieceStart++;
  }
  pieces.push([pieceStart, lineTextEnd]);
  const standalone = pieces.length === 1;
  for (const [start, end] of pieces) {
    if (end - start > maxSegmentLength || end <= start) continue;
    const text = line.slice(start, end);
    const continuation = start === body && afterOpenLine && lowerCaseStart.test(text);
    const setApart = standalone && !heading && (marked || assistantLabel.test(text));
    segments.push({ text, start: lineOffset + start, end: lineOffset + end, standalone, complete: !continuation && (sentenceClose.test(text) || setApart), listItem, introduced: start === body && afterColon });
  }
}
