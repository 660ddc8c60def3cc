// One issue kept built in a warm browser. The first build (and any change
// beyond single pages: issue.yaml, templates, styles, pictures) is a full
// build() that keeps its tab open, the printed sheets in it. An edit to
// articles then costs only its pages: the changed page sections are swapped
// into the sheets, laid out and proved again, printed alone (Chromium's
// pageRanges), and spliced into the last Chromium PDF, from which both PDFs
// are finished as in any build.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import type { Browser } from "puppeteer";
import { build, DEFAULT_TIMEOUT_MS } from "../build.js";
import { stagingDirFor, timed, writeOutputs, type Timings } from "../build-steps.js";
import { checkPdf } from "../check/check.js";
import { composeIssue, type ComposedIssue } from "../compose/compose.js";
import { loadIssue } from "../content/load.js";
import { finishIssuePdfs } from "../finish/issue-pdfs.js";
import { layoutIssue, type Jump, type LaidOutIssue } from "../layout/layout.js";
import { BuildError } from "../messages.js";
import { OUTPUT_ROOT } from "../paths.js";
import type { JpegPicture } from "../print/pdf-pictures.js";
import { preparePictures, printSheets, twoPdfs, type PrintSource, type SheetHeadlines } from "../print/print.js";
import { assertNothingBlocked, type RenderSession } from "../print/session.js";
import type { Issue } from "../types.js";
import { replaceSheets } from "./pdf-splice.js";
import { changedSections, splitSections, type Sections } from "./sections.js";

export interface LiveIssueOptions {
  issueDir: string;
  outputRoot?: string;
  timeoutMs?: number;
  browser: Browser;
  log: (line: string) => void;
}

export type Rebuilt = { kind: "all"; ms: number } | { kind: "pages"; pages: number[]; ms: number } | { kind: "none"; ms: number };

interface State {
  issue: Issue;
  composed: ComposedIssue;
  sections: Sections;
  layout: LaidOutIssue;
  session: RenderSession;
  source: PrintSource;
  /** The laid-out document before pagination, as written to issue.html. */
  documentHtml: string;
}

type PageApi = { newsprintPrint: { headlines(): SheetHeadlines[] } };

