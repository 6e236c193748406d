import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import { piiEntities } from './entities.ts';
import type { PiiEntity } from './pii-entity.ts';

/** Characters before a value searched for context words (the JSON key or label naming it). */
const contextBefore = 48;
/** Characters after a value searched for context words. */
const contextAfter = 24;
/** Findings below this confidence are not reported at all. */
const reportFloor = 0.4;

const scannedViewKinds: ReadonlySet<string> = new Set(['normalized', 'base64', 'hex', 'url', 'tags']);

interface CompiledEntity {
  readonly entity: PiiEntity;
  readonly pattern: RegExp;
  readonly context: RegExp;
  readonly negative: RegExp | undefined;
}

/** One personal-data value found in a text (offsets in that text). */
export interface PiiMatch {
  readonly entity: PiiEntity;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly context: boolean;
}

/** A compiled set of PII entities. */
export interface PiiScanner {
  readonly entities: readonly PiiEntity[];
  scanText(text: string): PiiMatch[];
}

function wordsPattern(words: readonly string[]): RegExp {
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]?'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Compiles PII entities once. */
export function createPiiScanner(entities: readonly PiiEntity[] = piiEntities): PiiScanner {
  const compiled: CompiledEntity[] = entities.map((entity) => ({
    entity,
    pattern: new RegExp(entity.pattern, `g${entity.flags ?? ''}`),
    context: wordsPattern(entity.contextWords),
    negative: entity.negativeWords && entity.negativeWords.length > 0 ? wordsPattern(entity.negativeWords) : undefined,
  }));
  return {
    entities,
    scanText(text) {
      const matches: PiiMatch[] = [];
      for (const entry of compiled) {
        const { entity } = entry;
        if (entity.prefilter && !entity.prefilter.test(text)) continue;
        entry.pattern.lastIndex = 0;
        for (const match of text.matchAll(entry.pattern)) {
          const value = match[0];
          const start = match.index ?? 0;
          if (entity.validate && !entity.validate(value)) continue;
          const before = text.slice(Math.max(0, start - contextBefore), start);
          const after = text.slice(start + value.length, start + value.length + contextAfter);
          const window = `${before} ${after}`;
          const context = entry.context.test(window);
          let score = context ? entity.contextScore : entity.score;
          if (entry.negative?.test(before)) score -= 0.3;
          score -= entity.discount?.(value) ?? 0;
          score = Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
          if (score < reportFloor) continue;
          matches.push({ entity, start, end: start + value.length, score, context });
        }
      }
      return matches;
    },
  };
}

/** Options of the PII detector (`policy.detectors.options.pii`). */
export interface PiiDetectorOptions {
  /** Entity ids to leave out (`ipv4`, `date-of-birth`…). */
  disable?: readonly string[];
  /** Replaces the built-in entities. */
  entities?: readonly PiiEntity[];
}

/**
 * Finds personal data — emails, phone numbers, payment cards (Luhn + brand), IBANs (mod-97), US SSN/ITIN, IP and MAC
 * addresses, national ids with checksums (DE, ES, IN, UK, FR, CA), dates of birth and street addresses — with context
 * words that raise or lower confidence.
 */
export function createPiiDetector(options: PiiDetectorOptions = {}): Detector & { readonly scanner: PiiScanner } {
  const disabled = new Set(options.disable ?? []);
  const scanner = createPiiScanner((options.entities ?? piiEntities).filter((entity) => !disabled.has(entity.id)));
  return {
    scanner,
    meta: {
      id: 'pii',
      categories: ['leak.pii'],
      surfaces: ['prompt', 'model_output', 'tool_call', 'tool_result', 'document'],
      description: 'Finds personal data with validators (Luhn, mod-97, Verhoeff, national-id checksums) and context words.',
    },
    scan(input) {
      const findings: Finding[] = [];
      const taken: Array<{ start: number; end: number; entity: string }> = [];
      for (const view of input.normalized.views) {
        if (!scannedViewKinds.has(view.kind)) continue;
        for (const match of scanner.scanText(view.text)) {
          const span = view.toOriginal(match.start, match.end);
          const entity = match.entity.entity;
          if (taken.some((other) => other.entity === entity && other.start < span.end && span.start < other.end)) continue;
          taken.push({ ...span, entity });
          findings.push({
            detector: `pii/${match.entity.id}`,
            category: 'leak.pii',
            score: match.score,
            message: match.entity.description,
            span,
            entity,
            ...(view.kind !== 'normalized' ? { view: view.kind } : {}),
            evidence: `${entity}${match.context ? ' (with context)' : ''}`,
          });
        }
      }
      return findings;
    },
  };
}
