// Visual regression of an issue's e-paper: build it (or reuse a fresh build),
// render every page with the pinned rasterizer and compare it with its
// approved image; write output/<issue-id>/regress/index.html. When the PDF is
// byte for byte the one approved, no pixel is rendered at all. With `update`,
// the pages of this build become the approved ones.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Browser } from "puppeteer";
import { build } from "../build.js";
import type { CopyfitReport } from "../layout/report.js";
import type { IssueMessage } from "../messages.js";
import { OUTPUT_ROOT } from "../paths.js";
import {
  approveBaselines,
  baselineImageState,
  defaultBaselineDir,
  pageImageName,
  readManifest,
  sha256File,
  shownPath,
  type BaselineManifest,
} from "./baselines.js";
import { COMPARE_SETTINGS, comparePixels, decodePng, encodePng, pixelHash, type CompareSettings } from "./compare.js";
import { buildFreshness } from "./fresh-build.js";
import { percent, writeReportHtml } from "./report-html.js";
import { rasterizePdf, rasterizerSettings, readPpm, removeScratch, scratchDir, type RasterizerSettings, type RasterPage } from "./rasterize.js";

/**
 * unchanged: matches its approved image; changed: differs from it;
 * missing: no approved image to compare with (never a pass);
 * removed: approved, but this build has no such page.
 */
export type PageStatus = "unchanged" | "changed" | "missing" | "removed";

export interface PageResult {
  no: number;
  section: string;
  status: PageStatus;
  changedPixels?: number;
  antialiasedPixels?: number;
  /** Changed pixels / all pixels of the page, 0-1. */
  changedShare?: number;
  sizeChanged?: boolean;
  /** Why a page is missing, e.g. an approved image edited since approval. */
  note?: string;
  /** pixelHash() of this build's page; undefined for a removed page. */
  pixelsSha256?: string;
  /** Images for the report, inside output/<issue-id>/regress/. */
  expectedImage?: string;
  actualImage?: string;
  diffImage?: string;
}

export interface RegressSettings {
  rasterizer: RasterizerSettings;
  compare: CompareSettings;
}

