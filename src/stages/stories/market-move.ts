/**
 * Market moves in headlines: which way a market report says a market went ("الأسهم السعودية تسجل تراجعاً بـ 49
 * نقطة": stocks, down), read as one more instance a headline names (entities/headline-ordinals.ts OrdinalSet ids), so
 * a day's close that rose and another day's that fell are two instances of the daily report, as the first and second
 * relief plane are. Stories stage, pure.
 */
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { tokenizeNormalized } from "../arabic/tokenize.ts";

/**
 * Markets a headline may report on, by the normalized words that name them (proclitics وفبل and the article taken
 * off first): each is one head of the instance set, so oil's rise does not contradict stocks' fall.
 */
const MARKET_OF_WORD: ReadonlyMap<string, string> = new Map([
  ...["اسهم", "مءشر", "تاسي", "بورصه", "تداول"].map((w) => [w, "stocks"] as const),
  ...["نفط", "برنت", "خام"].map((w) => [w, "oil"] as const),
  ...["ذهب", "اوقيه"].map((w) => [w, "gold"] as const),
]);
/**
 * Currencies are a market only with the article ("الدولار يتراجع"): without it the word is a price's unit ("1100
 * دولار للأوقية", a gold report); and the euro after منطقة is the euro area, no market ("ارتفاع الدين الحكومي في
 * منطقة اليورو").
 */
const CURRENCY_OF_WORD: ReadonlyMap<string, string> = new Map([
  ["الدولار", "dollar"],
  ["اليورو", "euro"],
]);
const EURO_AREA_WORD = "منطقه";
/** A proclitic (و, ف, ب, ل) before a currency's article. */
const CURRENCY_PROCLITIC = /^[\u0648\u0641\u0628\u0644](?=\u0627\u0644)/;

const UP = 1;
const DOWN = 2;

/**
 * Words that say which way a market went, normalized (normalizeArabic: ta marbuta as heh, hamza on waw as hamza),
 * with the article and proclitics taken off. Verbs in both genders (the index is masculine, the shares feminine).
 */
const MOVE_OF_WORD: ReadonlyMap<string, number> = new Map([
  ...[
    "يرتفع",
    "ترتفع",
    "ارتفاع",
    "ارتفاعا",
    "مرتفع",
    "مرتفعا",
    "مرتفعه",
    "يصعد",
    "تصعد",
    "صعود",
    "يتعافي",
    "تتعافي",
    "يكسب",
    "تكسب",
    "مكاسب",
    "يربح",
    "تربح",
    "يقفز",
    "تقفز",
    "يضيف",
    "تضيف",
  ].map((w) => [w, UP] as const),
  ...[
    "يتراجع",
    "تتراجع",
    "تراجع",
    "تراجعا",
    "تراجعات",
    "يهبط",
    "تهبط",
    "هبوط",
    "ينخفض",
    "تنخفض",
    "انخفاض",
    "منخفض",
    "منخفضا",
    "منخفضه",
    "يخسر",
    "تخسر",
    "خساءر",
    "خساره",
    "يهوي",
    "تهوي",
    "يفقد",
    "تفقد",
    "تهاوي",
  ].map((w) => [w, DOWN] as const),
]);

/** A word that turns the move after it around ("يقلص خسائره": it recovers): such a headline names no move. */
const REVERSING_WORDS: ReadonlySet<string> = new Set(["يقلص", "تقلص", "يعوض", "تعوض"]);

/** Proclitics (و, ف, ب, ل, then the article ال) a headline word may carry before its stem. */
const PROCLITICS = /^[\u0648\u0641\u0628\u0644]?(?:\u0627\u0644)?/;

/** The word with its proclitics and article taken off, if what is left is a known market or move word. */
function bare<V>(word: string, table: ReadonlyMap<string, V>): V | undefined {
  const direct = table.get(word);
  if (direct !== undefined) return direct;
  const stripped = word.replace(PROCLITICS, "");
  return stripped.length >= 3 ? table.get(stripped) : undefined;
}

/**
 * The market move a headline reports, as an instance id ("market-stocks#1" up, "#2" down) for OrdinalSet, or none:
 * the headline must name one market and move words that all point one way (a headline naming two markets, or a rise
 * and a fall, names none).
 * Examples: "الأسهم المحلية تغلق على خسائر حادة" -> ["market-stocks#2"]; "الذهب يتعافى من أدنى مستوياته" ->
 * ["market-gold#1"]; "النفط يرتفع مع تراجع المخزون" -> []; "طلاب المملكة يحصدون الذهب" -> [].
 */
export function toMarketMoves(title: string): string[] {
  let market: string | undefined;
  let move = 0;
  let previous = "";
  for (const word of tokenizeNormalized(normalizeArabic(title))) {
    if (REVERSING_WORDS.has(word)) return [];
    const currency = CURRENCY_OF_WORD.get(word.replace(CURRENCY_PROCLITIC, ""));
    const m =
      currency !== undefined
        ? previous === EURO_AREA_WORD
          ? undefined
          : currency
        : bare(word, MARKET_OF_WORD);
    previous = word;
    if (m !== undefined) {
      if (market !== undefined && market !== m) return [];
      market = m;
    }
    move |= bare(word, MOVE_OF_WORD) ?? 0;
  }
  return market === undefined || (move !== UP && move !== DOWN) ? [] : [`market-${market}#${move}`];
}
