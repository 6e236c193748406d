import type { Random } from './random.ts';

/** Generators of valid, synthetic PII values per entity id (checksums computed, never real people's data). */
export const piiGenerators: Readonly<Record<string, (random: Random) => string>> = {
  email: (random) => `${random.pick(['jane.doe', 'm.rossi', 'chen.wei', 'a.kowalski', 'olivia_b', 'k.tanaka'])}${random.int(100)}@${random.pick(['gmail.com', 'acme-corp.io', 'proton.me', 'outlook.de', 'uni-heidelberg.de'])}`,
  phone: (random) =>
    random.pick([
      () => `+44 20 ${digits(random, 4)} ${digits(random, 4)}`,
      () => `+1 (${2 + random.int(8)}${digits(random, 2)}) ${2 + random.int(8)}${digits(random, 2)}-${digits(random, 4)}`,
      () => `+49 30 ${digits(random, 8)}`,
      () => `+33 6 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`,
      () => `+91 ${9}${digits(random, 4)} ${digits(random, 5)}`,
    ])(),
  'credit-card': (random) => {
    const [prefix, length, grouping] = random.pick([
      ['4', 16, [4, 4, 4, 4]], ['51', 16, [4, 4, 4, 4]], ['2221', 16, [4, 4, 4, 4]], ['34', 15, [4, 6, 5]], ['37', 15, [4, 6, 5]],
      ['6011', 16, [4, 4, 4, 4]], ['3530', 16, [4, 4, 4, 4]], ['36', 14, [4, 6, 4]],
    ] as const);
    const number = luhnComplete(prefix + digits(random, length - prefix.length - 1));
    const separator = random.pick(['', ' ', '-']);
    return separator === '' ? number : group(number, grouping, separator);
  },
  iban: (random) => {
    const [country, bban] = random.pick([
      ['DE', () => digits(random, 18)], ['GB', () => `NWBK${digits(random, 14)}`], ['FR', () => digits(random, 23)],
      ['ES', () => digits(random, 20)], ['NL', () => `ABNA${digits(random, 10)}`], ['IT', () => `X${digits(random, 22)}`],
    ] as const);
    const body = bban();
    const check = String(98 - mod97(`${body}${country}00`)).padStart(2, '0');
    const iban = `${country}${check}${body}`;
    return random.int(2) === 0 ? iban : iban.replace(/(.{4})(?=.)/g, '$1 ');
  },
  'us-ssn': (random) => `${String(1 + random.int(664)).padStart(3, '0')}-${String(1 + random.int(98)).padStart(2, '0')}-${String(1 + random.int(9998)).padStart(4, '0')}`,
  'us-itin': (random) => `9${digits(random, 2)}-${random.pick(['70', '78', '88', '90', '94', '99', '52'])}-${String(1 + random.int(9998)).padStart(4, '0')}`,
  ipv4: (random) => `${random.pick([34, 52, 81, 91, 141, 185, 213])}.${random.int(256)}.${random.int(256)}.${1 + random.int(254)}`,
  ipv6: (random) => `2a01:${hex(random, 4)}:${hex(random, 4)}:${hex(random, 3)}::${hex(random, 2)}${hex(random, 2)}`,
  mac: (random) => Array.from({ length: 6 }, () => hex(random, 2)).join(random.pick([':', '-'])),
  'de-tax-id': (random) => germanTaxId(random),
  'es-dni': (random) => {
    const number = digits(random, 8);
    return `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(number) % 23]}`;
  },
  'es-nie': (random) => {
    const letter = random.pick(['X', 'Y', 'Z']);
    const number = digits(random, 7);
    return `${letter}${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(`${'XYZ'.indexOf(letter)}${number}`) % 23]}`;
  },
  'in-aadhaar': (random) => {
    const number = verhoeffComplete(`${2 + random.int(8)}${digits(random, 10)}`);
    return number.replace(/(\d{4})(?=\d)/g, '$1 ');
  },
  'uk-nino': (random) => `${random.pick(['AB', 'CE', 'JG', 'PR', 'SW', 'HL'])}${digits(random, 6)}${random.pick(['A', 'B', 'C', 'D'])}`,
  'fr-insee': (random) => {
    const body = `${1 + random.int(2)}${String(50 + random.int(50)).padStart(2, '0')}${String(1 + random.int(12)).padStart(2, '0')}${String(1 + random.int(95)).padStart(2, '0')}${digits(random, 3)}${digits(random, 3)}`;
    const key = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
    return `${body[0]} ${body.slice(1, 3)} ${body.slice(3, 5)} ${body.slice(5, 7)} ${body.slice(7, 10)} ${body.slice(10, 13)} ${key}`;
  },
  'uk-nhs': (random) => {
    for (;;) {
      const body = digits(random, 9);
      let sum = 0;
      for (let index = 0; index < 9; index++) sum += Number(body[index]) * (10 - index);
      const check = 11 - (sum % 11);
      if (check === 10) continue;
      const number = `${body}${check === 11 ? 0 : check}`;
      return `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
    }
  },
  'ca-sin': (random) => {
    const number = luhnComplete(`${1 + random.int(7)}${digits(random, 7)}`);
    return `${number.slice(0, 3)}-${number.slice(3, 6)}-${number.slice(6)}`;
  },
  'date-of-birth': (random) => {
    const year = 1940 + random.int(65);
    const month = 1 + random.int(12);
    const day = 1 + random.int(28);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return random.pick([
      `${year}-${pad(month)}-${pad(day)}`,
      `${pad(day)}/${pad(month)}/${year}`,
      `${months[month - 1]} ${day}, ${year}`,
      `${day} ${months[month - 1]} ${year}`,
    ]);
  },
  'street-address': (random) =>
    random.pick([
      () => `${1 + random.int(9999)} ${random.pick(['Maple', 'Oak', 'Cedar Hill', 'Washington', 'Lincoln', 'Sunset'])} ${random.pick(['Street', 'Avenue', 'Road', 'Blvd', 'Lane', 'Drive'])}`,
      () => `${random.pick(['Haupt', 'Linden', 'Goethe', 'Bahnhof'])}${random.pick(['straße', 'strasse', 'weg', 'allee'])} ${1 + random.int(120)}`,
    ])(),
};

function digits(random: Random, count: number): string {
  return random.string('0123456789', count);
}

function hex(random: Random, count: number): string {
  return random.string('0123456789abcdef', count);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function group(number: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = [];
  let offset = 0;
  for (const size of sizes) {
    parts.push(number.slice(offset, offset + size));
    offset += size;
  }
  return parts.join(separator);
}

/** Appends the Luhn check digit. */
export function luhnComplete(body: string): string {
  for (let check = 0; check < 10; check++) {
    const candidate = `${body}${check}`;
    let sum = 0;
    let double = false;
    for (let index = candidate.length - 1; index >= 0; index--) {
      let digit = Number(candidate[index]);
      if (double) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
      double = !double;
    }
    if (sum % 10 === 0) return candidate;
  }
  return body;
}

function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

const verhoeffD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

function verhoeffComplete(body: string): string {
  for (let check = 0; check < 10; check++) {
    const candidate = `${body}${check}`;
    let state = 0;
    [...candidate].reverse().forEach((char, index) => {
      state = verhoeffD[state]![verhoeffP[index % 8]![Number(char)]!]!;
    });
    if (state === 0) return candidate;
  }
  return body;
}

function germanTaxId(random: Random): string {
  for (;;) {
    // Ten digits where exactly one digit appears twice; then the ISO 7064 MOD 11,10 check digit.
    const pool = [...'0123456789'];
    const chosen: string[] = [];
    while (chosen.length < 9) chosen.push(pool.splice(random.int(pool.length), 1)[0]!);
    chosen.push(chosen[random.int(9)]!);
    const order = chosen.map((digit) => ({ digit, key: random.next() })).sort((a, b) => a.key - b.key).map((entry) => entry.digit);
    if (order[0] === '0') continue;
    let product = 10;
    for (const char of order) {
      let sum = (Number(char) + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    return `${order.join('')}${(11 - product) % 10}`;
  }
}