export class LiveIssue {
  private state?: State;
  /** The tab no longer matches the last good build (a page rebuild failed halfway). */
  private stale = false;
  private readonly pictureCache = new Map<string, JpegPicture>();
  readonly issueDir: string;
  readonly outputRoot: string;
  private readonly documentDir: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: LiveIssueOptions) {
    this.issueDir = resolve(options.issueDir);
    this.outputRoot = resolve(options.outputRoot ?? OUTPUT_ROOT);
    // Beside the output folder, so the document's relative links read the same from both.
    this.documentDir = join(this.outputRoot, `.watch-${basename(this.issueDir)}-${process.pid}`);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get outputDir(): string {
    return join(this.outputRoot, basename(this.issueDir));
  }

  /** Only article files changed: their pages may be rebuilt alone. */
  private onlyArticles(changed: string[]): boolean {
    const pagesDir = join(this.issueDir, "pages") + sep;
    return changed.length > 0 && changed.every((file) => file.startsWith(pagesDir) && file.endsWith(".md"));
  }

  /** Rebuilds what `changed` (absolute paths) calls for; throws a BuildError when the issue does not build. */
  async rebuild(changed: string[] = []): Promise<Rebuilt> {
    const started = performance.now();
    if (this.state && !this.stale && this.onlyArticles(changed)) {
      try {
        const pages = await this.rebuildPages(changed);
        if (pages) return pages.length > 0 ? { kind: "pages", pages, ms: performance.now() - started } : { kind: "none", ms: performance.now() - started };
      } catch (error) {
        // Bad input stops before the tab is touched; anything later leaves it half-changed.
        if (error instanceof BuildError && error.messages.every((message) => message.stage === "content")) throw error;
        this.stale = true;
        if (error instanceof BuildError) throw error;
        this.options.log(`page rebuild failed (${(error as Error).message}); building the whole issue`);
      }
    }
    await this.rebuildAll();
    return { kind: "all", ms: performance.now() - started };
  }

  private async rebuildAll(): Promise<void> {
    await this.dropState();
    const result = await build({
      issueDir: this.issueDir,
      outputRoot: this.outputRoot,
      timeoutMs: this.timeoutMs,
      browser: this.options.browser,
      log: this.options.log,
      keepOpen: { documentDir: this.documentDir, pictureCache: this.pictureCache },
    });
    const open = result.open!;
    this.state = {
      issue: result.issue,
      composed: open.composed,
      sections: await splitSections(open.session.page, open.composed.html),
      layout: result.layout,
      session: open.session,
      source: open.printed.source,
      documentHtml: open.documentHtml,
    };
    this.stale = false;
  }

  /** The changed pages, rebuilt; [] when no page changed; undefined when it takes a full build. */
  private async rebuildPages(changed: string[]): Promise<number[] | undefined> {
    const state = this.state!;
    const page = state.session.page;
    const timings: Timings = {};
    const quiet = () => {};
    const issue = await timed(timings, "content", quiet, () => loadIssue(this.issueDir));
    const composed = await timed(timings, "compose", quiet, () => composeIssue(issue, { documentDir: this.documentDir }));
    const sections = await splitSections(page, composed.html);
    const ids = changedSections(state.sections, sections);
    if (!ids) return undefined;
    if (ids.length === 0) {
      this.options.log(`no page changed (${changed.map((file) => relative(this.issueDir, file)).join(", ")})`);
      return [];
    }
    // A story continued onto another page (转版) ties the two pages: both are laid out again.
    const pageNos = [...linkedPages(new Set(ids.map((id) => sections.pageNo.get(id)!)), state.layout.jumps)].sort((a, b) => a - b);
    const idOf = new Map([...sections.pageNo].map(([id, no]) => [no, id]));
    const swapIds = pageNos.map((no) => idOf.get(no)!);
    const sheetIndexes = pageNos.map((no) => issue.pages.findIndex((entry) => entry.no === no)).sort((a, b) => a - b);

    this.stale = true;
    const layout = await timed(timings, "layout", quiet, async () => {
      await swapInSections(page, swapIds, sections);
      const laidOut = await layoutIssue(page, onlyPages(composed, new Set(pageNos)));
      assertNothingBlocked(state.session);
      if (laidOut.jumps.some((jump) => !pageNos.includes(jump.fromPage) || !pageNos.includes(jump.toPage))) {
        throw new Error("a story now continues onto a page that was not rebuilt");
      }
      return mergeLayout(state.layout, laidOut, issue);
    });
    const documentHtml = await updatedDocument(page, state.documentHtml, swapIds);

    const { source, two } = await timed(timings, "print", quiet, async () => {
      const firstIndex = Math.max(-1, ...state.source.standIns.keys()) + 1;
      const pictures = await preparePictures(page, this.pictureCache, firstIndex);
      const printed = await printSheets(page, this.timeoutMs, sheetIndexes.map((index) => index + 1).join(","));
      const chromiumPdf = await replaceSheets(state.source.chromiumPdf, printed.pdf, sheetIndexes);
      const screen = await pictures.screen;
      const next: PrintSource = {
        chromiumPdf,
        standIns: new Map([...state.source.standIns, ...pictures.standIns]),
        screen: new Map([...state.source.screen, ...screen]),
      };
      const headlines = await page.evaluate(() => (window as unknown as PageApi).newsprintPrint.headlines());
      return { source: next, two: await twoPdfs(next, composed, headlines) };
    });
    const finished = await timed(timings, "finish", quiet, () =>
      finishIssuePdfs(issue, { ...two, source, steps: { paginate: 0, pdf: 0, pictures: 0, pdfLib: two.pdfLibMs } }),
    );
    await timed(timings, "check", quiet, () => Promise.all([checkPdf(finished.print, issue, "print"), checkPdf(finished.epaper, issue, "epaper")]));
    await timed(timings, "write", quiet, () => {
      const stagingDir = stagingDirFor(this.outputRoot, basename(this.issueDir));
      rmSync(stagingDir, { recursive: true, force: true });
      mkdirSync(stagingDir, { recursive: true });
      writeFileSync(join(stagingDir, "issue.html"), documentHtml);
      writeOutputs(stagingDir, this.outputDir, finished, issue, layout, timings);
    });
    this.state = { issue, composed, sections, layout, session: state.session, source, documentHtml };
    this.stale = false;
    const split = Object.entries(timings)
      .map(([stage, ms]) => `${stage} ${((ms ?? 0) / 1000).toFixed(2)}`)
      .join(", ");
    this.options.log(`rebuilt page ${pageNos.join(", ")} (${changed.map((file) => relative(this.issueDir, file)).join(", ")}): ${split} s`);
    return pageNos;
  }

  private async dropState(): Promise<void> {
    await this.state?.session.close().catch(() => {});
    this.state = undefined;
  }

  async close(): Promise<void> {
    await this.dropState();
    rmSync(this.documentDir, { recursive: true, force: true });
  }
}

