import type { Detector } from '../detector.ts';
import type { Finding } from '../finding.ts';
import { surfaces } from '../surface.ts';

/**
 * Reports what normalization stripped or decoded: characters that hide text from a human reader (Unicode tags,
 * bidi controls, zero-width characters inside words), look-alike letters mixed into Latin words, and text spaced
 * letter by letter. Encoded layers alone are common in benign data and are not reported here; detectors scan their
 * decoded views instead.
 */
export const evasionDetector: Detector = {
  meta: {
    id: 'evasion',
    categories: ['evasion'],
    surfaces,
    description: 'Flags invisible, bidirectional, tag and look-alike characters used to hide text from people or filters.',
  },
  scan(input) {
    const signals = input.normalized.signals;
    const findings: Finding[] = [];
    const report = (name: string, score: number, message: string) =>
      findings.push({ detector: `evasion/${name}`, category: 'evasion', score, message });
    if (signals.tags > 0) report('unicode-tags', 0.9, `${signals.tags} invisible Unicode tag characters (hidden ASCII text)`);
    if (signals.bidi > 0) report('bidi-controls', 0.6, `${signals.bidi} bidirectional control characters`);
    if (signals.invisible >= 3) report('invisible-characters', Math.min(0.8, 0.3 + signals.invisible * 0.05), `${signals.invisible} zero-width or invisible characters`);
    if (signals.homoglyphWords > 0) report('homoglyphs', Math.min(0.8, 0.4 + signals.homoglyphWords * 0.1), `${signals.homoglyphWords} words mixing Latin with look-alike letters`);
    if (signals.variationSelectors >= 8) report('variation-selectors', 0.6, `${signals.variationSelectors} variation selectors (possible byte smuggling)`);
    return findings;
  },
};
