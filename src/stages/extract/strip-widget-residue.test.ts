import { describe, expect, it } from "vitest";
import { stripWidgetResidue } from "./strip-widget-residue.ts";

const PROSE =
  "أكد نائب خادم الحرمين الشريفين أن التفجير الإرهابي كشف حقد هؤلاء المجرمين واستخفافهم بحرمات بيوت الله.";
const SECOND = "وأضاف أن الأجهزة الأمنية ستلاحق كل من شارك في التخطيط للجريمة.";

const rows: { name: string; input: string; expected: string }[] = [
  {
    name: "strips a share bar glued to the first sentence (okaz)",
    input: `شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك ${PROSE}`,
    expected: PROSE,
  },
  {
    name: "strips slider buttons before the byline line (3alyoum)",
    input: `Next Previous \u00A0\nعين اليوم – الرياض\n${PROSE}`,
    expected: `عين اليوم – الرياض\n${PROSE}`,
  },
  {
    name: "strips a share and print bar at the end, buttons between separators",
    input: `${PROSE}\n${SECOND} شارك | طباعة | واتساب`,
    expected: `${PROSE}\n${SECOND}`,
  },
  {
    name: "strips a lone button on the last line (aawsat's read-more link)",
    input: `${PROSE}\n\n ...المزيد`,
    expected: PROSE,
  },
  {
    name: "strips a lone button on the first line",
    input: `طباعة\n${PROSE}`,
    expected: PROSE,
  },
  {
    name: "strips a tag line after the last sentence (3alyoum)",
    input: `${PROSE} سمات الحوثيين اليمن صنعاء عدن`,
    expected: PROSE,
  },
  {
    name: "strips a tag line with a colon heading on its own line",
    input: `${PROSE}\nوسوم: الرياض العيد الأمطار`,
    expected: PROSE,
  },
  {
    name: "strips a tag line and the slider buttons before it",
    input: `${PROSE} Next Previous سمات النصر نايف هزازي`,
    expected: PROSE,
  },
  {
    name: "strips a permalink box holding the story's headline (alweeam)",
    input: `${PROSE} رابط الخبر بصحيفة الوئام: النفط يتراجع نحو 1 % في ختام التعاملات`,
    expected: PROSE,
  },
  {
    name: "strips a short-link box holding a URL",
    input: `${PROSE}\nرابط مختصر: https://example.com/?p=123`,
    expected: PROSE,
  },
  {
    name: "keeps a sentence that ends on a platform name",
    input: `${PROSE} وقال في تغريدة على تويتر`,
    expected: `${PROSE} وقال في تغريدة على تويتر`,
  },
  {
    name: "keeps a text opening with the verb share",
    input: `شارك فريق مبدعون في جمعية التوعية فرحة العيد مع الأطفال. ${SECOND}`,
    expected: `شارك فريق مبدعون في جمعية التوعية فرحة العيد مع الأطفال. ${SECOND}`,
  },
  {
    name: "keeps a text opening with a platform name",
    input: `تويتر يطلق خدمة جديدة للرسائل المباشرة. ${SECOND}`,
    expected: `تويتر يطلق خدمة جديدة للرسائل المباشرة. ${SECOND}`,
  },
  {
    name: "keeps two platform names that end a sentence",
    input: `${PROSE} ونشر الحساب الصور على فيسبوك تويتر.`,
    expected: `${PROSE} ونشر الحساب الصور على فيسبوك تويتر.`,
  },
  {
    name: "keeps a last sentence that opens with the tag heading word",
    input: `${PROSE}\nسمات القيادية للشباب والتنشئة القيادية للطفل، تحت إشراف مدربين مختصين.`,
    expected: `${PROSE}\nسمات القيادية للشباب والتنشئة القيادية للطفل، تحت إشراف مدربين مختصين.`,
  },
  {
    name: "keeps the tag heading word inside an unfinished last sentence",
    input: `${PROSE} ومن أبرز سمات المرحلة المقبلة التعاون بين الجهات`,
    expected: `${PROSE} ومن أبرز سمات المرحلة المقبلة التعاون بين الجهات`,
  },
  {
    name: "keeps prose after the read-more word",
    input: `${PROSE} وطالب بتقديم المزيد`,
    expected: `${PROSE} وطالب بتقديم المزيد`,
  },
  {
    name: "keeps a text that is only a permalink box rather than empty it",
    input: "رابط الخبر بصحيفة الوئام: بالصور .. رمضان في ليبيا",
    expected: "رابط الخبر بصحيفة الوئام: بالصور .. رمضان في ليبيا",
  },
  {
    name: "keeps a text that is only buttons rather than empty it",
    input: "شارك تويتر",
    expected: "شارك تويتر",
  },
];

describe("stripWidgetResidue", () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(stripWidgetResidue(row.input)).toBe(row.expected);
    });
  }

  it("reads only the edges of a long text: residue at both ends goes, the middle is untouched", () => {
    const body = Array.from(
      { length: 40 },
      (_, i) => `${SECOND} الفقرة ${i} شارك تويتر فيسبوك في المنتصف`,
    ).join("\n");
    const input = `شارك من خلال تويتر فيسبوك ${body}\n${PROSE} رابط الخبر: ${PROSE.slice(0, 60)}`;
    expect(input.length).toBeGreaterThan(2_000);
    expect(stripWidgetResidue(input)).toBe(`${body}\n${PROSE}`);
  });

  it("returns empty and blank text as it is", () => {
    expect(stripWidgetResidue("")).toBe("");
    expect(stripWidgetResidue("  \n ")).toBe("  \n ");
  });
});
