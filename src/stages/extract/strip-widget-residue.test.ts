import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { isPermalinkOnly, stripWidgetResidue } from "./strip-widget-residue.ts";

const PROSE =
  "أكد نائب خادم الحرمين الشريفين أن التفجير الإرهابي كشف حقد هؤلاء المجرمين واستخفافهم بحرمات بيوت الله.";
const SECOND = "وأضاف أن الأجهزة الأمنية ستلاحق كل من شارك في التخطيط للجريمة.";

const UNFINISHED = PROSE.slice(0, -1);
const HEADLINE = "النفط يتراجع نحو 1 % في ختام التعاملات";
const tagWords = (n: number) => Array.from({ length: n }, (_, i) => `وسم${i}`).join(" ");

const rows: { name: string; input: string; expected: string; title?: string }[] = [
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
    input: `${PROSE} رابط الخبر بصحيفة الوئام: ${HEADLINE}`,
    title: HEADLINE,
    expected: PROSE,
  },
  {
    name: "strips a permalink box whose headline differs from the title only in tashkeel and spacing",
    input: `${PROSE} رابط الخبر بصحيفة الوئام: النفطُ يتراجع  نحو 1 % في ختام التعاملات`,
    title: HEADLINE,
    expected: PROSE,
  },
  {
    name: "keeps a last sentence quoting a 'story link' that is not the headline",
    input: `${PROSE} وقال إن رابط الخبر الذي نشرته الصحيفة: غير صحيح ومفبرك`,
    title: HEADLINE,
    expected: `${PROSE} وقال إن رابط الخبر الذي نشرته الصحيفة: غير صحيح ومفبرك`,
  },
  {
    name: "keeps a permalink label whose colon lies more than PERMALINK_LABEL_MAX_WORDS words on",
    input: `${PROSE} رابط الخبر كما نشر في موقع الصحيفة: https://example.com/?p=1`,
    expected: `${PROSE} رابط الخبر كما نشر في موقع الصحيفة: https://example.com/?p=1`,
  },
  {
    name: "keeps a permalink box whose target runs onto a second line",
    input: `${PROSE}\nرابط الخبر: النفط يتراجع نحو 1 %\nفي ختام التعاملات`,
    title: HEADLINE,
    expected: `${PROSE}\nرابط الخبر: النفط يتراجع نحو 1 %\nفي ختام التعاملات`,
  },
  {
    name: "keeps a permalink label with nothing after its colon",
    input: `${PROSE} رابط مختصر:`,
    expected: `${PROSE} رابط مختصر:`,
  },
  {
    name: "keeps a permalink target longer than PERMALINK_TARGET_MAX_CHARS",
    input: `${PROSE}\nرابط مختصر: https://example.com/${"a".repeat(190)}`,
    expected: `${PROSE}\nرابط مختصر: https://example.com/${"a".repeat(190)}`,
  },
  {
    name: "strips a short-link box holding a URL",
    input: `${PROSE}\nرابط مختصر: https://example.com/?p=123`,
    expected: PROSE,
  },
  {
    name: "strips a share bar without eating the verb of the sentence glued after it (okaz)",
    input: "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك شارك المئات من أهالي محافظة القطيف في الاحتفال.",
    expected: "شارك المئات من أهالي محافظة القطيف في الاحتفال.",
  },
  {
    name: "strips a share bar without eating a platform name opening the sentence after it",
    input: `شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك فيسبوك تطلق خدمة جديدة. ${SECOND}`,
    expected: `فيسبوك تطلق خدمة جديدة. ${SECOND}`,
  },
  {
    name: "strips a bar on its own line without eating the platform name ending the line before",
    input: `${PROSE}\nوأعلن الحساب ذلك عبر تويتر\nشارك | طباعة`,
    expected: `${PROSE}\nوأعلن الحساب ذلك عبر تويتر`,
  },
  {
    name: "strips a bar with separators without eating an unseparated platform name before it",
    input: `${PROSE} ونشر الفيديو على فيسبوك شارك | طباعة`,
    expected: `${PROSE} ونشر الفيديو على فيسبوك`,
  },
  {
    name: "strips a separated bar without eating an unseparated platform name after it",
    input: `شارك | طباعة تويتر يطلق خدمة جديدة. ${SECOND}`,
    expected: `تويتر يطلق خدمة جديدة. ${SECOND}`,
  },
  {
    name: "strips an unseparated bar on its own line without eating the platform name ending the line before",
    input: `${PROSE}\nوأعلن الحساب ذلك عبر تويتر\nشارك طباعة`,
    expected: `${PROSE}\nوأعلن الحساب ذلك عبر تويتر`,
  },
  {
    name: "strips a tag line longer than the tail window (the window grows)",
    input: `${PROSE.repeat(8)} سمات ${Array.from({ length: 20 }, (_, i) => `المنطقةالشرقيةالسعودية${i}`).join(" ")}`,
    expected: PROSE.repeat(8),
  },
  {
    name: "keeps a tag heading followed by a word longer than any label word",
    input: `${PROSE} سمات الرياض ${"ا".repeat(40)}`,
    expected: `${PROSE} سمات الرياض ${"ا".repeat(40)}`,
  },
  {
    name: "strips a lone button on the first line without eating a platform name opening the next",
    input: `طباعة\nتويتر يطلق خدمة جديدة. ${SECOND}`,
    expected: `تويتر يطلق خدمة جديدة. ${SECOND}`,
  },
  {
    name: "strips a font-size bar whose buttons share a word",
    input: `تكبير الخط تصغير الخط ${PROSE}`,
    expected: PROSE,
  },
  {
    name: "strips the separators around a bar at the start",
    input: `| شارك | طباعة | ${PROSE}`,
    expected: PROSE,
  },
  {
    name: "strips the separators around a bar at the end",
    input: `${PROSE} | شارك | طباعة |`,
    expected: PROSE,
  },
  {
    name: "strips a tag line after a bare separator, and the separator",
    input: `${UNFINISHED} | سمات الرياض العيد`,
    expected: UNFINISHED,
  },
  {
    name: "keeps the bare dot ending the last sentence when the tag line after it goes",
    input: `${UNFINISHED} . سمات الرياض العيد`,
    expected: `${UNFINISHED} .`,
  },
  {
    name: "strips a tag line opening its own line after an unfinished sentence",
    input: `${UNFINISHED}\nسمات الرياض العيد`,
    expected: UNFINISHED,
  },
  {
    name: "strips a tag line of TAG_LINE_MAX_WORDS words",
    input: `${PROSE} سمات ${tagWords(20)}`,
    expected: PROSE,
  },
  {
    name: "keeps a tag heading with more than TAG_LINE_MAX_WORDS words after it",
    input: `${PROSE} سمات ${tagWords(21)}`,
    expected: `${PROSE} سمات ${tagWords(21)}`,
  },
  {
    name: "keeps a tag heading with no words after it",
    input: `${PROSE} سمات`,
    expected: `${PROSE} سمات`,
  },
  {
    name: "keeps a tag heading followed by words holding a colon",
    input: `${PROSE} سمات الرياض: العيد`,
    expected: `${PROSE} سمات الرياض: العيد`,
  },
  {
    name: "keeps a tag heading followed by words holding a comma",
    input: `${PROSE} سمات الرياض، العيد`,
    expected: `${PROSE} سمات الرياض، العيد`,
  },
  {
    name: "keeps a tag heading followed by a finished sentence",
    input: `${PROSE} سمات الرياض العيد.`,
    expected: `${PROSE} سمات الرياض العيد.`,
  },
  {
    name: "keeps a last line opening with the tag heading word that holds function words",
    input: `${PROSE}\nسمات الشخصية القيادية لدى الشباب`,
    expected: `${PROSE}\nسمات الشخصية القيادية لدى الشباب`,
  },
  {
    name: "keeps a label split by a colon (a colon only closes a label)",
    input: `اكتب: رأيك تويتر ${PROSE}`,
    expected: `اكتب: رأيك تويتر ${PROSE}`,
  },
  {
    name: "keeps a label split by a line break",
    input: `جوجل\nبلس تويتر ${PROSE}`,
    expected: `جوجل\nبلس تويتر ${PROSE}`,
  },
  {
    name: "keeps a text of one share bar said twice rather than empty it",
    input: "تويتر فيسبوك تويتر فيسبوك",
    expected: "تويتر فيسبوك",
  },
  {
    name: "keeps a start holding more than EDGE_RESIDUES_MAX runs (a list, not a page's residue)",
    input: `${"تويتر فيسبوك\n".repeat(5)}${PROSE}`,
    expected: `${"تويتر فيسبوك\n".repeat(5)}${PROSE}`,
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
      expect(stripWidgetResidue(row.input, row.title)).toBe(row.expected);
    });
  }

  it("strips residue at both ends of a long text and leaves the middle alone", () => {
    const body = Array.from(
      { length: 40 },
      (_, i) => `${SECOND} الفقرة ${i} شارك تويتر فيسبوك في المنتصف`,
    ).join("\n");
    const input = `شارك من خلال تويتر فيسبوك ${body}\n${PROSE} رابط الخبر: ${HEADLINE}`;
    expect(input.length).toBeGreaterThan(2_000);
    expect(stripWidgetResidue(input, HEADLINE)).toBe(`${body}\n${PROSE}`);
  });

  it("reads only the edges of a long text: a 2,000,000-character text costs what a short one does", () => {
    const body = `${SECOND}\n`.repeat(Math.ceil(2_000_000 / (SECOND.length + 1)));
    const input = `شارك من خلال تويتر فيسبوك ${body}${PROSE} سمات الرياض العيد`;
    const expected = `${body}${PROSE}`;
    expect(stripWidgetResidue(input)).toBe(expected);
    // Tokenizing the whole text takes tens of milliseconds; the two windows take microseconds.
    const ms = cpuMsOf(() => {
      for (let i = 0; i < 20; i++) stripWidgetResidue(input);
    });
    expect(ms / 20).toBeLessThan(2);
  });

  it("reads no further than a short edge word of a text without spaces", () => {
    const input = `شارك${"ب".repeat(5_000_000)}`;
    input.charCodeAt(1_000); // flattens the string, which costs what copying it does, before the clock starts
    let out = "";
    const ms = cpuMsOf(() => {
      out = stripWidgetResidue(input);
    });
    expect(out).toBe(input);
    expect(ms).toBeLessThan(5);
  });

  it("costs little on 2,000,000 characters of buttons or of separators", () => {
    for (const unit of ["شارك تويتر ", "| ", ". ", "شارك تويتر فيسبوك واتساب طباعة حجم الخط a+ a- "]) {
      const input = unit.repeat(Math.ceil(2_000_000 / unit.length));
      input.charCodeAt(1_000);
      // What this guards is the shape (a linear read of the residue takes ~10-25 ms of CPU on a loaded 2-core CI
      // machine, a quadratic one seconds), not a speed: the bound is far from both (20 ms had failed at 25.2 in CI).
      expect(cpuMsOf(() => stripWidgetResidue(input))).toBeLessThan(200);
    }
  });

  it("is idempotent and never empties a text, whatever the length of the residue around the windows", () => {
    const bar = [
      "شارك",
      "تويتر",
      "فيسبوك",
      "واتساب",
      "طباعة",
      "تيليجرام",
      "البريد الإلكتروني",
      "حجم الخط",
      "a+",
      "a-",
    ];
    for (const separator of [" ", " | "]) {
      for (const bars of [1, 2, 4]) {
        for (const proseChars of [0, 50, 150, 190, 210, 380, 420, 600, 700]) {
          const prose = `${SECOND} `.repeat(10).slice(0, proseChars);
          const run = Array.from({ length: bars }, () => bar.join(separator)).join("\n");
          for (const input of [`${run} ${prose}`, `${prose} ${run}`, `${run}\n${prose}\n${run}`]) {
            const once = stripWidgetResidue(input);
            expect(stripWidgetResidue(once)).toBe(once);
            expect(once.trim()).not.toBe("");
          }
        }
      }
    }
  });

  it("returns empty and blank text as it is", () => {
    expect(stripWidgetResidue("")).toBe("");
    expect(stripWidgetResidue("  \n ")).toBe("  \n ");
  });
});

