import { describe, expect, it } from 'vitest';
import { situatedCue } from './situated.ts';

describe('situatedCue', () => {
  it.each([
    ['Why is the canteen closed today?', 'time'],
    ['Which train is the fastest to Hamburg tomorrow morning?', 'time'],
    ['What are the plans for next week?', 'time'],
    ['Wie wird das Wetter am Samstag?', 'time'],
    ['Quel temps fera-t-il demain ?', 'time'],
    ['Is there a pharmacy nearby?', 'place'],
    ['Where can I buy ski boots in town?', 'place'],
    ['¿Hay un buen restaurante cerca de la estación?', 'place'],
    ['How many people are coming to the barbecue?', 'arrangement'],
    ['How cold is it going to be?', 'future'],
    ['Who is the new head of procurement?', 'new'],
    ['What did the plumber say about the leak?', 'referent'],
    ['How do I get to the stadium?', 'referent'],
    ['Wer kommt alles zur Weihnachtsfeier?', 'referent'],
    ['Did anyone see my umbrella?', 'routine'],
    ['P.S. What is the name of the café?', 'aside'],
  ])('%s → %s', (text, cue) => {
    expect(situatedCue(text)).toBe(cue);
  });

  it.each([
    'What is the capital of Brazil?',
    'Name the largest city near the equator.',
    'What happened at the Boston Tea Party?',
    'How does the school system work in Finland?',
    'Explain how the flight of birds differs from that of bats.',
    'Who was the last emperor of China?',
    'Explain how the International Space Station stays in orbit.',
    "Translate 'see you tomorrow at the station' into Italian.",
    'Describe the lifecycle of a butterfly.',
  ])('timeless and impersonal: %s', (text) => {
    expect(situatedCue(text)).toBeUndefined();
  });
});
