// Helpers for the regression tests: temporary copies of an issue (and of the
// project, for changes to its CSS), edits that keep copy fitting exactly, and
// the regress command run as a real process.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../../scripts/paths.js";

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `newsprint-regress-${label}-`));
}

/** A copy of `issueDir` under a fresh temp folder, keeping its name (the issue id). */
export function copyIssue(issueDir: string): string {
  const copy = join(tempDir("issue"), basename(issueDir));
  cpSync(issueDir, copy, { recursive: true });
  return copy;
}

const IDEOGRAPHS = /[\u4e00-\u9fff]{6}/;

/**
 * Rewrites six CJK characters in the body of the page's last article (never
 * the lead, whose headline the front page's 导读 repeats) as six others: the
 * same number of full-width characters, so every line breaks where it did and
 * only the glyphs differ. Returns the article's path and its text before.
 */
export function editBodyOnPage(issueDir: string, pageNo: number): { file: string; original: string } {
  const pageDir = join(issueDir, "pages", String(pageNo).padStart(2, "0"));
  const files = readdirSync(pageDir).filter((name) => name.endsWith(".md")).sort();
  const file = join(pageDir, files.at(-1)!);
  const text = readFileSync(file, "utf8");
  const bodyStart = text.indexOf("\n---", 3) + 4;
  const body = text.slice(bodyStart);
  const match = IDEOGRAPHS.exec(body);
  if (!match) throw new Error(`${file}: no run of six CJK characters to rewrite in the body`);
  const replacement = match[0] === "甲乙丙丁戊己" ? "庚辛壬癸子丑" : "甲乙丙丁戊己";
  writeFileSync(file, text.slice(0, bodyStart) + body.replace(match[0], replacement));
  return { file, original: text };
}

/**
 * A copy of the project's code, templates and styles, sharing node_modules,
 * so a test can change a stylesheet without touching the working tree.
 * Builds run from the copy take their CSS from it.
 */
export function copyProject(): string {
  const root = tempDir("project");
  for (const entry of ["scripts", "templates", "styles", "package.json", "tsconfig.json"]) {
    cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run regress -- …` as the desk runs it (without the setup step), from `projectRoot`. */
export async function runRegressCli(projectRoot: string, args: string[]): Promise<CliRun> {
  const tsx = join(PROJECT_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(projectRoot, "scripts", "regress", "cli.ts"), ...args], {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
