import { fold, isContentWord, wordSet } from './topic-words.ts';

/** What an assistant is asked to do: make content, explain, list, translate, solve, or answer a knowledge question. */
export type RequestKind = 'create' | 'explain' | 'list' | 'translate' | 'solve' | 'question';

/** Openers that only soften or introduce a request ("please", "can you", "könnten Sie", "pourriez-vous", "¿puedes…"). */
const softeners = wordSet([
  'please kindly now also and so ok okay hey bitte mal svp por favor favor per',
  // Names for the assistant, used to address it ("AI, write…", "Assistant, explain…"): a vocative makes a request
  // more clearly one for an assistant, so it is read past like "please".
  'ai assistant chatbot',
]);
const modalOpeners = wordSet([
  'can could would will kannst konnen konntest konnten pourriez pouvez peux pourrais puedes podrias puede podria pode poderia podes puoi potresti puo potrebbe',
]);
const addressees = wordSet(['you du sie vous tu usted voce lei']);
/** "I'd like you to", "I want you to", "I need you to". */
const wishOpeners = wordSet(["i'd i want need would like"]);

/**
 * "Show" and "tell" address the assistant only with a recipient ("show me a function", "tell me a story"); "show a
 * usage summary" is a man page describing an option.
 */
const addressedVerbs = wordSet(['show tell']);
const recipients = wordSet(['me us mir uns moi nous me nos mi ci']);
/**
 * A definite article before the content asked for refers to something the text already has ("produce the summary",
 * "write the output"); a request for new content names it indefinitely ("write a poem", "draft an introduction").
 */
const definiteArticles = wordSet(['the der die das den dem des le la les el los las il lo gli']);
/** Verbs that ask for new content; they count only with the kind of content named right after (a poem, a function…). */
const createVerbs = wordSet([
  'write compose draft develop create generate produce craft pen prepare design invent provide give share make tell show suggest recommend offer come plan',
  'schreibe schreib schreiben verfasse verfassen erstelle erstellen entwirf entwerfe entwerfen dichte gib geben',
  'ecris ecrivez ecrire redige redigez rediger compose composez cree creez genere generez donne donnez propose proposez fournis fournissez',
  'escribe escriba escribir redacta redacte compon componga crea cree genera genere dame deme da proporciona proporcione',
  'escreva escreve redija crie cria gere de crea scrivi scriva componi genera dammi fornisci',
]);
/** Kinds of content an assistant is asked to write: genres of text and of code. */
const genres = wordSet([
  'poem poems poetry haiku haikus limerick sonnet verse verses rhyme story stories tale tales fable novel essay essays article articles blog',
  'letter speech toast eulogy song songs lyrics rap joke jokes riddle riddles slogan slogans tagline tweet tweets caption script screenplay',
  'dialogue dialog monologue summary synopsis introduction conclusion paragraph paragraphs outline review biography description recipe recipes',
  'advertisement headline motto quiz quote quotes lesson anecdote narrative fairy ode ballad manifesto pitch itinerary',
  'fact facts trivia overview explanation analysis comparison definition history trip vacation holiday workout',
  'function functions program programs snippet code class method query regex algorithm example examples tutorial guide list tips',
  'gedicht gedichte geschichte geschichten erzahlung aufsatz brief rede lied liedtext artikel zusammenfassung witz marchen einleitung funktion programm beispiel rezept',
  'poeme histoire conte essai lettre discours chanson resume blague dissertation fonction programme exemple recette',
  'poema cuento historia ensayo carta discurso cancion articulo resumen chiste eslogan funcion programa ejemplo receta introduccion',
  'conto ensaio cancao artigo resumo piada funcao exemplo receita poesia storia racconto saggio lettera discorso canzone articolo riassunto barzelletta funzione esempio ricetta',
]);
/** Verbs that ask for an explanation of a subject. */
const explainVerbs = wordSet([
  'explain describe summarize summarise outline define discuss elaborate clarify illustrate analyze analyse compare contrast teach',
  'erklare erklar erklaren erklaere beschreibe beschreib beschreiben erlautere erlautern vergleiche definiere',
  'explique expliquez expliquer decris decrivez decrire resume resumez definis definissez compare comparez',
  'explica explique explicar describe describa resume resuma define defina compara compare',
  'explica descreva descreve resuma spiega spieghi descrivi descriva riassumi definisci',
]);
/** Two-word openers that ask for an explanation ("break down", "walk me through", "tell me about", "help me understand"). */
const explainPhrases = new Set(['break down', 'walk me', 'tell me', 'help me', 'teach me']);
const explainPhraseObjects = wordSet(['about how why what through understand the']);
/** "tell me who painted…", "tell me where…": a knowledge question put as an order. */
const questionPhraseObjects = wordSet(['who when where which whom whose']);
/**
 * "give me the boiling point of mercury", "tell me the population of Peru": a fact asked for by its description — the
 * definite content is named by a complement ("of …"), not taken from the text ("give me the summary").
 */
