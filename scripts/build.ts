// The nightly build, stage by stage: load -> compose -> layout -> print ->
// finish -> check. Results are written to a staging folder and renamed into
// output/<issue-id>/ only when every stage succeeded, so a failed build leaves
// the last good output in place.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Browser } from "puppeteer";
import { checkPdf } from "./check/check.js";
import { composeIssue, type ComposedIssue } from "./compose/compose.js";
import { loadIssue } from "./content/load.js";
import { finishIssuePdfs } from "./finish/issue-pdfs.js";
import { layoutIssue, type LaidOutIssue } from "./layout/layout.js";
import { BuildError, ExitCode, type IssueMessage } from "./messages.js";
import { OUTPUT_ROOT } from "./paths.js";
import { launchBrowser } from "./print/browser.js";
import { printIssue } from "./print/print.js";
import { assertNothingBlocked, laidOutHtml, openDocument } from "./print/session.js";
import type { Issue } from "./types.js";
import { printDetail, timed, withTimeout, writeOutputs, type Timings } from "./build-steps.js";

export interface BuildOptions {
  issueDir: string;
  outputRoot?: string;
  /** Warnings fail the build (for the press run). */
  strict?: boolean;
  /** Longest any browser step may take before the build gives up. */
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Reuse a running browser (tests); otherwise one is launched and closed. */
  browser?: Browser;
  /** Or ask for a shared one when the build gets that far (batch builds); its owner closes it. */
  getBrowser?: () => Promise<Browser>;
}

export interface BuildResult {
  issue: Issue;
  outputDir: string;
  printPdf: string;
  epaperPdf: string;
  layout: LaidOutIssue;
  warnings: IssueMessage[];
  timings: Timings;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

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
  const ownBrowser = !browser && !options.getBrowser;
  try {
    const composed: ComposedIssue = await timed(timings, "compose", log, () =>
      composeIssue(issue, { documentDir: stagingDir }),
    );
    const documentFile = join(stagingDir, "issue.html");
    writeFileSync(documentFile, composed.html);

    browser ??= await timed(timings, "launch", log, () => options.getBrowser?.() ?? launchBrowser(timeoutMs));
    const loadStarted = performance.now();
    const session = await openDocument({
      browser,
      documentFile,
      allowedFolders: [issueDir, stagingDir],
      timeoutMs,
      whoAsked: (url) => issue.pages.flatMap((page) => page.articles).find((article) => url.includes(encodeURI(basename(article.file))) || article.body.includes(url))?.relFile,
    });
    // No progress line of its own (the stage lines stay as they were), but the benchmark's split shows it.
    timings.load = performance.now() - loadStarted;
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
      writeFileSync(documentFile, await laidOutHtml(session.page));

      const printed = await timed(timings, "print", log, () => withTimeout(printIssue(session.page, composed, { timeoutMs }), timeoutMs, "printing"), printDetail(timings));
      assertNothingBlocked(session);
      const finished = await timed(timings, "finish", log, () => finishIssuePdfs(issue, printed));
      await timed(timings, "check", log, () => Promise.all([checkPdf(finished.print, issue, "print"), checkPdf(finished.epaper, issue, "epaper")]));

      await timed(timings, "write", log, () => writeOutputs(stagingDir, outputDir, finished, issue, layout, timings));
      return { issue, outputDir, printPdf: join(outputDir, "print.pdf"), epaperPdf: join(outputDir, "epaper.pdf"), layout, warnings, timings };
    } finally {
      await session.close().catch(() => {});
    }
  } finally {
    if (ownBrowser && browser) await browser.close().catch(() => {});
    rmSync(stagingDir, { recursive: true, force: true });
  }
}
