// The typography rules and typography.css in Chromium 156 with the pinned
// fonts: seeded Chinese paragraphs (Latin, digits, quotes typed straight and
// curly, ——, ……, adjacent marks) go through createMarkdown(typographyPlugins)
// into a 156 px column (13 characters of 12 px), and each line is measured
// from Range rects: 避头尾, unsplit ——/……, the 2-em indent, the CJK–Latin gap,
// compressed mark pairs, no single character on a last line, no fallback font.
// The measuring and the checks are shared with demo-pages.test.ts
// (measure-lines.ts), which runs them on the demo issue's real pages.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer";
import { launchBrowser } from "../../scripts/print/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { typographyPlugins } from "../../scripts/compose/typography/index.js";
import { OUTPUT_ROOT } from "../../scripts/paths.js";
import { PINNED_FAMILIES } from "../../scripts/compose/fonts.js";
import {
  type Block,
  type FontUse,
  autospaceProblems,
  cjkLatinGapProblems,
  dashWidths,
  foreignFonts,
  indentProblems,
  lastLineProblems,
  lineEndProblems,
  lineStartProblems,
  markPairProblems,
  measurePage,
  overflowProblems,
  platformFonts,
  splitMarkProblems,
} from "./measure-lines.js";
import { mulberry32 } from "../../scripts/seeded-random.js";

const FONT_PX = 12;
const COLUMN_PX = 156;
const LINE_PX = 18;
const PARAGRAPHS = 60;
const SEED = 20231107;

// ------------------------------------------------------------------ seeded text


const WORDS = (
  "社区 慈善 基金 启动 居民 项目 发展 推动 建设 服务 城市 乡村 振兴 保障 民生 工作 会议 表示 记者 了解 目前 已经 " +
  "全面 推进 改革 创新 经济 增长 企业 市场 政策 支持 文化 教育 医疗 养老 志愿者 街道 老人 儿童 冬季 取暖 资金 募集 " +
  "捐款 透明 公开 管理 监督 平台 群众 困难 家庭 照护 助餐 独居 覆盖 全市 乡镇 计划 实现 同步 上线 首批 仪式 现场 " +
  "大屏幕 光点 依次 亮起 议事会 共同 商定 专项 组织 领导 依托 资格 辖区 单位 爱心 用途 来自 介绍 此次 农村 城市"
).split(" ");
const LATIN = ["ESG", "GDP", "5G", "AI", "iPhone 15", "App", "Wi-Fi", "CPI", "PM2.5", "Transformer", "OK", "NGO"];
const NUMBERS = ["2023年", "11月6日", "3.6%", "126个", "2860.5万元", "1,000人", "61%", "98个", "28个"];

function generateParagraphs(seed: number, count: number): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(WORDS)).join("");
  const clause = (): string => {
    const roll = rand();
    if (roll < 0.12) return `${words(1, 3)}${pick(LATIN)}${words(1, 3)}`;
    if (roll < 0.22) return `${words(1, 2)}${pick(NUMBERS)}${words(1, 3)}`;
    if (roll < 0.3) return `${words(1, 3)}——${words(1, 3)}`;
    if (roll < 0.36) return `${words(1, 3)}……${words(0, 2)}`;
    if (roll < 0.42) return `${words(1, 2)}“${words(1, 3)}”${words(1, 2)}`;
    if (roll < 0.47) return `${words(1, 2)}"${words(1, 3)}"${words(1, 2)}`; // straight quotes, typed
    if (roll < 0.52) return `${words(1, 2)}（${words(1, 2)}）${words(0, 2)}`;
    if (roll < 0.56) return `${words(1, 2)}(${words(1, 2)})${words(1, 2)}`; // ASCII brackets, typed
    if (roll < 0.6) return `${words(1, 2)}“《${words(1, 2)}》”${words(0, 2)}`;
    if (roll < 0.62) return `**${words(1, 2)}**${words(1, 2)}`;
    if (roll < 0.64) return `“**${words(1, 2)}**”${words(1, 2)}——**${words(1, 2)}**……`; // marks next to markup
    if (roll < 0.67) return `${words(1, 2)}、（${words(1, 2)}）`;
    if (roll < 0.7) return `${words(1, 2)}·${words(1, 2)}`;
    return words(2, 5);
  };
  const sentence = (): string => {
    const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, clause);
    let text = parts.map((part, i) => (i === 0 ? part : (rand() < 0.2 ? "," : pick(["，", "，", "、", "；"])) + part)).join("");
    const roll = rand();
    if (roll < 0.18) text = `${words(1, 2)}说：“${text}。”`;
    else if (roll < 0.26) text = `${words(1, 2)}说:"${text}!"`; // ASCII, typed
    else if (roll < 0.32) text = `“${text}，”${words(1, 2)}说，“${words(2, 4)}。”`;
    else if (roll < 0.38) text = `${text}（${words(1, 2)}）。`;
    else if (roll < 0.44) text = `${text}……`;
    else text += pick(["。", "。", "。", "！", "？", "?"]);
    return text;
  };
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 12 === 5) paragraphs.push(`## ${words(2, 4)}${rand() < 0.5 ? pick(LATIN) : ""}`);
    paragraphs.push(Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence).join(""));
  }
  return paragraphs;
}