/** The composed issue cut down to some pages: what layoutIssue then measures and solves. */
function onlyPages(composed: ComposedIssue, pageNos: Set<number>): ComposedIssue {
  return {
    ...composed,
    issue: { ...composed.issue, pages: composed.issue.pages.filter((entry) => pageNos.has(entry.no)) },
    articles: composed.articles.filter((article) => pageNos.has(article.pageNo)),
  };
}

/** The pages, and every page a continued story ties to them. */
function linkedPages(pageNos: Set<number>, jumps: Jump[]): Set<number> {
  const linked = new Set(pageNos);
  let grew = true;
  while (grew) {
    grew = false;
    for (const jump of jumps) {
      if (linked.has(jump.fromPage) !== linked.has(jump.toPage)) {
        linked.add(jump.fromPage).add(jump.toPage);
        grew = true;
      }
    }
  }
  return linked;
}

/** The last layout with the rebuilt pages' fits and warnings put in. */
function mergeLayout(before: LaidOutIssue, rebuilt: LaidOutIssue, issue: Issue): LaidOutIssue {
  const fresh = new Map(rebuilt.pages.map((fit) => [fit.pageNo, fit]));
  const old = new Map(before.pages.map((fit) => [fit.pageNo, fit]));
  return {
    pages: issue.pages.map((entry) => fresh.get(entry.no) ?? old.get(entry.no)!),
    warnings: [...before.warnings.filter((warning) => warning.page === undefined || !fresh.has(warning.page)), ...rebuilt.warnings],
    jumps: [...before.jumps.filter((jump) => !fresh.has(jump.fromPage) && !fresh.has(jump.toPage)), ...rebuilt.jumps],
    layoutMs: rebuilt.layoutMs,
    resolves: rebuilt.resolves,
  };
}

/** Puts the new sections' grids onto their sheets, in place of the old ones. */
async function swapInSections(page: RenderSession["page"], ids: string[], sections: Sections): Promise<void> {
  await page.evaluate(
    (swaps) => {
      for (const [id, html] of swaps) {
        const template = document.createElement("template");
        template.innerHTML = html;
        const grid = template.content.querySelector(".np-grid");
        const old = [...document.querySelectorAll(".pagedjs_page .np-page")].find((section) => section.id === id)?.querySelector(".np-grid");
        if (!grid || !old) throw new Error(`watch: page section ${id} is not on a sheet`);
        old.replaceWith(grid);
      }
    },
    ids.map((id) => [id, sections.pages.get(id)!] as [string, string]),
  );
}

/** issue.html with the rebuilt pages' laid-out grids (real picture links, no stand-ins). */
async function updatedDocument(page: RenderSession["page"], documentHtml: string, ids: string[]): Promise<string> {
  return page.evaluate(
    (html, changedIds) => {
      const doc = new DOMParser().parseFromString(html, "text/html");
      for (const id of changedIds) {
        const live = [...document.querySelectorAll(".pagedjs_page .np-page")].find((section) => section.id === id)?.querySelector(".np-grid");
        const written = doc.getElementById(id)?.querySelector(".np-grid");
        if (live && written) written.replaceWith(doc.importNode(live, true));
      }
      return `<!doctype html>\n${doc.documentElement.outerHTML}`;
    },
    documentHtml,
    ids,
  );
}
