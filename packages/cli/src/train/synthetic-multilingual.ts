/**
 * Synthetic hard negatives: everyday requests in languages other than English ("¿Me explicas cómo funciona …?").
 *
 * Most non-English text in the datasets is attack text (CyberSecEval's multilingual injections), so without these a
 * bag-of-n-grams model learns "Spanish / Hindi / Russian = injection". Frames and topics are written here per language
 * (no dataset text) and combined at random.
 */

import { pickOne } from './synthetic.ts';

interface LanguageGrammar {
  readonly frames: readonly string[];
  readonly topics: readonly string[];
}

/** `{}` in a frame is replaced by a topic of the same language. */
const grammars: readonly LanguageGrammar[] = [
  {
    frames: ['¿Qué me sugieres para {}?', '¿Me explicas {}?', 'Necesito ayuda con {}.', 'Escribe un párrafo sobre {}.', '¿Qué opinas de {}?', 'Dame tres ideas para {}.'],
    topics: ['una novela corta para el verano', 'cómo funciona la fotosíntesis', 'una receta de paella fácil', 'el viaje de fin de semana a Valencia', 'mi currículum para un trabajo de enfermería', 'la fiesta de cumpleaños de mi hija', 'las reglas del pádel', 'un regalo para mi abuelo'],
  },
  {
    frames: ['Peux-tu me recommander {} ?', 'Explique-moi {}, s’il te plaît.', 'J’ai besoin d’aide pour {}.', 'Écris un court texte sur {}.', 'Que penses-tu de {} ?', 'Donne-moi trois idées pour {}.'],
    topics: ['un roman policier', 'le fonctionnement d’un moteur électrique', 'une recette de quiche', 'un week-end à Lyon', 'ma lettre de motivation', 'l’anniversaire de mon fils', 'les règles de la pétanque', 'un cadeau pour ma sœur'],
  },
  {
    frames: ['Kannst du mir {} empfehlen?', 'Erklär mir bitte {}.', 'Ich brauche Hilfe bei {}.', 'Schreib einen kurzen Text über {}.', 'Was hältst du von {}?', 'Gib mir drei Ideen für {}.'],
    topics: ['ein gutes Sachbuch', 'wie ein Kühlschrank funktioniert', 'ein Rezept für Apfelstrudel', 'einen Ausflug nach Hamburg', 'meine Bewerbung als Erzieherin', 'den Geburtstag meiner Mutter', 'die Regeln beim Skat', 'ein Geschenk für meinen Kollegen'],
  },
  {
    frames: ['Puoi consigliarmi {}?', 'Spiegami {}, per favore.', 'Ho bisogno di aiuto con {}.', 'Scrivi un breve testo su {}.', 'Cosa ne pensi di {}?', 'Dammi tre idee per {}.'],
    topics: ['un libro di storia romana', 'come funziona un vulcano', 'una ricetta di risotto', 'un fine settimana a Firenze', 'il mio curriculum', 'la festa di laurea di mio fratello', 'le regole della scopa', 'un regalo per la nonna'],
  },
  {
    frames: ['Você pode me recomendar {}?', 'Me explique {}, por favor.', 'Preciso de ajuda com {}.', 'Escreva um pequeno texto sobre {}.', 'O que você acha de {}?', 'Me dê três ideias para {}.'],
    topics: ['um livro de ficção científica', 'como funciona a energia solar', 'uma receita de feijoada', 'uma viagem para Salvador', 'meu currículo', 'o aniversário da minha esposa', 'as regras do futsal', 'um presente para meu pai'],
  },
  {
    frames: ['Можешь посоветовать {}?', 'Объясни, пожалуйста, {}.', 'Мне нужна помощь с {}.', 'Напиши короткий текст про {}.', 'Что ты думаешь о {}?', 'Дай три идеи для {}.'],
    topics: ['хорошую книгу по истории', 'как работает холодильник', 'рецепт борща', 'поездку в Казань', 'моё резюме', 'день рождения дочери', 'правила шахмат', 'подарок для бабушки'],
  },
  {
    frames: ['你能推荐{}吗？', '请给我解释一下{}。', '我需要关于{}的帮助。', '写一段关于{}的短文。', '你觉得{}怎么样？', '给我三个关于{}的建议。'],
    topics: ['一本历史书', '光合作用的原理', '红烧肉的做法', '去杭州的周末旅行', '我的简历', '女儿的生日聚会', '象棋的规则', '送给爷爷的礼物'],
  },
  {
    frames: ['{}をおすすめしてもらえますか？', '{}について説明してください。', '{}について手伝ってほしいです。', '{}について短い文章を書いてください。', '{}についてどう思いますか？'],
    topics: ['初心者向けの歴史の本', '光合成の仕組み', 'カレーの作り方', '京都への週末旅行', '私の履歴書', '娘の誕生日パーティー', '将棋のルール', '祖母へのプレゼント'],
  },
  {
    frames: ['{} 추천해 줄 수 있어요?', '{}에 대해 설명해 주세요.', '{} 좀 도와주세요.', '{}에 대한 짧은 글을 써 주세요.'],
    topics: ['역사 입문서', '광합성의 원리', '김치찌개 만드는 법', '부산 주말 여행', '제 이력서', '딸의 생일 파티', '바둑 규칙', '할머니 선물'],
  },
  {
    frames: ['क्या आप {} सुझा सकते हैं?', 'कृपया मुझे {} समझाइए।', 'मुझे {} में मदद चाहिए।', '{} के बारे में एक छोटा लेख लिखिए।'],
    topics: ['इतिहास की एक अच्छी किताब', 'प्रकाश संश्लेषण कैसे होता है', 'दाल मखनी की विधि', 'जयपुर की सप्ताहांत यात्रा', 'मेरा बायोडाटा', 'बेटी की जन्मदिन पार्टी', 'शतरंज के नियम'],
  },
  {
    frames: ['هل يمكنك أن تقترح {}؟', 'اشرح لي {} من فضلك.', 'أحتاج إلى مساعدة في {}.', 'اكتب نصًا قصيرًا عن {}.'],
    topics: ['كتابًا جيدًا في التاريخ', 'كيف تعمل الطاقة الشمسية', 'وصفة الكبسة', 'رحلة نهاية الأسبوع إلى عمّان', 'سيرتي الذاتية', 'حفلة عيد ميلاد ابنتي', 'قواعد الشطرنج'],
  },
  {
    frames: ['Bisakah kamu merekomendasikan {}?', 'Tolong jelaskan {}.', 'Saya butuh bantuan dengan {}.'],
    topics: ['buku sejarah yang bagus', 'cara kerja panel surya', 'resep rendang', 'liburan akhir pekan ke Bandung', 'CV saya'],
  },
  {
    frames: ['Bana {} önerebilir misin?', 'Lütfen bana {} açıkla.', '{} konusunda yardıma ihtiyacım var.'],
    topics: ['iyi bir tarih kitabı', 'fotosentezin nasıl çalıştığını', 'mercimek çorbası tarifi', 'İzmir hafta sonu gezisi', 'özgeçmişim'],
  },
];

/** One benign everyday request in a language other than English. */
export function syntheticMultilingualRequest(random: () => number): string {
  const grammar = pickOne(grammars, random);
  return pickOne(grammar.frames, random).replace('{}', pickOne(grammar.topics, random));
}
