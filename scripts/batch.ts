// Several issues in one run: one browser for all of them (launched when the
// first issue gets past its content checks, launched again if it dies), at
// most `concurrency` issues in flight, and one outcome per issue, so a broken
// issue fails alone and says so under its own name.
import { basename, resolve } from "node:path";
import type { Browser } from "puppeteer";
import { build, DEFAULT_TIMEOUT_MS, type BuildOptions, type BuildResult } from "./build.js";
import { BuildError } from "./messages.js";
import { launchBrowser } from "./print/browser.js";

export interface BatchOptions extends Omit<BuildOptions, "issueDir" | "browser" | "log"> {
  issueDirs: string[];
  /** Issues built at once; each has its own tabs in the shared browser. */
  concurrency: number;
  /** Progress lines, with the issue they belong to. */
  log?: (issueId: string, line: string) => void;
}

export type IssueOutcome =
  | { issueDir: string; ok: true; exitCode: 0; result: BuildResult }
  | { issueDir: string; ok: false; exitCode: number; error: unknown };

/** An unexpected failure (a bug, not the issue's fault) exits with 1, as the CLI does. */
export const UNEXPECTED_EXIT = 1;

/** One browser shared by every build; relaunched if it has crashed or was closed. */
class SharedBrowser {
  private browser?: Promise<Browser>;

  constructor(private readonly timeoutMs: number) {}

  async get(): Promise<Browser> {
    const current = this.browser;
    const browser = await current?.catch(() => undefined);
    if (browser?.connected) return browser;
    // None yet, or it died: the next build gets a new one (one launch, however many ask at once).
    if (this.browser !== current) return this.get();
    const launching = launchBrowser(this.timeoutMs);
    this.browser = launching;
    // A failed launch is reported by the build that asked; the next one tries again.
    launching.catch(() => {
      if (this.browser === launching) this.browser = undefined;
    });
    return launching;
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch(() => {});
  }
}

export async function buildBatch(options: BatchOptions): Promise<IssueOutcome[]> {
  const { issueDirs, concurrency, log, ...buildOptions } = options;
  const shared = new SharedBrowser(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const outcomes: IssueOutcome[] = new Array(issueDirs.length);
  let next = 0;
  const worker = async () => {
    while (next < issueDirs.length) {
      const index = next++;
      const issueDir = resolve(issueDirs[index]!);
      const issueId = basename(issueDir);
      try {
        const result = await build({ ...buildOptions, issueDir, getBrowser: () => shared.get(), log: log && ((line) => log(issueId, line)) });
        outcomes[index] = { issueDir, ok: true, exitCode: 0, result };
      } catch (error) {
        outcomes[index] = { issueDir, ok: false, exitCode: error instanceof BuildError ? error.exitCode : UNEXPECTED_EXIT, error };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, issueDirs.length)) }, worker));
  } finally {
    await shared.close();
  }
  return outcomes;
}

/** The exit code of a batch: the highest of its issues' codes, 0 when all were built. */
export function batchExitCode(outcomes: IssueOutcome[]): number {
  return outcomes.reduce((worst, outcome) => Math.max(worst, outcome.exitCode), 0);
}
