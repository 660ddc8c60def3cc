// Print: Paged.js paginates the laid-out document (page size, bleed, crop
// marks, 眉头 from string-set and margin boxes) and Chromium prints it once,
// with stand-ins for the photos (see stand-ins.ts). Both PDFs come from that
// one print: the press PDF with the photos put back, the e-paper cut to trim
// size with screen copies of them, made meanwhile in a second tab.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import type { ComposedIssue } from "../compose/compose.js";
import { SLUG_MM } from "../compose/page-rules.js";
import { pageFolderName } from "../content/page-folders.js";
import { ExitCode, fail } from "../messages.js";
import { NODE_MODULES, PROJECT_ROOT, STYLES_DIR } from "../paths.js";
import type { JpegPicture } from "./pdf-pictures.js";
import { pressAndEpaper } from "./press-and-epaper.js";
import { screenPictures } from "./screen-pictures.js";
import { planStandIns, type PagePicture, type StandIn } from "./stand-ins.js";

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
  /** Milliseconds per step: pagination, Chromium's PDF, the e-paper's pictures (beside pagination), pdf-lib. */
  steps: PrintSteps;
  /** What both PDFs were made from, for watch mode to reprint single pages into. */
  source: PrintSource;
}

export interface PrintSource {
  /** Chromium's PDF, stand-ins and all. */
  chromiumPdf: Uint8Array;
  standIns: Map<number, StandIn>;
  screen: Map<number, JpegPicture>;
}

export interface PrintSteps {
  paginate: number;
  pdf: number;
  pictures: number;
  pdfLib: number;
}

export interface PrintOptions {
  timeoutMs: number;
  /** Screen copies of photos kept across builds (watch mode). */
  pictureCache?: Map<string, JpegPicture>;
}

type PrintApi = {
  newsprintPrint: {
    paginate(options: unknown): Promise<{ sheets: number; expected: number; sectionOfSheet: number[]; spilled: number[]; headlines: SheetHeadlines[] }>;
    headlines(): SheetHeadlines[];
  };
  newsprintPictures: {
    list(): PagePicture[];
    useStandIns(standIns: unknown): Promise<number>;
  };
};

const MM_TO_PT = 72 / 25.4;
const MM_TO_PX = 96 / 25.4;
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: false, outline: false } as const;

export async function printIssue(page: Page, composed: ComposedIssue, options: PrintOptions): Promise<PrintedIssue> {
  const started = performance.now();
  const pictures = await preparePictures(page, options.pictureCache);
  const sheets = await paginate(page, composed);
  const paginateMs = performance.now() - started;
  const printed = await printSheets(page, options.timeoutMs);
  const source = { chromiumPdf: printed.pdf, standIns: pictures.standIns, screen: await pictures.screen };
  const { pdfLibMs, ...pdfs } = await twoPdfs(source, composed, sheets.headlines);
  return { ...pdfs, steps: { paginate: paginateMs, pdf: printed.ms, pictures: pictures.ms(), pdfLib: pdfLibMs }, source };
}

export interface PreparedPictures {
  /** Stand-ins by index, as printed. */
  standIns: Map<number, StandIn>;
  /** The e-paper's copies, being made in a second tab. */
  screen: Promise<Map<number, JpegPicture>>;
  /** How long the screen copies took (0 until they are done). */
  ms(): number;
}

/**
 * Swaps the page's plain JPEGs for stand-ins and starts their screen copies in
 * a second tab. Call before pagination, so Paged.js copies the stand-ins.
 * Stand-ins are numbered from `firstIndex` (watch mode adds to earlier ones).
 */
export async function preparePictures(page: Page, cache?: Map<string, JpegPicture>, firstIndex = 0): Promise<PreparedPictures> {
  if (!(await page.evaluate(() => "newsprintPictures" in window))) await page.addScriptTag({ path: join(PROJECT_ROOT, "scripts", "print", "in-page", "pictures.js") });
  const planned = await planStandIns(await page.evaluate(() => (window as unknown as PrintApi).newsprintPictures.list()), firstIndex);
  const standIns = new Map(planned.map((standIn, index) => [firstIndex + index, standIn]));
  await page.evaluate(
    (list) => (window as unknown as PrintApi).newsprintPictures.useStandIns(list),
    planned.map(({ url, width, height, rasterWidth, rasterHeight }) => ({ url, width, height, rasterWidth, rasterHeight })),
  );
  const started = performance.now();
  let ms = 0;
  const screen = screenPictures(page.browserContext(), standIns, { dpi: EPAPER_IMAGE_DPI, quality: EPAPER_JPEG_QUALITY, cache }).finally(() => {
    ms = performance.now() - started;
  });
  // Settled here too, so a failed pagination does not leave it unhandled.
  screen.catch(() => {});
  return { standIns, screen, ms: () => ms };
}

