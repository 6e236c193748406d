import { insideLookup, quotedStructure } from './quoted-structure.ts';

/**
 * Per-token features of machine-made token salad (the adversarial suffixes of GCG-style optimizers): sub-words glued to
 * brackets and symbols, natural words glued by case, letters of two scripts inside one token, and runs of lone symbols.
 * Each whitespace-separated token gets an oddness weight; ordinary words, numbers, URLs, paths and e-mail addresses get 0.
 */

/** One whitespace-separated token of the scanned text, with its offsets and oddness. */
export interface ScoredToken {
  readonly start: number;
  readonly end: number;
  /** 0 for an ordinary token; up to 1 for a token no human writes. */
  readonly oddness: number;
  /** The features that fired, for evidence. */
  readonly reasons: readonly TokenReason[];
}

/** Why a token counts as odd. */
export type TokenReason = 'script-mix' | 'symbol-glue' | 'case-glue' | 'lone-symbols' | 'replacement-char';

const tokenPattern = /\S+/gu;
/** Ordinary wrappers around a word: opening quotes/brackets/emphasis before, sentence punctuation and closers after. */
const leadingWrapper = /^(?:\*\*|__|[(["'“‘«¿¡*_])/u;
const trailingWrapper = /[.,;:!?)\]"'”’»*_…%।、。，！？：；）」』]{1,3}$/u;
const urlLike = /^[(<"']?(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+$/iu;
const emailLike = /^[(<"']?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)"',.;:]?$/u;
const pathLike = /^[(<"'`]?(?:~|\.{1,2})?(?:[/\\][\w.@+-]+){2,}[/\\]?[)>"'`,.;:]?$/u;
const numberLike = /^[-+±~≈<>=]?[$€£¥]?[\d.,:/×x%°+-]*\d[\d.,:/×x%°]*(?:[a-zA-Z]{1,3})?[.,;:)%]?$/u;
/** Symbols that, glued to letters inside a token, are not ordinary writing. */
const glueSymbols = /[()[\]{}<>\\`@#$^|~=+;"]/u;
/** Punctuation left at either end after ordinary wrappers are stripped, or two symbols in a row next to a letter. */
const strayPunctuation = /^[^\p{L}\p{M}\p{N}]|[^\p{L}\p{M}\p{N}]$|[\p{L}\p{M}][^\p{L}\p{M}\p{N}\s.'’-]{2}|[^\p{L}\p{M}\p{N}\s.'’-]{2}\p{L}/u;
/** Identifiers, hashes and base64/hex blobs: one long run of letters, digits and id symbols (decoded elsewhere). */
const blobLike = /^[A-Za-z0-9+/=_-]{16,}$/u;
/** Command-line options (`--zone=us-central1-a`, `[--labels=KEY=VALUE]`), `key=value` log fields and `a::b` paths. */
const optionLike = /^[[(]?--?[a-zA-Z][\w-]*(?:[=[]|$)|^[\w.-]+=(?![{[(<])|::/u;
/** Symbols glued to letters count only next to a sub-word (3+ letters), not in maths (`x^2`, `f(b)-f(a)`, `g++`). */
const subWord = /\p{L}{3}/u;
/** Code operators that token salad does not produce: comparisons, logic, arrows, empty calls, blocks. */
const codeOperator = /==|!=|&&|\|\||=>|\(\)|\)\s*\{|\};?$/u;
/** Fragments of JSON cut by spaces inside its strings (`Doe","userid":"user001",`), also malformed JSON that never closes. */
const jsonFragment = /"\s*[:,،]\s*["[{]|[}\]]\s*[,،]\s*[{["]/u;
/** LaTeX commands (`\\frac{a}{b}`, `\\mathbf{v}_i`) and markup tags (`<div`, `</span>`). */
const latexOrMarkup = /^[$(]?\\[a-zA-Z]{2,}|^<\/?[a-zA-Z][\w-]*(?:[\s>/]|$)/u;
const controlCharacter = /[\u0000-\u0008\u000e-\u001f]/u;
const letter = /\p{L}/u;
const letterOrDigit = /[\p{L}\p{M}\p{N}]/u;
/** Natural words joined by case with no space: `similarlyNow`, `HTMLsvg`. */
const caseGlue = /\p{Ll}{2,}\p{Lu}\p{Ll}{2,}|\p{Lu}{2,}\p{Ll}{3,}/u;
/** Symbol-only tokens that ordinary text, markdown, math and tables use. */
const commonSymbolTokens = new Set(['--', '---', '->', '=>', '<-', '<=', '>=', '==', '!=', '...', '…', '**', '***', '##', '###', '####', '||', '&&', ':)', ':-)', ':(', ';)', '":', '",', '"', '|', '-', '—', '–', '*', '+', '=', '/', '&', '#', '>', '<', ':', '•', '·', '?', '!', '?!', '!!', '!!!', '??', '???', '%', '//', '/*', '*/', '{', '}', '(', ')', '[', ']', '{}', '[]', '()', '();', '});', '};', '],', '},', '),', '%>', '<%', '<!--', '-->', '$', '@', '^', '~', '`', '```', "'", "''", '""', '""",', '"""']);

const pairs: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * A token whose brackets all pair up inside it (`foo(bar)`, `arr[0]`, `className={styles.wrapper}`): code or maths.
 * Token salad glues brackets that never close (`oppositeley.](`, `({[HTMLsvg`).
 */
function balancedCall(token: string): boolean {
  const stack: string[] = [];
  let brackets = 0;
  for (const char of token) {
    if (char === '(' || char === '[' || char === '{') {
      stack.push(char);
      brackets += 1;
    } else if (char === ')' || char === ']' || char === '}') {
      if (stack.pop() !== pairs[char]) return false;
      brackets += 1;
    }
  }
  return brackets > 0 && stack.length === 0;
}

/** Groups of scripts that ordinary writing mixes inside one word (Japanese mixes Han and kana). */
const scriptFamilies: ReadonlyArray<readonly [string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];

function scriptOf(char: string): string | undefined {
  for (const [name, pattern] of scriptFamilies) if (pattern.test(char)) return name;
  return letter.test(char) ? 'other' : undefined;
}

/**
 * Letter runs of two scripts inside one token (`comfortable的Defs`, `resultadoесь`), each run at least two letters so
 * that a unit (`5км`) or a single borrowed letter does not count.
 */
function mixesScripts(token: string): boolean {
  const runs: Array<{ script: string; length: number }> = [];
  for (const char of token) {
    const script = scriptOf(char);
    if (!script) continue;
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.length += 1;
    else runs.push({ script, length: 1 });
  }
  const long = runs.filter((run) => run.length >= 2 || run.script === 'cjk');
  for (let index = 1; index < long.length; index += 1) if (long[index]?.script !== long[index - 1]?.script) return true;
  return false;
}

/**
 * Scores every whitespace-separated token of a text. `isCodeAt` tells whether an offset lies on a line read as code:
 * glue features do not count there. Tokens inside inline code or embedded JSON are ordinary.
 */
export function scoreTokens(text: string, isCodeAt: (offset: number) => boolean): ScoredToken[] {
  const tokens: ScoredToken[] = [];
  const quoted = insideLookup(quotedStructure(text));
  for (const match of text.matchAll(tokenPattern)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const reasons: TokenReason[] = [];
    let oddness = 0;
    if (raw.includes('\uFFFD')) {
      reasons.push('replacement-char');
      oddness += 1;
    }
    const ordinary = urlLike.test(raw) || emailLike.test(raw) || pathLike.test(raw) || numberLike.test(raw) || blobLike.test(raw) || optionLike.test(raw) || codeOperator.test(raw) || jsonFragment.test(raw) || latexOrMarkup.test(raw) || balancedCall(raw) || controlCharacter.test(raw) || quoted(start, end);
    if (!ordinary) {
      if (mixesScripts(raw)) {
        reasons.push('script-mix');
        oddness += 1;
      }
      const code = isCodeAt(start);
      const core = raw.replace(leadingWrapper, '').replace(trailingWrapper, '');
      if (!code && subWord.test(core) && (glueSymbols.test(core) || strayPunctuation.test(core))) {
        reasons.push('symbol-glue');
        oddness += 1;
      }
      if (!code && caseGlue.test(core)) {
        reasons.push('case-glue');
        oddness += 0.5;
      }
      if (!code && !letterOrDigit.test(raw) && !commonSymbolTokens.has(raw)) {
        reasons.push('lone-symbols');
        oddness += 0.5;
      }
    }
    tokens.push({ start, end, oddness: Math.min(1, oddness), reasons });
  }
  return tokens;
}
