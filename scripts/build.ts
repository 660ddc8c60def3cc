// The nightly build, stage by stage: load -> compose -> layout -> print ->
// finish -> check. Results are written to a staging folder and renamed into
// output/<issue-id>/ only when every stage succeeded, so a failed build leaves
// the last good output in place.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Browser } from "puppeteer";
import { checkPdf } from "./check/check.js";
import { composeIssue, type ComposedIssue } from "./compose/compose.js";
import { typographyPlugins } from "./compose/typography/index.js";
import { loadIssue } from "./content/load.js";
import { finishIssuePdfs } from "./finish/issue-pdfs.js";
import { layoutIssue, type LaidOutIssue } from "./layout/layout.js";
import { renderReport } from "./layout/report.js";
import { BuildError, ExitCode, type IssueMessage } from "./messages.js";
import { OUTPUT_ROOT } from "./paths.js";
import { launchBrowser } from "./print/browser.js";
import { printIssue } from "./print/print.js";
import { assertNothingBlocked, openDocument } from "./print/session.js";
import type { Issue, Stage } from "./types.js";

export interface BuildOptions {
  issueDir: string;
  outputRoot?: string;
  /** Warnings fail the build (for the press run). */
  strict?: boolean;
  /** Longest any browser step may take before the build gives up. */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Reuse a running browser (tests, batch builds); otherwise one is launched and closed. */
  browser?: Browser;
}

export interface BuildResult {
  issue: Issue;
  outputDir: string;
  printPdf: string;
  epaperPdf: string;
  layout: LaidOutIssue;
  warnings: IssueMessage[];
  timings: Partial<Record<Stage | "launch" | "write", number>>;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Times one stage and prints its progress line. */
async function timed<T>(timings: BuildResult["timings"], stage: keyof BuildResult["timings"], log: (line: string) => void, run: () => Promise<T> | T, detail?: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  timings[stage] = ms;
  log(`${stage.padEnd(8)} ${(ms / 1000).toFixed(2).padStart(6)} s${detail ? `  ${detail(value)}` : ""}`);
  return value;
}

/** Rejects after `ms`, so a hung browser ends the build with a clear error. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BuildError([{ stage: "print", ruleId: "timeout", fatal: true, reason: `${what} did not finish within ${ms / 1000} s` }], ExitCode.Render)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timings: BuildResult["timings"] = {};
  const issueDir = resolve(options.issueDir);
  const outputRoot = resolve(options.outputRoot ?? OUTPUT_ROOT);
  const outputDir = join(outputRoot, basename(issueDir));
  const stagingDir = join(outputRoot, `.staging-${basename(issueDir)}-${process.pid}`);

  const issue = await timed(timings, "content", log, () => loadIssue(issueDir), (loaded) => `${loaded.pages.length} pages, ${loaded.pages.reduce((sum, page) => sum + page.articles.length, 0)} articles`);
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  let browser = options.browser;
  const ownBrowser = !browser;
  try {
    const composed: ComposedIssue = await timed(timings, "compose", log, () =>
      composeIssue(issue, { documentDir: stagingDir, markdownPlugins: typographyPlugins }),
    );
    const documentFile = join(stagingDir, "issue.html");
    writeFileSync(documentFile, composed.html);

    browser ??= await timed(timings, "launch", log, () => launchBrowser(timeoutMs));
    const session = await openDocument({
      browser,
      documentFile,
      allowedFolders: [issueDir, stagingDir],
      timeoutMs,
      whoAsked: (url) => issue.pages.flatMap((page) => page.articles).find((article) => url.includes(encodeURI(basename(article.file))) || article.body.includes(url))?.relFile,
    });
    try {
      const layout = await timed(
        timings,
        "layout",
        log,
        () => withTimeout(layoutIssue(session.page, composed), timeoutMs, "layout"),
        (laidOut) => `${laidOut.pages.length} pages, mean fill ${((laidOut.pages.reduce((sum, page) => sum + page.fillRatio, 0) / laidOut.pages.length) * 100).toFixed(1)}%, ${laidOut.resolves} re-solves`,
      );
      assertNothingBlocked(session);
      const warnings = [...layout.warnings];
      if (options.strict && warnings.length > 0) throw new BuildError(warnings.map((warning) => ({ ...warning, fatal: true })), ExitCode.Strict);
      // The composed document as laid out, before pagination: what any engine can print.
      writeFileSync(documentFile, await session.page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`));

      const printed = await timed(timings, "print", log, () => withTimeout(printIssue(session.page, composed, timeoutMs), timeoutMs, "printing"), (result) => `${result.printPdf.length} + ${result.epaperPdf.length} bytes from Chromium`);
      assertNothingBlocked(session);
      const finished = await timed(timings, "finish", log, () => finishIssuePdfs(issue, printed));
      await timed(timings, "check", log, () => Promise.all([checkPdf(finished.print, issue, "print"), checkPdf(finished.epaper, issue, "epaper")]));

      await timed(timings, "write", log, () => {
        writeFileSync(join(stagingDir, "print.pdf"), finished.print);
        writeFileSync(join(stagingDir, "epaper.pdf"), finished.epaper);
        writeFileSync(join(stagingDir, "report.json"), JSON.stringify(renderReport(issue, layout, timings), null, 2));
        replaceDirectory(stagingDir, outputDir);
      });
      return { issue, outputDir, printPdf: join(outputDir, "print.pdf"), epaperPdf: join(outputDir, "epaper.pdf"), layout, warnings, timings };
    } finally {
      await session.close().catch(() => {});
    }
  } finally {
    if (ownBrowser && browser) await browser.close().catch(() => {});
    rmSync(stagingDir, { recursive: true, force: true });
  }
}

/** Swaps the finished staging folder in for the old output in two renames. */
function replaceDirectory(stagingDir: string, outputDir: string): void {
  const previous = `${outputDir}.previous-${process.pid}`;
  let hadPrevious = false;
  try {
    readdirSync(outputDir);
    renameSync(outputDir, previous);
    hadPrevious = true;
  } catch {
    // No earlier output: nothing to move aside.
  }
  renameSync(stagingDir, outputDir);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
