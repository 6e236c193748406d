/**
 * Character-level evasion techniques, as attackers apply them to an attack text. Deterministic (no randomness), so
 * tests and `pnpm eval` measure the same transformations every run.
 */

/** One evasion technique: a name and the transformation. */
export interface EvasionTechnique {
  readonly id: string;
  readonly description: string;
  apply(text: string): string;
}

const cyrillicLookAlikes: Readonly<Record<string, string>> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', T: 'Т', H: 'Н', K: 'К', M: 'М' };
const leet: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

/** Inserts a zero-width space after every second letter. */
function zeroWidth(text: string): string {
  let count = 0;
  return text.replace(/\p{L}/gu, (letter) => (++count % 2 === 0 ? `${letter}\u200B` : letter));
}

/** Re-encodes the whole text as invisible Unicode tag characters (ASCII only; other characters are kept). */
function unicodeTags(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= 0x20 && code <= 0x7e ? String.fromCodePoint(0xe0000 + code) : char;
  }
  return out;
}

/** Replaces Latin letters with Cyrillic look-alikes (every one that has a look-alike). */
function homoglyphs(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => cyrillicLookAlikes[letter] ?? letter);
}

/** Hides the text as bytes in emoji variation selectors after a visible emoji (the "emoji smuggling" trick). */
function variationSelectorSmuggling(text: string): string {
  let out = '😊';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCodePoint(byte < 16 ? 0xfe00 + byte : 0xe0100 + byte - 16);
  return out;
}

/** The whole text as one base64 layer, introduced by a short plain sentence. */
function base64(text: string): string {
  return `Decode this: ${Buffer.from(text, 'utf8').toString('base64')}`;
}

/** The whole text as hexadecimal bytes. */
function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

/** ROT13 of the text, announced as ROT13 (the way an attacker asks the model to read it). */
function rot13(text: string): string {
  const rotated = text.replace(/[a-zA-Z]/g, (char) => {
    const base = char <= 'Z' ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
  return `ROT13: ${rotated}`;
}

/** Leetspeak: a→4, e→3, i→1, o→0, s→5, t→7 (lower-cased letters only). */
function leetspeak(text: string): string {
  return text.replace(/[aeiost]/g, (letter) => leet[letter] ?? letter);
}

/** A space between every two characters; word breaks become three spaces ("i g n o r e   a l l"). */
function spacing(text: string): string {
  return [...text].join(' ');
}

/** Dots between the letters of every word ("i.g.n.o.r.e"). */
function punctuation(text: string): string {
  return text.replace(/\p{L}{2,}/gu, (word) => [...word].join('.'));
}

/** Every technique of the datasets README, in a stable order. */
export const evasionTechniques: readonly EvasionTechnique[] = [
  { id: 'zero-width', description: 'zero-width space after every second letter', apply: zeroWidth },
  { id: 'unicode-tags', description: 'whole text as invisible Unicode tag characters', apply: unicodeTags },
  { id: 'homoglyphs', description: 'Latin letters replaced by Cyrillic look-alikes', apply: homoglyphs },
  { id: 'variation-selectors', description: 'text smuggled as emoji variation-selector bytes', apply: variationSelectorSmuggling },
  { id: 'base64', description: 'whole text as a base64 layer', apply: base64 },
  { id: 'hex', description: 'whole text as hexadecimal bytes', apply: hex },
  { id: 'rot13', description: 'ROT13 of the text, announced as ROT13', apply: rot13 },
  { id: 'leetspeak', description: 'a→4 e→3 i→1 o→0 s→5 t→7', apply: leetspeak },
  { id: 'spacing', description: 'a space between every two characters', apply: spacing },
  { id: 'punctuation', description: 'dots between letters', apply: punctuation },
];