const PAGED_JS = join(NODE_MODULES, "pagedjs", "dist", "paged.js");
const PAGINATOR_ID = "np-paginator";

/**
 * Starts loading Paged.js while the document is still being laid out. Chromium
 * compiles a script it loads by URL off the main thread, so the megabyte of
 * Paged.js is ready when pagination begins instead of being compiled then.
 * (issue.html never has it: laidOutHtml leaves scripts out.)
 */
export async function preloadPaginator(page: Page): Promise<void> {
  await page.evaluate(
    (id, src) => {
      const script = document.createElement("script");
      script.id = id;
      script.src = src;
      document.head.appendChild(script);
    },
    PAGINATOR_ID,
    pathToFileURL(PAGED_JS).href,
  );
}

/** Paged.js's script (preloaded or not) and ours, and the stylesheets only Paged.js reads. */
export async function loadPaginator(page: Page, composed: ComposedIssue): Promise<Record<string, string>[]> {
  const preloaded = await page.evaluate(
    (id) =>
      new Promise<boolean>((resolve) => {
        const script = document.getElementById(id);
        if (!script || "Paged" in window) return resolve(Boolean(script));
        script.addEventListener("load", () => resolve(true));
        script.addEventListener("error", () => resolve(false));
      }),
    PAGINATOR_ID,
  );
  if (!preloaded) await page.addScriptTag({ path: PAGED_JS });
  await page.addScriptTag({ path: join(PROJECT_ROOT, "scripts", "print", "in-page", "paginate.js") });
  return [{ "format.css": composed.pageRules }, { [PAGED_MEDIA_STYLESHEET]: readFileSync(join(STYLES_DIR, PAGED_MEDIA_STYLESHEET), "utf8") }];
}

/** Paginates the laid-out document: one sheet per page, or the build fails. */
export async function paginate(page: Page, composed: ComposedIssue): Promise<{ headlines: SheetHeadlines[] }> {
  const sheets = await loadPaginator(page, composed);
  const result = await page.evaluate((paginateOptions) => (window as unknown as PrintApi).newsprintPrint.paginate(paginateOptions), { sheets, pageCount: composed.issue.pages.length });
  if (result.spilled.length > 0 || result.sheets !== result.expected) {
    const pages = result.spilled.length > 0 ? result.spilled : [result.sectionOfSheet.at(-1) ?? 0];
    fail(
      {
        stage: "print",
        ruleId: "page-spill",
        page: pages[0],
        file: `pages/${pageFolderName(pages[0]!)}`,
        reason: `page ${pages.join(", ")} spilled onto a second sheet: ${result.sheets} sheets printed for ${result.expected} pages`,
      },
      ExitCode.Overflow,
    );
  }
  return { headlines: result.headlines };
}

/** Chromium's PDF of the paginated sheets (all, or a range such as "3,5"). */
export async function printSheets(page: Page, timeoutMs: number, pageRanges?: string): Promise<{ pdf: Uint8Array; ms: number }> {
  const started = performance.now();
  const pdf = await page.pdf({ ...PDF_OPTIONS, timeout: timeoutMs, ...(pageRanges ? { pageRanges } : {}) });
  return { pdf, ms: performance.now() - started };
}

/** Where the e-paper's page starts: the trim edge, bleed and slug in from the sheet's. */
export function trimInsetMm(composed: ComposedIssue): number {
  return composed.issue.format.bleedMm + SLUG_MM;
}

/** The press PDF and the e-paper from one Chromium PDF, with the headlines of each. */
export async function twoPdfs(
  source: PrintSource,
  composed: ComposedIssue,
  printHeadlines: SheetHeadlines[],
): Promise<Omit<PrintedIssue, "steps" | "source"> & { pdfLibMs: number }> {
  const started = performance.now();
  const insetMm = trimInsetMm(composed);
  const { printPdf, epaperPdf } = await pressAndEpaper(source.chromiumPdf, source.standIns, source.screen, insetMm * MM_TO_PT);
  // The e-paper's page starts at the trim edge: its headlines sit that much higher.
  const epaperHeadlines = printHeadlines.map((sheet) => ({
    ...sheet,
    headlines: sheet.headlines.map((headline) => ({ ...headline, topPx: headline.topPx - insetMm * MM_TO_PX })),
  }));
  return { printPdf, epaperPdf, printHeadlines, epaperHeadlines, pdfLibMs: performance.now() - started };
}
