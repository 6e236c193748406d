import { quoted } from './request-forms.ts';
import { fold, isContentWord, wordSet } from './topic-words.ts';

/**
 * Situated asks: what separates a question between people from a task planted for an assistant. An ask between people
 * is anchored in the here and now and in what the two share — "on Saturday", "tonight", "near the station", "in town",
 * "the party", "the interns", "that café", "the new head of marketing", a "P.S." — while a planted task is timeless and
 * impersonal: general knowledge, a poem, a translation, a tutoring question, code ("What is the capital of Brazil?",
 * "Write a haiku about rain."). First and second person ("my", "our", "you") are already read as shared context by
 * `request-forms.ts`; this module reads the deictic time, place and definite references of en/de/fr/es/pt/it.
 */

/** Deictic time: words that only mean something relative to when the text is written. */
const deicticTimes = wordSet([
  'today tonight tomorrow yesterday tonite weekend monday tuesday wednesday thursday friday saturday sunday',
  'heute morgen gestern ubermorgen vorhin nachher demnachst wochenende montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend',
  "aujourd'hui demain hier ce-soir lundi mardi mercredi jeudi vendredi samedi dimanche",
  'hoy manana ayer lunes martes miercoles jueves viernes sabado domingo',
  'hoje amanha ontem segunda terca quarta quinta sexta',
  'oggi domani ieri stasera lunedi martedi mercoledi giovedi venerdi sabato domenica',
]);
/** Units of time that a demonstrative or "next"/"last" ties to the present: "this week", "next month", "last night". */
const timeUnits = wordSet([
  'morning afternoon evening night week month year weekend summer winter spring autumn fall holidays semester term quarter',
  'woche monat jahr abend nachmittag semaine mois annee soir semana mes ano noche tarde settimana mese anno sera',
]);
const timeDeterminers = wordSet(['this next last coming diese dieser dieses nachste nachsten letzte letzten cette ce prochaine prochain derniere dernier esta este proxima proximo pasada pasado questa questo prossima prossimo scorsa scorso']);

/**
 * Deictic place: phrases that only mean something to someone who is where the writer is. "near the …" is left to the
 * referent that follows it: "near the station" is local, "near the equator" is geography.
 */
const deicticPlace =
  /\b(?:nearby|near (?!the\b)|close by|around here|over here|in town|downtown|in the area|in the neighbou?rhood|walking distance|round the corner|around the corner|in der nahe|in der stadt|um die ecke|hier in|pres d[eu']|a cote d[eu']|en ville|dans le coin|cerca de|por aqui|en el centro|aqui en|perto d[eo]|vicino a|qui vicino|in citta)\b/u;

/**
 * Things and people of the writer's own surroundings: events they go to, people around them, places of their
 * everyday life. Made definite ("the party", "the interns", "that café"), they refer to ones both sides know — a
 * general-knowledge question names its subject ("the capital of Brazil") or asks about a kind ("the liver").
 */
