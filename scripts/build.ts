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
import type { JpegPicture } from "./print/pdf-pictures.js";
import { preloadPaginator, printIssue, type PrintedIssue } from "./print/print.js";
import { assertNothingBlocked, laidOutHtml, openDocument, type RenderSession } from "./print/session.js";
import type { Issue } from "./types.js";
import { printDetail, stagingDirFor, timed, withTimeout, writeOutputs, type Timings } from "./build-steps.js";

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
  /** Watch mode: where the composed document lives (it must outlast the build), and keep its tab open. */
  keepOpen?: { documentDir: string; pictureCache?: Map<string, JpegPicture> };
}

export interface BuildResult {
  issue: Issue;
  outputDir: string;
  printPdf: string;
  epaperPdf: string;
  layout: LaidOutIssue;
  warnings: IssueMessage[];
  timings: Timings;
  /** With keepOpen: the tab (now holding the printed sheets) and what watch mode rebuilds from. The caller closes the session. */
  open?: { session: RenderSession; composed: ComposedIssue; printed: PrintedIssue; documentHtml: string };
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timings: BuildResult["timings"] = {};
  const issueDir = resolve(options.issueDir);
  const outputRoot = resolve(options.outputRoot ?? OUTPUT_ROOT);
  const outputDir = join(outputRoot, basename(issueDir));
  const stagingDir = stagingDirFor(outputRoot, basename(issueDir));
  // A sibling of the output folder either way, so the document's relative links hold in both.
  const documentDir = options.keepOpen?.documentDir ?? stagingDir;

  const issue = await timed(timings, "content", log, () => loadIssue(issueDir), (loaded) => `${loaded.pages.length} pages, ${loaded.pages.reduce((sum, page) => sum + page.articles.length, 0)} articles`);
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  let browser = options.browser;
  const ownBrowser = !browser && !options.getBrowser;
  // The input is sound: Chromium starts now and comes up while the document is composed.
  const launching = browser ? undefined : (options.getBrowser?.() ?? launchBrowser(timeoutMs));
  launching?.catch(() => {}); // Reported when awaited below.
  try {
    const composed: ComposedIssue = await timed(timings, "compose", log, () =>
      composeIssue(issue, { documentDir }),
    );
    mkdirSync(documentDir, { recursive: true });
    const documentFile = join(documentDir, "issue.html");
    writeFileSync(documentFile, composed.html);

    browser ??= await timed(timings, "launch", log, () => launching!);
    const loadStarted = performance.now();
    const session = await openDocument({
      browser,
      documentFile,
      allowedFolders: [issueDir, stagingDir, documentDir],
      timeoutMs,
      // The article whose copy or photo refers to the URL, if any.
      whoAsked: (url) =>
        issue.pages.flatMap((page) => page.articles).find((article) => article.body.includes(url) || (article.image && url.endsWith(encodeURI(basename(article.image.path)))))?.relFile,
    });
    // No progress line of its own (the stage lines stay as they were), but the benchmark's split shows it.
    timings.load = performance.now() - loadStarted;
    await preloadPaginator(session.page);
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
      const documentHtml = await laidOutHtml(session.page);
      writeFileSync(join(stagingDir, "issue.html"), documentHtml);

      const printed = await timed(timings, "print", log, () => withTimeout(printIssue(session.page, composed, { timeoutMs, pictureCache: options.keepOpen?.pictureCache }), timeoutMs, "print"), printDetail(timings));
      assertNothingBlocked(session);
      const finished = await timed(timings, "finish", log, () => finishIssuePdfs(issue, printed));
      await timed(timings, "check", log, () => Promise.all([checkPdf(finished.print, issue, "print"), checkPdf(finished.epaper, issue, "epaper")]));

      await timed(timings, "write", log, () => writeOutputs(stagingDir, outputDir, finished, issue, layout, timings));
      const open = options.keepOpen && { session, composed, printed, documentHtml };
      return { issue, outputDir, printPdf: join(outputDir, "print.pdf"), epaperPdf: join(outputDir, "epaper.pdf"), layout, warnings, timings, open };
    } catch (error) {
      if (options.keepOpen) await session.close().catch(() => {});
      throw error;
    } finally {
      if (!options.keepOpen) await session.close().catch(() => {});
    }
  } finally {
    if (ownBrowser) await (browser ?? (await launching?.catch(() => undefined)))?.close().catch(() => {});
    rmSync(stagingDir, { recursive: true, force: true });
  }
}
