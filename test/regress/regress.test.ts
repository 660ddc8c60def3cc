// The regression check end to end, in real Chromium, on a temporary copy of
// the demo issue: its own baselines are approved first from a fresh build, so
// these tests pass whatever the demo looks like today. Then the copy (or a
// copy of the project's CSS) is changed and the check must say exactly which
// pages moved.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/print/browser.js";
import { readManifest } from "../../scripts/regress/baselines.js";
import { pageLine, regress, type RegressResult } from "../../scripts/regress/regress.js";
import { DEMO_ISSUE } from "../e2e/build-once.js";
import { copyIssue, copyProject, editBodyOnPage, runRegressCli, tempDir } from "./fixtures.js";

const BUILD_MS = 240_000;
let browser: Browser;
let issue: string;
let baselines: string;
let outputRoot: string;
let approval: RegressResult;

const numbersOf = (result: RegressResult, status: string) => result.pages.filter((page) => page.status === status).map((page) => page.no);

beforeAll(async () => {
  browser = await launchBrowser(BUILD_MS);
  issue = copyIssue(DEMO_ISSUE);
  baselines = join(tempDir("baselines"), basename(issue));
  outputRoot = tempDir("out");
  approval = await regress({ issueDir: issue, baselineDir: baselines, outputRoot, update: true, browser });
}, BUILD_MS);

afterAll(async () => {
  await browser?.close();
});

describe("approving and re-checking an unchanged issue", () => {
  it("approves a first build: every page missing a baseline before, one image per page after", () => {
    expect(approval.built).toBe(true);
    expect(approval.approved).toBe(true);
    expect(approval.ok).toBe(false);
    expect(numbersOf(approval, "missing")).toEqual(approval.pages.map((page) => page.no));
    const manifest = readManifest(baselines)!;
    expect(manifest.epaperSha256).toBe(approval.epaperSha256);
    expect(manifest.pages.map((page) => page.file)).toEqual(approval.pages.map((page) => `page-${String(page.no).padStart(2, "0")}.png`));
  });

  it("reuses the fresh build and skips the pixel work when the e-paper's hash is the approved one", async () => {
    const result = await regress({ issueDir: issue, baselineDir: baselines, outputRoot, browser });
    expect(result.built, result.buildReason).toBe(false);
    expect(result.sameAsApproved).toBe(true);
    expect(result.ok).toBe(true);
    expect(result.timings.pixelsMs).toBeUndefined();
    expect(result.summary).toMatch(/pixel comparison skipped/);
    expect(numbersOf(result, "unchanged")).toHaveLength(16);
  });

  it("reports a missing baseline as missing, not as a pass, and finds every other page unchanged pixel by pixel", async () => {
    const partial = join(tempDir("partial"), basename(issue));
    cpSync(baselines, partial, { recursive: true });
    rmSync(join(partial, "page-05.png"));
    const result = await regress({ issueDir: issue, baselineDir: partial, outputRoot, browser });
    expect(result.sameAsApproved).toBe(false);
    expect(result.ok).toBe(false);
    expect(numbersOf(result, "missing")).toEqual([5]);
    expect(numbersOf(result, "unchanged")).toEqual(result.pages.map((page) => page.no).filter((no) => no !== 5));
    expect(pageLine(result.pages[4]!, partial)).toMatch(/^page 05 +党建: missing baseline .*page-05\.png/);
  });
});

