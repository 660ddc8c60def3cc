// The pieces a build is made of besides the stages themselves: timing and
// progress lines, the hung-browser timeout, and the staging folder that
// replaces the old output only when everything succeeded. Shared by build()
// (one issue, once) and watch mode (one issue, again and again).
import { readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LaidOutIssue } from "./layout/layout.js";
import { renderReport } from "./layout/report.js";
import { BuildError, ExitCode } from "./messages.js";
import type { PrintedIssue } from "./print/print.js";
import type { Issue, Stage } from "./types.js";

/**
 * Milliseconds per stage, plus what the benchmark splits further: "load" (the
 * composed document opening in Chromium, between launch and layout) and the
 * print stage's own steps.
 */
export type Timings = Partial<Record<Stage | "launch" | "load" | "write" | PrintStep, number>>;
export type PrintStep = "paginate" | "chromiumPdf" | "epaperPictures" | "pdfLib";

/** Times one stage and prints its progress line. */
export async function timed<T>(timings: Timings, stage: keyof Timings, log: (line: string) => void, run: () => Promise<T> | T, detail?: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  timings[stage] = ms;
  log(`${stage.padEnd(8)} ${(ms / 1000).toFixed(2).padStart(6)} s${detail ? `  ${detail(value)}` : ""}`);
  return value;
}

/** Rejects after `ms`, so a hung browser ends the build with a clear error. */
export function withTimeout<T>(promise: Promise<T>, ms: number, stage: Stage): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BuildError([{ stage, ruleId: "timeout", fatal: true, reason: `the ${stage} stage did not finish within ${ms / 1000} s` }], ExitCode.Render)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Records the print stage's split and says it in the progress line. */
export function printDetail(timings: Timings): (printed: PrintedIssue) => string {
  return (printed) => {
    const { paginate, pdf, pictures, pdfLib } = printed.steps;
    Object.assign(timings, { paginate, chromiumPdf: pdf, epaperPictures: pictures, pdfLib });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return `paginate ${seconds(paginate)}, Chromium PDF ${seconds(pdf)}, e-paper pictures ${seconds(pictures)} (beside), pdf-lib ${seconds(pdfLib)}`;
  };
}

export interface Outputs {
  print: Uint8Array;
  epaper: Uint8Array;
}

/** Where a build of `issueId` is put together before it replaces the output folder. */
export function stagingDirFor(outputRoot: string, issueId: string): string {
  return join(outputRoot, `.staging-${issueId}-${process.pid}`);
}

/** Writes the PDFs and the report into the staging folder, then swaps it in for the old output. */
export function writeOutputs(stagingDir: string, outputDir: string, finished: Outputs, issue: Issue, layout: LaidOutIssue, timings: Timings): void {
  writeFileSync(join(stagingDir, "print.pdf"), finished.print);
  writeFileSync(join(stagingDir, "epaper.pdf"), finished.epaper);
  writeFileSync(join(stagingDir, "report.json"), JSON.stringify(renderReport(issue, layout, timings), null, 2));
  replaceDirectory(stagingDir, outputDir);
}

/** Swaps the finished staging folder in for the old output in two renames. */
export function replaceDirectory(stagingDir: string, outputDir: string): void {
  const previous = `${outputDir}.previous-${process.pid}`;
  let hadPrevious = false;
  try {
    readdirSync(outputDir);
    renameSync(outputDir, previous);
    hadPrevious = true;
  } catch {
    // No earlier output: nothing to move aside.
  }
  renameSync(stagingDir, outputDir);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
