/**
 * The fixed query set and the Arabic spelling/morphology probes of `npm run bench`. Written for akhbar
 * (common news words and names), not taken from the corpus text.
 */

/** 60 queries a reader of Saudi and Gulf news in 2015 might type: single words, pairs, names, phrases. */
export const BENCH_QUERIES: readonly string[] = [
  "السعودية",
  "وزارة الصحة",
  "أمريكا",
  "أميركا",
  "إيران",
  "اليمن",
  "الحوثيين",
  "داعش",
  "النفط",
  "أسعار النفط",
  "الاقتصاد",
  "البورصة",
  "الأسهم السعودية",
  "سوق الأسهم",
  "الهلال",
  "النصر",
  "الاتحاد",
  "كرة القدم",
  "المنتخب",
  "الدوري",
  "الحكومات",
  "الحكومة اليمنية",
  "مجلس الأمن",
  "الأمم المتحدة",
  "الرئيس الأمريكي",
  "أوباما",
  "الاتفاق النووي",
  "سوريا",
  "بشار الأسد",
  "العراق",
  "مصر",
  "السيسي",
  "قناة السويس",
  "تركيا",
  "روسيا",
  "بوتين",
  "فلسطين",
  "إسرائيل",
  "الإرهاب",
  "تفجير",
  "مسجد",
  "الحج",
  "رمضان",
  "العيد",
  "التعليم",
  "الجامعة",
  "الطلاب",
  "المعلمين",
  "المستشفى",
  "كورونا",
  "فيروس",
  "الإسكان",
  "البطالة",
  "المرأة",
  "الرياض",
  "جدة",
  "مكة المكرمة",
  "المدينة المنورة",
  '"خادم الحرمين الشريفين"',
  "الملك سلمان -ولي",
];

/** Spellings a reader treats as one word: every query in a group must return the same number of hits (> 0). */
export const EQUIVALENCE_PROBES: readonly { name: string; queries: string[] }[] = [
  { name: "America, r/y order (transliteration)", queries: ["أمريكا", "أميركا"] },
  { name: "American, r/y order with article", queries: ["الأمريكية", "الأميركية"] },
  { name: "Congress, g as غ or ج", queries: ["الكونغرس", "الكونجرس"] },
  { name: "Google, g as ج or غ", queries: ["جوجل", "غوغل"] },
  { name: "Putin, long or short vowel", queries: ["بوتين", "بوتن"] },
  { name: "Europe, with or without و", queries: ["أوروبا", "أوربا"] },
  { name: "tashkeel in the query", queries: ["مُحَمَّد", "محمد"] },
  { name: "tatweel in the query", queries: ["الســعودية", "السعودية"] },
  { name: "hamza on alef dropped", queries: ["إيران", "ايران"] },
  { name: "hamza on alef dropped after the article", queries: ["الإمارات", "الامارات"] },
  { name: "alef madda written as alef", queries: ["آلاف", "الاف"] },
  { name: "teh marbuta written as heh", queries: ["هيئة", "هيئه"] },
  { name: "alef maksura written as yeh", queries: ["مستشفى", "مستشفي"] },
  { name: "hamza seat waw or yeh", queries: ["مسؤول", "مسئول"] },
  { name: "hamza seat yeh written alef maksura + hamza", queries: ["الطوارئ", "الطوارىء"] },
  { name: "yeh written alef maksura before hamza after a short stem", queries: ["شيء", "شىء"] },
  { name: "Arabic-Indic digits", queries: ["٢٠١٥", "2015"] },
  { name: "hamza-initial name", queries: ["إسرائيل", "اسرائيل"] },
  { name: "Persian kaf and yeh", queries: ["الکویت", "الكويت"] },
  // ALEF, then U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM, then تفاق: الاتفاق as some CMSs store it.
  {
    name: "presentation forms (lam-alef ligature)",
    queries: ["\u0627\ufefb\u062a\u0641\u0627\u0642", "الاتفاق"],
  },
  { name: "accusative alef (tanween fath) written or not", queries: ["شهيد", "شهيدا"] },
  { name: "a counted noun after a figure, accusative or not", queries: ["13 شهيد", "13 شهيدا"] },
  { name: "Syria, with the house spelling in ة", queries: ["سوريا", "سورية"] },
  { name: "corona, long vowel و written or not", queries: ["كورونا", "كرونا"] },
  { name: "Facebook in one word or two", queries: ["فيسبوك", "فيس بوك"] },
  { name: "WhatsApp in one word or two", queries: ["واتساب", "واتس اب"] },
  { name: "Snapchat in one word or two", queries: ["سنابشات", "سناب شات"] },
  { name: "YouTube, long vowel ي written or not", queries: ["يوتيوب", "يوتوب"] },
  { name: "Bangladesh, long vowel ي written or not", queries: ["بنغلاديش", "بنغلادش"] },
  { name: "Abdullah in one word or two", queries: ["عبدالله", "عبد الله"] },
  { name: "Abd Rabbuh in one word or two", queries: ["عبدربه", "عبد ربه"] },
  { name: "Abu Dhabi in one word or two, with a particle", queries: ["أبوظبي", "أبو ظبي", "بأبو ظبي"] },
  {
    name: "King Salman's name in a phrase, عبد العزيز in one word or two",
    queries: ['"سلمان بن عبدالعزيز"', '"سلمان بن عبد العزيز"'],
  },
];

