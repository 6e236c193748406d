import { homoglyphs, isBidiControl, isInvisible, isTagCharacter, isVariationSelector, leetLetters } from './characters.ts';
import { findEncodedLayers, isReadable } from './decode.ts';
import { composeView, createViewBuilder, identityView, spanView, type TextView } from './view.ts';

/** What normalization noticed: the raw material of evasion signals. */
export interface NormalizationSignals {
  /** Zero-width and other invisible characters removed. */
  invisible: number;
  /** Bidirectional control characters removed. */
  bidi: number;
  /** Unicode tag characters removed (their ASCII mirror becomes a `tags` view). */
  tags: number;
  /** Variation selectors removed. */
  variationSelectors: number;
  /** Words that mixed Latin with look-alike letters of another script, folded to Latin. */
  homoglyphWords: number;
  /** Runs of single letters separated by spaces or punctuation ("i g n o r e"), collapsed. */
  spacedRuns: number;
  /** Words that mixed letters with leetspeak digits or symbols. */
  leetWords: number;
  /** Encoded layers decoded into views, by kind. */
  decodedLayers: number;
}

/** The one normalized reading of an input that every detector shares, plus extra views (decoded layers, de-obfuscated forms). */
export interface NormalizedText {
  readonly original: string;
  /** `views[0]` is the normalized text; later views are derived readings, each mapping back to the original. */
  readonly views: readonly TextView[];
  readonly signals: NormalizationSignals;
}

/** Limits that keep normalization linear on hostile input. */
export interface NormalizeOptions {
  /** Decoding depth (base64 inside base64…); default 2. */
  readonly maxDepth?: number;
  /** Maximum decoded layers per input; default 16. */
  readonly maxLayers?: number;
  /** Maximum decoded characters per input; default 65 536. */
  readonly maxDecodedChars?: number;
}

const plainAscii = /^[\x09\x0a\x0d\x20-\x7e]*$/;
const mixedWord = /[\p{L}\p{M}]+/gu;
const latinLetter = /[a-zA-Z]/;
const spacedRun = /(?<![\p{L}\p{M}\p{N}])\p{L}\p{M}*(?:[ .\-_*|,·•/\\]{1,3}\p{L}\p{M}*){3,}(?![\p{L}\p{M}\p{N}])/gu;
const leetWord = /(?<![\p{L}\p{N}@$!|€])(?=[\p{L}\p{N}@$!|€]*\p{L})(?=[\p{L}\p{N}@$!|€]*[0-9@$!|€])[\p{L}\p{N}@$!|€]{2,}/gu;
const shortNumber = /(?<![\p{L}\p{N}.,])[0-9]{1,3}(?![\p{L}\p{N}]|[.,][0-9])/gu;

/** Normalizes text once: NFKC, invisible/bidi/tag characters stripped and counted, homoglyphs folded, encoded layers decoded. */
export function normalize(text: string, options: NormalizeOptions = {}): NormalizedText {
  const signals: NormalizationSignals = {
    invisible: 0, bidi: 0, tags: 0, variationSelectors: 0, homoglyphWords: 0, spacedRuns: 0, leetWords: 0, decodedLayers: 0,
  };
  const views: TextView[] = [];
  addViews(text, 0, undefined, views, signals, {
    maxDepth: options.maxDepth ?? 2,
    maxLayers: options.maxLayers ?? 16,
    maxDecodedChars: options.maxDecodedChars ?? 65_536,
  });
  return { original: text, views, signals };
}

function addViews(
  text: string,
  depth: number,
  outer: TextView | undefined,
  views: TextView[],
  signals: NormalizationSignals,
  limits: Required<NormalizeOptions>,
): void {
  const place = (view: TextView): TextView => (outer ? composeView(view, outer) : view);
  const primary = normalizeCharacters(text, depth, signals);
  const base = place(primary.view);
  views.push(outer ? { ...base, kind: outer.kind, depth } : base);
  if (primary.tagText) views.push(place(spanView('tags', primary.tagText, depth, { start: 0, end: text.length })));
  if (primary.selectorText) views.push(place(spanView('selectors', primary.selectorText, depth, { start: 0, end: text.length })));

  const collapsed = collapseSpacedLetters(primary.view, signals);
  if (collapsed) views.push(place(collapsed));
  const leet = unleet(primary.view, signals);
  if (leet) views.push(place(leet));

  if (depth >= limits.maxDepth) return;
  const layers = findEncodedLayers(primary.view.text, {
    maxLayers: Math.max(0, limits.maxLayers - signals.decodedLayers),
    maxDecodedChars: limits.maxDecodedChars,
  });
  for (const layer of layers) {
    if (signals.decodedLayers >= limits.maxLayers) break;
    signals.decodedLayers++;
    const encodedSpan = primary.view.toOriginal(layer.span.start, layer.span.end);
    const layerView = place(spanView(layer.kind, layer.text, depth + 1, encodedSpan));
    addViews(layer.text, depth + 1, layerView, views, signals, limits);
  }
}

