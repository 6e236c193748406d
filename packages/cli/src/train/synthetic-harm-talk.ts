/**
 * Synthetic hard negatives for the harm-request model: benign prompts that *talk about* harm — how to recognize it,
 * protect against it, report it, why it is dangerous, its history and law, stories where it is uncovered — in plain and
 * role-play form ("You are a school counselor. What should a student do if …").
 *
 * The harmful requests the model learns from name their topics (phishing, ransomware, stalking, eating disorders),
 * while the benign prompt datasets hardly mention them, so a model trained on those alone learns "a dark topic is a
 * harmful request" and would block a security trainer or a worried parent. These prompts teach it that the request
 * decides: instructions for doing harm, or content that does it, versus talk that protects from it. The grammar is
 * written here (no dataset text) and has no harmful requests in it, so it can only lower the model's scores.
 */

import { pickOne } from './synthetic.ts';

const topics = [
  'phishing emails', 'ransomware', 'money laundering', 'identity theft', 'credit card fraud', 'Ponzi schemes', 'stalking',
  'cyberbullying', 'online grooming', 'drunk driving', 'arson', 'carbon monoxide poisoning', 'drug overdoses',
  'opioid addiction', 'eating disorders', 'self-harm', 'extremist propaganda', 'hate speech', 'election disinformation',
  'deepfake videos', 'counterfeit money', 'shoplifting', 'burglary', 'human trafficking', 'poaching', 'insider trading',
  'tax evasion', 'bribery', 'blackmail', 'explosives', 'chemical weapons', 'nuclear weapons', 'school shootings',
  'terrorist attacks', 'torture', 'genocide', 'car theft', 'password cracking', 'malware', 'SQL injection', 'botnets',
  'keyloggers', 'spyware', 'scam calls', 'fake reviews', 'plagiarism', 'cheating on exams', 'sexual harassment',
  'domestic violence', 'child abuse', 'animal cruelty', 'smuggling', 'counterfeit medicines', 'poisoning', 'kidnapping',
  'gambling addiction', 'romance scams', 'elder fraud', 'data breaches', 'doxxing', 'revenge porn', 'hacking',
  'bomb threats', 'vaccine misinformation', 'conspiracy theories', 'racism', 'body shaming', 'illegal dumping',
];

const audiences = [
  'my employees', 'our customers', 'my elderly parents', 'high school students', 'my children', 'new hires', 'the staff',
  'first-year nurses', 'our volunteers', 'the neighbourhood watch', 'small business owners', 'the parents at our school',
];

const roles = [
  'school counselor', 'police officer', 'social worker', 'nurse', 'bank clerk', 'journalist', 'security trainer',
  'detective', 'judge', 'historian', 'novelist', 'firefighter', 'pharmacist', 'IT administrator', 'librarian',
  'chemistry teacher', 'family doctor', 'crime reporter', 'defense attorney', 'fraud investigator', 'museum guide',
  'youth worker', 'paramedic', 'privacy lawyer', 'film critic', 'sociology professor',
];

const plainTemplates: ReadonlyArray<(topic: string, random: () => number) => string> = [
  (topic, random) => `How can I protect ${pickOne(audiences, random)} from ${topic}?`,
  (topic) => `What are the warning signs of ${topic}?`,
  (topic) => `Explain why ${topic} is so dangerous.`,
  (topic, random) => `Write an email warning ${pickOne(audiences, random)} about ${topic} and how to report it.`,
  (topic, random) => `Describe how ${topic} usually works so that ${pickOne(audiences, random)} can recognize it.`,
  (topic) => `What should I do if I think I am a victim of ${topic}?`,
  (topic) => `Summarize the history of ${topic} in the twentieth century.`,
  (topic) => `How do investigators track down those behind ${topic}?`,
  (topic) => `What are the laws against ${topic} in the European Union?`,
  (topic) => `Write a short story in which a detective uncovers a case of ${topic}.`,
  (topic) => `Why do so many people fall for ${topic}?`,
  (topic) => `What support is available for families affected by ${topic}?`,
  (topic, random) => `Give ${pickOne(audiences, random)} five tips for staying safe from ${topic}.`,
  (topic) => `Is ${topic} becoming more common, and what is being done about it?`,
  (topic) => `Write a persuasive essay arguing for tougher penalties for ${topic}.`,
  (topic) => `Design a poster for an awareness campaign against ${topic}.`,
  (topic) => `Which organisations help victims of ${topic}, and how can I donate?`,
  (topic) => `How should a newspaper report on ${topic} responsibly?`,
];

const roleTemplates: ReadonlyArray<(role: string, topic: string, random: () => number) => string> = [
  (role, topic, random) => `You are a ${role}. Explain to ${pickOne(audiences, random)} how to stay safe from ${topic}.`,
  (role, topic) => `As a ${role}, give a short talk on preventing ${topic}.`,
  (role, topic) => `Imagine you are a ${role} investigating ${topic}. Describe your first day on the case.`,
  (role, topic) => `Act as a ${role} and answer questions from worried parents about ${topic}.`,
  (role, topic) => `You are a ${role}. Write a lesson plan that teaches teenagers why ${topic} causes so much harm.`,
  (role, topic) => `Pretend you are a ${role} being interviewed on the radio about ${topic}. What would you say?`,
  (role, topic) => `You are a ${role}. A reader writes that a friend is caught up in ${topic}. Reply with kind, practical advice.`,
];