describe("isPermalinkOnly", () => {
  const LIBYA = "بالصور .. رمضان في ليبيا";
  it.each([
    [
      "alweeam's permalink line holding the title, the whole of 15 dev texts",
      `رابط الخبر بصحيفة الوئام: ${LIBYA}`,
      LIBYA,
      true,
    ],
    [
      "a short-link box holding a link, whatever the title",
      "الرابط المختصر: https://example.com/?p=12",
      "",
      true,
    ],
    [
      "a permalink line naming another headline: it may be the text",
      `رابط الخبر بصحيفة الوئام: ${HEADLINE}`,
      LIBYA,
      false,
    ],
    [
      "a sentence before the box: a body with residue (stripWidgetResidue's)",
      `${PROSE} رابط الخبر بصحيفة الوئام: ${LIBYA}`,
      LIBYA,
      false,
    ],
    ["the box's target goes on to a second line", `رابط الخبر بصحيفة الوئام:\n${LIBYA}`, LIBYA, false],
    [
      "a sentence about a link, not a box",
      "وقال إن رابط الخبر الذي نشرته الصحيفة: غير صحيح ومفبرك",
      "غير صحيح ومفبرك",
      false,
    ],
    ["a label without its colon", `رابط الخبر بصحيفة الوئام ${LIBYA}`, LIBYA, false],
    ["a label and a colon with nothing after them", "رابط الخبر:", "", false],
    ["an empty text", "", LIBYA, false],
    ["prose only", PROSE, LIBYA, false],
  ])("%s", (_why, text, title, expected) => {
    expect(isPermalinkOnly(text, title)).toBe(expected);
  });

  it("reads no more than a box's length of a long text", () => {
    const long = `رابط الخبر: ${"https://example.com/".padEnd(100_000, "x")}`;
    expect(isPermalinkOnly(long)).toBe(false);
  });
});
