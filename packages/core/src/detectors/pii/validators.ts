import { isIPv4, isIPv6 } from 'node:net';

/** Only the digits of a string. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Luhn (mod 10) checksum, as used by payment cards and Canadian SINs. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The card brand a number's prefix and length belong to, if any. */
export function cardBrand(digits: string): string | undefined {
  const length = digits.length;
  const prefix2 = Number(digits.slice(0, 2));
  const prefix3 = Number(digits.slice(0, 3));
  const prefix4 = Number(digits.slice(0, 4));
  const prefix6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (length === 13 || length === 16 || length === 19)) return 'visa';
  if (((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) && length === 16) return 'mastercard';
  if ((prefix2 === 34 || prefix2 === 37) && length === 15) return 'amex';
  if ((prefix4 === 6011 || (prefix3 >= 644 && prefix3 <= 649) || prefix2 === 65 || (prefix6 >= 622126 && prefix6 <= 622925)) && length >= 16 && length <= 19) return 'discover';
  if (((prefix3 >= 300 && prefix3 <= 305) || prefix2 === 36 || prefix2 === 38 || prefix2 === 39) && length >= 14 && length <= 19) return 'diners';
  if (prefix4 >= 3528 && prefix4 <= 3589 && length >= 16 && length <= 19) return 'jcb';
  if (prefix2 === 62 && length >= 16 && length <= 19) return 'unionpay';
  if ([5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].includes(prefix4) && length >= 12 && length <= 19) return 'maestro';
  return undefined;
}

/** Card numbers published by payment processors for testing. */
export const testCardNumbers: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '4000000000000002', '4222222222222',
  '5555555555554444', '5105105105105100', '5200828282828210', '2223003122003222',
  '378282246310005', '371449635398431', '378734493671000',
  '6011111111111117', '6011000990139424', '3056930009020004', '36227206271667', '3566002020360505', '6200000000000005',
]);

const ibanLengths: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22,
  DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21,
  HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

/** IBAN: known country, the country's length, and ISO 7064 mod-97 equal to 1. */
export function ibanValid(text: string): boolean {
  const iban = text.replace(/[\s-]/g, '').toUpperCase();
  if (ibanLengths[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** US SSN: not area 000, 666 or 900–999; not group 00; not serial 0000; not a famous advertising number. */
export function ssnValid(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  return !['078051120', '219099999', '123456789', '111111111', '333333333'].includes(digits);
}

/** US ITIN: area 9xx with group 50–65, 70–88, 90–92 or 94–99. */
export function itinValid(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 9 || digits[0] !== '9') return false;
  const group = Number(digits.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
}

const verhoeffMultiply = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffPermute = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff checksum (Indian Aadhaar). */
export function verhoeffValid(digits: string): boolean {
  let check = 0;
  const reversed = [...digits].reverse();
  reversed.forEach((char, index) => {
    check = verhoeffMultiply[check]![verhoeffPermute[index % 8]![Number(char)]!]!;
  });
  return check === 0;
}

/** Indian Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff-valid. */
export function aadhaarValid(text: string): boolean {
  const digits = digitsOf(text);
  return digits.length === 12 && digits[0] !== '0' && digits[0] !== '1' && verhoeffValid(digits);
}

/** German tax id (Steuerliche Identifikationsnummer): 11 digits, ISO 7064 MOD 11,10 check digit, digit-frequency rule. */
export function germanTaxIdValid(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 11 || digits[0] === '0') return false;
  const counts = new Map<string, number>();
  for (const char of digits.slice(0, 10)) counts.set(char, (counts.get(char) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  let product = 10;
  for (const char of digits.slice(0, 10)) {
    let sum = (Number(char) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function spanishIdValid(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  const nie = /^([XYZ])(\d{7})([A-Z])$/.exec(compact);
  const dni = /^(\d{8})([A-Z])$/.exec(compact);
  if (nie) return dniLetters[Number(`${'XYZ'.indexOf(nie[1]!)}${nie[2]}`) % 23] === nie[3];
  if (dni) return dniLetters[Number(dni[1]) % 23] === dni[2];
  return false;
}

/** UK National Insurance number: valid prefix letters and suffix A–D. */
export function ninoValid(text: string): boolean {
  const compact = text.replace(/\s/g, '').toUpperCase();
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(compact)) return false;
  return !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(compact.slice(0, 2));
}

/** French social security number (NIR / INSEE): structure and the two-digit key `97 − (number mod 97)`. */
export function inseeValid(text: string): boolean {
  const compact = text.replace(/\s/g, '').toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(compact)) return false;
  const month = Number(compact.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99))) return false;
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(compact.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}

/** UK NHS number: 10 digits, mod-11 check digit. */
export function nhsValid(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Canadian Social Insurance Number: 9 digits, Luhn, not starting with 0 or 8. */
export function sinValid(text: string): boolean {
  const digits = digitsOf(text);
  return digits.length === 9 && digits[0] !== '0' && digits[0] !== '8' && luhnValid(digits);
}

/** An IPv4 address in a public range (private, loopback, link-local, multicast and documentation ranges excluded). */
export function publicIpv4(text: string): boolean {
  if (!isIPv4(text)) return false;
  const [a = 0, b = 0, c = 0] = text.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return false;
  return true;
}

/** A routable IPv6 address (loopback, unspecified, link-local, unique-local and documentation ranges excluded). */
export function publicIpv6(text: string): boolean {
  if (!isIPv6(text)) return false;
  const lower = text.toLowerCase();
  if (lower === '::1' || lower === '::') return false;
  return !/^(?:fe[89ab]|f[cd]|2001:db8:|ff)/.test(lower);
}

/** A valid calendar date of birth in the past 120 years. */
export function plausibleBirthDate(year: number, month: number, day: number, now = new Date()): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  const age = now.getUTCFullYear() - year;
  return age >= 0 && age <= 120;
}
