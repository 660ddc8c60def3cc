// Finds and launches the Chromium that prints the paper. Order: an explicit
// path (NEWSPRINT_CHROMIUM or PUPPETEER_EXECUTABLE_PATH), a system Chromium,
// then Puppeteer's own downloaded browser; otherwise a clear error.
import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer";
import { ExitCode, fail } from "../messages.js";

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function resolveBrowserPath(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.NEWSPRINT_CHROMIUM || env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    fail({ stage: "print", ruleId: "browser-missing", reason: `the browser set in NEWSPRINT_CHROMIUM (${explicit}) does not exist` }, ExitCode.Render);
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  try {
    const downloaded = puppeteer.executablePath();
    if (existsSync(downloaded)) return downloaded;
  } catch {
    // Puppeteer throws when it has no browser of its own; the error below says what to do.
  }
  fail(
    {
      stage: "print",
      ruleId: "browser-missing",
      reason:
        "no Chromium found: run `npm run setup` (installs Debian's chromium as root), install it yourself, or set NEWSPRINT_CHROMIUM to a Chromium binary",
    },
    ExitCode.Render,
  );
}

/** Flags for a closed network and a root user: no sandbox, no background traffic. */
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--font-render-hinting=none",
  // Lets the e-paper step re-encode pictures on a canvas; the tab still reads only allowed folders.
  "--allow-file-access-from-files",
];

export async function launchBrowser(timeoutMs: number): Promise<Browser> {
  const executablePath = resolveBrowserPath();
  try {
    return await puppeteer.launch({ executablePath, args: LAUNCH_ARGS, timeout: timeoutMs, protocolTimeout: timeoutMs });
  } catch (error) {
    fail(
      { stage: "print", ruleId: "browser-launch", reason: `Chromium (${executablePath}) did not start: ${(error as Error).message}` },
      ExitCode.Render,
    );
  }
}