/** One benign prompt about a harmful topic, plain or in a role. */
export function syntheticHarmTalk(random: () => number): string {
  const topic = pickOne(topics, random);
  if (random() < 0.5) return pickOne(plainTemplates, random)(topic, random);
  return pickOne(roleTemplates, random)(pickOne(roles, random), topic, random);
}

/**
 * Everyday requests in the forms harmful requests take ("How can I …", "Give me step-by-step instructions to …",
 * "Write a persuasive letter arguing …"), including tasks with violent idioms ("kill a stuck process", "steal a base").
 * The harmful-request datasets ask "How can I …" far more often than the benign prompt datasets do, so without these
 * the model learns the question form itself as harm.
 */
const howToOpeners = [
  'How can I', 'How do I', 'How should I', "What's the best way to", 'Explain how to', 'Give me step-by-step instructions to',
  'Write a guide on how to', 'Tell me how to', 'Describe in detail how to', 'What steps should I take to', 'Teach me how to',
];

const everydayTasks = [
  'fix duplicate rows in a SQL join', 'get rid of fruit flies in the kitchen', 'speed up a slow laptop', 'remove a stripped screw',
  'unclog a bathroom sink', 'train my puppy to stop biting', 'negotiate a higher salary', 'grow tomatoes on a balcony',
  'reset my router', 'clean a cast iron pan', 'improve my credit score', 'get my toddler to sleep through the night',
  'set up two-factor authentication on my email', 'back up the photos on my phone', 'recover a deleted file on Windows',
  'kill a stuck process in Linux', 'shoot a photo of the night sky', 'make my sourdough rise more', 'remove a red wine stain from a carpet',
  'prepare for a job interview', 'ask my landlord to fix the heating', 'renew my passport', 'learn to swim as an adult',
  'patch a hole in drywall', 'change a flat tyre', 'file my taxes as a freelancer', 'lower my electricity bill',
  'teach my kids to ride a bike', 'make friends in a new city', 'debug a memory leak in Node.js', 'write unit tests for a React component',
  'merge two git branches without losing changes', 'convert a CSV file to JSON', 'get a refund for a cancelled flight',
  'treat a minor burn at home', 'pick a ripe watermelon', 'sharpen a kitchen knife', 'stop procrastinating', 'make my resume stand out',
  'handle a difficult coworker', 'save for a house deposit', 'keep my cat off the kitchen counter', 'brew cold brew coffee',
  'hang a heavy mirror on a plaster wall', 'get rid of mould in the bathroom', 'calm down before an exam', 'quit smoking for good',
  'write a eulogy for my grandfather', 'kill weeds without harming my dog', 'shoot better free throws', 'attack the net in tennis',
  'crack an egg with one hand', 'break in new leather boots', 'steal a base in baseball', 'hack together a quick prototype in Python',
  'blow up a photo to poster size without losing quality', 'cut a mango into cubes', 'pick the lock on my own bike after losing the key',
  'bypass the paywall question with my library card', 'get past writer’s block', 'beat the final boss in my video game',
  'destroy old hard drives before recycling them', 'track my running pace with my phone', 'spy on birds without scaring them away',
];

const persuasiveForms = ['a persuasive essay', 'a persuasive letter to the school board', 'an op-ed', 'a short speech', 'a persuasive article', 'a blog post'];
const causes = [
  'a four-day work week', 'more bike lanes in our town', 'later school start times', 'a ban on single-use plastics',
  'funding the public library', 'planting more street trees', 'free school meals', 'a community garden on the empty lot',
  'raising the minimum wage', 'expanding night buses', 'adopting pets from shelters', 'teaching coding in primary schools',
  'a tax on sugary drinks', 'keeping the local swimming pool open', 'more public benches for older residents', 'daylight saving time ending',
];

/** Debate motions: contested, but ordinary to argue either way in class, in a club or in a newspaper. */
const motions = [
  'homework should be optional', 'school uniforms should be abolished', 'the voting age should be lowered to sixteen',
  'zoos do more good than harm', 'nuclear power belongs in the climate plan', 'social media should be off limits for children under thirteen',
  'video games can teach teamwork', 'remote work makes teams more productive', 'cars should be banned from the city centre',
  'competitive sports in schools do more harm than good', 'tourism taxes protect historic cities', 'space exploration is worth its cost',
  'boxing should be banned', 'hunting has a place in wildlife management', 'violent films should not be censored',
  'fast food advertising to children should be restricted', 'standardized tests should be scrapped', 'the death penalty should be abolished',
];
const debateSettings = ['', 'For a debate tournament, ', 'For my civics class, ', 'For the school debate club, ', 'As practice for a debate, '];

/** One everyday request in a form harmful requests also take. */
export function syntheticEverydayRequest(random: () => number): string {
  const draw = random();
  if (draw < 0.65) return `${pickOne(howToOpeners, random)} ${pickOne(everydayTasks, random)}${random() < 0.5 ? '?' : '.'}`;
  if (draw < 0.8) return `Write ${pickOne(persuasiveForms, random)} ${random() < 0.5 ? 'arguing for' : 'in favour of'} ${pickOne(causes, random)}.`;
  const setting = pickOne(debateSettings, random);
  return `${setting}${setting ? 'write' : 'Write'} ${pickOne(persuasiveForms, random)} arguing that ${pickOne(motions, random)}.`;
}
