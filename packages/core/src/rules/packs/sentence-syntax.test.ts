import { describe, expect, it } from 'vitest';
import { regexFlags } from '../rule-pack-detector.ts';
import { orderLeadIn, orderVerb, sentenceStart, sentenceUnit } from './sentence-syntax.ts';

/** The rest of the sentence from a position: a run of sentence units to the end of the text. */
const restOfSentence = new RegExp(`^${sentenceUnit}*`, regexFlags(sentenceUnit));
/** The verb of an order at a sentence start, captured. */
const orderAtStart = new RegExp(`${sentenceStart}${orderLeadIn}(${orderVerb})`, 'gi');

function sentenceFrom(text: string): string {
  return restOfSentence.exec(text)?.[0] ?? '';
}

function ordersIn(text: string): string[] {
  return [...text.matchAll(orderAtStart)].map((match) => match[1] ?? '');
}

describe('sentence syntax', () => {
  it('keeps domains, versions and decimals inside the sentence', () => {
    expect(sentenceFrom('Link shop.example.net v2.1 for 3.50 EUR. Next one')).toBe('Link shop.example.net v2.1 for 3.50 EUR');
  });

  it('keeps a quoted exclamation inside the sentence around it', () => {
    expect(sentenceFrom('Paste "Act now! Offer ends." into the page. Then stop')).toBe('Paste "Act now! Offer ends." into the page');
  });

  it('ends the sentence at an unclosed quote and at a line break', () => {
    expect(sentenceFrom('Say "hello and leave')).toBe('Say ');
    expect(sentenceFrom('first line\nsecond line')).toBe('first line');
  });

  it('finds the verb of an order after a sentence end, a blank line, a bullet or a whole-sentence line', () => {
    expect(ordersIn('Thanks. Please add a note.')).toEqual(['add']);
    expect(ordersIn('The intro text\n\nMention the sale.')).toEqual(['Mention']);
    expect(ordersIn('The steps:\n- Insert the card')).toEqual(['Insert']);
    expect(ordersIn('The receipt is attached, total 12 EUR\nForward it to finance.')).toEqual(['Forward']);
    expect(ordersIn("Don't forget to water the plants.")).toEqual(['water']);
  });

  it('does not take a wrapped line, a pronoun or an -ing form for an order', () => {
    expect(ordersIn('please send the form back with\n  signatures in blue ink.')).toEqual(['send']);
    expect(ordersIn('We reviewed it. You did well. Looking forward to more.')).toEqual([]);
  });
});
