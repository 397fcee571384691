import { describe, expect, it } from "vitest";
import { toMarketMoves } from "./market-move.ts";

describe("toMarketMoves", () => {
  const rows: [why: string, title: string, moves: string[]][] = [
    ["a close that fell, by a plural noun", "الأسهم المحلية تغلق على خسائر حادة", ["market-stocks#2"]],
    ["a close that rose, by a plural noun", "الأسهم المحلية تغلق على مكاسب محدودة", ["market-stocks#1"]],
    ["the index by its name, a verb", "تاسي يتراجع 8 نقاط", ["market-stocks#2"]],
    ["the index word with a hamza on waw", "مؤشر سوق الأسهم السعودية يرتفع 16 نقطة", ["market-stocks#1"]],
    ["an accusative adverb of the move", "مؤشر الأسهم ينهي تداولات الأسبوع مرتفعاً", ["market-stocks#1"]],
    ["a noun with a preposition", "الأسهم السعودية تسجل تراجعاً بـ 49 نقطة", ["market-stocks#2"]],
    ["gold's recovery, alef maqsura folded", "الذهب يتعافى من أدنى مستوياته", ["market-gold#1"]],
    ["oil through a proclitic-free word", "النفط يهبط لأدنى مستوى في ستة أشهر", ["market-oil#2"]],
    ["a rise and a fall of one market name no move", "النفط يرتفع مع تراجع المخزون الأمريكي", []],
    ["two markets name no move", "الدولار يتراجع والأسهم ترتفع", []],
    ["a move noun before its market", "ارتفاع أسعار النفط في تعاملات متقلبة", ["market-oil#1"]],
    ["a shrinking loss is no fall", "الذهب يقلص خسائره", []],
    ["gold medals are no market", "طلاب المملكة يحصدون الذهب", []],
    ["a currency with the article is a market", "الدولار يتراجع بعد بيانات أمريكية", ["market-dollar#2"]],
    ["a currency as a price's unit is none", "الذهب يتعافى متجاوزا 1100 دولار للأوقية", ["market-gold#1"]],
    ["the euro area is no market", "ارتفاع الدين الحكومي في منطقة اليورو", []],
    ["a market with no move", "الأسهم الأمريكية تفتح على استقرار", []],
    ["an attack is no market report", "مقتل شرطي وإصابة ثلاثة في هجوم مسلح", []],
  ];
  for (const [why, title, moves] of rows) it(why, () => expect(toMarketMoves(title)).toEqual(moves));
});