interface CharacterPass {
  view: TextView;
  tagText: string;
  /** Text smuggled as bytes in variation selectors (one byte per selector), when it decodes to readable UTF-8. */
  selectorText: string;
}

function normalizeCharacters(text: string, depth: number, signals: NormalizationSignals): CharacterPass {
  if (plainAscii.test(text)) return { view: { ...identityView(text), depth }, tagText: '', selectorText: '' };
  const builder = createViewBuilder();
  let tagText = '';
  const selectorBytes: number[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const start = index;
    index += char.length;
    if (codePoint < 0x80) {
      builder.push(char, start, index);
    } else if (isTagCharacter(codePoint)) {
      signals.tags++;
      if (codePoint >= 0xe0020 && codePoint <= 0xe007e) tagText += String.fromCharCode(codePoint - 0xe0000);
    } else if (isInvisible(codePoint)) {
      signals.invisible++;
    } else if (isBidiControl(codePoint)) {
      signals.bidi++;
    } else if (isVariationSelector(codePoint)) {
      signals.variationSelectors++;
      if (selectorBytes.length < maxSelectorBytes) selectorBytes.push(selectorByte(codePoint));
    } else {
      builder.push(char.normalize('NFKC'), start, index);
    }
  }
  const characters = builder.build('normalized', depth);
  return { view: foldHomoglyphWords(characters, signals), tagText, selectorText: decodeSelectorBytes(selectorBytes) };
}

const maxSelectorBytes = 65_536;

/** The byte a variation selector stands for in the emoji-smuggling encoding: VS1–16 → 0–15, VS17–256 → 16–255. */
function selectorByte(codePoint: number): number {
  return codePoint <= 0xfe0f ? codePoint - 0xfe00 : codePoint - 0xe0100 + 16;
}

/** Selector bytes as text, when there are enough of them to carry a message and they decode to readable UTF-8. */
function decodeSelectorBytes(bytes: readonly number[]): string {
  if (bytes.length < 8) return '';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    return isReadable(text) ? text : '';
  } catch {
    return '';
  }
}

function foldHomoglyphWords(view: TextView, signals: NormalizationSignals): TextView {
  let changed = false;
  const text = view.text.replace(mixedWord, (word) => {
    if (!latinLetter.test(word)) return word;
    let folded = '';
    let replaced = false;
    for (const char of word) {
      const latin = homoglyphs.get(char);
      if (latin !== undefined && latin.length === char.length) {
        folded += latin;
        replaced = true;
      } else folded += char;
    }
    if (!replaced) return word;
    signals.homoglyphWords++;
    changed = true;
    return folded;
  });
  // Folding replaces one code unit with one code unit, so offsets are unchanged.
  return changed ? { ...view, text } : view;
}

/** Alternating "c c c" stretches shorter than this (in characters kept) are left to the run-based collapse. */
const minimumAlternatingPairs = 12;

/**
 * A text spaced character by character ("I g n o r e   a l l" — every character, digits and punctuation included,
 * followed by one space) has a space at every other offset. Keeping the characters between those spaces restores it
 * exactly, word breaks included. Returns `undefined` when the text has no such stretch.
 */
function despaceAlternating(view: TextView, signals: NormalizationSignals): TextView | undefined {
  const text = view.text;
  const segments: Array<[number, number]> = [];
  for (let start = 0; start + 1 < text.length; start++) {
    if (text[start + 1] !== ' ' || /\s/u.test(text[start] ?? ' ')) continue;
    let end = start;
    let letters = 0;
    let kept = 0;
    while (end + 1 < text.length && text[end + 1] === ' ') {
      const char = text[end] ?? '';
      if (/\p{L}/u.test(char)) letters++;
      if (char !== ' ') kept++;
      end += 2;
    }
    const pairs = (end - start) / 2;
    if (pairs >= minimumAlternatingPairs && letters >= 8 && kept / pairs >= 0.6) segments.push([start, end]);
    // Linear: a stretch is read once, whether it qualified or not.
    if (end > start) start = end - 1;
  }
  if (segments.length === 0) return undefined;
  const builder = createViewBuilder();
  let cursor = 0;
  for (const [start, end] of segments) {
    pushMapped(builder, view, cursor, start);
    for (let offset = start; offset < end; offset += 2) pushMapped(builder, view, offset, offset + 1);
    cursor = end;
    signals.spacedRuns++;
  }
  pushMapped(builder, view, cursor, text.length);
  return builder.build('collapsed', view.depth);
}

const dottedWord = /(?<![\p{L}\p{N}])\p{L}\p{M}*(?:[.\-_*·•|]\p{L}\p{M}*)+(?![\p{L}\p{N}])/gu;
const longDottedWord = /(?<![\p{L}\p{N}])\p{L}\p{M}*(?:[.\-_*·•|]\p{L}\p{M}*){3,}(?![\p{L}\p{N}])/gu;

