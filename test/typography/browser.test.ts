// The typography rules and typography.css in Chromium 156 with the pinned
// fonts: seeded Chinese paragraphs (Latin, digits, quotes typed straight and
// curly, ——, ……, adjacent marks) go through createMarkdown(typographyPlugins)
// into a 156 px column (13 characters of 12 px), and each line is measured
// from Range rects: 避头尾, unsplit ——/……, the 2-em indent, the CJK–Latin gap,
// compressed mark pairs, no single character on a last line, no fallback font.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer";
import { launchBrowser } from "../../scripts/print/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { typographyPlugins } from "../../scripts/compose/typography/index.js";
import { OUTPUT_ROOT } from "../../scripts/paths.js";

const FONT_PX = 12;
const COLUMN_PX = 156;
const LINE_PX = 18;
const PARAGRAPHS = 60;
const SEED = 20231107;

const NO_LINE_START = "、，。；：！？”’）》」』—…";
const NO_LINE_END = "“‘（《「『";
const CLOSING = "、，。：；！？”’）》」』】";
const OPENING = "“‘（《「『【";
/** Family names as the pinned @fontsource files name themselves (the 400 cuts say "ExtraLight"/"Thin"). */
const PINNED_FAMILIES = /^(Noto Serif SC|Noto Sans SC|LXGW WenKai|霞鹜文楷)( |$)/;

// ------------------------------------------------------------------ seeded text

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

interface CharBox {
  c: string;
  left: number;
  right: number;
  top: number;
  /** "end" when the character is in np-half (its right half may hang past a line end). */
  half: boolean;
}

interface Line {
  text: string;
  chars: CharBox[];
}

interface Block {
  tag: string;
  fontPx: number;
  left: number;
  right: number;
  lines: Line[];
}

/** Runs in the page: every block's characters grouped into lines by their rects. */
function measureBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(".np-body > p, .np-body > h3")) {
    const box = element.getBoundingClientRect();
    const chars: CharBox[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement!;
      const half = parent.classList.contains("np-half");
      for (let i = 0; i < node.data.length; ) {
        const c = String.fromCodePoint(node.data.codePointAt(i)!);
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + c.length);
        i += c.length;
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect || c === "\u2060") continue;
        chars.push({ c, left: rect.left, right: rect.right, top: rect.top, half });
      }
    }
    const lines: Line[] = [];
    for (const ch of chars) {
      let line = lines.find((l) => Math.abs(l.chars[0]!.top - ch.top) < 8);
      if (!line) lines.push((line = { text: "", chars: [] }));
      line.chars.push(ch);
    }
    lines.sort((a, b) => a.chars[0]!.top - b.chars[0]!.top);
    for (const line of lines) {
      line.chars.sort((a, b) => a.left - b.left);
      line.text = line.chars.map((ch) => ch.c).join("");
    }
    const fontPx = parseFloat(getComputedStyle(element).fontSize);
    blocks.push({ tag: element.tagName.toLowerCase(), fontPx, left: box.left, right: box.right, lines });
  }
  return blocks;
}

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const isLatin = (c: string) => /[A-Za-z0-9]/.test(c);

/** Advance of each character on a line: the next character's left minus its own. */
function advances(line: Line): number[] {
  return line.chars.map((ch, i) => (line.chars[i + 1]?.left ?? ch.right) - ch.left);
}