describe("one article's body changed on page 3", () => {
  let result: RegressResult;
  let article: string;
  let original: string;

  beforeAll(async () => {
    ({ file: article, original } = editBodyOnPage(issue, 3));
    result = await regress({ issueDir: issue, baselineDir: baselines, outputRoot, browser });
  }, BUILD_MS);

  afterAll(() => writeFileSync(article, original));

  it("rebuilds, naming the changed file as the reason", () => {
    expect(result.built).toBe(true);
    expect(result.buildReason).toContain(`pages/03/${basename(article)}`);
  });

  it("is reported on page 3 and on no other page", () => {
    expect(numbersOf(result, "changed")).toEqual([3]);
    expect(numbersOf(result, "unchanged")).toHaveLength(15);
    const page3 = result.pages[2]!;
    expect(page3.section).toBe("新闻");
    expect(page3.changedPixels).toBeGreaterThan(0);
    expect(page3.changedShare).toBeLessThan(0.01);
    expect(pageLine(page3, baselines)).toMatch(/^page 03 +新闻: [\d.]+% of pixels changed \(\d+ px\)$/);
  });

  it("shows page 3 first in the HTML report, expected / actual / diff side by side with a slider, the rest as thumbnails", async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(pathToFileURL(result.reportHtml).href, { waitUntil: "load" });
      const report = await tab.evaluate(() => {
        const first = document.querySelector("section.changed")!;
        const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;
        return {
          summary: document.querySelector("#summary")!.textContent,
          firstPage: first.getAttribute("data-page"),
          heading: first.querySelector("h2")!.textContent!.replace(/\s+/g, " "),
          trio: [...first.querySelectorAll<HTMLImageElement>(".trio img")].map((img) => [img.className, loaded(img)]),
          changedSections: document.querySelectorAll("section.changed").length,
          thumbnails: [...document.querySelectorAll<HTMLElement>("figure.unchanged")].map((figure) => Number(figure.dataset.page)),
          thumbnailsLoaded: [...document.querySelectorAll<HTMLImageElement>("figure.unchanged img")].every(loaded),
        };
      });
      expect(report.firstPage).toBe("3");
      expect(report.changedSections).toBe(1);
      expect(report.heading).toMatch(/第03版 新闻 [\d.]+% of pixels changed/);
      expect(report.summary).toBe("1 page changed, 15 pages unchanged");
      expect(report.trio).toEqual([["expected", true], ["actual", true], ["diff", true]]);
      expect(report.thumbnails).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
      expect(report.thumbnailsLoaded).toBe(true);
      // Dragging the slider to the left end hides this build's page entirely.
      const split = await tab.evaluate(() => {
        const slider = document.querySelector<HTMLElement>(".slider")!;
        const input = slider.querySelector("input")!;
        input.value = "0";
        input.dispatchEvent(new Event("input"));
        return getComputedStyle(slider).getPropertyValue("--split").trim();
      });
      expect(split).toBe("0%");
    } finally {
      await tab.close();
    }
  });

  // Last in this group: it overwrites the report the test above reads.
  it("once approved with --update, rewrites page-03.png alone and then passes", async () => {
    const copy = join(tempDir("reapprove"), basename(issue));
    cpSync(baselines, copy, { recursive: true });
    const before = readManifest(copy)!;
    const approving = await regress({ issueDir: issue, baselineDir: copy, outputRoot, update: true, browser });
    expect(approving.approved).toBe(true);
    const after = readManifest(copy)!;
    expect(after.epaperSha256).toBe(result.epaperSha256);
    const rewritten = after.pages.filter((page, index) => page.sha256 !== before.pages[index]!.sha256).map((page) => page.file);
    expect(rewritten).toEqual(["page-03.png"]);
    const again = await regress({ issueDir: issue, baselineDir: copy, outputRoot, browser });
    expect(again.sameAsApproved).toBe(true);
    expect(again.ok).toBe(true);
  }, BUILD_MS);
});

describe("a CSS change to the page headers", () => {
  it("is reported by `npm run regress` on pages 2-16 (each with its section), not on page 1, with exit code 1", async () => {
    // The project's stylesheets are shared by everyone: the change goes into a copy of the project.
    const project = copyProject();
    const css = join(project, "styles", "running-heads.css");
    // Red text in every margin box of the running head, wherever its rules are.
    const marginBox = /(@top-(?:left|center|right)\s*\{)/g;
    expect(readFileSync(css, "utf8"), "styles/running-heads.css has no @top-* margin box rules to change").toMatch(marginBox);
    writeFileSync(css, readFileSync(css, "utf8").replace(marginBox, "$1 color: #b00000;"));
    const run = await runRegressCli(project, [issue, "--baselines", baselines, "--out", tempDir("css-out"), "--quiet"]);
    expect(run.code, run.stderr).toBe(1);
    const reported = [...run.stdout.matchAll(/^page (\d+) +(\S+): ([\d.]+)% of pixels changed/gm)].map((match) => ({ no: Number(match[1]), section: match[2], share: Number(match[3]) }));
    const sections = approval.pages.map((page) => page.section);
    expect(reported.map((page) => page.no)).toEqual(Array.from({ length: 15 }, (_, i) => i + 2));
    expect(reported.map((page) => page.section)).toEqual(sections.slice(1));
    for (const page of reported) expect(page.share).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/--update/);
  }, BUILD_MS);
});
