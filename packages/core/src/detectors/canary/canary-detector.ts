import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { TextView } from '../../normalize/view.ts';

/** Canary parts shorter than this are matched whole (a random part must be long enough to be unambiguous). */
const minimumBody = 12;

interface CanaryForms {
  /** Lower-case letters and digits of the random part, forwards and reversed. */
  readonly body: string;
  readonly reversed: string;
  /** Hex of the whole canary (lower case). */
  readonly hex: string;
  /** Base64 / base64url renderings of the canary at the three byte alignments, trimmed to whole groups. */
  readonly base64: readonly string[];
}

function formsOf(canary: string): CanaryForms {
  const compact = canary.toLowerCase().replace(/[^a-z0-9]/g, '');
  const dash = canary.lastIndexOf('-');
  const randomPart = dash >= 0 ? canary.slice(dash + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : compact;
  const body = randomPart.length >= minimumBody ? randomPart : compact;
  const base64: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), Buffer.from(canary)]);
    const encoded = padded.toString('base64');
    // Drop the group touched by the padding and any trailing partial group: what remains appears in any encoding
    // of a longer text that contains the canary at this alignment.
    const skip = shift === 0 ? 0 : 4;
    const usable = Math.floor((padded.length - (shift === 0 ? 0 : 3)) / 3) * 4;
    const core = encoded.slice(skip, skip + usable);
    if (core.length >= 16) {
      base64.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return { body, reversed: [...body].reverse().join(''), hex: Buffer.from(canary).toString('hex'), base64: [...new Set(base64)] };
}

const notAlphanumeric = /[^A-Za-z0-9]+/g;

/** Letters and digits of a view, lower-cased (one native pass; offsets are recovered only for a match). */
function compactOf(text: string): string {
  return text.replace(notAlphanumeric, '').toLowerCase();
}

/** The view offset of the character at `compactIndex` of the compact text. */
function viewOffset(text: string, compactIndex: number): number {
  let seen = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      seen++;
      if (seen === compactIndex) return index;
    }
  }
  return text.length;
}

/** Views a canary can hide in: the text and its decoded layers (de-obfuscated readings add nothing here). */
const scannedViewKinds: ReadonlySet<string> = new Set(['normalized', 'base64', 'hex', 'url', 'tags', 'rot13']);

/**
 * Finds the session's canary tokens in model output and tool arguments: verbatim, in any case, split by spaces,
 * punctuation, line breaks or invisible characters, reversed, hex-encoded, URL-encoded or base64-encoded.
 */
export const canaryDetector: Detector = {
  meta: {
    id: 'canary',
    categories: ['leak.canary'],
    surfaces: ['model_output', 'tool_call'],
    description: 'Finds per-session canary tokens, also after case, spacing, base64, hex or URL encoding.',
  },
  scan(input, context) {
    const canaries = context.session.canaries;
    if (canaries.length === 0) return [];
    const findings: Finding[] = [];
    const forms = canaries.map(formsOf);
    const views = input.normalized.views.filter((view) => scannedViewKinds.has(view.kind));
    const compacts = views.map((view) => compactOf(view.text));
    forms.forEach((form, index) => {
      for (const [viewIndex, view] of views.entries()) {
        const found = findIn(view, compacts[viewIndex] ?? '', form);
        if (!found) continue;
        findings.push({
          detector: 'canary/token',
          category: 'leak.canary',
          score: 1,
          message: `canary token ${index + 1} of this session appears${found.how === 'verbatim' ? '' : ` (${found.how})`}${view.kind === 'normalized' ? '' : ` in a ${view.kind}-decoded layer`}`,
          span: view.toOriginal(found.start, found.end),
          entity: 'CANARY',
          ...(view.kind !== 'normalized' ? { view: view.kind } : {}),
          evidence: `canary ${index + 1} (${found.how})`,
        });
        return;
      }
    });
    return findings;
  },
};

function findIn(view: TextView, compact: string, form: CanaryForms): { start: number; end: number; how: string } | undefined {
  for (const encoded of form.base64) {
    const at = view.text.indexOf(encoded);
    if (at >= 0) return { start: at, end: at + encoded.length, how: 'base64' };
  }
  const candidates: Array<[string, string]> = [
    [form.body, 'verbatim'],
    [form.reversed, 'reversed'],
    [form.hex, 'hex'],
  ];
  for (const [needle, how] of candidates) {
    const at = compact.indexOf(needle);
    if (at < 0) continue;
    const start = viewOffset(view.text, at);
    const end = viewOffset(view.text, at + needle.length - 1) + 1;
    const plain = how === 'verbatim' && view.text.slice(start, end).toLowerCase() === needle;
    return { start, end, how: plain ? 'verbatim' : how === 'verbatim' ? 'obfuscated' : how };
  }
  const split = findSplit(compact, form.body);
  if (!split) return undefined;
  return { start: viewOffset(view.text, split.start), end: viewOffset(view.text, split.end - 1) + 1, how: 'split' };
}

/** Shortest piece of a split canary that counts (6 base-32 characters carry 30 random bits). */
const minimumPiece = 6;
const maximumPieces = 5;
/** Most characters between two pieces of a split canary. */
const maximumGap = 400;

/** Finds the canary body split into a few ordered pieces with other text between them (lines, JSON fields). */
function findSplit(text: string, body: string): { start: number; end: number } | undefined {
  if (!text.includes(body.slice(0, minimumPiece))) return undefined;
  let position = 0;
  let remaining = body;
  let first = -1;
  let pieces = 0;
  while (remaining.length > 0) {
    if (++pieces > maximumPieces) return undefined;
    let found = -1;
    let length = remaining.length;
    for (; length >= Math.min(minimumPiece, remaining.length); length--) {
      found = text.indexOf(remaining.slice(0, length), position);
      if (found >= 0 && (first < 0 || found - position <= maximumGap)) break;
      found = -1;
    }
    if (found < 0) return undefined;
    if (first < 0) first = found;
    position = found + length;
    remaining = remaining.slice(length);
  }
  return { start: first, end: position };
}
