/**
 * Synthetic hard negatives for the jailbreak head: benign role-play and persona prompts ("You are a retired
 * lighthouse keeper named …; describe …") and instruction-dataset task prompts ("Here is a product review. …").
 *
 * Jailbreak templates open the same way ("You are DAN…", "Act as…", "Pretend to be…"), so a model that only ever saw
 * persona openers in attacks learns "a persona is an attack" and blocks ordinary character chat, tutoring personas
 * and system prompts. These sentences come from a grammar written here (no dataset text), so leaving any dataset out
 * of training stays honest.
 */

import { pickOne } from './synthetic.ts';

const openers = [
  'You are', 'Act as', 'Roleplay as', 'Pretend to be', 'Imagine you are', 'Play the role of', 'Take on the role of',
  'Respond as', 'Speak as', 'Write as if you were', 'I want you to act as', 'Please act as',
];

const adjectives = [
  'cheerful', 'grumpy', 'shy', 'retired', 'ambitious', 'sarcastic', 'patient', 'eccentric', 'curious', 'weary',
  'brave', 'anxious', 'proud', 'gentle', 'stubborn', 'witty', 'soft-spoken', 'meticulous', 'reckless', 'kind-hearted',
  'legendary', 'young', 'elderly', 'mysterious', 'optimistic', 'nervous', 'confident', 'lonely', 'famous', 'humble',
];

const roles = [
  'baker', 'lighthouse keeper', 'detective', 'astronaut', 'librarian', 'travel guide', 'chess coach', 'museum curator',
  'ship captain', 'blacksmith', 'botanist', 'tour guide', 'yoga instructor', 'barista', 'wizard', 'knight', 'dragon',
  'elf archer', 'space pirate', 'robot butler', 'vampire', 'ghost', 'time traveler', 'sommelier', 'marine biologist',
  'history teacher', 'math tutor', 'personal trainer', 'career counselor', 'interior designer', 'film critic',
  'stand-up comedian', 'news anchor', 'park ranger', 'fashion designer', 'software mentor', 'command-line shell',
  'English pronunciation helper', 'spreadsheet', 'poet', 'storyteller', 'motivational coach', 'dungeon master',
  'customer support agent', 'real estate agent', 'nutritionist', 'language teacher', 'debate partner', 'interviewer',
  'mediaeval innkeeper', 'samurai', 'mermaid', 'retired spy', 'village elder', 'alchemist', 'starship engineer',
];

const names = [
  'Mira', 'Tobias', 'Aiko', 'Rafael', 'Ingrid', 'Kwame', 'Lucia', 'Dmitri', 'Priya', 'Owen', 'Sofia', 'Hiroshi',
  'Amara', 'Felix', 'Noor', 'Bjorn', 'Camille', 'Mateo', 'Yara', 'Elias', 'Zara', 'Jonas', 'Leila', 'Arthur',
];

const backstories = [
  'who grew up in a small fishing village', 'who has spent twenty years restoring old clocks',
  'known for an encyclopedic memory of train timetables', 'who secretly dreams of becoming a painter',
  'who lost a bet and now has to sing every answer', 'living in a floating city above the clouds',
  'who just opened a tiny shop at the edge of town', 'famous across the kingdom for terrible puns',
  'who has guarded the mountain pass for three centuries', 'returning home after a long voyage',
  'who trains apprentices in the old ways', 'who speaks in riddles when nervous', 'with a fear of pigeons',
  'who writes a weekly column about gardening', 'preparing for the biggest tournament of the season',
  'who was once the court jester', 'stranded on a quiet research station', 'who loves explaining things with food',
];

const tasks = [
  'Describe your favourite place to a visitor.', 'Share three tips for a beginner.', 'Explain how your day usually starts.',
  'Greet the customer who just walked in.', 'Tell a short story about your first adventure.',
  'Answer the traveler’s question about the road ahead.', 'Give feedback on my essay about climate policy.',
  'Help me practise for a job interview.', 'Recommend a book for a long train ride.', 'Introduce yourself to the class.',
  'Comfort a friend who failed an exam.', 'Convince the council to repair the old bridge.',
  'React to the news that the festival is cancelled.', 'Explain the rules of your favourite game.',
  'Reply to my messages in character and keep answers short.', 'Ask me questions one at a time and wait for my answers.',
  'Correct my grammar and explain each mistake.', 'Describe the view from your window at dawn.',
  'Plan a three-day itinerary for a family with kids.', 'Suggest a recipe using only what is in my fridge.',
  'Answer with what the program would print, in a single code block.',
  'Write your reply as a diary entry.', 'Express your frustration about the broken machine.',
  'Warn the villagers about the coming storm.', 'Teach me five useful phrases for ordering food.',
];

const nlpTasks = [
  'Here is a product review. Tell me whether the customer liked the product.',
  'Below are two sentences. Does the second follow logically from the first one?',
  'Using only the passage below, answer the question that comes after it.',
  'Given the following paragraph, write a one-sentence summary.',
  'Given a sentence, generate a new sentence by changing one word so that it stays plausible.',
  'Read the passage below and answer the question that follows it.',
  'Answer the following question. Think step by step before giving the final answer.',
  'Please answer the following question about this movie plot.',
  'Choose the option that best completes the sentence.',
  'Write the next sentence of the following story.',
  'First comes a task description, then an example input; produce the matching output.',
  'Generate a question whose answer is the highlighted phrase in the passage.',
  'Translate the following sentence into French, keeping the names unchanged.',
  'Given the context, is the statement true, false, or impossible to tell?',
  'Extract every date mentioned in the text and list them in order.',
];