/**
 * Words with a separator between every two letters ("i.g.n.o.r.e a.l.l"). When a text has several such long words,
 * the separators inside every dotted word go, however short the word ("t.o", "A.d.d" next to a quote). Returns
 * `undefined` for ordinary text with the odd "e.g." or "U.S.".
 */
function undotWords(view: TextView, signals: NormalizationSignals): TextView | undefined {
  const long = view.text.match(longDottedWord)?.length ?? 0;
  if (long < 3) return undefined;
  const builder = createViewBuilder();
  let cursor = 0;
  for (const match of view.text.matchAll(dottedWord)) {
    const start = match.index ?? 0;
    pushMapped(builder, view, cursor, start);
    for (let offset = 0; offset < match[0].length; offset++) {
      if (/[\p{L}\p{M}]/u.test(match[0][offset] ?? '')) pushMapped(builder, view, start + offset, start + offset + 1);
    }
    cursor = start + match[0].length;
  }
  pushMapped(builder, view, cursor, view.text.length);
  signals.spacedRuns += long;
  return builder.build('collapsed', view.depth);
}

function collapseSpacedLetters(view: TextView, signals: NormalizationSignals): TextView | undefined {
  const despaced = despaceAlternating(view, signals) ?? undotWords(view, signals);
  if (despaced) return despaced;
  spacedRun.lastIndex = 0;
  const found = spacedRun.test(view.text);
  spacedRun.lastIndex = 0;
  if (!found) return undefined;
  const builder = createViewBuilder();
  let cursor = 0;
  for (const match of view.text.matchAll(spacedRun)) {
    const start = match.index ?? 0;
    pushMapped(builder, view, cursor, start);
    const separator = letterSeparator(match[0]);
    let offset = 0;
    for (const piece of match[0].matchAll(/\p{L}\p{M}*|[^\p{L}\p{M}]+/gu)) {
      const at = start + (piece.index ?? offset);
      const text = piece[0];
      offset = (piece.index ?? offset) + text.length;
      if (/^\p{L}/u.test(text)) {
        pushMapped(builder, view, at, at + text.length);
        continue;
      }
      // A gap equal to the separator put between letters vanishes; a wider one was a word break or punctuation
      // wrapped in separators ("e v i l . c o m"), and keeps what the separators wrap (or one space).
      if (text === separator) continue;
      const span = view.toOriginal(at, at + text.length);
      if (text.startsWith(separator) && text.endsWith(separator) && text.length > separator.length * 2) {
        const inner = text.slice(separator.length, text.length - separator.length);
        builder.push(/^\s+$/u.test(inner) ? ' ' : inner, span.start, span.end);
      } else builder.push(/\s/u.test(text) && !/\s/u.test(separator) ? ' ' : text, span.start, span.end);
    }
    cursor = start + match[0].length;
    signals.spacedRuns++;
  }
  pushMapped(builder, view, cursor, view.text.length);
  return builder.build('collapsed', view.depth);
}

/** The gap most often put between letters in a spaced run: the most frequent of its narrowest gaps. */
function letterSeparator(run: string): string {
  const counts = new Map<string, number>();
  for (const gap of run.matchAll(/[^\p{L}\p{M}]+/gu)) counts.set(gap[0], (counts.get(gap[0]) ?? 0) + 1);
  const narrowest = Math.min(...[...counts.keys()].map((gap) => gap.length));
  let best = ' ';
  let bestCount = -1;
  for (const [gap, count] of counts) {
    if (gap.length === narrowest && count > bestCount) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

function unleet(view: TextView, signals: NormalizationSignals): TextView | undefined {
  let mixed = 0;
  let text = view.text.replace(leetWord, (word) => {
    if (/^\d+$/.test(word)) return word;
    const letters = word.replace(/[0-9@$!|€]/gu, '').length;
    if (letters >= 2) signals.leetWords++;
    mixed++;
    let out = '';
    for (const char of word) out += leetLetters.get(char) ?? char;
    return out;
  });
  if (mixed === 0) return undefined;
  // In leetspeak, short words can be all digits ("70" for "to"); read them as letters too once the text has leet words.
  if (mixed >= 2) text = text.replace(shortNumber, (digits) => [...digits].map((char) => leetLetters.get(char) ?? char).join(''));
  // Every replacement keeps the length, so offsets are unchanged.
  return { ...view, kind: 'leet', text };
}

function pushMapped(builder: ReturnType<typeof createViewBuilder>, view: TextView, from: number, to: number): void {
  for (let offset = from; offset < to; offset++) {
    const span = view.toOriginal(offset, offset + 1);
    builder.push(view.text[offset] ?? '', span.start, span.end);
  }
}