// ------------------------------------------------------------------ page

const BLOCKS = ".np-body > p, .np-body > h3";

describe("typography in Chromium 156 (156 px column, 12 px Noto Serif SC)", () => {
  let browser: Browser | undefined;
  let page: Page;
  let blocks: Block[] = [];
  let natural: Block[] = [];
  let plain: Block[] = [];
  let platform: Map<string, FontUse> = new Map();

  beforeAll(async () => {
    const markdown = generateParagraphs(SEED, PARAGRAPHS).join("\n\n");
    const bodyHtml = createMarkdown(typographyPlugins).render(markdown, { articleFile: "/dev/null", documentDir: "/tmp" });
    const dir = join(OUTPUT_ROOT, "tmp-typography");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "browser-test.html");
    writeFileSync(
      file,
      `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>typography</title>
<link rel="stylesheet" href="../../styles/fonts.css">
<link rel="stylesheet" href="../../styles/paper.css">
<link rel="stylesheet" href="../../styles/typography.css">
<style>body { --body-size: ${FONT_PX}px; --line: ${LINE_PX}px; margin: 12px; } .np-body { width: ${COLUMN_PX}px; }</style>
</head><body>
<article class="np-article np-module"><div class="np-body">
${bodyHtml}</div></article>
</body></html>
`,
    );
    browser = await launchBrowser(60_000);
    page = await browser.newPage();
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    // As set; unjustified (natural advances: justification widens characters
    // unevenly); unjustified without text-autospace (advances without the gap).
    ({ blocks, natural, plain = [] } = await measurePage(page, BLOCKS, { withoutAutospace: true }));
    platform = (await platformFonts(page, { body: ".np-body" })).fonts;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lays out the generated text: at least 40 paragraphs, many lines", () => {
    expect(blocks.filter((b) => b.tag === "p").length).toBeGreaterThanOrEqual(40);
    expect(blocks.reduce((n, b) => n + b.lines.length, 0)).toBeGreaterThan(300);
  });

  it("keeps every line inside the column, justified lines flush at both edges", () => {
    expect(overflowProblems(blocks)).toEqual([]);
  });

  it("starts no line with 、，。；：！？”’）》」』 or a —— / …… mark", () => {
    expect(lineStartProblems(blocks)).toEqual([]);
  });

  it("ends no line with “‘（《「『", () => {
    expect(lineEndProblems(blocks)).toEqual([]);
  });

  it("never splits —— or …… across lines", () => {
    expect(splitMarkProblems(blocks)).toEqual([]);
    const text = blocks.map((b) => b.lines.map((l) => l.text).join("")).join("");
    expect(text).toContain("——");
    expect(text).toContain("……");
  });

  it("indents every paragraph's first line by 2 em (24 px)", () => {
    const { checked, bad } = indentProblems(blocks);
    expect(checked).toBe(blocks.filter((b) => b.tag === "p").length);
    expect(bad).toEqual([]);
  });

  it("puts a CJK–Latin gap between Han and Latin (text-autospace: 1/8 em)", () => {
    // Chromium's autospace is 1/8 em: 1.5 px at 12 px, on every Han→Latin boundary inside a line.
    const { gaps, missing } = autospaceProblems(natural);
    expect(gaps).toBeGreaterThan(20);
    expect(missing).toEqual([]);
    // And Latin→Han: the Latin character's advance less its advance without autospace.
    const both = cjkLatinGapProblems(natural, plain);
    expect(both.latinHan).toBeGreaterThan(20);
    expect(both.missing).toEqual([]);
  });

  it("sets two adjacent full-width marks in 1.5 em, not 2", () => {
    const { pairs, wrong } = markPairProblems(natural);
    expect(pairs).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it("draws 破折号 two full widths wide (the fonts' full-width dash between Han)", () => {
    const widths = dashWidths(blocks);
    expect(widths.length).toBeGreaterThan(10);
    for (const width of widths) expect(width).toBeCloseTo(2 * FONT_PX, 0);
  });

  it("leaves no paragraph's last line with a single character", () => {
    expect(lastLineProblems(blocks)).toEqual([]);
  });

  it("renders with the pinned fonts only (no fallback font)", () => {
    expect(platform.size).toBeGreaterThan(0);
    expect(foreignFonts(platform, PINNED_FAMILIES).map((use) => use.name)).toEqual([]);
  });
});
