// The demo issue built end to end in real Chromium, both PDFs read back.
import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../../scripts/build.js";
import { issueDate } from "../../scripts/compose/calendar.js";
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
      const links = (await readLinks(file)).filter((link) => link.pageIndex === 0 && link.destination);
      const innerPages = result.issue.pages.slice(1);
      expect(links.map((link) => link.destination!.pageIndex)).toEqual(innerPages.map((page) => page.no - 1));
      for (const link of links) expect(link.destination!.kind).toBe("XYZ");
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

  it("keeps every character of every title and body paragraph in the text layer", () => {
    const text = squash(pdftotext(result.epaperPdf, ["-raw"]));
    for (const page of result.issue.pages) {
      for (const article of page.articles) {
        expect(text, article.relFile).toContain(squash(article.title));
      }
    }
    expect(result.layout.pages.every((page) => page.articles.every((article) => article.linesAvailable >= article.linesUsed))).toBe(true);
  });
});
