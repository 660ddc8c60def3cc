// Turns the pages of a PDF into pixels with one pinned rasterizer, poppler's
// pdftoppm. Pages are split into ranges and rendered by several pdftoppm
// processes at once (one per core), each range handed to the caller as soon as
// it is done, so comparing one range overlaps with rendering the next.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Raster } from "./compare.js";

const run = promisify(execFile);

/** Everything about the rasterizer that shapes its pixels; stored with the baselines. */
export interface RasterizerSettings {
  tool: "pdftoppm";
  version: string;
  dpi: number;
  /** The pdftoppm flags that affect pixels, in order. */
  flags: string[];
}

/**
 * 72 dpi: 1 px per PDF point, a broadsheet page is 1106 × 1531 px. Enough to
 * see any changed character (body type is 9 pt, 9 px high) and to read
 * headlines in the report.
 */
export const RASTER_DPI = 72;
/**
 * No anti-aliasing of text or vector art: every pixel of type is ink or paper.
 * Pages then compress to ~0.5 MB instead of ~1.2 MB (the baselines live in
 * the repo), and a glyph or rule that moves by a pixel flips whole pixels
 * instead of shading edges. Photos are resampled as usual.
 */
const RASTER_FLAGS = ["-aa", "no", "-aaVector", "no"];

export interface RasterPage {
  /** 1-based page number in the PDF. */
  pageNo: number;
  /** The PPM image pdftoppm wrote: raw pixels, four times faster for it to write than PNG. */
  file: string;
}

export interface RasterizeOptions {
  dpi?: number;
  /** pdftoppm processes at a time; default one per core. */
  parallel?: number;
  /** Called with each finished range, in completion order, while other ranges still render. */
  onPages?: (pages: RasterPage[]) => void | Promise<void>;
}

function missingTool(error: unknown, tool: string): Error {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return new Error(`${tool} not found: install poppler-utils (node scripts/setup/ensure.mjs --for-tests does it as root)`);
  }
  return error as Error;
}

let cachedVersion: Promise<string> | undefined;

/** "22.12.0": pdftoppm prints its version on stderr. */
export function pdftoppmVersion(): Promise<string> {
  cachedVersion ??= run("pdftoppm", ["-v"]).then(
    ({ stdout, stderr }) => /pdftoppm version (\S+)/.exec(`${stdout}${stderr}`)?.[1] ?? "unknown",
    (error: unknown) => {
      cachedVersion = undefined;
      throw missingTool(error, "pdftoppm");
    },
  );
  return cachedVersion;
}

export async function rasterizerSettings(dpi = RASTER_DPI): Promise<RasterizerSettings> {
  return { tool: "pdftoppm", version: await pdftoppmVersion(), dpi, flags: RASTER_FLAGS };
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]).catch((error: unknown) => {
    throw missingTool(error, "pdfinfo");
  });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  if (!(pages > 0)) throw new Error(`pdfinfo found no pages in ${pdf}`);
  return pages;
}

/**
 * Splits pages 1..pageCount into contiguous ranges, two per worker, so the
 * workers finish close together and the first results arrive early.
 */
export function pageRanges(pageCount: number, workers: number): [first: number, last: number][] {
  const rangeCount = Math.min(pageCount, Math.max(1, workers * 2));
  const ranges: [number, number][] = [];
  for (let i = 0; i < rangeCount; i++) {
    const first = Math.floor((i * pageCount) / rangeCount) + 1;
    const last = Math.floor(((i + 1) * pageCount) / rangeCount);
    ranges.push([first, last]);
  }
  return ranges;
}

/** Runs `tasks` with at most `limit` running at once. */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** pdftoppm names its files `<prefix>-<page>.ppm`, the page zero-padded to the PDF's page-count width. */
function pagesWritten(dir: string, prefix: string): RasterPage[] {
  const name = new RegExp(`^${prefix}-(\\d+)\\.ppm$`);
  return readdirSync(dir)
    .map((file) => ({ file, match: name.exec(file) }))
    .filter((entry) => entry.match)
    .map((entry) => ({ pageNo: Number(entry.match![1]), file: join(dir, entry.file) }))
    .sort((a, b) => a.pageNo - b.pageNo);
}

/** Renders every page of `pdf` into `outDir`; returns the pages in page order. */
export async function rasterizePdf(pdf: string, outDir: string, options: RasterizeOptions = {}): Promise<RasterPage[]> {
  const dpi = options.dpi ?? RASTER_DPI;
  const workers = Math.max(1, options.parallel ?? availableParallelism());
  const pageCount = await pdfPageCount(pdf);
  const tasks = pageRanges(pageCount, workers).map(([first, last], index) => async () => {
    const prefix = `r${index}`;
    const args = [...RASTER_FLAGS, "-r", String(dpi), "-f", String(first), "-l", String(last), pdf, join(outDir, prefix)];
    await run("pdftoppm", args, { maxBuffer: 1024 * 1024 }).catch((error: unknown) => {
      throw missingTool(error, "pdftoppm");
    });
    const pages = pagesWritten(outDir, prefix);
    if (pages.length !== last - first + 1) throw new Error(`pdftoppm wrote ${pages.length} images for pages ${first}-${last} of ${pdf}`);
    // Handed over on the next turn of the event loop, after this slot has
    // started its next range: the caller's work then overlaps with rendering.
    const { onPages } = options;
    if (onPages) {
      const done = new Promise((resolve) => setImmediate(resolve)).then(() => onPages(pages));
      done.catch(() => {}); // reported by the Promise.all below, not as an unhandled rejection meanwhile
      handedOver.push(done);
    }
    return pages;
  });
  const handedOver: Promise<void>[] = [];
  const pages = (await inPool(tasks, workers)).flat().sort((a, b) => a.pageNo - b.pageNo);
  await Promise.all(handedOver);
  return pages;
}

/** A binary PPM (P6, maxval 255) as written by pdftoppm, widened to RGBA. */
export function readPpm(file: string): Raster {
  const bytes = readFileSync(file);
  // Header: "P6", width, height, maxval, separated by white space, then one white-space byte.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header || header[3] !== "255") throw new Error(`${file} is not an 8-bit binary PPM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = bytes.subarray(header[0].length);
  if (pixels.length < width * height * 3) throw new Error(`${file} is cut short: ${pixels.length} bytes for ${width} × ${height} px`);
  const data = new Uint8Array(width * height * 4);
  for (let src = 0, dst = 0; dst < data.length; src += 3, dst += 4) {
    data[dst] = pixels[src]!;
    data[dst + 1] = pixels[src + 1]!;
    data[dst + 2] = pixels[src + 2]!;
    data[dst + 3] = 255;
  }
  return { width, height, data };
}

/** A fresh scratch folder for raster files; the caller removes it with `removeScratch`. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "newsprint-raster-"));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
