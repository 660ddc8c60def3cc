// Decides whether output/<issue-id>/ can be compared as it is or must be built
// again: it can when its e-paper is newer than everything a build reads (the
// issue folder, the pipeline's code, templates and styles, the installed
// packages with their fonts, the browser). Rebuilding costs ~10 s; reusing a
// build made a minute ago by `npm run build` costs nothing.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, STYLES_DIR, TEMPLATES_DIR } from "../paths.js";
import { resolveBrowserPath } from "../print/browser.js";
import { shownPath } from "./baselines.js";

export interface Freshness {
  fresh: boolean;
  /** Why a build is needed, or which build is reused; names the file that decided. */
  reason: string;
}

/** The regression check's own code and report template only read finished output: editing them does not make a build stale. */
const NOT_BUILD_INPUTS = new Set([join(PROJECT_ROOT, "scripts", "regress"), join(TEMPLATES_DIR, "regress-report.hbs")]);

interface Newest {
  file: string;
  mtimeMs: number;
}

function newestIn(path: string, newest: Newest | undefined): Newest | undefined {
  if (NOT_BUILD_INPUTS.has(path) || !existsSync(path)) return newest;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) newest = newestIn(join(path, entry), newest);
    return newest;
  }
  return !newest || stat.mtimeMs > newest.mtimeMs ? { file: path, mtimeMs: stat.mtimeMs } : newest;
}

function browserBinary(): string[] {
  try {
    return [resolveBrowserPath()];
  } catch {
    // No browser: the build that follows says so with its own message.
    return [];
  }
}

export function buildInputs(issueDir: string): string[] {
  return [
    issueDir,
    join(PROJECT_ROOT, "scripts"),
    TEMPLATES_DIR,
    STYLES_DIR,
    join(PROJECT_ROOT, "package-lock.json"),
    join(PROJECT_ROOT, "node_modules", ".package-lock.json"),
    ...browserBinary(),
  ];
}

export function buildFreshness(issueDir: string, outputDir: string): Freshness {
  const epaper = join(outputDir, "epaper.pdf");
  const missing = ["epaper.pdf", "report.json"].find((file) => !existsSync(join(outputDir, file)));
  if (missing) return { fresh: false, reason: `no finished build in ${shownPath(outputDir)} (${missing} missing)` };
  const builtAt = statSync(epaper).mtimeMs;
  const newest = buildInputs(issueDir).reduce<Newest | undefined>((found, input) => newestIn(input, found), undefined);
  if (newest && newest.mtimeMs > builtAt) return { fresh: false, reason: `${shownPath(newest.file)} changed after ${shownPath(epaper)} was built` };
  return { fresh: true, reason: `${shownPath(epaper)} is newer than every input of the build` };
}
