// Each typography rule on Markdown input → HTML, alone (with the emit rule
// where it only marks) and in the full, ordered chain of typographyPlugins.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { cjkLatinSpaces } from "../../scripts/compose/typography/cjk-latin-spaces.js";
import { cjkSoftbreaks } from "../../scripts/compose/typography/cjk-softbreaks.js";
import { dashesAndEllipses } from "../../scripts/compose/typography/dashes-and-ellipses.js";
import { emitMarks, WORD_JOINER } from "../../scripts/compose/typography/emit-marks.js";
import { fullWidthPunctuation } from "../../scripts/compose/typography/full-width-punctuation.js";
import {
  bindLastCharacters,
  TYPOGRAPHY_RULES,
  typesetPlain,
  typographyPlugins,
} from "../../scripts/compose/typography/index.js";
import { lastLine } from "../../scripts/compose/typography/last-line.js";
import { lineStart } from "../../scripts/compose/typography/line-start.js";
import { punctuationSpaces } from "../../scripts/compose/typography/punctuation-spaces.js";
import { punctuationWidth } from "../../scripts/compose/typography/punctuation-width.js";
import { corePlugin, type TextRule } from "../../scripts/compose/typography/rule.js";
import { straightQuotes } from "../../scripts/compose/typography/straight-quotes.js";

const ENV = { articleFile: "/issue/pages/01/01.md", documentDir: "/issue" };

/** The body HTML of `src` through `rules` (all of them by default), without the <p> wrapper of one paragraph. */
function render(src: string, rules?: readonly TextRule[]): string {
  const md = createMarkdown(rules ? rules.map(corePlugin) : typographyPlugins);
  const html = md.render(src, { ...ENV }).trim();
  const single = /^<p>(.*)<\/p>$/s.exec(html);
  return single && !single[1]!.includes("<p>") ? single[1]! : html;
}

const nb = (text: string) => `<span class="np-nobreak">${text}</span>`;
const half = (mark: string) => `<span class="np-half">${mark}</span>`;
const halfStart = (mark: string) => `<span class="np-half-start">${mark}</span>`;

describe("the plugin chain", () => {
  it("registers the rules after markdown-it's own core rules, in the documented order", () => {
    const md = createMarkdown(typographyPlugins);
    const names = md.core.ruler.__rules__.map((rule) => rule.name);
    expect(names.slice(names.indexOf("text_join"))).toEqual([
      "text_join",
      "np_cjk_softbreaks",
      "np_straight_quotes",
      "np_full_width_punctuation",
      "np_punctuation_spaces",
      "np_cjk_latin_spaces",
      "np_dashes_and_ellipses",
      "np_line_start",
      "np_punctuation_width",
      "np_last_line",
      "np_emit_marks",
    ]);
    expect(typographyPlugins).toHaveLength(TYPOGRAPHY_RULES.length);
  });

  it("leaves code spans and code blocks alone", () => {
    const src = '代码`a, b; "c"`和"x"是\n\n```\n中文,标点"x"——好……\n```\n\n    缩进,代码"y"';
    const html = render(src);
    expect(html).toContain(`<code>a, b; &quot;c&quot;</code>和“${nb("x”是")}`);
    expect(html).toContain('<pre><code>中文,标点&quot;x&quot;——好……\n</code></pre>');
    expect(html).toContain('<pre><code>缩进,代码&quot;y&quot;\n</code></pre>');
  });

  it("escapes text as markdown-it does, raw HTML stays text", () => {
    expect(render("中文<b>粗</b>和&符号")).toBe(`中文&lt;b&gt;粗&lt;/b&gt;和&amp;${nb("符号")}`);
  });
});

describe("cjk_softbreaks: a source line break in Chinese draws no space", () => {
  const rules = [cjkSoftbreaks];
  it("joins lines between Chinese characters and marks", () => {
    expect(render("第一行\n第二行", rules)).toBe("第一行第二行");
    expect(render("他说：\n“好”", rules)).toBe("他说：“好”");
    expect(render("中文\nESG", rules)).toBe("中文ESG");
  });
  it("keeps the break between Latin words, and across markup", () => {
    expect(render("English\nwords", rules)).toBe("English\nwords");
    expect(render("**重点**\n内容", rules)).toBe("<strong>重点</strong>内容");
  });
});

