// Builds an issue once per test file in real Chromium, into a temporary output
// root, and hands the result to the assertions. Reading back uses poppler and
// pdf-lib on the files as written.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildResult } from "../../scripts/build.js";
import { PROJECT_ROOT } from "../../scripts/paths.js";

export const DEMO_ISSUE = join(PROJECT_ROOT, "content", "2023-11-07");

export async function buildToTemp(issueDir: string, options: { strict?: boolean } = {}): Promise<BuildResult> {
  const outputRoot = mkdtempSync(join(tmpdir(), "newsprint-e2e-"));
  return build({ issueDir, outputRoot, strict: options.strict });
}

export function pdftotext(file: string, args: string[] = []): string {
  return execFileSync("pdftotext", [...args, file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function pageText(file: string, pageNo: number): string {
  return pdftotext(file, ["-f", String(pageNo), "-l", String(pageNo)]);
}

/** The text of one page's top band, `heightPt` deep, line by line as laid out. */
export function topText(file: string, pageNo: number, heightPt: number): string {
  return pdftotext(file, ["-layout", "-f", String(pageNo), "-l", String(pageNo), "-x", "0", "-y", "0", "-W", "5000", "-H", String(Math.ceil(heightPt))]);
}

/** pdffonts as rows: name, type, embedded. */
export function pdffonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  // Fixed-width columns: name, type, encoding, emb, …
  return lines.map((line) => ({ name: line.slice(0, 36).trim(), type: line.slice(37, 54).trim(), embedded: line.slice(72, 75).trim() === "yes" }));
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
  return Object.fromEntries(out.split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** Text with every kind of white space removed: PDF text layers break lines anywhere. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}
