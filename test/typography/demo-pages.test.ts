// The typography rules on the demo issue's real pages: content/2023-11-07 is
// built once with build(), and the laid-out document it writes
// (output/<id>/issue.html, before pagination, links relative to where it
// lies) is opened in Chromium. Every paragraph, 小标题, list item and quoted
// paragraph of every article body is measured in its real legs (the
// multi-column fragments: lines grouped by the column's x, then top) with
// the measurements of browser.test.ts (measure-lines.ts): 避头尾, unsplit
// ——/……, the 2-em indent (not on a 转版 continuation, list items or
// quotes), the CJK–Latin gap both ways, adjacent marks in 1.5 em, no single
// character on a last line, and the fonts CDP says drew body, titles,
// kickers, subtitles and captions; heads and captions get the line rules
// too. A failure names the article file and the text of the line.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../../scripts/build.js";
import { PINNED_FAMILIES } from "../../scripts/compose/fonts.js";
import { findFallbackFonts } from "../../scripts/layout/font-fallback.js";
import type { IssueMessage } from "../../scripts/messages.js";
import { launchBrowser } from "../../scripts/print/browser.js";
import { DEMO_ISSUE, buildToTemp } from "../e2e/build-once.js";
import {
  type Block,
  type FontUse,
  type Measured,
  advances,
  cjkLatinGapProblems,
  dashWidths,
  foreignFonts,
  indentProblems,
  isIndentedParagraph,
  lastLineProblems,
  lineEndProblems,
  lineStartProblems,
  markPairProblems,
  measurePage,
  overflowProblems,
  platformFonts,
  shortLines,
  splitMarkProblems,
  where,
} from "./measure-lines.js";

/** The blocks of article bodies, wherever they stand in the body. */
const BODY_BLOCKS = ".np-body > p, .np-body > h3, .np-body li, .np-body blockquote p";
/** Heads and captions: typeset by typesetPlain, 引题, 副题 and captions in 楷. */
const HEAD_BLOCKS = ".np-kicker, .np-title, .np-subtitle, .np-caption";
/** What CDP is asked about, by name (each with all its descendants). */
const FONT_GROUPS = {
  "body paragraphs": ".np-body p, .np-body h3, .np-body li",
  titles: ".np-title",
  kickers: ".np-kicker",
  subtitles: ".np-subtitle",
  captions: ".np-caption",
};