export interface RegressOptions {
  issueDir: string;
  /** Default: test/baselines/<issue-id>/. */
  baselineDir?: string;
  /** Where the build goes and is looked for; default output/. */
  outputRoot?: string;
  /** Approve this build's pages as the new baselines (after comparing). */
  update?: boolean;
  /** Build even when output/<issue-id>/ is newer than every input. */
  rebuild?: boolean;
  browser?: Browser;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RegressResult {
  issue: string;
  epaperPdf: string;
  epaperSha256: string;
  baselineDir: string;
  /** The e-paper hash the baselines came from; undefined when nothing is approved. */
  baselineSha256?: string;
  /** Whether this run built the issue, and why (or which build it reused). */
  built: boolean;
  buildReason: string;
  buildWarnings: IssueMessage[];
  /** The e-paper equals the approved one byte for byte: pixels were not compared. */
  sameAsApproved: boolean;
  /** Every page, in page order; removed pages after the others. */
  pages: PageResult[];
  /** Every page unchanged (judged before any approval). */
  ok: boolean;
  /** --update wrote new baselines. */
  approved: boolean;
  summary: string;
  reportHtml: string;
  /** Things to know that are not page changes, e.g. a different rasterizer version. */
  notes: string[];
  settings: RegressSettings;
  timings: { buildMs?: number; pixelsMs?: number; compareMs?: number; reportMs?: number; approveMs?: number };
}

/** Page number -> section, from the build's own report.json. */
function sectionsOf(outputDir: string): Map<number, string> {
  const report = JSON.parse(readFileSync(join(outputDir, "report.json"), "utf8")) as CopyfitReport;
  return new Map(report.pages.map((page) => [page.page, page.section]));
}

function rasterizerNotes(approved: BaselineManifest | undefined, current: RasterizerSettings): string[] {
  if (!approved) return [];
  const was = approved.rasterizer;
  if (was.version === current.version && was.dpi === current.dpi && was.flags.join(" ") === current.flags.join(" ")) return [];
  return [
    `the baselines were rendered with ${was.tool} ${was.version} at ${was.dpi} dpi (${was.flags.join(" ")}), this run uses ${current.tool} ${current.version} at ${current.dpi} dpi (${current.flags.join(" ")}): differences may come from the rasterizer`,
  ];
}

function summarize(pages: PageResult[], sameAsApproved: boolean, epaperSha256: string): string {
  if (sameAsApproved) return `e-paper identical to the approved one (sha256 ${epaperSha256.slice(0, 12)}…): pixel comparison skipped, ${pages.length} pages unchanged`;
  const count = (status: PageStatus) => pages.filter((page) => page.status === status).length;
  const parts = [
    [count("changed"), "changed"],
    [count("missing"), "missing a baseline"],
    [count("removed"), "approved but not built"],
    [count("unchanged"), "unchanged"],
  ] as const;
  return parts
    .filter(([n], index) => n > 0 || index === 3)
    .map(([n, what]) => `${n} page${n === 1 ? "" : "s"} ${what}`)
    .join(", ");
}

/** One line per page that is not unchanged: number, section, what happened. */
export function pageLine(page: PageResult, baselineDir: string): string {
  const head = `page ${String(page.no).padStart(2, "0")}  ${page.section}`;
  switch (page.status) {
    case "changed":
      return `${head}: ${page.sizeChanged ? "page size changed" : `${percent(page.changedShare ?? 0)} of pixels changed (${page.changedPixels} px)`}`;
    case "missing":
      return `${head}: missing baseline ${shownPath(join(baselineDir, pageImageName(page.no)))}${page.note ? ` (${page.note})` : ""}`;
    case "removed":
      return `${head}: approved in ${shownPath(baselineDir)} but not in this build`;
    case "unchanged":
      return `${head}: unchanged`;
  }
}

interface PixelRun {
  pages: PageResult[];
  compareMs: number;
}

/**
 * Renders the e-paper and compares each page as its range of pages arrives.
 * `keepAll` (when approving) also saves this build's image of every page
 * whose pixels are not exactly the approved ones, so approval need not
 * render again; the rest are saved only when they differ or lack a baseline.
 */
async function comparePages(
  epaperPdf: string,
  sections: Map<number, string>,
  approved: BaselineManifest | undefined,
  baselineDir: string,
  regressDir: string,
  keepAll: boolean,
): Promise<PixelRun> {
  const results: PageResult[] = [];
  let compareMs = 0;
  const scratch = scratchDir();
  const image = (kind: "expected" | "actual" | "diff", no: number) => join(regressDir, kind, pageImageName(no));
  const compareOne = (raster: RasterPage): PageResult => {
    const no = raster.pageNo;
    const section = sections.get(no) ?? "";
    const actual = readPpm(raster.file);
    const pixelsSha256 = pixelHash(actual);
    const saveActual = () => {
      writeFileSync(image("actual", no), encodePng(actual));
      return image("actual", no);
    };
    const approvedPage = approved?.pages.find((page) => page.no === no);
    const state = baselineImageState(baselineDir, approvedPage);
    if (state !== "ok") {
      const note = state === "altered" ? `${approvedPage!.file} differs from the image approved in baseline.json` : undefined;
      return { no, section, status: "missing", note, pixelsSha256, actualImage: saveActual() };
    }
    const expectedFile = join(baselineDir, approvedPage!.file);
    const expectedImage = image("expected", no);
    copyFileSync(expectedFile, expectedImage);
    if (pixelsSha256 === approvedPage!.pixelsSha256) {
      return { no, section, status: "unchanged", changedPixels: 0, antialiasedPixels: 0, changedShare: 0, sizeChanged: false, pixelsSha256, expectedImage };
    }
    const comparison = comparePixels(decodePng(readFileSync(expectedFile), shownPath(expectedFile)), actual);
    const result: PageResult = {
      no,
      section,
      status: comparison.changed ? "changed" : "unchanged",
      changedPixels: comparison.changedPixels,
      antialiasedPixels: comparison.antialiasedPixels,
      changedShare: comparison.changedShare,
      sizeChanged: comparison.sizeChanged,
      pixelsSha256,
      expectedImage,
    };
    if (comparison.changed || keepAll) result.actualImage = saveActual();
    if (comparison.changed) {
      writeFileSync(image("diff", no), encodePng(comparison.diff));
      result.diffImage = image("diff", no);
    }
    return result;
  };
  try {
    await rasterizePdf(epaperPdf, scratch, {
      onPages: (pages) => {
        const started = performance.now();
        for (const page of pages) {
          results.push(compareOne(page));
          rmSync(page.file);
        }
        compareMs += performance.now() - started;
      },
    });
  } finally {
    removeScratch(scratch);
  }
  return { pages: results.sort((a, b) => a.no - b.no), compareMs };
}

/** Pages the baselines have and this build does not. */
function removedPages(approved: BaselineManifest | undefined, built: Set<number>, baselineDir: string, regressDir: string): PageResult[] {
  return (approved?.pages ?? [])
    .filter((page) => !built.has(page.no))
    .map((page) => {
      const result: PageResult = { no: page.no, section: page.section, status: "removed" };
      if (baselineImageState(baselineDir, page) !== "missing") {
        result.expectedImage = join(regressDir, "expected", page.file);
        copyFileSync(join(baselineDir, page.file), result.expectedImage);
      }
      return result;
    });
}

/**
 * Makes this build's pages the baselines: each page's image as saved by the
 * comparison, or, where its pixels are exactly the approved ones, the
 * approved image itself (so re-approving leaves unchanged pages' files alone).
 */
function approve(pages: PageResult[], issue: string, epaperSha256: string, rasterizer: RasterizerSettings, baselineDir: string): void {
  approveBaselines(baselineDir, {
    issue,
    epaperSha256,
    rasterizer,
    pages: pages
      .filter((page) => page.status !== "removed")
      .map((page) => {
        const png = page.actualImage ?? page.expectedImage;
        if (!png || !page.pixelsSha256) throw new Error(`regress: no image of page ${page.no} to approve`);
        return { no: page.no, section: page.section, png, pixelsSha256: page.pixelsSha256 };
      }),
  });
}

async function timedMs<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

export async function regress(options: RegressOptions): Promise<RegressResult> {
  const log = options.log ?? (() => {});
  const issueDir = resolve(options.issueDir);
  const issue = basename(issueDir);
  const outputRoot = resolve(options.outputRoot ?? OUTPUT_ROOT);
  const outputDir = join(outputRoot, issue);
  const baselineDir = resolve(options.baselineDir ?? defaultBaselineDir(issue));
  const timings: RegressResult["timings"] = {};

  const freshness = options.rebuild ? { fresh: false, reason: "a rebuild was asked for" } : buildFreshness(issueDir, outputDir);
  let buildWarnings: IssueMessage[] = [];
  if (freshness.fresh) {
    log(`reusing the build in ${shownPath(outputDir)}: ${freshness.reason}`);
  } else {
    log(`building ${issue}: ${freshness.reason}`);
    const [built, ms] = await timedMs(() => build({ issueDir, outputRoot, browser: options.browser, timeoutMs: options.timeoutMs, log: (line) => log(`  ${line}`) }));
    buildWarnings = built.warnings;
    timings.buildMs = ms;
  }

  const epaperPdf = join(outputDir, "epaper.pdf");
  const epaperSha256 = sha256File(epaperPdf);
  const sections = sectionsOf(outputDir);
  const approved = readManifest(baselineDir);
  const settings: RegressSettings = { rasterizer: await rasterizerSettings(), compare: { ...COMPARE_SETTINGS } };
  const notes = rasterizerNotes(approved, settings.rasterizer);
  const rasterizerChanged = notes.length > 0;
  if (!approved && !options.update) notes.push(`nothing approved in ${shownPath(baselineDir)} yet: approve the current pages with npm run regress -- --update`);

  const regressDir = join(outputDir, "regress");
  rmSync(regressDir, { recursive: true, force: true });
  for (const kind of ["expected", "actual", "diff"]) mkdirSync(join(regressDir, kind), { recursive: true });

  const builtPages = [...sections.keys()].sort((a, b) => a - b);
  // The same PDF renders to the same pixels, so nothing needs rendering: unless
  // it is to be approved under a rasterizer other than the one its images came from.
  const sameAsApproved =
    approved?.epaperSha256 === epaperSha256 &&
    !(options.update && rasterizerChanged) &&
    approved.pages.length === builtPages.length &&
    builtPages.every((no) => baselineImageState(baselineDir, approved.pages.find((page) => page.no === no)) === "ok");

  let pages: PageResult[];
  if (sameAsApproved) {
    log(`e-paper sha256 ${epaperSha256.slice(0, 12)}… equals the approved one: pixel comparison skipped`);
    pages = approved.pages.map((page) => {
      const expectedImage = join(regressDir, "expected", page.file);
      copyFileSync(join(baselineDir, page.file), expectedImage);
      return { no: page.no, section: sections.get(page.no) ?? page.section, status: "unchanged", pixelsSha256: page.pixelsSha256, expectedImage };
    });
  } else {
    const [run, ms] = await timedMs(() => comparePages(epaperPdf, sections, approved, baselineDir, regressDir, options.update ?? false));
    timings.pixelsMs = ms;
    timings.compareMs = run.compareMs;
    log(`rendered and compared ${run.pages.length} pages at ${settings.rasterizer.dpi} dpi in ${(ms / 1000).toFixed(2)} s (comparing: ${(run.compareMs / 1000).toFixed(2)} s)`);
    pages = [...run.pages, ...removedPages(approved, new Set(run.pages.map((page) => page.no)), baselineDir, regressDir)];
  }

  const ok = pages.every((page) => page.status === "unchanged");
  if (ok && approved && approved.epaperSha256 !== epaperSha256) {
    notes.push(`the e-paper's bytes differ from the approved one (sha256 ${approved.epaperSha256.slice(0, 12)}…) but no page differs in pixels: only metadata, outline, links or colour shifts below the threshold changed`);
  }
  const summary = summarize(pages, sameAsApproved, epaperSha256);
  const [reportHtml, reportMs] = await timedMs(() =>
    writeReportHtml({ issue, dir: regressDir, pages, summary, failed: !ok, settings, epaperSha256, baselineSha256: approved?.epaperSha256, baselineDir: shownPath(baselineDir) }),
  );
  timings.reportMs = reportMs;

  // Approving what is already approved would rewrite identical files: skipped.
  const alreadyApproved = sameAsApproved && approved.pages.every((page) => sections.get(page.no) === page.section);
  let approvedNow = false;
  if (options.update && !alreadyApproved) {
    const [, ms] = await timedMs(() => approve(pages, issue, epaperSha256, settings.rasterizer, baselineDir));
    timings.approveMs = ms;
    approvedNow = true;
  }

  return {
    issue,
    epaperPdf,
    epaperSha256,
    baselineDir,
    baselineSha256: approved?.epaperSha256,
    built: !freshness.fresh,
    buildReason: freshness.reason,
    buildWarnings,
    sameAsApproved,
    pages,
    ok,
    approved: approvedNow,
    summary,
    reportHtml,
    notes,
    settings,
    timings,
  };
}
