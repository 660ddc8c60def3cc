// Print: Paged.js paginates the laid-out document (page size, bleed, crop
// marks, 眉头 from string-set and margin boxes); Chromium prints the press PDF,
// then the same pages, turned to trim size with screen images, as the e-paper.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer";
import type { ComposedIssue } from "../compose/compose.js";
import { ExitCode, fail } from "../messages.js";
import { NODE_MODULES, PROJECT_ROOT, STYLES_DIR } from "../paths.js";

/** The stylesheet that Paged.js alone reads, besides the format's @page rules. */
export const PAGED_MEDIA_STYLESHEET = "running-heads.css";
const EPAPER_IMAGE_DPI = 150;
const EPAPER_JPEG_QUALITY = 0.72;

export interface PlacedHeadline {
  id: string;
  title: string;
  topPx: number;
}

export interface SheetHeadlines {
  pageIndex: number;
  headlines: PlacedHeadline[];
}

export interface PrintedIssue {
  printPdf: Uint8Array;
  epaperPdf: Uint8Array;
  printHeadlines: SheetHeadlines[];
  epaperHeadlines: SheetHeadlines[];
  paginateMs: number;
}

type PrintApi = {
  newsprintPrint: {
    paginate(options: unknown): Promise<{ sheets: number; expected: number; sectionOfSheet: number[]; spilled: number[] }>;
    headlines(): SheetHeadlines[];
    toEpaper(options: unknown): Promise<void>;
  };
};

export async function printIssue(page: Page, composed: ComposedIssue, timeoutMs: number): Promise<PrintedIssue> {
  const started = performance.now();
  await page.addScriptTag({ path: join(NODE_MODULES, "pagedjs", "dist", "paged.js") });
  await page.addScriptTag({ path: join(PROJECT_ROOT, "scripts", "print", "in-page", "paginate.js") });
  const sheets = [
    { "format.css": composed.pageRules },
    { [PAGED_MEDIA_STYLESHEET]: readFileSync(join(STYLES_DIR, PAGED_MEDIA_STYLESHEET), "utf8") },
  ];
  const result = await page.evaluate(
    (options) => (window as unknown as PrintApi).newsprintPrint.paginate(options),
    { sheets, pageCount: composed.issue.pages.length },
  );
  if (result.spilled.length > 0 || result.sheets !== result.expected) {
    const pages = result.spilled.length > 0 ? result.spilled : [result.sectionOfSheet.at(-1) ?? 0];
    fail(
      {
        stage: "print",
        ruleId: "page-spill",
        page: pages[0],
        file: `pages/${String(pages[0]).padStart(2, "0")}`,
        reason: `page ${pages.join(", ")} spilled onto a second sheet: ${result.sheets} sheets printed for ${result.expected} pages`,
      },
      ExitCode.Overflow,
    );
  }
  const paginateMs = performance.now() - started;
  const printHeadlines = await page.evaluate(() => (window as unknown as PrintApi).newsprintPrint.headlines());
  const pdfOptions = { preferCSSPageSize: true, printBackground: true, timeout: timeoutMs, tagged: false, outline: false } as const;
  const printPdf = await page.pdf(pdfOptions);

  const { trimWidthMm, trimHeightMm } = composed.issue.format;
  await page.evaluate(
    (options) => (window as unknown as PrintApi).newsprintPrint.toEpaper(options),
    { widthMm: trimWidthMm, heightMm: trimHeightMm, imageDpi: EPAPER_IMAGE_DPI, quality: EPAPER_JPEG_QUALITY },
  );
  const epaperHeadlines = await page.evaluate(() => (window as unknown as PrintApi).newsprintPrint.headlines());
  const epaperPdf = await page.pdf(pdfOptions);
  return { printPdf, epaperPdf, printHeadlines, epaperHeadlines, paginateMs };
}