describe("straight_quotes (a)", () => {
  const rules = [straightQuotes];
  it("pairs straight double quotes in Chinese text as “ ”", () => {
    expect(render('他说"你好"，又说"再见"。', rules)).toBe("他说“你好”，又说“再见”。");
    expect(render('"ESG"标准', rules)).toBe("“ESG”标准");
    expect(render('采用"ESG"', rules)).toBe("采用“ESG”");
  });
  it("pairs single quotes as ‘ ’ and leaves apostrophes", () => {
    expect(render("他说'你好'", rules)).toBe("他说‘你好’");
    expect(render("他说don't和it's", rules)).toBe("他说don't和it's");
  });
  it("pairs across markup but not across paragraphs", () => {
    expect(render('他说"**重要**"', rules)).toBe("他说“<strong>重要</strong>”");
    expect(render('他说"你好\n\n我说好"', rules)).toBe("<p>他说“你好</p>\n<p>我说好”</p>");
  });
  it("leaves quotes in Latin text alone", () => {
    expect(render('He said "hello" to me.', rules)).toBe("He said &quot;hello&quot; to me.");
    expect(render("the 'quoted' word", rules)).toBe("the 'quoted' word");
  });
});

describe("full_width_punctuation (a)", () => {
  const rules = [fullWidthPunctuation];
  it("makes , ; : ! ? next to Han full-width", () => {
    expect(render("他说,你好;真的吗?是的!注意:这里", rules)).toBe("他说，你好；真的吗？是的！注意：这里");
    expect(render("时间:10:30", rules)).toBe("时间：10:30");
    expect(render("真的吗?!(注)", rules)).toBe("真的吗？！（注）");
  });
  it("sees Chinese through quotes and ellipses", () => {
    expect(render("“你好”,他说", rules)).toBe("“你好”，他说");
    expect(render("真的……?", rules)).toBe("真的……？");
  });
  it("makes brackets full-width in pairs when either bracket touches Chinese", () => {
    expect(render("中国(China)是", rules)).toBe("中国（China）是");
    expect(render("(注)ESG", rules)).toBe("（注）ESG");
    expect(render("时间(2023—2025年)", rules)).toBe("时间（2023—2025年）");
  });
  it("leaves Latin runs as typed", () => {
    expect(render("采用ESG (environmental) 标准", rules)).toBe("采用ESG (environmental) 标准");
    expect(render("增长3.6%，比分1:1，共1,000人", rules)).toBe("增长3.6%，比分1:1，共1,000人");
    expect(render("Hello, world! (yes)", rules)).toBe("Hello, world! (yes)");
    expect(render("网址http://example.com", rules)).toBe("网址http://example.com");
  });
});

describe("punctuation_spaces (a)", () => {
  const rules = [punctuationSpaces];
  it("removes typed spaces next to full-width marks", () => {
    expect(render("中国 ， 美国 。 ESG （注）", rules)).toBe("中国，美国。ESG（注）");
  });
  it("removes spaces between curly quotes, ——, …… and Chinese only", () => {
    expect(render("你好 ” 他说 —— 好 ……", rules)).toBe("你好”他说——好……");
    expect(render("said “hello” and", rules)).toBe("said “hello” and");
  });
});

describe("cjk_latin_spaces (c): the gap is text-autospace, typed spaces go", () => {
  const rules = [cjkLatinSpaces];
  it("removes spaces between Han and Latin letters or digits", () => {
    expect(render("使用 ESG 标准，共 2023 年", rules)).toBe("使用ESG标准，共2023年");
  });
  it("keeps spaces next to other symbols, and between Latin words", () => {
    expect(render("增长 3.6% 以上", rules)).toBe("增长3.6% 以上");
    expect(render("采用 iPhone 15 拍摄", rules)).toBe("采用iPhone 15拍摄");
  });
});

describe("dashes_and_ellipses (b)", () => {
  const rules = [dashesAndEllipses, emitMarks];
  it("glues —— and …… to the character before them", () => {
    expect(render("他说——好", rules)).toBe(`他${nb("说——")}好`);
    expect(render("他沉默了……然后", rules)).toBe(`他沉默${nb("了……")}然后`);
    expect(render("等等…………", rules)).toBe(`等${nb("等…………")}`);
  });
  it("uses a word joiner where the character before is in other markup", () => {
    expect(render("这是**重点**——来了", rules)).toBe(`这是<strong>重点</strong>${WORD_JOINER}${nb("——")}来了`);
  });
  it("binds nothing before a dash that starts the text (副题)", () => {
    expect(render("——记者手记", rules)).toBe(`${nb("——")}记者手记`);
  });
  it("leaves single dashes and ellipses to the line-start rule", () => {
    expect(render("A—B…C", rules)).toBe("A—B…C");
  });
});

describe("line_start (f): what line-break: strict lets through", () => {
  const rules = [lineStart, emitMarks];
  it("glues ·, ～ and a single — to the character before", () => {
    expect(render("马克思·韦伯", rules)).toBe(`马克${nb("思·")}韦伯`);
    expect(render("北京～上海", rules)).toBe(`北${nb("京～")}上海`);
    expect(render("2023—2025年", rules)).toBe(`202${nb("3—")}2025年`);
  });
  it("glues a closing mark after a space, and an opening mark over a space", () => {
    expect(render("ESG ”中", rules)).toBe(`ESG${nb(" ”")}中`);
    expect(render("“ ESG", rules)).toBe(`“${nb(" E")}SG`);
  });
  it("leaves what Chromium already keeps together", () => {
    expect(render("你好，世界。“引号”（括号）", rules)).toBe("你好，世界。“引号”（括号）");
  });
});

