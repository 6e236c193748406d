/**
 * Normalized forms for value containment: `lower` keeps the text readable (lower case, whitespace collapsed); `key`
 * keeps only letters and digits, so `DE89 3704 0044`, `de89-3704-0044` and `DE8937040044` meet.
 */
export function lowerForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/** Letters and digits only, lower case. */
export function keyForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const emailPattern = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const urlPattern = /\b(?:https?|ftp|file|gopher|dict|ws|wss):\/\/[^\s"'<>`)\]]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'<>`)\]]*/gi;
const ibanPattern = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b/g;
const numberPattern = /(?<![\p{L}\p{N}.,])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{N}])/gu;

/** Email addresses in a text, lower case. */
export function emailsIn(text: string): string[] {
  return [...text.matchAll(emailPattern)].map((match) => match[0].toLowerCase().replace(/\.+$/, ''));
}

/** URLs in a text (scheme URLs and `www.` hosts), trailing punctuation trimmed. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(urlPattern)].map((match) => match[0].replace(/[.,;:!?]+$/, ''));
}

/** IBAN-shaped account numbers in a text, as keys (letters and digits). */
export function ibansIn(text: string): string[] {
  return [...text.toUpperCase().matchAll(ibanPattern)].map((match) => keyForm(match[0]));
}

/** Numbers in a text, as values (`1,250.00` → 1250). */
export function numbersIn(text: string): number[] {
  const values: number[] = [];
  for (const match of text.matchAll(numberPattern)) {
    const value = Number(match[0].replace(/,/g, ''));
    if (Number.isFinite(value)) values.push(Math.abs(value));
  }
  return values;
}

/** The host of a URL (lower case, without `www.`), or undefined. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    return parsed.hostname.toLowerCase().replace(/^www\./, '').replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Whether a host is a domain or a subdomain of one of `domains` (`*.example.com` and `example.com` both cover subdomains). */
export function inDomains(host: string, domains: readonly string[]): boolean {
  const lower = host.toLowerCase();
  return domains.some((entry) => {
    const domain = entry.toLowerCase().replace(/^\*\./, '');
    return lower === domain || lower.endsWith(`.${domain}`);
  });
}

/** Whether `word` occurs in `text` as a whole word (both lower case). */
export function hasWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const index = text.indexOf(word, from);
    if (index < 0) return false;
    const before = text[index - 1];
    const after = text[index + word.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = index + 1;
  }
}