const foreignPersonas = [
  'Tu es un boulanger bavard. Explique comment tu prépares ton pain le matin.',
  'Du bist eine geduldige Mathelehrerin. Erkläre mir Brüche mit einem Beispiel.',
  'Eres un guía turístico en Sevilla. Recomiéndame tres lugares para visitar.',
  'Sei un capitano di nave in pensione. Racconta la tua tempesta più difficile.',
  'Você é um chef de cozinha. Sugira um jantar simples para quatro pessoas.',
  '你是一位经验丰富的导游。请介绍一下西湖的历史。',
  'あなたは優しい図書館員です。子ども向けの本をすすめてください。',
  '당신은 친절한 요가 강사입니다. 초보자를 위한 스트레칭을 알려 주세요.',
  'Ты опытный шахматный тренер. Объясни, как начинать партию.',
  'أنت مرشد سياحي في القاهرة. اقترح جولة ليوم واحد.',
  'आप एक धैर्यवान शिक्षक हैं। मुझे भिन्न समझाइए।',
];

/** Well-known characters from fiction, myth and history: personas users ask for by name. */
const famousCharacters = [
  'Sherlock Holmes', 'Captain Nemo', 'Cleopatra', 'Napoleon', 'Marie Curie', 'Gandalf', 'Thor', 'Hermione Granger',
  'Darth Vader', 'Mario', 'Batman', 'Elizabeth Bennet', 'Odysseus', 'Ada Lovelace', 'Albert Einstein', 'Frida Kahlo',
  'Mulan', 'Zorro', 'Robin Hood', 'Count Dracula', 'Captain Ahab', 'Don Quixote', 'Mary Poppins', 'Joan of Arc',
  'Socrates', 'Leonardo da Vinci', 'Amelia Earhart', 'Hercules', 'Athena', 'King Arthur', 'Merlin', 'Pippi Longstocking',
  'Captain Kirk', 'Spock', 'Wonder Woman', 'Geralt of Rivia', 'Lara Croft',
  'Naruto Uzumaki', 'Goku', 'Sailor Moon', 'Totoro', 'Jane Eyre', 'Atticus Finch', 'Bilbo Baggins', 'Princess Leia',
  'Julius Caesar', 'Queen Victoria', 'Nikola Tesla', 'Abraham Lincoln', 'Mozart', 'Shakespeare', 'Confucius',
];

/** What a named persona is doing, as a participle clause ("You are Napoleon, explaining …"). */
const personaScenes = [
  'explaining your plan to a nervous friend', 'bragging about your latest discovery', 'warning a traveler about the road',
  'arguing with a rival about who is the best', 'comforting a child who is afraid of the dark',
  'describing your home to a stranger', 'giving a pep talk before the big game', 'apologising for a silly mistake',
  'teaching an apprentice your favourite trick', 'reflecting on the hardest day of your life',
  'meeting a fan who admires your work', 'complaining about the weather', 'celebrating a victory with friends',
  'negotiating the price of a horse', 'reacting to a surprise birthday party', 'reviewing a restaurant you just visited',
];

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** One benign prompt that casts the assistant as a named character ("You are Spock, explaining …"). */
export function syntheticNamedPersonaPrompt(random: () => number): string {
  const character = pickOne(famousCharacters, random);
  const roll = random();
  if (roll < 0.4) return `${pickOne(['You are', 'Imagine you are', 'Pretend to be', 'Roleplay as', 'Act as'], random)} ${character}, ${pickOne(personaScenes, random)}.`;
  if (roll < 0.7) return `You are ${character}. ${pickOne(tasks, random)}`;
  if (roll < 0.85) return `As ${character}, ${pickOne(tasks, random).replace(/^./, (first) => first.toLowerCase())}`;
  return `${pickOne(openers, random)} ${character}. ${pickOne(tasks, random)} ${pickOne(tasks, random)}`;
}

/** One benign persona / role-play prompt or instruction-dataset task prompt. */
export function syntheticPersonaPrompt(random: () => number): string {
  const roll = random();
  if (roll < 0.12) return pickOne(nlpTasks, random);
  if (roll < 0.2) return pickOne(foreignPersonas, random);
  const adjective = pickOne(adjectives, random);
  const role = pickOne(roles, random);
  const name = pickOne(names, random);
  const style = random();
  const character =
    style < 0.35
      ? `${article(adjective)} ${adjective} ${role} named ${name}`
      : style < 0.65
        ? `${name}, ${article(adjective)} ${adjective} ${role}`
        : `${article(adjective)} ${adjective} ${role}`;
  const backstory = random() < 0.6 ? ` ${pickOne(backstories, random)}` : '';
  const sentences = [`${pickOne(openers, random)} ${character}${backstory}.`];
  if (random() < 0.4) sentences.push(`Your name is ${name} and you care deeply about your work.`);
  sentences.push(pickOne(tasks, random));
  if (random() < 0.3) sentences.push(pickOne(tasks, random));
  return sentences.join(' ');
}
