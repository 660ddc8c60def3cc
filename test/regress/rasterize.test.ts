// The rasterizer on a small PDF made in code: every page rendered once, in
// order, at the pinned resolution, by parallel page ranges.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, rgb } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Raster } from "../../scripts/regress/compare.js";
import { pageRanges, rasterizePdf, rasterizerSettings, readPpm, RASTER_DPI } from "../../scripts/regress/rasterize.js";
import { tempDir } from "./fixtures.js";

const PAGES = 7;
let pdf: string;

/** Page n has a black square whose left edge is at 10·n pt, on a 200 × 100 pt page. */
beforeAll(async () => {
  const doc = await PDFDocument.create();
  for (let n = 1; n <= PAGES; n++) {
    const page = doc.addPage([200, 100]);
    page.drawRectangle({ x: 10 * n, y: 40, width: 20, height: 20, color: rgb(0, 0, 0) });
  }
  pdf = join(tempDir("raster"), "pages.pdf");
  writeFileSync(pdf, await doc.save());
});

function pixel(image: Raster, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 3)];
}

describe("pageRanges", () => {
  it("covers every page once, in contiguous ranges, two per worker", () => {
    for (const [pages, workers] of [[16, 2], [7, 2], [3, 4], [1, 2]] as const) {
      const ranges = pageRanges(pages, workers);
      expect(ranges.length).toBe(Math.min(pages, workers * 2));
      expect(ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    }
  });
});

describe("rasterizePdf", () => {
  it("renders every page at 72 dpi in page order, handing each range over once", async () => {
    const handed: number[] = [];
    const pages = await rasterizePdf(pdf, tempDir("ppm"), { parallel: 2, onPages: (range) => void handed.push(...range.map((page) => page.pageNo)) });
    expect(pages.map((page) => page.pageNo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(handed.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const page of pages) {
      const image = readPpm(page.file);
      expect([image.width, image.height]).toEqual([200, 100]);
      // Inside page n's square, and just left of it: the pages were not mixed up.
      expect(pixel(image, 10 * page.pageNo + 10, 50), `page ${page.pageNo}`).toEqual([0, 0, 0]);
      expect(pixel(image, 10 * page.pageNo - 2, 50), `page ${page.pageNo}`).toEqual([255, 255, 255]);
    }
  });

  it("names a file that is not a binary PPM instead of reading garbage", () => {
    const file = join(tempDir("ppm"), "not-a-page.ppm");
    writeFileSync(file, "P3\n2 2\n255\n0 0 0");
    expect(() => readPpm(file)).toThrow(/not-a-page\.ppm is not an 8-bit binary PPM/);
  });

  it("records the pinned rasterizer with its version", async () => {
    const settings = await rasterizerSettings();
    expect(settings).toMatchObject({ tool: "pdftoppm", dpi: RASTER_DPI });
    expect(settings.version).toMatch(/^\d+\.\d+/);
    expect(settings.flags).toEqual(["-aa", "no", "-aaVector", "no"]);
  });
});
