// The demo issue built end to end in real Chromium, both PDFs read back.
import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../../scripts/build.js";
import { issueDate } from "../../scripts/compose/calendar.js";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { typographyPlugins } from "../../scripts/compose/typography/index.js";
import { SLUG_MM } from "../../scripts/compose/page-rules.js";
import { readDocumentInfo, readLinks, readOutline, readPageLabels, popplerBoxes } from "../finish/read-pdf.js";
import { DEMO_ISSUE, buildToTemp, pageText, pdffonts, pdfinfo, pdftotext, squash, topText } from "./build-once.js";

const PT_PER_MM = 72 / 25.4;
let result: BuildResult;

beforeAll(async () => {
  result = await buildToTemp(DEMO_ISSUE);
});

const pad = (no: number) => String(no).padStart(2, "0");

describe("the demo issue's print PDF", () => {
  it("has exactly one page per issue.yaml entry, in both PDFs", () => {
    const pages = result.issue.pages.length;
    expect(pages).toBe(16);
    expect(Number(pdfinfo(result.printPdf).Pages)).toBe(pages);
    expect(Number(pdfinfo(result.epaperPdf).Pages)).toBe(pages);
  });

  it("has trim, bleed and media boxes of the paper's format on every page", () => {
    const { trimWidthMm, trimHeightMm, bleedMm } = result.issue.format;
    const mm = (pt: number) => pt / PT_PER_MM;
    for (const boxes of popplerBoxes(result.printPdf)) {
      expect(mm(boxes.trimBox.width)).toBeCloseTo(trimWidthMm, 0);
      expect(mm(boxes.trimBox.height)).toBeCloseTo(trimHeightMm, 0);
      expect(Math.abs(mm(boxes.trimBox.width) - trimWidthMm)).toBeLessThan(0.2);
      expect(Math.abs(mm(boxes.bleedBox.width) - (trimWidthMm + 2 * bleedMm))).toBeLessThan(0.2);
      expect(Math.abs(mm(boxes.bleedBox.height) - (trimHeightMm + 2 * bleedMm))).toBeLessThan(0.2);
      expect(Math.abs(mm(boxes.mediaBox.width) - (trimWidthMm + 2 * (bleedMm + SLUG_MM)))).toBeLessThan(0.3);
      // The trim box sits centred inside the bleed box, bleed on every side.
      expect(mm(boxes.trimBox.x - boxes.bleedBox.x)).toBeCloseTo(bleedMm, 1);
      expect(mm(boxes.trimBox.y - boxes.bleedBox.y)).toBeCloseTo(bleedMm, 1);
    }
    for (const boxes of popplerBoxes(result.epaperPdf)) {
      expect(Math.abs(mm(boxes.mediaBox.width) - trimWidthMm)).toBeLessThan(0.3);
      expect(Math.abs(mm(boxes.mediaBox.height) - trimHeightMm)).toBeLessThan(0.3);
      expect(boxes.trimBox).toEqual(boxes.mediaBox);
    }
  });

  it("prints the masthead on page 1: name, dates, 农历, issue number, page count, CN and 邮发代号", () => {
    const { paper, number, pages, date } = result.issue;
    const text = squash(pageText(result.printPdf, 1));
    const day = issueDate(date);
    for (const expected of [paper.name, day.long, day.weekday, `农历${day.lunar}`, `总第${number}期`, `今日${pages.length}版`, squash(paper.cn!), squash(paper.postalCode!)]) {
      expect(text).toContain(squash(expected));
    }
    expect(day.lunar).toBe("癸卯年九月廿四");
  });

  it("prints a 眉头 on pages 2-16: paper, date, 第N版, section, 责任编辑", () => {
    const day = issueDate(result.issue.date);
    // The header band: slug, bleed and the top margin, in points.
    const band = (SLUG_MM + result.issue.format.bleedMm) * PT_PER_MM + result.issue.format.marginTopPx * 0.75;
    for (const page of result.issue.pages.slice(1)) {
      const text = squash(topText(result.printPdf, page.no, band));
      expect(text, `page ${page.no}`).toContain(`第${pad(page.no)}版${page.section}`);
      expect(text).toContain(`${result.issue.paper.name}${day.long}${day.weekday}`);
      if (page.editor) expect(text).toContain(`责任编辑：${page.editor}`);
      if (page.designer) expect(text).toContain(`美术编辑：${page.designer}`);
    }
    // Page 1 carries the masthead instead of a running head.
    expect(squash(topText(result.printPdf, 1, band))).toBe("");
  });

  it("embeds every font as a TrueType subset and has no Type 3 font", () => {
    for (const file of [result.printPdf, result.epaperPdf]) {
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.type, font.name).toBe("CID TrueType");
        expect(font.embedded, font.name).toBe(true);
      }
    }
  });

  it("has an outline of pages, each with its headlines in story order at their own height", async () => {
    for (const file of [result.printPdf, result.epaperPdf]) {
      const outline = await readOutline(file);
      const { issue } = result;
      expect(outline.items.map((item) => item.title)).toEqual(issue.pages.map((page) => `第${pad(page.no)}版 ${page.section}`));
      const pageHeight = popplerBoxes(file)[0]!.mediaBox.height;
      for (const [index, item] of outline.items.entries()) {
        const page = issue.pages[index]!;
        expect(item.pageIndex).toBe(index);
        expect(item.children.map((child) => child.title)).toEqual(page.articles.map((article) => squash(article.title)));
        for (const child of item.children) {
          expect(child.pageIndex).toBe(index);
          expect(child.top).toBeGreaterThan(0);
          expect(child.top!).toBeLessThan(pageHeight);
        }
      }
    }
  });

  it("places each outline headline where pdftotext finds the headline", async () => {
    const outline = await readOutline(result.printPdf);
    const item = outline.items[1]!;
    const child = item.children[0]!;
    const bbox = pdftotext(result.printPdf, ["-bbox", "-f", "2", "-l", "2"]);
    const pageHeight = popplerBoxes(result.printPdf)[1]!.mediaBox.height;
    const firstWord = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<\/word>/g)].find((match) =>
      child.title.startsWith(match[2]!.slice(0, 4)),
    );
    expect(firstWord, "headline found in the text layer").toBeDefined();
    const headlineTop = pageHeight - Number(firstWord![1]);
    // The destination is the top of the head block: at or a little above the headline.
    expect(child.top! - headlineTop).toBeGreaterThanOrEqual(-2);
    expect(child.top! - headlineTop).toBeLessThan(120);
  });

  it("links every 导读 entry on page 1 to its page's lead story, in both PDFs", async () => {
    for (const file of [result.printPdf, result.epaperPdf]) {
      const fromFront = (await readLinks(file)).filter((link) => link.pageIndex === 0 && link.destination);
      const innerPages = result.issue.pages.slice(1).map((page) => page.no - 1);
      // The 导读 entries share one left edge (a 下转 link elsewhere on the page does not); top to bottom.
      const byLeftEdge = new Map<number, typeof fromFront>();
      for (const link of fromFront) byLeftEdge.set(Math.round(link.rect[0]), [...(byLeftEdge.get(Math.round(link.rect[0])) ?? []), link]);
      const guide = [...byLeftEdge.values()].sort((a, b) => b.length - a.length)[0]!.sort((a, b) => b.rect[1] - a.rect[1]);
      expect(guide.map((link) => link.destination!.pageIndex)).toEqual(innerPages);
      for (const link of guide) expect(link.destination!.kind).toBe("XYZ");
    }
  });

  it("jumps the front-page lead to page 2 with live 下转 and 上接 links, listed once in the outline", async () => {
    const jump = result.layout.jumps.find((candidate) => candidate.fromPage === 1);
    expect(jump, "the demo's lead carries continue_on: 2").toBeDefined();
    expect(squash(pageText(result.printPdf, 1))).toContain(`下转第${jump!.toPage}版`);
    expect(squash(pageText(result.printPdf, jump!.toPage))).toContain("上接第1版");
    for (const file of [result.printPdf, result.epaperPdf]) {
      const links = await readLinks(file);
      expect(links.some((link) => link.pageIndex === 0 && link.destination?.pageIndex === jump!.toPage - 1)).toBe(true);
      expect(links.some((link) => link.pageIndex === jump!.toPage - 1 && link.destination?.pageIndex === 0)).toBe(true);
      const outline = await readOutline(file);
      const lead = result.issue.pages[0]!.articles[0]!.title;
      const mentions = outline.items.flatMap((item) => item.children).filter((child) => child.title === squash(lead));
      expect(mentions).toHaveLength(1);
    }
  });

  it("labels pages 第01版 … 第16版 and carries the issue's metadata", async () => {
    const { issue } = result;
    for (const file of [result.printPdf, result.epaperPdf]) {
      expect(await readPageLabels(file)).toEqual(issue.pages.map((page) => `第${pad(page.no)}版`));
      const info = await readDocumentInfo(file);
      expect(info.info.Title).toBe(`${issue.paper.name} ${issue.date} 总第${issue.number}期`);
      expect(info.info.Author).toBe(issue.paper.publisher);
      expect(info.info.Keywords).toContain("社会治理");
      expect(info.info.Producer).toMatch(/^newsprint /);
      expect(info.lang).toBe("zh-CN");
      expect(info.pageMode).toBe("UseOutlines");
      const poppler = pdfinfo(file);
      expect(poppler.CreationDate).toBe("2023-11-07T00:00:00+08");
      expect(poppler.ModDate).toBe("2023-11-07T00:00:00+08");
    }
  });

  it("makes the e-paper noticeably smaller than the press PDF", () => {
    const print = statSync(result.printPdf).size;
    const epaper = statSync(result.epaperPdf).size;
    expect(epaper / print).toBeLessThan(0.7);
  });

  it("keeps every character of every title, body paragraph and caption in the text layer", () => {
    const text = squash(pdftotext(result.epaperPdf, ["-raw"])).replace(/\u2060/g, "");
    const md = createMarkdown(typographyPlugins);
    const plain = (markdown: string) =>
      md
        .render(markdown, { articleFile: DEMO_ISSUE, documentDir: DEMO_ISSUE })
        .split(/<\/(?:p|h3|li)>/)
        .map((block) => squash(block.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\u2060/g, "")))
        .filter(Boolean);
    for (const page of result.issue.pages) {
      for (const article of page.articles) {
        expect(text, article.relFile).toContain(squash(article.title));
        if (article.caption) expect(text, `${article.relFile} caption`).toContain(squash(article.caption));
        // A paragraph cut by a 转版 is checked as its two halves.
        for (const block of plain(article.body)) {
          const whole = text.includes(block);
          const halves = !whole && [...block].some((_, cut) => cut > 0 && text.includes(block.slice(0, cut)) && text.includes(block.slice(cut)));
          expect(whole || halves, `${article.relFile}: ${block.slice(0, 30)}…`).toBe(true);
        }
      }
    }
  });
});