const factVerbs = wordSet(['give tell gib nenne donne dame deme dammi']);
const factComplements = wordSet(['of von des du de del di']);
/** Verbs that ask for a list; they count only with a number or a quantity after them ("list five…", "name the main…"). */
const listVerbs = wordSet(['list name enumerate give suggest recommend nenne nenn liste cite citez nombra enumera elenca']);
const enumerating = wordSet(['list enumerate']);
const superlative = /^\p{L}{3,}est$/u;
const notSuperlatives = wordSet(['interest request contest forest harvest protest digest manifest honest modest suggest conquest arrest invest ingest']);
const recommending = wordSet(['suggest recommend']);
const indefinite = wordSet(['a an some']);
const quantities = wordSet([
  'two three four five six seven eight nine ten few several some main top key major primary common best most important famous',
  'zwei drei vier funf deux trois quatre cinq dos tres cuatro cinco due tre quattro cinque',
]);
const solveVerbs = wordSet(['solve calculate compute simplify evaluate factor differentiate integrate prove convert lose berechne resous calcule calcula resuelve risolvi calcola']);
/** Arithmetic in the request ("3x + 7 = 22", "15% of 240"): a changelog's "simplify the check (#650)" has none. */
const arithmetic = /\d\s*(?:[-+*/×÷^=%]|percent|plus|minus|times|divided)/u;
const mathWords = wordSet([
  'equation equations integral derivative quadratic polynomial probability theorem matrix fraction sum product square root',
  'area radius diameter volume perimeter circumference hypotenuse triangle circle average median factorial fahrenheit celsius',
]);
const translateVerbs = wordSet(['translate ubersetze ubersetzen uebersetze traduis traduisez traduire traduce traduzca traducir traduza traduz traduci traduca']);
export const languages = wordSet([
  'english french german spanish italian portuguese russian chinese mandarin cantonese japanese korean arabic hindi dutch swedish norwegian danish finnish',
  'polish greek turkish hebrew latin swahili vietnamese thai indonesian czech hungarian romanian ukrainian persian bengali urdu',
  'englisch franzosisch deutsch spanisch italienisch russisch chinesisch japanisch anglais francais allemand espagnol italien russe chinois japonais portugais',
  'ingles frances aleman espanol italiano ruso chino japones portugues alemao espanhol russo inglese francese tedesco spagnolo cinese giapponese',
]);

/** English question words and the words that may follow them in a knowledge question ("what is", "who wrote", "how does"). */
const englishQuestions = new Map<string, ReadonlySet<string>>([
  ['what', wordSet(['is are was were does do did causes caused happens happened'])],
  ["what's", wordSet(['the a an'])],
  ['which', wordSet(['is are was were country city planet animal element language year'])],
  ['who', wordSet(['is are was were wrote invented discovered painted composed founded created directed built designed won said coined developed first sang'])],
  ['how', wordSet(['does do did is are can many much far long old to'])],
  ['why', wordSet(['is are was were does do did'])],
  ['where', wordSet(['is are was were'])],
  ['when', wordSet(['was were did'])],
]);
/**
 * Question words of the other core languages (de, fr, es, pt, it), folded. German "was" is also English: it counts
 * only before the verbs a German knowledge question uses ("was ist", "was bedeutet").
 */