/** A query must find documents that contain another inflection of it and not the query's own spelling. */
export const MORPHOLOGY_PROBES: readonly { name: string; query: string; mustFindForm: string }[] = [
  { name: "plural query finds the singular", query: "الحكومات", mustFindForm: "حكومة" },
  { name: "plural query finds the definite singular", query: "الحكومات", mustFindForm: "الحكومة" },
  { name: "pronoun suffix stripped", query: "حكومتها", mustFindForm: "الحكومة" },
  { name: "conjunction and article stripped", query: "والاقتصاد", mustFindForm: "الاقتصاد" },
  { name: "preposition bi- with the article", query: "بالانتخابات", mustFindForm: "الانتخابات" },
  { name: "sound masculine plural, oblique vs nominative", query: "المعلمين", mustFindForm: "المعلمون" },
  { name: "nisba plural finds the feminine", query: "الفلسطينيين", mustFindForm: "الفلسطينية" },
  {
    name: "feminine plural finds the singular with alef maksura",
    query: "مستشفيات",
    mustFindForm: "المستشفى",
  },
  { name: "lil- prefix", query: "للسعودية", mustFindForm: "السعودية" },
  { name: "radical waw kept: plural of ministry", query: "الوزارات", mustFindForm: "وزارة" },
  { name: "a counted noun finds its accusative", query: "قتيل", mustFindForm: "قتيلا" },
  { name: "a country in ‑يا finds its adjective", query: "سوريا", mustFindForm: "السوري" },
  { name: "another country in ‑يا finds its adjective", query: "روسيا", mustFindForm: "الروسية" },
  { name: "a country with the article finds its adjective", query: "اليمن", mustFindForm: "اليمني" },
  { name: "a place name finds it after a preposition", query: "أبها", mustFindForm: "بأبها" },
  { name: "the Brotherhood finds its adjective", query: "الإخوان", mustFindForm: "الإخوانية" },
];

/** Queries that must not match a look-alike: every hit must contain a token the query really means. */
export const NEGATIVE_PROBES: readonly { name: string; query: string; validToken: RegExp }[] = [
  // "visited": forms of زار (زارت، زارتنا، زاروه...), with the conjunction و/ف; وزاره (ministry, normalized) is not one.
  {
    name: "زار (visited) does not match وزارة (ministry)",
    query: "زار",
    validToken: /^(?:[وف]?زار(?:ت|وا|ها|هم|نا|تنا|تها|ته|تهم|وه|وها|وهم)?|زاره)$/,
  },
  // ليد ("lead", "lady" ليدي) and its article forms; a hit holding only وليد (a name, radical waw) is a false positive.
  { name: "ليد does not match وليد", query: "ليد", validToken: /^(?:ال|لل)?ليد(?:ي|يه|ه|ها|ون|ين)?$/ },
  // Corona with particles or the article; a hit holding only الكروي ("football") or its forms is a false positive.
  {
    name: "كرونا does not match الكروي (football)",
    query: "كرونا",
    validToken: /^(?:[وفبل]|وال|بال|ال|لل)?كو?رونا$/,
  },
  // The Brotherhood (إخوان with its pronouns and adjective); الأخوة, الأخوية, الأخوين ("brotherhood", "brotherly",
  // "the two brothers") share the root's short stem and are false positives.
  { name: "الإخوان does not match الأخوة", query: "الإخوان", validToken: /اخوان/ },
  // Family names written as a nisba: a hit holding only the stem's words (العباد, عبادة; سدير; مالك) is a false positive.
  { name: "العبادي does not match العباد or عبادة", query: "العبادي", validToken: /عبادي$/ },
  { name: "السديري does not match the region سدير", query: "السديري", validToken: /سديري$/ },
  { name: "المالكي does not match مالك", query: "المالكي", validToken: /مالكي$/ },
  // Amir-Abdollahian, in one word or two; light10 gave عبداللهيان the stem of عبدالله.
  { name: "عبداللهيان does not match عبدالله", query: "عبداللهيان", validToken: /اللهيان$/ },
];
