// A smoke run of the benchmark on a small issue: one timed run of each engine,
// every engine's PDF has the issue's page count, bench.json has its figures.
// No timing is asserted: the benchmark itself is the judge of speed.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ENGINES, runBench, type BenchResult } from "../../scripts/bench/bench.js";
import { launchBrowser } from "../../scripts/print/browser.js";
import { canvasJpeg, writeSmallIssue } from "./small-issue.js";

let result: BenchResult;
let written: BenchResult;
const outputRoot = mkdtempSync(join(tmpdir(), "newsprint-bench-out-"));

beforeAll(async () => {
  const browser = await launchBrowser(60_000);
  const photo = await canvasJpeg(browser, 1200, 800).finally(() => browser.close());
  const issueDir = writeSmallIssue(photo);
  result = await runBench({ issueDir, iterations: 1, warmups: 0, outputRoot });
  written = JSON.parse(readFileSync(join(outputRoot, "2024-05-01", "bench.json"), "utf8"));
}, 240_000);

describe("npm run bench on a small issue", () => {
  it("writes bench.json with each engine's runs, median and peak memory", () => {
    expect(written).toEqual(JSON.parse(JSON.stringify(result)));
    expect(written.iterations).toBe(1);
    for (const engine of ENGINES) {
      const figures = written.engines[engine];
      expect(figures.runsMs, engine).toHaveLength(1);
      expect(figures.medianMs, engine).toBeGreaterThan(0);
      expect(figures.peakMemoryBytes, engine).toBeGreaterThan(0);
    }
    expect(written.ratios.newsprintToPagedjsCli).toBeCloseTo(written.engines.newsprint.medianMs / written.engines.pagedjsCli.medianMs, 6);
    expect(written.ratios.newsprintToChromium).toBeCloseTo(written.engines.newsprint.medianMs / written.engines.chromium.medianMs, 6);
  });

  it("has every engine print the issue's 2 pages, newsprint both PDFs", () => {
    expect(written.engines.newsprint.pdfs.map((pdf) => pdf.pages)).toEqual([2, 2]);
    expect(written.engines.pagedjsCli.pdfs.map((pdf) => pdf.pages)).toEqual([2]);
    expect(written.engines.chromium.pdfs.map((pdf) => pdf.pages)).toEqual([2]);
  });

  it("splits newsprint's time by stage, the print stage by step", () => {
    for (const stage of ["content", "compose", "launch", "load", "layout", "print", "paginate", "chromiumPdf", "pdfLib", "finish", "check"]) {
      expect(written.newsprintStagesMs[stage], stage).toBeGreaterThanOrEqual(0);
    }
  });
});