describe("punctuation_width (d): two adjacent marks take 1.5 em", () => {
  const rules = [punctuationWidth, emitMarks];
  it("trims a closing mark before another mark", () => {
    expect(render("你好。”他说，“走”）。", rules)).toBe(`你好${half("。")}”他说${half("，")}“走${half("”")}${half("）")}。`);
    expect(render("他说：“好”", rules)).toBe(`他说${half("：")}“好”`);
    expect(render("城市、（乡村）", rules)).toBe(`城市${half("、")}（乡村）`);
  });
  it("trims the second of two opening marks", () => {
    expect(render("“《红楼梦》”", rules)).toBe(`“${halfStart("《")}红楼梦${half("》")}”`);
  });
  it("works across markup, and leaves single marks", () => {
    expect(render("**好。**”", rules)).toBe(`<strong>好${half("。")}</strong>”`);
    expect(render("你好，世界。", rules)).toBe("你好，世界。");
  });
});

describe("last_line (e): no single character on a last line", () => {
  const rules = [lastLine, emitMarks];
  it("binds the last two characters and the punctuation after them", () => {
    expect(render("这是一个段落。", rules)).toBe(`这是一个${nb("段落。")}`);
    expect(render("他说：“好的。”", rules)).toBe(`他说：“${nb("好的。”")}`);
  });
  it("binds through the punctuation between the two", () => {
    expect(render("他说“好”", rules)).toBe(`他${nb("说“好”")}`);
  });
  it("counts a Latin word as one character", () => {
    expect(render("使用Transformer。", rules)).toBe(`使${nb("用T")}ransforme${nb("r。")}`);
    expect(render("hello world.", rules)).toBe(`hell${nb("o w")}orl${nb("d.")}`);
  });
  it("applies to 小标题 and list items, and leaves one-character text", () => {
    expect(render("## 小标题文字", rules)).toBe(`<h3 class="np-subhead">小标题${nb("文字")}</h3>`);
    expect(render("- 第一项\n- 第二项", rules)).toBe(`<ul>\n<li>第${nb("一项")}</li>\n<li>第${nb("二项")}</li>\n</ul>`);
    expect(render("好", rules)).toBe("好");
  });
  it("uses a word joiner when the two are split by markup", () => {
    expect(render("这是**重点**", rules)).toBe(`这是<strong>${nb("重点")}</strong>`);
    expect(render("这是**重**点", rules)).toBe(`这是<strong>重</strong>${WORD_JOINER}点`);
  });
});

describe("emit_marks", () => {
  it("nests trimmed marks inside the no-break run", () => {
    expect(render("他说：“你好。”")).toBe(`他说${half("：")}“${nb(`你好${half("。")}”`)}`);
    expect(render("于是——“好”")).toBe(`于${nb(`是——“好”`)}`);
  });
  it("puts the word joiner outside markup, before the glued character", () => {
    expect(render("这是*强调*。")).toBe(`这是<em>${nb("强调")}</em>${WORD_JOINER}。`);
  });
});

describe("the whole chain", () => {
  it("turns typed ASCII Chinese into typeset Chinese", () => {
    expect(render('他说:"这是ESG (environmental) 标准, 增长 3.6% 以上!"')).toBe(
      `他说${half("：")}“这是ESG (environmental) 标准，增长3.6% ${nb(`以上${half("！")}”`)}`,
    );
  });
  it("keeps Latin-only paragraphs as typed (but for the last-line binding)", () => {
    expect(render("ESG (environmental), 3.6% and 1:1.")).toBe(`ESG (environmental), 3.6% an${nb("d 1")}:${nb("1.")}`);
  });
});

describe("plain strings for headlines", () => {
  it("bindLastCharacters escapes and binds the last two characters", () => {
    expect(bindLastCharacters("江川<百余>社区慈善基金同步启动")).toBe(`江川&lt;百余&gt;社区慈善基金同步${nb("启动")}`);
    expect(bindLastCharacters("首批213个项目聚焦“一老一小”")).toBe(`首批213个项目聚焦“一老${nb("一小”")}`);
    expect(bindLastCharacters("好")).toBe("好");
    expect(bindLastCharacters("**不是Markdown**")).toBe(`**不${nb("是M")}arkdow${nb("n**")}`);
  });
  it("typesetPlain runs every rule but the softbreak one", () => {
    expect(typesetPlain('——记"江川"社区 ESG 慈善基金(首期)')).toBe(`${nb("——")}记“江川”社区ESG慈善基金（${nb("首期）")}`);
  });
});
