// Point 1 of visual regression: the same inputs, fonts and browser give
// byte-identical PDFs. The demo issue is copied once (so edits to it while the
// test runs cannot make the two builds differ), copied again to a second
// place, and both copies are built with one browser into two output folders.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../scripts/build.js";
import { launchBrowser } from "../../scripts/print/browser.js";
import { DEMO_ISSUE } from "../e2e/build-once.js";
import { copyIssue, tempDir } from "./fixtures.js";

const BUILD_MS = 240_000;
let browser: Browser;
let first: BuildResult;
let second: BuildResult;

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(async () => {
  browser = await launchBrowser(BUILD_MS);
  const here = copyIssue(DEMO_ISSUE);
  const there = copyIssue(here);
  first = await build({ issueDir: here, outputRoot: tempDir("first"), browser });
  second = await build({ issueDir: there, outputRoot: tempDir("second"), browser });
}, BUILD_MS);

afterAll(async () => {
  await browser?.close();
});

describe("two builds of the same issue", () => {
  it("give a byte-identical print PDF", () => {
    expect(sha256(second.printPdf)).toBe(sha256(first.printPdf));
  });

  it("give a byte-identical e-paper PDF", () => {
    expect(sha256(second.epaperPdf)).toBe(sha256(first.epaperPdf));
  });

  it("carry no trace of where or when they were built", () => {
    for (const file of [first.printPdf, first.epaperPdf]) {
      const text = readFileSync(file).toString("latin1");
      expect(text).not.toContain(first.outputDir);
      expect(text).not.toContain(first.issue.dir);
      // The only dates are the issue's own (CreationDate, ModDate, XMP).
      const dates = [...text.matchAll(/D:(\d{8})/g)].map((match) => match[1]);
      expect(dates.length).toBeGreaterThan(0);
      expect(new Set(dates)).toEqual(new Set(["20231107"]));
    }
  });
});