const otherQuestions = wordSet([
  'wer wie warum weshalb welche welcher welches wieviele',
  "qu'est qu'est-ce quel quelle quels quelles qui comment pourquoi",
  'que quien quienes como cual cuales cuantos cuanto',
  'quem qual quais quantos',
  "cos'e che chi quale quali quanti perche",
]);
const germanWhat = wordSet(['ist sind war waren bedeutet bedeuten heisst versteht']);

/** Words that tie a request to the people writing to each other ("your order", "our meeting", "we", "my account"). */
const sharedContext = wordSet([
  'your yours our ours we us my mine',
  'unser unsere unseren unserem unserer wir uns mein meine meinen meinem dein deine deinen euer eure ihr ihre ihren ihrem ihnen ich',
  'notre nos votre vos nous mon mes ton tes je',
  'nuestro nuestra nuestros nuestras nosotros vuestro vuestra mi mis tu tus su sus yo',
  'nosso nossa vosso meu minha seu sua eu nostro nostra vostro vostra noi mio tuo io',
]);
/** Words that point back into the surrounding text ("this", "it", "the above", "attached"): the request is about the text. */
const anaphora = wordSet([
  'this these those it its they them their theirs he she him his her here there above below attached aforementioned mentioned enclosed',
  'dies diese dieser dieses diesem diesen obige obigen anbei ceci cela ca cet cette ces dessus esto eso este esta estos estas ese esa adjunto',
  'isto isso questo questa questi queste',
]);
/**
 * The business people do with each other by mail: a question about the status of an order, the date of a meeting or
 * the amount of an invoice is an errand between people, however unrelated its words are to the rest of the mail; a
 * shop asking for a review or offering a coupon code is marketing.
 */
