// Watch mode: one warm browser, one LiveIssue, and node:fs.watch (recursive,
// which Node 20 supports on Linux) on the issue folder, the templates and the
// styles. Changes are gathered for a moment (editors write a file in several
// steps), then rebuilt; changes that arrive meanwhile make one more rebuild.
import { watch as watchFiles, type FSWatcher } from "node:fs";
import { basename, join } from "node:path";
import type { Browser } from "puppeteer";
import { DEFAULT_TIMEOUT_MS } from "../build.js";
import { BuildError, formatMessage } from "../messages.js";
import { STYLES_DIR, TEMPLATES_DIR } from "../paths.js";
import { launchBrowser } from "../print/browser.js";
import { LiveIssue, type Rebuilt } from "./live-issue.js";

export interface WatchOptions {
  issueDir: string;
  outputRoot?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Told after every rebuild, good or not (tests wait on it). */
  onRebuilt?: (outcome: { rebuilt?: Rebuilt; error?: unknown }) => void;
}

export interface Watching {
  live: LiveIssue;
  close(): Promise<void>;
}

/** Files an editor writes beside the real one: swap files, backups, temporaries. */
const EDITOR_LITTER = /(^\.|~$|\.sw[a-p]$|\.tmp$|^#.*#$)/;
const SETTLE_MS = 40;

export async function watch(options: WatchOptions): Promise<Watching> {
  const log = options.log ?? (() => {});
  const browser: Browser = await launchBrowser(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const live = new LiveIssue({ ...options, browser, log });
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const report = (outcome: { rebuilt?: Rebuilt; error?: unknown }) => {
    const { rebuilt, error } = outcome;
    if (rebuilt?.kind === "all") log(`rebuilt the whole issue in ${(rebuilt.ms / 1000).toFixed(2)} s: ${live.outputDir}`);
    if (rebuilt?.kind === "pages") log(`wrote ${join(live.outputDir, "print.pdf")} and epaper.pdf, ${(rebuilt.ms / 1000).toFixed(2)} s after the change was seen`);
    if (error instanceof BuildError) {
      log(`build failed (last good output left in place):`);
      for (const message of error.messages) log(`  error: ${formatMessage(message)}`);
    } else if (error) {
      log(`unexpected failure: ${(error as Error).stack ?? String(error)}`);
    }
    options.onRebuilt?.(outcome);
  };

  const rebuild = async (changed: string[]) => {
    try {
      report({ rebuilt: await live.rebuild(changed) });
    } catch (error) {
      report({ error });
    }
  };

  const drain = () => {
    timer = undefined;
    if (running || closed) return;
    const changed = [...pending];
    pending.clear();
    running = rebuild(changed).finally(() => {
      running = undefined;
      if (pending.size > 0 && !closed) drain();
    });
  };

  const onChange = (folder: string) => (_event: string, filename: string | Buffer | null) => {
    if (!filename || EDITOR_LITTER.test(basename(filename.toString()))) return;
    pending.add(join(folder, filename.toString()));
    clearTimeout(timer);
    timer = setTimeout(drain, SETTLE_MS);
  };

  await rebuild([]);
  const watchers: FSWatcher[] = [options.issueDir, TEMPLATES_DIR, STYLES_DIR].map((folder) => watchFiles(folder, { recursive: true }, onChange(folder)));
  log(`watching ${options.issueDir}, templates/ and styles/ (Ctrl-C to stop)`);

  return {
    live,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
      await live.close();
      await browser.close().catch(() => {});
    },
  };
}
