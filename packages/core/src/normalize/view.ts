/** A span of text: `[start, end)` in UTF-16 code units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a view was derived from the original text. */
export type ViewKind = 'normalized' | 'tags' | 'selectors' | 'collapsed' | 'leet' | 'base64' | 'hex' | 'url' | 'rot13';

/**
 * Views that decode a hidden layer (Unicode tags, variation-selector bytes, base64, hex, URL encoding, ROT13) or join
 * letters spaced apart: what detectors read besides the normalized text, so that encoding a text does not hide it.
 * Leetspeak is not one of them: it re-spells ordinary text ("14th", "mp3"); read it only when deliberate
 * (`leet-share.ts`).
 */
export const hiddenLayerViewKinds: ReadonlySet<ViewKind> = new Set<ViewKind>(['tags', 'selectors', 'base64', 'hex', 'url', 'rot13', 'collapsed']);

/** One readable form of the input that detectors scan; every offset maps back to the original text. */
export interface TextView {
  readonly kind: ViewKind;
  readonly text: string;
  /** How many decoding layers lie between the original text and this view (0 for the normalized view). */
  readonly depth: number;
  /** The span of the original text that produced `[start, end)` of this view. */
  toOriginal(start: number, end: number): Span;
}

/** Builds a view character by character, remembering where each character came from in the original text. */
export function createViewBuilder() {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  return {
    /** Appends `chars`, all produced by `[originalStart, originalEnd)` of the original text. */
    push(chars: string, originalStart: number, originalEnd: number): void {
      text += chars;
      for (let index = 0; index < chars.length; index++) {
        starts.push(originalStart);
        ends.push(originalEnd);
      }
    },
    get length(): number {
      return text.length;
    },
    build(kind: ViewKind, depth: number): TextView {
      return mappedView(kind, text, depth, Int32Array.from(starts), Int32Array.from(ends));
    },
  };
}

/** A view whose characters map through per-character offset tables. */
export function mappedView(kind: ViewKind, text: string, depth: number, starts: Int32Array, ends: Int32Array): TextView {
  return {
    kind,
    text,
    depth,
    toOriginal(start, end) {
      if (text.length === 0) return { start: 0, end: 0 };
      const first = Math.min(Math.max(start, 0), text.length - 1);
      const last = Math.min(Math.max(end - 1, first), text.length - 1);
      return { start: starts[first] ?? 0, end: ends[last] ?? 0 };
    },
  };
}

/** A view that is the original text itself (the fast path for plain ASCII). */
export function identityView(text: string): TextView {
  return {
    kind: 'normalized',
    text,
    depth: 0,
    toOriginal: (start, end) => ({ start, end }),
  };
}

/** Maps every offset of `view` through `outer`: the view was derived from text that `outer` maps to the original. */
export function composeView(view: TextView, outer: TextView): TextView {
  return {
    kind: view.kind,
    text: view.text,
    depth: view.depth,
    toOriginal(start, end) {
      const inner = view.toOriginal(start, end);
      const first = outer.toOriginal(inner.start, inner.start + 1);
      const last = outer.toOriginal(Math.max(inner.end - 1, inner.start), Math.max(inner.end, inner.start + 1));
      return { start: first.start, end: last.end };
    },
  };
}

/** A decoded view: every character maps to the whole encoded span it came from. */
export function spanView(kind: ViewKind, text: string, depth: number, span: Span): TextView {
  return { kind, text, depth, toOriginal: () => span };
}
