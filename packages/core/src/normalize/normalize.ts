import { homoglyphs, isBidiControl, isInvisible, isTagCharacter, isVariationSelector, leetLetters } from './characters.ts';
import { findEncodedLayers } from './decode.ts';
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
const spacedRun = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*|,·•/\\]{1,3}\p{L}){3,}(?![\p{L}\p{N}])/gu;
const leetWord = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}@$!|€]*\p{L})(?=[\p{L}\p{N}@$!|€]*[0-9@$!|€])[\p{L}\p{N}@$!|€]{3,}/gu;

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
}

function normalizeCharacters(text: string, depth: number, signals: NormalizationSignals): CharacterPass {
  if (plainAscii.test(text)) return { view: { ...identityView(text), depth }, tagText: '' };
  const builder = createViewBuilder();
  let tagText = '';
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
    } else {
      builder.push(char.normalize('NFKC'), start, index);
    }
  }
  const characters = builder.build('normalized', depth);
  return { view: foldHomoglyphWords(characters, signals), tagText };
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

function collapseSpacedLetters(view: TextView, signals: NormalizationSignals): TextView | undefined {
  const matches = [...view.text.matchAll(spacedRun)];
  if (matches.length === 0) return undefined;
  const builder = createViewBuilder();
  let cursor = 0;
  for (const match of matches) {
    const start = match.index ?? 0;
    pushMapped(builder, view, cursor, start);
    for (let offset = 0; offset < match[0].length; offset++) {
      const char = match[0][offset] ?? '';
      if (/\p{L}/u.test(char)) pushMapped(builder, view, start + offset, start + offset + 1);
    }
    cursor = start + match[0].length;
    signals.spacedRuns++;
  }
  pushMapped(builder, view, cursor, view.text.length);
  return builder.build('collapsed', view.depth);
}

function unleet(view: TextView, signals: NormalizationSignals): TextView | undefined {
  let changed = false;
  const text = view.text.replace(leetWord, (word) => {
    if (/^\d+$/.test(word) || !/\p{L}.*\p{L}|\p{L}{1}/u.test(word)) return word;
    const letters = word.replace(/\p{N}/gu, '').length;
    if (letters < 2) return word;
    signals.leetWords++;
    changed = true;
    let out = '';
    for (const char of word) out += leetLetters.get(char) ?? char;
    return out;
  });
  return changed ? { ...view, kind: 'leet', text } : undefined;
}

function pushMapped(builder: ReturnType<typeof createViewBuilder>, view: TextView, from: number, to: number): void {
  for (let offset = from; offset < to; offset++) {
    const span = view.toOriginal(offset, offset + 1);
    builder.push(view.text[offset] ?? '', span.start, span.end);
  }
}
