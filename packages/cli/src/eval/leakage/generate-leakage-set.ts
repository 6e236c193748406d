import type { SubjectInput, Surface } from '@bulwark/core';
import { contextKinds, embed } from './contexts.ts';
import { negativeGenerators } from './negatives.ts';
import { piiGenerators } from './pii-samples.ts';
import { createRandom, type Random } from './random.ts';
import { expandSample, secretTemplates } from './secret-samples.ts';

/** One generated example: a subject to scan and, for positives, the planted value that must be found and removed. */
export interface LeakageSample {
  readonly kind: 'secret' | 'pii' | 'negative';
  /** Rule id (secrets), entity id (PII) or negative class. */
  readonly type: string;
  readonly context: string;
  readonly subject: SubjectInput;
  /** The planted value (positives only). */
  readonly planted?: string;
  /** An encoding layer the value sits inside (its planted value is then the encoded text). */
  readonly encoding?: 'base64' | 'url';
}

/** Options of `generateLeakageSet`. */
export interface LeakageSetOptions {
  seed?: number;
  /** Examples per secret rule. */
  perSecretRule?: number;
  /** Examples per PII entity. */
  perPiiEntity?: number;
  /** Examples per negative class. */
  perNegativeClass?: number;
  /** Examples per secret rule inside one encoding layer (base64 or URL encoding). */
  perSecretRuleEncoded?: number;
}

const surfacesInTurn: readonly Surface[] = ['tool_result', 'prompt', 'model_output', 'tool_call'];

/** Places a text on a surface; tool calls carry it as a nested argument value. */
export function subjectFor(surface: Surface, text: string, random: Random): SubjectInput {
  if (surface === 'tool_call') {
    return random.pick([
      { surface, tool: 'http_request', args: { url: 'https://api.partner.example/v1/notes', body: { note: { text }, tags: ['support'] } } },
      { surface, tool: 'write_file', args: { path: 'notes/today.md', content: text } },
      { surface, tool: 'send_message', args: { channel: '#ops', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] } },
    ]);
  }
  return { surface, text } as SubjectInput;
}

/** Labels that name each PII entity in forms, JSON and prose (the context a real record carries). */
const piiLabels: Readonly<Record<string, readonly string[]>> = {
  email: ['Email', '"email"', 'contact'],
  phone: ['Phone', '"mobile"', 'call me on', 'Tel.'],
  'credit-card': ['Card number', '"card_number"', 'Visa'],
  iban: ['IBAN', '"iban"', 'bank account'],
  'us-ssn': ['SSN', '"ssn"', 'Social Security number'],
  'us-itin': ['ITIN', '"itin"', 'taxpayer id'],
  ipv4: ['client ip', '"remote_addr"', 'login from'],
  ipv6: ['client ip', '"remote_addr"', 'request from'],
  mac: ['MAC address', '"device_mac"', 'device'],
  'de-tax-id': ['Steuer-ID', '"steuer_id"', 'Steueridentifikationsnummer'],
  'es-dni': ['DNI', '"dni"', 'documento'],
  'es-nie': ['NIE', '"nie"', 'número NIE'],
  'in-aadhaar': ['Aadhaar', '"aadhaar"', 'Aadhaar no.'],
  'uk-nino': ['NI number', '"national_insurance"', 'National Insurance'],
  'fr-insee': ['N° de sécurité sociale', '"nir"', 'numéro INSEE'],
  'uk-nhs': ['NHS number', '"nhs_number"', 'NHS no'],
  'ca-sin': ['SIN', '"sin"', 'Social Insurance Number'],
  'date-of-birth': ['Date of birth', '"dob"', 'born on'],
  'street-address': ['Address', '"shipping_address"', 'lives at'],
};

/** Entities strong enough to be found without a label; the others are only generated with one. */
const strongWithoutLabel = new Set(['email', 'phone', 'credit-card', 'iban', 'us-ssn', 'es-dni', 'es-nie', 'uk-nino', 'fr-insee', 'mac']);

function piiText(label: string | undefined, value: string, random: Random): string {
  if (!label) {
    return random.pick([
      `Please update the record: ${value}. Thanks!`,
      `Customer wrote: "my details are ${value}, call back asap"`,
      `${value}`,
    ]);
  }
  if (label.startsWith('"')) return JSON.stringify({ customer: { id: 1000 + random.int(9000), [label.slice(1, -1)]: value, status: 'active' } });
  return random.pick([`${label}: ${value}`, `Customer record — ${label} ${value}, updated yesterday.`, `Name: J. Example\n${label}: ${value}\nNotes: prefers email`]);
}

/** Builds the leakage evaluation set in memory, deterministically from a seed. Nothing is written to disk. */
export function generateLeakageSet(options: LeakageSetOptions = {}): LeakageSample[] {
  const random = createRandom(options.seed ?? 20260314);
  const samples: LeakageSample[] = [];
  let turn = 0;
  const nextSurface = () => surfacesInTurn[turn++ % surfacesInTurn.length] as Surface;

  for (const [ruleId, templates] of Object.entries(secretTemplates)) {
    const name = ruleId.toUpperCase().replace(/-/g, '_');
    for (let index = 0; index < (options.perSecretRule ?? 24); index++) {
      const { line, secret } = expandSample(templates[index % templates.length] ?? '', random);
      const context = contextKinds[index % contextKinds.length] ?? 'chat';
      // Multi-line secrets (private keys) keep their own lines; JSON contexts escape them.
      const text = embed(context, line, name, random);
      samples.push({ kind: 'secret', type: ruleId, context, subject: subjectFor(nextSurface(), text, random), planted: secret });
    }
    for (let index = 0; index < (options.perSecretRuleEncoded ?? 6); index++) {
      const { line } = expandSample(templates[index % templates.length] ?? '', random);
      const encoding = index % 2 === 0 ? 'base64' : 'url';
      const encoded = encoding === 'base64' ? Buffer.from(`${name}: ${line}`).toString('base64') : encodeURIComponent(`${name}=${line}`);
      const text =
        encoding === 'base64'
          ? JSON.stringify({ kind: 'Secret', metadata: { name: 'app-config' }, data: { 'config.env': encoded } })
          : `GET /callback?next=%2Fhome&state=${encoded} HTTP/1.1`;
      samples.push({ kind: 'secret', type: ruleId, context: encoding, encoding, subject: subjectFor(nextSurface(), text, random), planted: encoded });
    }
  }

  for (const [entityId, generate] of Object.entries(piiGenerators)) {
    const labels = piiLabels[entityId] ?? [];
    for (let index = 0; index < (options.perPiiEntity ?? 40); index++) {
      const value = generate(random);
      const labelled = !strongWithoutLabel.has(entityId) || index % 2 === 0;
      const label = labelled ? labels[index % labels.length] : undefined;
      samples.push({
        kind: 'pii',
        type: entityId,
        context: labelled ? 'labelled' : 'unlabelled',
        subject: subjectFor(nextSurface(), piiText(label, value, random), random),
        planted: value,
      });
    }
  }

  for (const [negativeClass, generate] of Object.entries(negativeGenerators)) {
    for (let index = 0; index < (options.perNegativeClass ?? 60); index++) {
      const line = generate(random);
      const context = random.pick(['plain', 'json-result', 'log', 'chat']);
      const text =
        context === 'plain' ? line : context === 'json-result' ? JSON.stringify({ output: line }) : context === 'log' ? `2026-03-14T10:22:31Z INFO ${line}` : `FYI: ${line}`;
      samples.push({ kind: 'negative', type: negativeClass, context, subject: subjectFor(nextSurface(), text, random) });
    }
  }
  return samples;
}
