import { emailsIn, ibansIn, keyForm } from './text-keys.ts';

const digitRun = /(?<![\p{L}\p{N}])\+?\d(?:[\s\-.,()/]?\d){5,}(?![\p{N}])/gu;
const mixedToken = /(?<![\p{L}\p{N}_-])(?=[a-z0-9_-]*\d)(?=[a-z0-9_-]*[a-z])[a-z0-9_-]{12,}(?![\p{L}\p{N}_-])/gu;
const dateLike = /^(?:19|20)\d{6}(?:\d{4,6})?$/;
const maxEntities = 128;

/**
 * Distinctive values in private data, as keys: email addresses, IBANs, numbers of six or more digits (accounts,
 * cards, phones; dates left out) and long identifiers mixing letters and digits (tokens, keys, record ids).
 */
export function privateEntities(lower: string): string[] {
  const entities = new Set<string>();
  const add = (key: string) => {
    if (key.length >= 6 && entities.size < maxEntities) entities.add(key);
  };
  for (const email of emailsIn(lower)) add(keyForm(email));
  for (const iban of ibansIn(lower)) add(iban);
  for (const match of lower.matchAll(digitRun)) {
    const key = keyForm(match[0]);
    if (!dateLike.test(key)) add(key);
  }
  for (const match of lower.matchAll(mixedToken)) add(keyForm(match[0]));
  return [...entities];
}