const localReferents = wordSet([
  // events
  'party parties dinner lunch breakfast barbecue bbq picnic wedding match concert gig offsite retreat gathering celebration outing drinks potluck gala ceremony reunion premiere',
  'flight trip train bus ride drive commute journey holiday holidays vacation',
  'feier fest grillfest hochzeit spiel konzert essen ausflug fete soiree repas diner dejeuner mariage concert sortie fiesta cena comida almuerzo boda partido',
  'festa jantar almoco casamento jogo cena pranzo matrimonio partita',
  // people around the writer
  'intern interns trainee trainees colleague colleagues coworker coworkers boss manager landlord landlady tenant tenants neighbour neighbours neighbor neighbors',
  'guest guests kids babysitter nanny caretaker janitor receptionist secretary newcomer newcomers visitors',
  'plumber electrician technician mechanic courier cleaner cleaners builders contractor dentist vet',
  'praktikant praktikanten kollege kollegen kollegin chef chefin vermieter vermieterin nachbar nachbarn gaste',
  'stagiaire stagiaires collegue collegues patron patronne proprietaire voisin voisins invites',
  'becario becarios companero companeros jefe jefa casero vecino vecinos invitados colega colegas estagiario vizinhos colleghi vicini ospiti',
  // places of everyday life
  'station hotel cafe restaurant pub canteen cafeteria kitchen gym shop store supermarket bakery pharmacy garage lobby reception venue airport parking',
  'stadium pool library school park beach printer fridge elevator lift key keys',
  'bahnhof kantine kuche laden backerei apotheke gare cantine cuisine boulangerie pharmacie estacion cafeteria restaurante cocina panaderia farmacia',
]);
/** German compounds end in the referent: "Weihnachtsfeier", "Sommerfest", "Hauptbahnhof". */
const germanCompoundHeads = ['feier', 'fest', 'party', 'essen', 'ausflug', 'bahnhof', 'kantine', 'kollegen', 'praktikanten'];
/** People of a group the writer belongs to ("did anyone find…", "is everyone coming…"), meals as times of day, "again". */
const groupAndRoutine = /\b(?:everyone|everybody|anyone|anybody|again|for (?:lunch|dinner|breakfast|brunch)|zum (?:mittagessen|abendessen|fruhstuck))\b/u;
/** Definite determiners and demonstratives before a referent the reader is expected to know. */
const definite = wordSet(['the that der die das den dem diese dieser zum zur im am beim vom ins le la les ce cet cette el los las ese esa este esta il lo gli quel quella']);
/** A referent with a complement ("the flight of birds", "the party of Lenin") is described, not shared. */
const complements = wordSet(['of von des de del di do da']);
/** "the new head of marketing", "die neue Regel", "le nouveau directeur", "el nuevo jefe": new relative to now. */
const novelty = wordSet(['new newly latest neue neuen neuer neues nouveau nouvelle nouveaux nouvelles nouvel nuevo nueva nuevos nuevas novo nova nuovo nuova']);
/** English future and arrangements: "what is the weather going to be like", "who will bring the cake". */
const englishFuture = /\b(?:going to be|gonna)\b/u;
/**
 * The present progressive of arrangements ("how many people are coming", "who is bringing the salad"): plans people
 * make, not facts about the world.
 */
const arrangements =
  /\b(?:is|are|am)\s+(?:\w+\s+)?(?:coming|going|bringing|joining|attending|driving|picking|leaving|arriving|staying|hosting|organi[sz]ing|visiting|cooking|presenting|flying|catering)\b/u;
/** A postscript or a by-the-way: forms of a letter between people. */
const asideOpeners = /^[\s(]*(?:p\.?\s?s\.?|p\.?\s?p\.?\s?s\.?|btw|by the way|oh and|ps)\b[\s:,.-]*/u;
const wordPattern = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** Words between a determiner and the referent ("the Christmas party", "that little café"): one or two. */
const maxModifiers = 2;

/**
 * Why a request reads as an ask between people rather than a task for an assistant, or undefined when it is timeless
 * and impersonal. The reason is a short label for the finding's evidence: `time`, `place`, `referent`, `new`,
 * `future`, `arrangement`, `routine`, `aside`.
 */
export function situatedCue(request: string): string | undefined {
  // A phrase to translate or a title in quotes ("see you tomorrow") is what is asked about, not when or where.
  const segment = request.replace(quoted, ' ');
  const folded = fold(segment);
  if (asideOpeners.test(folded)) return 'aside';
  if (deicticPlace.test(folded)) return 'place';
  if (englishFuture.test(folded)) return 'future';
  if (arrangements.test(folded)) return 'arrangement';
  if (groupAndRoutine.test(folded)) return 'routine';
  const originals = segment.match(wordPattern) ?? [];
  const words = originals.map(fold);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    const next = words[index + 1] ?? '';
    if (deicticTimes.has(word) || (word === 'ce' && next === 'soir') || (word === 'last' && next === 'night')) return 'time';
    if (timeDeterminers.has(word) && timeUnits.has(next)) return 'time';
    if (!definite.has(word)) continue;
    // A determiner, then up to two modifiers and a referent of the writer's surroundings, none of them a proper name.
    for (let offset = 1; offset <= maxModifiers + 1; offset++) {
      const original = originals[index + offset] ?? '';
      if (!original || /^\p{Lu}/u.test(original) && offset > 1) break;
      const candidate = words[index + offset] ?? '';
      if (offset === 1 && novelty.has(candidate) && /^\p{Ll}/u.test(original)) return 'new';
      if (localReferents.has(candidate) || germanCompoundHeads.some((head) => candidate.length > head.length + 2 && candidate.endsWith(head))) {
        const following = words[index + offset + 1] ?? '';
        if (complements.has(following)) break;
        // "the school system", "the train timetable": the local noun only modifies the head that follows it.
        if (!isContentWord(following) || !/^\p{Ll}/u.test(originals[index + offset + 1] ?? '')) return 'referent';
      }
      if (definite.has(candidate)) break;
    }
  }
  return undefined;
}
