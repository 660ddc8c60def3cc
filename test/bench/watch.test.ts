// Watch mode on a copy of a small issue: an edited article shows in both
// rebuilt PDFs, through a rebuild of its page alone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../scripts/print/browser.js";
import type { Rebuilt } from "../../scripts/watch/live-issue.js";
import { watch, type Watching } from "../../scripts/watch/watch.js";
import { canvasJpeg, writeSmallIssue } from "./small-issue.js";

type Outcome = { rebuilt?: Rebuilt; error?: unknown };
const outcomes: Outcome[] = [];
let waiting: ((outcome: Outcome) => void) | undefined;
const nextRebuild = () => new Promise<Outcome>((resolve) => (waiting = resolve));
let watching: Watching;
let issueDir: string;
const outputRoot = mkdtempSync(join(tmpdir(), "newsprint-watch-out-"));

const text = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");

beforeAll(async () => {
  const browser = await launchBrowser(60_000);
  const photo = await canvasJpeg(browser, 1200, 800).finally(() => browser.close());
  issueDir = writeSmallIssue(photo);
  const first = nextRebuild();
  watching = await watch({
    issueDir,
    outputRoot,
    onRebuilt: (outcome) => {
      outcomes.push(outcome);
      waiting?.(outcome);
    },
  });
  await first;
}, 240_000);

afterAll(async () => {
  await watching?.close();
});

describe("npm run watch", () => {
  it("builds the issue once at start", () => {
    expect(outcomes[0]?.rebuilt?.kind).toBe("all");
  });

  it("rebuilds the page of an edited article, and the edit is in both PDFs", async () => {
    const file = join(issueDir, "pages", "02", "02.md");
    const rebuilt = nextRebuild();
    writeFileSync(file, readFileSync(file, "utf8").replace("志愿者轮流送餐上门", "编辑部刚刚改写的这一句"));
    const outcome = await rebuilt;
    expect(outcome.error).toBeUndefined();
    expect(outcome.rebuilt).toMatchObject({ kind: "pages", pages: [2] });
    for (const pdf of ["print.pdf", "epaper.pdf"]) expect(text(join(outputRoot, "2024-05-01", pdf))).toContain("编辑部刚刚改写的这一句");
  }, 60_000);
});