describe("typography in Chromium 156 (156 px column, 12 px Noto Serif SC)", () => {
  let browser: Browser | undefined;
  let page: Page;
  let blocks: Block[] = [];
  let natural: Block[] = [];
  const platformFonts = new Map<string, number>();

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
    blocks = await page.evaluate(measureBlocks);
    // The same lines unjustified: justification widens characters unevenly
    // (text-justify: auto skips Latin and some marks), so widths of marks
    // and gaps are read from natural advances. Line breaks do not change.
    await page.addStyleTag({ content: ".np-body p, .np-body h3 { text-align: left !important; }" });
    natural = await page.evaluate(measureBlocks);

    const cdp = await page.createCDPSession();
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: ".np-body, .np-body *" });
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      for (const font of fonts) {
        const name = `${font.familyName}${font.isCustomFont ? "" : " (system)"}`;
        platformFonts.set(name, (platformFonts.get(name) ?? 0) + font.glyphCount);
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lays out the generated text: at least 40 paragraphs, many lines", () => {
    expect(blocks.filter((b) => b.tag === "p").length).toBeGreaterThanOrEqual(40);
    expect(blocks.reduce((n, b) => n + b.lines.length, 0)).toBeGreaterThan(300);
  });

  it("keeps every line inside the column, justified lines flush at both edges", () => {
    const problems: string[] = [];
    for (const block of blocks) {
      block.lines.forEach((line, i) => {
        const first = line.chars[0]!;
        const last = line.chars.at(-1)!;
        // A trimmed mark at a line end keeps its (empty) right half past the edge.
        const overhang = last.half ? FONT_PX / 2 : 0;
        if (first.left < block.left - 0.5 || last.right > block.right + overhang + 0.5) problems.push(`overflow: ${line.text}`);
        const justified = block.tag === "p" && i < block.lines.length - 1;
        if (justified && Math.abs(last.right - overhang - block.right) > 1) problems.push(`ragged: ${line.text}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("starts no line with 、，。；：！？”’）》」』 or a —— / …… mark", () => {
    const bad = blocks.flatMap((b) => b.lines.slice(1).filter((l) => NO_LINE_START.includes(l.text[0]!)).map((l) => l.text));
    expect(bad).toEqual([]);
  });

  it("ends no line with “‘（《「『", () => {
    const bad = blocks.flatMap((b) => b.lines.slice(0, -1).filter((l) => NO_LINE_END.includes(l.text.at(-1)!)).map((l) => l.text));
    expect(bad).toEqual([]);
  });

  it("never splits —— or …… across lines", () => {
    const bad: string[] = [];
    for (const block of blocks) {
      for (let i = 0; i + 1 < block.lines.length; i++) {
        const end = block.lines[i]!.text.at(-1)!;
        const start = block.lines[i + 1]!.text[0]!;
        if ("—…".includes(end) && end === start) bad.push(`${block.lines[i]!.text} | ${block.lines[i + 1]!.text}`);
      }
    }
    expect(bad).toEqual([]);
    const text = blocks.map((b) => b.lines.map((l) => l.text).join("")).join("");
    expect(text).toContain("——");
    expect(text).toContain("……");
  });

  it("indents every paragraph's first line by 2 em (24 px)", () => {
    const indents = blocks.filter((b) => b.tag === "p").map((b) => b.lines[0]!.chars[0]!.left - b.left);
    for (const indent of indents) expect(indent).toBeCloseTo(2 * FONT_PX, 0);
  });

  it("puts a CJK–Latin gap between Han and Latin (text-autospace: 1/8 em)", () => {
    const gaps: string[] = [];
    const missing: string[] = [];
    for (const block of natural) {
      for (const line of block.lines) {
        const adv = advances(line);
        line.chars.forEach((ch, i) => {
          const next = line.chars[i + 1];
          if (!next) return;
          // Chromium adds the space to the advance of the character before the boundary.
          const boundary = (isHan(ch.c) && isLatin(next.c)) || (isLatin(ch.c) && isHan(next.c));
          if (!boundary) return;
          const gap = isHan(ch.c) ? adv[i]! - block.fontPx : next.left - ch.right;
          (isHan(ch.c) ? gaps : []).push(`${gap.toFixed(2)}`);
          if (isHan(ch.c) && Math.abs(gap - block.fontPx / 8) > 0.25) missing.push(`${ch.c}${next.c} ${gap.toFixed(2)} in ${line.text}`);
        });
      }
    }
    // Chromium's autospace is 1/8 em: 1.5 px at 12 px, on every Han→Latin boundary inside a line.
    expect(gaps.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("sets two adjacent full-width marks in 1.5 em, not 2", () => {
    // A closing mark before any mark gives up its right half; an opening mark
    // before an opening mark lets the second give up its left half: either
    // way the first mark advances 6 px, and the pair takes 18 px, not 24.
    const saved: string[] = [];
    const wrong: string[] = [];
    for (const block of natural) {
      for (const line of block.lines) {
        const adv = advances(line);
        line.chars.forEach((ch, i) => {
          const next = line.chars[i + 1];
          if (!next || i + 2 >= line.chars.length) return;
          const pair = (CLOSING.includes(ch.c) && (CLOSING.includes(next.c) || OPENING.includes(next.c))) || (OPENING.includes(ch.c) && OPENING.includes(next.c));
          if (!pair) return;
          const pairWidth = adv[i]! + adv[i + 1]!;
          const em = block.fontPx;
          const halved = OPENING.includes(next.c) && OPENING.includes(ch.c) ? pairWidth : adv[i]! + em;
          (Math.abs(adv[i]! - em / 2) < 0.25 && halved < 2 * em ? saved : wrong).push(`${ch.c}${next.c} ${adv[i]!.toFixed(2)} in ${line.text}`);
        });
      }
    }
    expect(saved.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it("draws 破折号 two full widths wide (the fonts' full-width dash between Han)", () => {
    const widths: number[] = [];
    for (const block of blocks) {
      for (const line of block.lines) {
        line.chars.forEach((ch, i) => {
          if (ch.c === "—" && line.chars[i + 1]?.c === "—" && line.chars[i - 1]?.c !== "—") widths.push(line.chars[i + 1]!.right - ch.left);
        });
      }
    }
    expect(widths.length).toBeGreaterThan(10);
    for (const width of widths) expect(width).toBeCloseTo(2 * FONT_PX, 0);
  });

  it("leaves no paragraph's last line with a single character", () => {
    const bad: string[] = [];
    for (const block of blocks) {
      if (block.lines.length < 2) continue;
      const last = block.lines.at(-1)!.text;
      const units = last.match(/\p{Script=Han}|[A-Za-z0-9.%,]+/gu) ?? [];
      if (units.length < 2) bad.push(last);
    }
    expect(bad).toEqual([]);
  });

  it("renders with the pinned fonts only (no fallback font)", () => {
    expect(platformFonts.size).toBeGreaterThan(0);
    const foreign = [...platformFonts.keys()].filter((name) => name.endsWith("(system)") || !PINNED_FAMILIES.test(name));
    expect(foreign).toEqual([]);
  });
});
