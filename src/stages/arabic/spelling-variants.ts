/**
 * Transliteration and spelling variant groups (notes §1.10): one entity or loanword written several ways.
 * Pure data, sorted by name. Seeded from notes §1.10, grown from a consonant-skeleton candidate search over the
 * SaudiNewsNet dev corpus (not shipped) and confirmed by hand; token counts in reasons are from that corpus.
 * Forms are ordinary single-word spellings; variants.ts stems them, and the first form's stem is the group key.
 */

/** One group: every form names the same thing; `reason` says why the spellings differ or where they were seen. */
export interface SpellingVariantGroup {
  readonly name: string;
  readonly forms: readonly string[];
  readonly reason: string;
}

/**
 * Search keys are built from this table: an edit changes the index, so raise ANALYZER_VERSION (stages/arabic/
 * analyze-text.ts; stores re-index on open) and the pinned digest in analyze-text.test.ts.
 */
export const SPELLING_VARIANTS: readonly SpellingVariantGroup[] = [
  {
    name: "America, American",
    forms: ["أمريكي", "أميركي", "أمريكا", "أميركا"],
    reason: "ر/ي transposed: أمريك* 6,623 vs أميرك* 5,655 tokens (notes §1.10); country and adjective merge",
  },
  { name: "Bangladesh", forms: ["بنغلاديش", "بنجلاديش"], reason: "g as غ or ج: 74 vs 111 tokens" },
  { name: "California", forms: ["كاليفورنيا", "كالفورنيا"], reason: "long vowel ي written or not" },
  {
    name: "Catalonia",
    forms: ["كتالونيا", "كاتالونيا"],
    reason: "long vowel ا written or not: 13 vs 20 tokens",
  },
  { name: "Chelsea", forms: ["تشيلسي", "تشلسي"], reason: "long vowel ي written or not: 572 vs 174 tokens" },
  { name: "Congo", forms: ["كونغو", "كونجو"], reason: "g as غ or ج: 55 vs 9 tokens" },
  {
    name: "Congress",
    forms: ["كونغرس", "كونجرس"],
    reason: "g as غ (Levant) or ج (Egypt, Gulf): 450 vs 187 tokens",
  },
  {
    name: "democracy",
    forms: ["ديمقراطية", "ديموقراطية"],
    reason: "long vowel و written or not: 799 vs 150 stem tokens",
  },
  {
    name: "electronic",
    forms: ["إلكتروني", "اليكتروني"],
    reason: "extra ي after the first syllable; both stem oddly (ال read as the article) but consistently",
  },
  {
    name: "England",
    forms: ["إنجلترا", "إنكلترا"],
    reason: "g as ج or ك (Levant, Iraq): 320 vs 30 tokens (notes §1.10)",
  },
  { name: "English", forms: ["إنجليزي", "إنكليزي"], reason: "g as ج or ك: 1,754 vs 107 stem tokens" },
  {
    name: "Europe, European",
    forms: ["أوروبي", "أوربي", "أوروبا", "أوربا"],
    reason:
      "long vowel و written or not: أوروبا 5,080 vs أوربا 129 (notes §1.10); country and adjective merge",
  },
  {
    name: "Google",
    forms: ["غوغل", "جوجل", "قوقل"],
    reason: "g as غ, ج or ق: 156, 399, 17 tokens (notes §1.10)",
  },
  { name: "group (loanword)", forms: ["جروب", "قروب"], reason: "g as ج or ق (Gulf): 37 vs 25 tokens" },
  {
    name: "Guantanamo",
    forms: ["غوانتانامو", "جوانتانامو"],
    reason: "g as غ or ج: 69 vs 6 tokens",
  },
  {
    name: "Guardian (newspaper)",
    forms: ["غارديان", "جارديان"],
    reason: "g as غ or ج: 30 vs 15 tokens (notes §1.10)",
  },
  {
    name: "Guterres",
    forms: ["غوتيريش", "جوتيريش"],
    reason: "g as غ or ج (notes §1.10); post-dates the corpus",
  },
  { name: "Hollywood", forms: ["هوليوود", "هوليود"], reason: "doubled و written once: 113 vs 12 tokens" },
  { name: "Hungary", forms: ["هنغاريا", "هنجاريا"], reason: "g as غ or ج: 6 vs 3 tokens" },
  {
    name: "Instagram",
    forms: ["إنستغرام", "انستجرام", "انستقرام"],
    reason: "g as غ, ج or ق: 54, 67, 19 tokens",
  },
  {
    name: "Istanbul",
    forms: ["إسطنبول", "استانبول"],
    reason: "older spelling with ت and ا: 267 vs 2 tokens",
  },
  { name: "kilogram", forms: ["كيلوغرام", "كيلوجرام"], reason: "g as غ or ج: 24 vs 50 tokens" },
  { name: "Kremlin", forms: ["كرملين", "كريملين"], reason: "vowel ي written or not: 69 vs 3 tokens" },
  { name: "Manchester", forms: ["مانشستر", "مانشيستر"], reason: "vowel ي written or not: 763 vs 6 tokens" },
  { name: "marathon", forms: ["ماراثون", "ماراتون"], reason: "th as ث or ت: 51 vs 2 tokens" },
  { name: "McGurk", forms: ["ماكغورك", "ماكجورك"], reason: "g as غ or ج (notes §1.10)" },
  { name: "megawatt", forms: ["ميغاواط", "ميجاوات"], reason: "g as غ or ج, t as ط or ت: 31 vs 57 tokens" },
  { name: "Netanyahu", forms: ["نتنياهو", "نتانياهو"], reason: "vowel ا written or not: 261 vs 26 tokens" },
  { name: "protocol", forms: ["بروتوكول", "برتوكول"], reason: "vowel و written or not: 129 vs 12 tokens" },
  {
    name: "Putin",
    forms: ["بوتين", "بوتن"],
    reason: "vowel ي written or not: 292 vs 18 tokens (notes §1.10); بوتين stems to بوت",
  },
  {
    name: "Singapore",
    forms: ["سنغافورة", "سنجافورة"],
    reason: "g as غ or ج: 214 vs 0 tokens, Egyptian style",
  },
  {
    name: "technology",
    forms: ["تكنولوجيا", "تكنلوجيا", "تكنولوجي"],
    reason: "vowel و written or not: 695 vs 5 tokens; noun and adjective merge",
  },
  {
    name: "television",
    forms: ["تلفزيون", "تليفزيون", "تلفزيوني", "تليفزيوني"],
    reason: "vowel ي written or not (Egyptian تليفزيون): 701 vs 23 tokens; noun and adjective merge",
  },
  { name: "Trump", forms: ["ترامب", "ترمب"], reason: "vowel ا written or not: 163 vs 39 tokens" },
  { name: "Uganda", forms: ["أوغندا", "أوجندا"], reason: "g as غ or ج" },
  { name: "virus", forms: ["فيروس", "فايروس"], reason: "vowel written ي or اي: 417 vs 7 tokens" },
];
