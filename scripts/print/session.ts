// One browser tab that holds the composed document through layout and print.
// The tab may read only the project's files and the issue's folder; anything
// else (network, other files) is refused and reported with who asked for it.
import { join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { BuildError, ExitCode, fail, type IssueMessage } from "../messages.js";
import { PROJECT_ROOT } from "../paths.js";

export interface RenderSession {
  page: Page;
  /** Requests refused so far. */
  blocked: IssueMessage[];
  close(): Promise<void>;
}

function isInside(file: string, folders: string[]): boolean {
  const path = resolve(file);
  return folders.some((folder) => path === folder || path.startsWith(folder + sep));
}

export interface OpenOptions {
  browser: Browser;
  documentFile: string;
  /** Folders the document may read besides the project: the issue folder. */
  allowedFolders: string[];
  timeoutMs: number;
  /** Names the article whose copy referred to a URL, for the error message. */
  whoAsked?: (url: string) => string | undefined;
}

export async function openDocument(options: OpenOptions): Promise<RenderSession> {
  const page = await options.browser.newPage();
  page.setDefaultTimeout(options.timeoutMs);
  const allowed = [PROJECT_ROOT, ...options.allowedFolders].map((folder) => resolve(folder));
  const blocked: IssueMessage[] = [];
  await page.setJavaScriptEnabled(true);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || (url.startsWith("file:") && isInside(fileURLToPath(url), allowed))) {
      void request.continue();
      return;
    }
    const asker = options.whoAsked?.(url);
    blocked.push({
      stage: "print",
      ruleId: "blocked-request",
      fatal: true,
      file: asker,
      reason: `the document asked for ${url}, outside the project and the issue folder; newsprint loads nothing from the network`,
    });
    void request.abort("accessdenied");
  });
  let crashed: Error | undefined;
  page.on("error", (error) => {
    crashed = error;
  });
  await page.setViewport({ width: 1600, height: 1200 });
  try {
    await page.goto(pathToFileURL(options.documentFile).href, { waitUntil: "load", timeout: options.timeoutMs });
  } catch (error) {
    fail({ stage: "print", ruleId: "load", reason: `Chromium could not load the composed document: ${(error as Error).message}` }, ExitCode.Render);
  }
  if (crashed) fail({ stage: "print", ruleId: "crash", reason: `the browser tab crashed: ${crashed.message}` }, ExitCode.Render);
  await page.addScriptTag({ path: join(PROJECT_ROOT, "scripts", "layout", "in-page", "layout-page.js") });
  return {
    page,
    blocked,
    close: () => page.close(),
  };
}

/** Stops the build if the document asked for anything it may not have. */
export function assertNothingBlocked(session: RenderSession): void {
  if (session.blocked.length > 0) throw new BuildError(session.blocked, ExitCode.Render);
}

/**
 * The document as laid out, without the scripts newsprint put into it: what
 * another engine (pagedjs-cli, Chromium's own --print-to-pdf) can print as is.
 */
export async function laidOutHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of root.querySelectorAll("script")) script.remove();
    return `<!doctype html>\n${root.outerHTML}`;
  });
}