const errands = wordSet([
  'status update updates deadline deadlines schedule meeting meetings call appointment reservation booking agenda timeline progress eta',
  'invoice invoices orders delivery shipment shipping payment payments refund balance account price pricing cost costs quote budget fee fees',
  'contract contracts project projects report reports ticket tickets availability office team',
  'password login subscription membership renewal interview proposal',
  'review reviews rating ratings feedback survey testimonial coupon voucher promo discount checkout cart loyalty points',
  'termin termine rechnung bestellung lieferung zahlung vertrag projekt angebot besprechung konto',
  'facture commande livraison paiement contrat projet devis reunion rendez compte',
  'factura pedido entrega pago contrato proyecto presupuesto reunion cita cuenta fatura encomenda pagamento contratto progetto riunione ordine',
]);
/** Openings where "you" names a generic person, not the reader: "how do you say", "what do you call". */
const genericYou = /^(?:how (?:do|would|can) you (?:say|spell|pronounce|write|translate)|what do you call)\b/u;
/** "how do I solve…": "I" as anyone who wants to learn a skill. */
const genericI = /^how (?:do|can|should|would|could) i\b/u;
/** Quoted text: a phrase to translate, a title. */
export const quoted = /["“”«»„][^"“”«»„\n]{0,200}["“”«»„]|(?<!\p{L})'[^'\n]{1,200}'(?!\p{L})/gu;
const requestWordPattern = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/**
 * Fewest content words (quoted terms count as one) a request needs to have a topic of its own. A question needs two:
 * "who is attending?" is about the text it sits in, "who wrote the first opera?" is not.
 */
const minimumContentWords: Record<RequestKind, number> = { create: 2, explain: 1, list: 2, translate: 1, solve: 0, question: 2 };

/**
 * The kind of request a segment makes of an assistant, or undefined when it is not one: an imperative task (write a
 * poem, explain a theory, translate into a language, list five…, solve an equation), optionally softened ("please",
 * "could you"), or a knowledge question. Requests tied to the people in the conversation (your, our, we, my) or pointing
 * back into the text (this, it, the above) are not assistant requests: they are what people ask each other about a text.
 */
export function requestKindOf(segment: string): RequestKind | undefined {
  // A short label before the request ("Task: …", "P.S.: …", "Note: …") and a lead-in that only orders it among other
  // tasks ("First, …", "In addition, …", "Before answering anything else, …") are read past.
  const afterPostscript = segment.slice(postscript.exec(segment)?.[0].length ?? 0);
  const afterLabel = afterPostscript.slice(leadingLabel.exec(afterPostscript)?.[0].length ?? 0);
  const lowerCase = afterLabel.toLowerCase();
  const unlabelled = lowerCase.length === afterLabel.length ? afterLabel.slice(leadIn.exec(lowerCase)?.[0].length ?? 0) : afterLabel;
  // Most sentences start with a word no request starts with: decided on the first word, before any other work.
  const first = firstWord.exec(unlabelled)?.[1];
  if (!first || !openingWords.has(fold(first))) return undefined;
  const folded = fold(unlabelled).replace(/^[\s¿¡"'“«(]+/u, '');
  if (!/^\p{L}/u.test(folded)) return undefined;
  // "Analyze, the command…", "(summarize): …": a word set off by punctuation is a subject or a label, not an
  // imperative (a comma before a question word is German or French grammar: "Erkläre, wie…").
  const label = /^(\p{L}+)\s*([,;:()])\s*(\p{L}*)/u.exec(folded);
  if (label && !softeners.has(label[1] ?? '') && !(label[2] === ',' && otherQuestions.has(label[3] ?? ''))) return undefined;
  const isQuestion = /\?["'”»)]?\s*$/u.test(folded);
  const unquoted = folded.replace(quoted, ' ');
  const words: string[] = unquoted.match(requestWordPattern) ?? [];
  let index = 0;
  while (index < words.length && softeners.has(words[index] ?? '')) index++;
  let addressedToYou = false;
  if (modalOpeners.has(words[index] ?? '') && addressees.has(words[index + 1] ?? '')) {
    index += 2;
    addressedToYou = true;
  } else if (wishOpeners.has(words[index] ?? '')) {
    const you = words.indexOf('you', index);
    if (you > index && you <= index + 3 && words[you + 1] === 'to') index = you + 2;
  }
  while (index < words.length && softeners.has(words[index] ?? '')) index++;
  // "help me write…", "help me to understand…": the task is the verb after.
  if (words[index] === 'help' && words[index + 1] === 'me' && (createVerbs.has(words[index + 2] ?? '') || explainVerbs.has(words[index + 2] ?? '') || words[index + 2] === 'to')) {
    index += words[index + 2] === 'to' ? 3 : 2;
  }
  const rest = words.slice(index);
  const head = rest[0];
  if (!head) return undefined;
  const restText = rest.join(' ');
  const kind = kindOf(head, rest, restText, folded, isQuestion);
  if (!kind) return undefined;
  if (!addressedToYou && !genericYou.test(restText) && rest.some((word) => word === 'you' || addressees.has(word))) return undefined;
  if (genericI.test(restText) ? rest.slice(3).includes('i') : rest.includes('i')) return undefined;
  if (rest.some((word) => sharedContext.has(word) || anaphora.has(word))) return undefined;
  if (kind !== 'translate' && rest.some((word) => errands.has(word))) return undefined;
  const contentWords = rest.slice(1).filter(isTopicWord).length + (folded.match(quoted)?.length ?? 0);
  return contentWords >= minimumContentWords[kind] ? kind : undefined;
}

const leadingLabel = /^[\s(]*\p{L}[\p{L}\p{N}._ -]{0,20}:\s+/u;
/** "P.S.", "PPS", "PS:" before the request. */
const postscript = /^[\s(]*p\.?\s?(?:p\.?\s?)?s\.?(?:\s*[:,-])?\s+/iu;
/**
 * Lead-ins that place a request in a sequence of tasks, set off by a comma: sequencing adverbs and "before …" clauses
 * of en/de/fr/es, read in lower case.
 */
const leadIn =
  /^[\s(]*(?:(?:but |and )?(?:first(?:ly)?|first of all|to begin|to start|next|then|also|additionally|in addition|moreover|furthermore|besides|finally|lastly|afterwards|after that|meanwhile|as well|before (?:\p{L}+ ){0,4}\p{L}+|once (?:\p{L}+ ){0,3}\p{L}+)|zuerst|zun[aä]chst|au(?:ss|ß)erdem|zus[aä]tzlich|danach|anschlie(?:ss|ß)end|vorher|d['’]abord|ensuite|puis|en plus|de plus|aussi|enfin|avant (?:\p{L}+ ){0,4}\p{L}+|primero|adem[aá]s|luego|despu[eé]s|tambi[eé]n|finalmente|antes (?:\p{L}+ ){0,4}\p{L}+)\s*,\s*/u;
const firstWord = /^[\s¿¡"'“«(]*(\p{L}+(?:['’]\p{L}+)?)/u;
/** Every word a request can start with: openers, verbs, question words. */
const openingWords = new Set<string>([
  ...softeners, ...modalOpeners, ...wishOpeners, ...createVerbs, ...explainVerbs, ...listVerbs, ...solveVerbs, ...translateVerbs,
  ...englishQuestions.keys(), ...otherQuestions, 'was', 'break', 'walk', 'help', 'teach', 'tell',
]);

function kindOf(head: string, rest: readonly string[], restText: string, segment: string, isQuestion: boolean): RequestKind | undefined {
  const next = rest[1] ?? '';
  const names = (set: ReadonlySet<string>, from: number, to: number) => rest.slice(from, to).some((word) => set.has(word));
  if (translateVerbs.has(head)) return names(languages, 1, rest.length) ? 'translate' : undefined;
  if (isQuestion && /\bin (?:\p{L}+ )?(\p{L}+)\s*$/u.test(restText) && languages.has(restText.slice(restText.lastIndexOf(' ') + 1))) {
    if (head === 'what' || head === "what's" || head === 'how' || head === 'was' || otherQuestions.has(head)) return 'translate';
  }
  if (names(languages, 1, 4) && /\b(?:equivalent|translation|word|term|phrase|expression)\b/u.test(restText)) return 'translate';
  if (createVerbs.has(head) && names(genres, 1, 8)) {
    const object = addressedVerbs.has(head) ? (recipients.has(next) ? rest[2] : undefined) : recipients.has(next) ? rest[2] : next;
    if (object === undefined || definiteArticles.has(object)) return undefined;
    // "recommend a novel", "suggest a recipe": a pick among what exists, not new content.
    return recommending.has(head) ? 'list' : 'create';
  }
  if (explainVerbs.has(head) && rest.length >= 2) return 'explain';
  if (explainPhrases.has(`${head} ${next}`) && explainPhraseObjects.has(rest[2] ?? '')) return 'explain';
  if (head === 'tell' && recipients.has(next) && questionPhraseObjects.has(rest[2] ?? '')) return 'question';
  if (factVerbs.has(head) && recipients.has(next) && definiteArticles.has(rest[2] ?? '')) {
    const complement = rest.findIndex((word, index) => index > 3 && index <= 6 && factComplements.has(word));
    if (complement > 0) return 'question';
  }
  if (listVerbs.has(head)) {
    const after = next === 'me' ? rest[2] : next;
    const qualifier = rest[next === 'me' ? 3 : 2] ?? '';
    // "name the longest river…": a superlative picks one thing of the world.
    if (after && (/^\d+$/u.test(after) || quantities.has(after) || (after === 'the' && (quantities.has(qualifier) || (superlative.test(qualifier) && !notSuperlatives.has(qualifier)))))) return 'list';
    // "list the planets…" asks for a list whatever follows; "recommend a book…" asks for a pick.
    if (after && ((enumerating.has(head) && (after === 'the' || after === 'all')) || (recommending.has(head) && indefinite.has(after)))) return 'list';
  }
  if (solveVerbs.has(head) && (names(mathWords, 1, rest.length) || arithmetic.test(segment))) return 'solve';
  if (!isQuestion) return undefined;
  const followers = englishQuestions.get(head);
  if (followers) return followers.has(next) ? 'question' : undefined;
  if (head === 'was') return germanWhat.has(next) ? 'question' : undefined;
  return otherQuestions.has(head) ? 'question' : undefined;
}

function isTopicWord(word: string): boolean {
  return !/^\d/u.test(word) && isContentWord(word);
}
