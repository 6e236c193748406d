import type { PiiEntity } from './pii-entity.ts';
import {
  aadhaarValid, cardBrand, digitsOf, germanTaxIdValid, ibanValid, inseeValid, itinValid, luhnValid, ninoValid, nhsValid,
  plausibleBirthDate, publicIpv4, publicIpv6, sinValid, spanishIdValid, ssnValid, testCardNumbers,
} from './validators.ts';

const notDigitBefore = String.raw`(?<![\d\w.+\-/])`;
const notDigitAfter = String.raw`(?![\d\w\-/]|\.\d)`;
const hasDigits = /\d{2}/;

const placeholderEmailDomains = /@(?:example\.(?:com|org|net)|[\w.-]+\.(?:example|test|invalid|localhost)|localhost|test\.com|domain\.com|email\.com)$/i;

const monthNames = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const monthIndex = (name: string): number => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Parses the dates the date-of-birth pattern accepts and checks they are real calendar dates in a plausible range. */
function validBirthDate(text: string): boolean {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return plausibleBirthDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = Number(match[3]);
    return plausibleBirthDate(year, second, first) || plausibleBirthDate(year, first, second);
  }
  match = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (match) return plausibleBirthDate(Number(match[3]), monthIndex(match[1] ?? ''), Number(match[2]));
  match = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(text);
  if (match) return plausibleBirthDate(Number(match[3]), monthIndex(match[2] ?? ''), Number(match[1]));
  return false;
}