describe("typography on the demo issue's laid-out pages (content/2023-11-07)", () => {
  let result: BuildResult;
  let browser: Browser | undefined;
  let page: Page;
  let measured: Measured;
  let heads: Measured;
  let blocks: Block[] = [];
  let fonts: { nodes: number; fonts: Map<string, FontUse> };
  let fallback: IssueMessage[] = [];
  let fallbackMs = 0;
  const summary: string[] = [];

  beforeAll(async () => {
    result = await buildToTemp(DEMO_ISSUE);
    browser = await launchBrowser(120_000);
    page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1200 });
    await page.goto(pathToFileURL(join(result.outputDir, "issue.html")).href, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((img) => (img.complete ? undefined : new Promise((done) => (img.onload = img.onerror = done)))));
    });
    measured = await measurePage(page, BODY_BLOCKS, { withoutAutospace: true });
    blocks = measured.blocks;
    heads = await measurePage(page, HEAD_BLOCKS);
    fonts = await platformFonts(page, FONT_GROUPS);
    const started = performance.now();
    fallback = await findFallbackFonts(page, PINNED_FAMILIES);
    fallbackMs = performance.now() - started;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    // The temporary output root buildToTemp made for this file alone.
    if (result) rmSync(dirname(result.outputDir), { recursive: true, force: true });
    if (summary.length > 0) console.log(`demo typography (${result?.issue.pages.length} pages):\n  ${summary.join("\n  ")}`);
  });

  const lineCount = (list: Block[]) => list.reduce((sum, block) => sum + block.lines.length, 0);

  it("measures every body block of every article in its legs", () => {
    const paragraphs = blocks.filter((block) => block.tag === "p");
    const articles = new Set(blocks.map((block) => block.file));
    summary.push(
      `${blocks.length} blocks (${paragraphs.length} paragraphs, ${blocks.filter((b) => b.tag === "h3").length} 小标题, ${blocks.filter((b) => b.inList).length} list items, ${blocks.filter((b) => b.inQuote).length} quoted) in ${articles.size} article files; ${lineCount(blocks)} lines; ${blocks.filter((b) => b.legs > 1).length} blocks run over two legs`,
    );
    expect(articles.size).toBeGreaterThan(80);
    expect(paragraphs.length).toBeGreaterThan(500);
    expect(lineCount(blocks)).toBeGreaterThan(5000);
    // Multi-column bodies: paragraphs that run on into the next leg are measured leg by leg.
    expect(blocks.filter((block) => block.legs > 1).length).toBeGreaterThan(50);
    expect(blocks.every((block) => block.file !== "")).toBe(true);
  });

  it("keeps every line inside its leg, justified lines flush at both edges", () => {
    const problems = overflowProblems(blocks);
    const short = shortLines(blocks);
    summary.push(`inside and flush: ${lineCount(blocks)} lines, ${problems.length} bad; ${short.length} justified lines end in a Han glyph > 1 px short of the edge (Chromium's line-end justification space; not asserted)`);
    expect(problems).toEqual([]);
  });

  it("starts no line with 、，。；：！？”’）》」』 or a —— / …… mark", () => {
    const bad = lineStartProblems(blocks);
    summary.push(`避头: ${lineCount(blocks) - blocks.length} line starts, ${bad.length} bad`);
    expect(bad).toEqual([]);
  });

  it("ends no line with “‘（《「『", () => {
    const bad = lineEndProblems(blocks);
    summary.push(`避尾: ${lineCount(blocks) - blocks.length} line ends, ${bad.length} bad`);
    expect(bad).toEqual([]);
  });

  it("never splits —— or …… across lines", () => {
    const bad = splitMarkProblems(blocks);
    const text = blocks.map((b) => b.lines.map((l) => l.text).join("")).join("");
    summary.push(`——/……: ${(text.match(/——|……/g) ?? []).length} marks, ${bad.length} split`);
    expect(bad).toEqual([]);
    for (const width of dashWidths(blocks)) expect(width).toBeCloseTo(24, 0);
  });

  it("indents each paragraph's first line by 2 em (24 px), but a 转版 continuation, list items and quotes", () => {
    const { checked, bad } = indentProblems(blocks);
    const continued = blocks.filter((block) => /\bnp-continued\b/.test(block.className) && block.lines.length > 0);
    const unindented = continued.filter((block) => Math.abs(block.lines[0]!.chars[0]!.left - block.lines[0]!.left) > 0.5);
    summary.push(`indent: ${checked} paragraphs at 2 em, ${bad.length} not; ${continued.length} 转版 continuation(s) flush left, ${unindented.length} not`);
    expect(checked).toBe(blocks.filter(isIndentedParagraph).filter((block) => block.lines.length > 0).length);
    expect(bad).toEqual([]);
    expect(unindented.map((block) => `${block.file}: ${block.lines[0]!.text}`)).toEqual([]);
  });

  it("puts the 1/8-em CJK–Latin gap wherever Han meets a Latin letter or digit inside a line", () => {
    const { hanLatin, latinHan, missing } = cjkLatinGapProblems(measured.natural, measured.plain!);
    summary.push(`CJK–Latin gap: ${hanLatin} Han→Latin and ${latinHan} Latin→Han boundaries, ${missing.length} without it`);
    expect(hanLatin + latinHan).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it("sets two adjacent full-width marks in 1.5 em, not 2", () => {
    const { pairs, wrong } = markPairProblems(measured.natural);
    summary.push(`mark pairs: ${pairs} pairs, ${wrong.length} not at 1.5 em`);
    expect(pairs).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("leaves no paragraph's last line with a single character", () => {
    const bad = lastLineProblems(blocks);
    summary.push(`last lines: ${blocks.filter((b) => b.lines.length > 1).length} blocks of 2+ lines, ${bad.length} with one character`);
    expect(bad).toEqual([]);
  });

  it("sets heads and captions by the same rules, 楷 quotes full-width", () => {
    const set = heads.blocks;
    const bad = [...lineStartProblems(set), ...lineEndProblems(set), ...splitMarkProblems(set), ...lastLineProblems(set), ...overflowProblems(set, (block) => block.tag === "figcaption")];
    const { pairs, wrong } = markPairProblems(heads.natural);
    // LXGW WenKai's own “”‘’ are 0.35 em: typography.css takes them from Noto Serif SC, 1 em like every other mark.
    const quotes = heads.natural.flatMap((block) =>
      block.lines.flatMap((line) => {
        const adv = advances(line, block.letterSpacingPx);
        return line.chars.flatMap((ch, i) => ("“”‘’".includes(ch.c) && !ch.half && i < line.chars.length - 1 ? [{ block, ch, advance: adv[i]!, line }] : []));
      }),
    );
    const narrow = quotes.filter((quote) => Math.abs(quote.advance - quote.block.fontPx) > 0.5).map((quote) => `${where(quote.block)}${quote.ch.c} ${quote.advance.toFixed(2)} in ${quote.line.text}`);
    summary.push(`heads and captions: ${set.length} blocks, ${lineCount(set)} lines, ${bad.length} bad; ${pairs} mark pairs, ${wrong.length} not at 1.5 em; ${quotes.length} quotes, ${narrow.length} not 1 em`);
    expect(bad).toEqual([]);
    expect(wrong).toEqual([]);
    expect(quotes.length).toBeGreaterThan(20);
    expect(narrow).toEqual([]);
  });

  it("draws body, titles, kickers, subtitles and captions in the pinned families only", () => {
    const foreign = foreignFonts(fonts.fonts, PINNED_FAMILIES);
    summary.push(`fonts: ${fonts.nodes} nodes asked; ${[...fonts.fonts.values()].map((use) => `${use.name} ${use.glyphs} glyphs`).join(", ")}; ${foreign.length} foreign`);
    expect(foreign.map((use) => `${use.name} in ${use.where.join(", ")}`)).toEqual([]);
    const groups = new Set([...fonts.fonts.values()].flatMap((use) => use.where));
    expect([...groups].sort()).toEqual(Object.keys(FONT_GROUPS).sort());
  });

  it("finds no fallback font in the build-time check either", () => {
    summary.push(`findFallbackFonts: ${fallback.length} messages in ${fallbackMs.toFixed(0)} ms`);
    expect(fallback).toEqual([]);
  });
});
