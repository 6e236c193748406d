/**
 * Content words: what a text is about. Function words of the core languages (en, de, fr, es, pt, it) and the words
 * every request uses whatever its topic (verbs of asking, "example", "simple", "difference") are dropped; the rest are
 * folded (lower case, no diacritics) and crudely stemmed, so "works"/"working" and "relativity"/"relative" meet.
 */
const wordPattern = /\p{L}[\p{L}\p{M}'’]*/gu;
const diacritics = /\p{M}+/gu;
const ascii = /^[\x00-\x7f]*$/u;
/**
 * Cyrillic letters that look like Latin ones, read as Latin: normalization folds words that mix the two scripts, and
 * this folds words spelled in look-alikes only ("іѕ"). Real Cyrillic words become Latin gibberish on both sides of the
 * topic comparison alike.
 */
const latinOf: Readonly<Record<string, string>> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ѕ: 's', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', т: 't', н: 'h', к: 'k', м: 'm', в: 'b' };
const cyrillicLookAlike = /[аеорсхуіѕјһԁԛԝтнкмв]/gu;

const functionWords = wordSet([
    // en
    'the a an and or but nor not no yes of to in on at by for with from into onto about as than then that this these those there here',
    'is are was were be been being am do does did doing done have has had having can could would should will shall may might must',
    'what which who whom whose where when why how whether if else while because so such very too also just only even still yet',
    'all any each every some many much more most few less least other another same own both either neither one two three',
    'i me my mine you your yours he him his she her hers it its we us our ours they them their theirs myself yourself',
    'up down out over under again further once off per via etc into within without between through during before after above below',
    "it's don't can't won't isn't aren't i'm you're we're they're i've you've we've let's what's that's there's",
    'hi hello dear regards thanks thank please kindly best sincerely cheers',
    // de
    'der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war waren sein hat haben wird werden',
    'ich du er sie es wir ihr mich dich uns euch mir dir ihm ihnen mein meine dein deine sein seine unser unsere euer eure',
    'mit von zu zum zur auf aus bei nach vor für über unter durch um an im am ins vom als wie was wer wo wann warum welche welcher welches',
    'auch noch nur schon sehr so dann denn doch ja nein bitte dass ob wenn weil',
    // fr
    'le la les un une des du de et ou mais ne pas est sont était etre être avoir ai as avons avez ont je tu il elle nous vous ils elles',
    'mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quel quelle quels quelles dans sur',
    'pour par avec sans sous chez comme comment pourquoi où quand très plus moins aussi bien',
    // es / pt / it
    'el los las lo una unos unas y o pero es son fue era ser estar yo tú él ella nosotros vosotros ellos ellas mi mis tu tus su sus',
    'nuestro nuestra en con sin para por como qué cuál cuáles quién cómo dónde cuándo muy más menos también este esta estos estas',
    'os as um uma é são foi eu ele ela nós eles meu minha seu sua em no na com sem para por que quem qual quais onde quando muito mais',
    'il lo gli di da del della dei delle è sono era io lui lei noi voi loro mio mia tuo tua suo sua nel nella per che chi quale dove quando molto più',
]);

/** Words any request uses whatever it asks about: they say nothing about its topic. */
const requestWords = wordSet([
    'explain explaining describe summarize summarise outline define discuss elaborate clarify illustrate analyze analyse compare contrast teach',
    'write compose draft develop create generate produce craft pen prepare design invent provide give share make tell show suggest recommend offer',
    'list name enumerate translate solve calculate compute simplify evaluate help understand know learn say mean means called call',
    'example examples simple simply short brief briefly detail detailed details way ways terms term main primary key basic basics important',
    'difference differences between following sentence phrase word words text new good best first like want need would could',
    'process work works working thing things kind type types steps step use using used number numbers',
]);

/** A set of folded words from space-separated lists. */
export function wordSet(lists: readonly string[]): ReadonlySet<string> {
  return new Set(lists.join(' ').split(' ').filter(Boolean).map(fold));
}

const suffixes = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 's', 'ly'];
const stemLength = 6;

/** Lower case, diacritics removed, curly apostrophes made straight. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ascii.test(lower)) return lower;
  return lower.normalize('NFD').replace(diacritics, '').replaceAll('’', "'").replace(cyrillicLookAlike, (letter) => latinOf[letter] ?? letter);
}

/** A crude stem: one common suffix removed from a word longer than five letters, then at most six letters. */
export function stemOf(word: string): string {
  let stem = word;
  if (stem.length > 5) {
    for (const suffix of suffixes) {
      if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) {
        stem = stem.slice(0, -suffix.length);
        break;
      }
    }
  }
  return stem.slice(0, stemLength);
}

/** True for a folded word that carries topic: three letters or more, not a function word or a request word. */
export function isContentWord(folded: string): boolean {
  return folded.length >= 3 && !functionWords.has(folded) && !requestWords.has(folded);
}

/** The folded words of a text. */
export function foldedWords(text: string): string[] {
  return fold(text).match(wordPattern)?.map((word) => word.replace(/^'+|'+$/gu, '')) ?? [];
}

/** The stems of a text's content words, with how often each occurs. */
export function contentStemCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of foldedWords(text)) {
    if (!isContentWord(word)) continue;
    const stem = stemOf(word);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}