/** The personal-data entities Bulwark recognises, each with its validator and context words. */
export const piiEntities: readonly PiiEntity[] = [
  {
    id: 'email',
    entity: 'EMAIL',
    description: 'email address',
    pattern: String.raw`(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w\-]|\.[A-Za-z])`,
    prefilter: /@/,
    validate: (candidate) => !/\.(?:png|jpe?g|gif|svg|webp)$/i.test(candidate),
    score: 0.9,
    contextWords: ['email', 'e-mail', 'mail', 'contact', 'from', 'to', 'cc', 'reply'],
    contextScore: 0.95,
    negativeWords: ['message-id', 'messageid', 'message_id', 'msgid', 'in-reply-to', 'references'],
    discount: (candidate) => {
      if (placeholderEmailDomains.test(candidate) || /^(?:no-?reply|git|user|name|someone|john\.doe|jane\.doe)@/i.test(candidate)) return 0.6;
      // Machine-generated local parts (message ids, tracking ids) are not a person's address.
      const local = candidate.slice(0, candidate.indexOf('@'));
      return local.length >= 16 && /[a-z]/.test(local) && (local.match(/[A-Z]/g)?.length ?? 0) >= 3 && !/[._-]/.test(local) ? 0.2 : 0;
    },
    examples: {
      positive: ['Contact me at jane.doe42@gmail.com about the invoice.', '{"customer": {"email": "m.rossi80@proton.me"}}'],
      negative: ['Send it to someone@example.com', 'git clone git@github.com:acme/app.git', 'logo@2x.png', 'npm install @types/node', 'Message-ID: <Hc7UgBGzIU6bqJKtT4ew@mail.gmail.com>', '"messageId": "<VwSNwhxenRQwStBpdJqX@mail.gmail.com>"'],
    },
  },
  {
    id: 'phone',
    entity: 'PHONE',
    description: 'phone number (international E.164-style or North American format)',
    pattern: String.raw`${notDigitBefore}(?:\+[1-9]\d{0,2}[\s.\-]?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,5}(?:[\s.\-]\d{2,8}){1,4}|\+[1-9]\d{7,14}|\(\d{3}\)\s?\d{3}[\s.\-]\d{4}|\d{3}[.\-]\d{3}[.\-]\d{4})${notDigitAfter}`,
    prefilter: hasDigits,
    validate: (candidate) => {
      const digits = digitsOf(candidate);
      if (digits.length < 8 || digits.length > 15) return false;
      if (/^\d{3}[.\-]\d{3}[.\-]\d{4}$/.test(candidate) || /^\(\d{3}\)/.test(candidate)) return /^[2-9]\d{2}[2-9]/.test(digits);
      return true;
    },
    score: 0.6,
    contextWords: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'call', 'sms', 'whatsapp', 'fax', 'contact', 'number', 'ring', 'text me', 'telefon', 'téléphone', 'teléfono', 'handy'],
    contextScore: 0.9,
    negativeWords: ['version', 'order', 'invoice', 'isbn', 'serial', 'build', 'ticket', 'tracking', 'id', 'ref'],
    discount: (candidate) => (candidate.startsWith('+') ? 0 : 0.1),
    examples: {
      positive: ['Call me on +44 20 7946 0958 tomorrow.', 'phone: (415) 555-0134', '"mobile": "+49 30 25737952"'],
      negative: ['Order 415-555-0134 shipped', 'version 2.3.4.5 released', 'the range 100-200-3000 is odd'],
    },
  },
  {
    id: 'credit-card',
    entity: 'CREDIT_CARD',
    description: 'payment card number (brand prefix and length, Luhn checksum)',
    pattern: String.raw`${notDigitBefore}(?:\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ \-])\d{6}\2\d{4,5}|\d{13,19})${notDigitAfter}`,
    prefilter: /\d{4}/,
    validate: (candidate) => {
      const digits = digitsOf(candidate);
      return luhnValid(digits) && cardBrand(digits) !== undefined;
    },
    score: 0.85,
    contextWords: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'american express', 'cc', 'pan', 'payment', 'card number', 'card_number', 'cardnumber'],
    contextScore: 0.95,
    negativeWords: ['order', 'tracking', 'invoice', 'isbn', 'timestamp', 'epoch'],
    discount: (candidate) => (testCardNumbers.has(digitsOf(candidate)) ? 0.55 : 0),
    examples: {
      positive: ['Card: 5184 6772 5741 0698, exp 04/27', 'charge 2221784627671702 for $20', 'amex 3401-234567-89014', '"pan": "6011-3380-7055-7093"'],
      negative: ['Use the test card 4242 4242 4242 4242 in sandbox', 'order 1234 5678 9012 3456', 'timestamp 1700000000000000'],
    },
  },
  {
    id: 'iban',
    entity: 'IBAN',
    description: 'IBAN (country length and mod-97 checksum)',
    pattern: String.raw`(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])`,
    prefilter: /[A-Z]{2}\d{2}/,
    validate: ibanValid,
    score: 0.9,
    contextWords: ['iban', 'bank', 'account', 'transfer', 'sepa', 'konto', 'compte'],
    contextScore: 0.95,
    examples: {
      positive: ['Please wire it to GB98NWBK57910464834008.', 'IBAN: FR81 0534 3147 1558 6620 9456 862'],
      negative: ['IBAN: GB99NWBK57910464834008', 'DE00 0000 0000 0000 0000 00 is invalid'],
    },
  },
  {
    id: 'us-ssn',
    entity: 'US_SSN',
    description: 'US Social Security number (valid area, group and serial)',
    pattern: String.raw`${notDigitBefore}\d{3}([\- ]?)\d{2}\1\d{4}${notDigitAfter}`,
    prefilter: hasDigits,
    validate: (candidate) => ssnValid(candidate) && !itinValid(candidate),
    score: 0.5,
    contextWords: ['ssn', 'social security', 'social-security', 'ss#', 'ss #', 'tin', 'taxpayer'],
    contextScore: 0.92,
    negativeWords: ['order', 'invoice', 'tracking', 'phone', 'tel', 'isbn', 'part'],
    discount: (candidate) => (/^\d{9}$/.test(candidate) ? 0.2 : candidate.includes(' ') ? 0.1 : -0.15),
    examples: {
      positive: ['My SSN is 216-92-7500.', 'employee 635-93-5058 on file', '{"ssn": "144358936"}'],
      negative: ['SSN: 666-12-3456', 'SSN: 000-12-3456', 'order 123456789 shipped', 'part 219-09-9999'],
    },
  },
  {
    id: 'us-itin',
    entity: 'US_ITIN',
    description: 'US Individual Taxpayer Identification Number',
    pattern: String.raw`${notDigitBefore}9\d{2}([\- ]?)\d{2}\1\d{4}${notDigitAfter}`,
    prefilter: /9\d{2}/,
    validate: itinValid,
    score: 0.65,
    contextWords: ['itin', 'taxpayer', 'tax id', 'tin'],
    contextScore: 0.92,
    discount: (candidate) => (/^\d{9}$/.test(candidate) ? 0.35 : 0),
    examples: {
      positive: ['ITIN 961-94-8811 on the W-7 form', 'taxpayer id: 920-94-1091'],
      negative: ['ITIN 961-45-8811', 'call 920-94-10'],
    },
  },
  {
    id: 'ipv4',
    entity: 'IP_ADDRESS',
    description: 'public IPv4 address',
    pattern: String.raw`(?<![\w.\-])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w]|\.\d)`,
    prefilter: /\d\.\d/,
    validate: publicIpv4,
    score: 0.65,
    contextWords: ['ip', 'address', 'client', 'remote', 'host', 'from', 'login', 'x-forwarded-for'],
    contextScore: 0.8,
    negativeWords: ['version', 'v', 'release', 'build', 'oid', 'snmp'],
    examples: {
      positive: ['login from 213.212.251.90 at 10:02', '"client_ip": "34.67.46.19"'],
      negative: ['listen on 127.0.0.1:8080', 'server at 192.168.1.20', 'version 1.2.3.4 released', 'docs use 203.0.113.7', 'C:\\WinPython-64bit-3.4.2.4\\python'],
    },
  },
  {
    id: 'ipv6',
    entity: 'IP_ADDRESS',
    description: 'public IPv6 address',
    pattern: String.raw`(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,6}|[0-9A-Fa-f]{1,4})(?![\w:])`,
    prefilter: /[0-9A-Fa-f]:[0-9A-Fa-f:]/,
    validate: (candidate) => publicIpv6(candidate) && (candidate.match(/:/g)?.length ?? 0) >= 3,
    score: 0.65,
    contextWords: ['ip', 'ipv6', 'address', 'client', 'remote', 'host', 'from'],
    contextScore: 0.8,
    examples: {
      positive: ['request from 2a01:6671:c935:10::8d9d', 'ipv6 2001:4860:4860:0:0:0:0:8888'],
      negative: ['bind to ::1', 'link fe80::1ff:fe23:4567:890a', 'doc range 2001:db8::1', 'at 12:30:45'],
    },
  },
  {
    id: 'mac',
    entity: 'MAC_ADDRESS',
    description: 'MAC address',
    pattern: String.raw`(?<![\w:\-])[0-9A-Fa-f]{2}([:\-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:\-])`,
    prefilter: /[0-9A-Fa-f]{2}[:\-][0-9A-Fa-f]{2}/,
    validate: (candidate) => !/^(?:ff[:\-]){5}ff$/i.test(candidate) && !/^(?:00[:\-]){5}00$/.test(candidate),
    score: 0.6,
    contextWords: ['mac', 'device', 'hardware', 'ethernet', 'wifi', 'bssid', 'interface'],
    contextScore: 0.8,
    examples: {
      positive: ['device 68:cd:bf:01:ac:d7 joined', 'mac address 82-28-48-0C-19-8A'],
      negative: ['broadcast ff:ff:ff:ff:ff:ff', 'time 12:30:45:00:11'],
    },
  },
  {
    id: 'de-tax-id',
    entity: 'DE_TAX_ID',
    description: 'German tax identification number (Steuer-IdNr, ISO 7064 MOD 11,10)',
    pattern: String.raw`${notDigitBefore}\d{2} ?\d{3} ?\d{3} ?\d{3}${notDigitAfter}`,
    prefilter: hasDigits,
    validate: germanTaxIdValid,
    score: 0.3,
    contextWords: ['steuer', 'steuer-id', 'steuerid', 'steueridentifikationsnummer', 'identifikationsnummer', 'idnr', 'tax id', 'tax_id', 'taxid', 'tin'],
    contextScore: 0.9,
    examples: {
      positive: ['Steuer-ID: 42203168953', '"tax_id": "64 937 825 811"'],
      negative: ['Steuer-ID: 42203168954', 'order 19682579434 shipped'],
    },
  },
  {
    id: 'es-dni',
    entity: 'ES_DNI',
    description: 'Spanish DNI (mod-23 letter)',
    pattern: String.raw`(?<![\w\-])\d{8}-?[A-Z](?![\w\-])`,
    prefilter: /\d{8}/,
    validate: spanishIdValid,
    score: 0.7,
    contextWords: ['dni', 'nif', 'documento', 'identidad', 'id'],
    contextScore: 0.92,
    examples: {
      positive: ['DNI 48825720D', 'mi documento es 24454089-Y'],
      negative: ['DNI 48825720A', 'build 20240101Z'],
    },
  },
  {
    id: 'es-nie',
    entity: 'ES_NIE',
    description: 'Spanish foreigner id NIE (mod-23 letter)',
    pattern: String.raw`(?<![\w\-])[XYZ]-?\d{7}-?[A-Z](?![\w\-])`,
    prefilter: /[XYZ]-?\d{7}/,
    validate: spanishIdValid,
    score: 0.75,
    contextWords: ['nie', 'extranjero', 'residencia', 'id'],
    contextScore: 0.92,
    examples: {
      positive: ['NIE: X7794835C', 'Z-6604739-H'],
      negative: ['NIE: X7794835D', 'model Y1234567Q'],
    },
  },
  {
    id: 'in-aadhaar',
    entity: 'IN_AADHAAR',
    description: 'Indian Aadhaar number (Verhoeff checksum)',
    pattern: String.raw`${notDigitBefore}[2-9]\d{3}([ \-]?)\d{4}\1\d{4}${notDigitAfter}`,
    prefilter: /\d{4}/,
    validate: aadhaarValid,
    score: 0.45,
    contextWords: ['aadhaar', 'aadhar', 'uidai', 'uid', 'आधार'],
    contextScore: 0.92,
    discount: (candidate) => (/\s/.test(candidate) ? -0.1 : 0),
    examples: {
      positive: ['Aadhaar: 9940 6114 4300', 'my aadhar number is 819798784138'],
      negative: ['Aadhaar: 9940 6114 4301', 'invoice 8197 9878 4138'],
    },
  },
  {
    id: 'uk-nino',
    entity: 'UK_NINO',
    description: 'UK National Insurance number',
    pattern: String.raw`(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])`,
    prefilter: /[A-Z]{2} ?\d{2}/,
    validate: ninoValid,
    score: 0.7,
    contextWords: ['national insurance', 'ni number', 'nino', 'nin', 'insurance number'],
    contextScore: 0.92,
    examples: {
      positive: ['NI number: AB034234B', 'national insurance JG 41 17 64 C'],
      negative: ['NI number: GB034234B', 'AB034234E', 'QQ123456C'],
    },
  },
  {
    id: 'fr-insee',
    entity: 'FR_INSEE',
    description: 'French social security number (NIR/INSEE, mod-97 key)',
    pattern: String.raw`${notDigitBefore}[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}${notDigitAfter}`,
    prefilter: /[12] ?\d{2}/,
    validate: inseeValid,
    score: 0.7,
    contextWords: ['sécurité sociale', 'securite sociale', 'insee', 'nir', 'numéro de sécu', 'sécu', 'secu', 'social security'],
    contextScore: 0.92,
    examples: {
      positive: ['N° de sécurité sociale : 1 56 04 16 844 926 80', 'nir=268011696426148'],
      negative: ['N° de sécurité sociale : 1 56 04 16 844 926 81', 'ref 156041684492699'],
    },
  },
  {
    id: 'uk-nhs',
    entity: 'UK_NHS',
    description: 'UK NHS number (mod-11 check digit)',
    pattern: String.raw`${notDigitBefore}\d{3}([ \-]?)\d{3}\1\d{4}${notDigitAfter}`,
    prefilter: hasDigits,
    validate: nhsValid,
    score: 0.3,
    contextWords: ['nhs', 'nhs number', 'patient', 'health service'],
    contextScore: 0.9,
    examples: {
      positive: ['NHS number: 160 436 7822', 'patient nhs 5569727191'],
      negative: ['NHS number: 160 436 7823', 'order 160 436 7822'],
    },
  },
  {
    id: 'ca-sin',
    entity: 'CA_SIN',
    description: 'Canadian Social Insurance Number (Luhn)',
    pattern: String.raw`${notDigitBefore}\d{3}([ \-]?)\d{3}\1\d{3}${notDigitAfter}`,
    prefilter: hasDigits,
    validate: sinValid,
    score: 0.3,
    contextWords: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    contextScore: 0.9,
    examples: {
      positive: ['SIN: 383-796-083', 'social insurance number 266 098 169'],
      negative: ['SIN: 383-796-084', 'ticket 383-796-083'],
    },
  },
  {
    id: 'date-of-birth',
    entity: 'DATE_OF_BIRTH',
    description: 'date of birth (a date next to birth-date context words)',
    pattern: String.raw`(?<![\w/.\-])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|(?:${monthNames})\.? \d{1,2},? \d{4}|\d{1,2} (?:${monthNames})\.? \d{4})(?![\w/\-]|\.\d)`,
    flags: 'i',
    prefilter: /\d{4}/,
    validate: validBirthDate,
    score: 0.2,
    contextWords: ['born', 'birth', 'dob', 'd.o.b', 'birthday', 'birthdate', 'date_of_birth', 'geboren', 'geburtsdatum', 'né le', 'née le', 'nacimiento', 'nascita', 'age'],
    contextScore: 0.85,
    examples: {
      positive: ['Date of birth: 1981-04-22', 'She was born on March 3, 1975 in Leeds.', '{"dob": "24/04/1963"}'],
      negative: ['Released on 2024-01-15', 'Meeting on March 3, 1975 was cancelled', 'born on 1981-13-45'],
    },
  },
  {
    id: 'street-address',
    entity: 'STREET_ADDRESS',
    description: 'street address (house number and street type next to address context words)',
    pattern: String.raw`(?<![\w])(?:\d{1,5}[A-Za-z]? (?:[A-Z][a-z]+\.? ){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq)\.?(?:,? (?:Apt|Suite|Unit|#) ?\w+)?|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm) \d{1,4}[a-z]?)(?![\w])`,
    prefilter: /\d/,
    score: 0.35,
    contextWords: ['address', 'lives at', 'live at', 'living at', 'ship to', 'shipping', 'billing', 'deliver to', 'delivery', 'residence', 'home', 'mailing', 'street', 'adresse', 'anschrift', 'wohnhaft', 'dirección', 'domicilio'],
    contextScore: 0.85,
    examples: {
      positive: ['Shipping address: 1274 Cedar Hill Road, Springfield', 'Anschrift: Bahnhofstraße 25, 10115 Berlin', 'she lives at 42 Maple Street'],
      negative: ['We have 3 Main Street locations', 'Chapter 12 Oak Road Trip', 'read 5 Easy Steps'],
    },
  },
];
