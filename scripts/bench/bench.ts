// The benchmark: newsprint's whole build (Markdown in, both PDFs and the
// report out) against pagedjs-cli and Chromium's own --print-to-pdf printing
// the document newsprint composed (output/<issue-id>/issue.html), on the same
// Chromium, run in turns so that a noisy machine hurts all three alike.
// Figures are medians; the ratios are what to read, not the seconds.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PDFDocument } from "pdf-lib";
import { NODE_MODULES, OUTPUT_ROOT, PROJECT_ROOT } from "../paths.js";
import { resolveBrowserPath } from "../print/browser.js";
import { measure, type Measured } from "./processes.js";

export type Engine = "newsprint" | "pagedjsCli" | "chromium";
export const ENGINES: Engine[] = ["newsprint", "pagedjsCli", "chromium"];

export interface BenchOptions {
  issueDir: string;
  /** Timed runs of each engine (after the warm-up). */
  iterations?: number;
  /** Untimed rounds first: disk caches, tsx's compile cache, Chromium's first start. */
  warmups?: number;
  outputRoot?: string;
  log?: (line: string) => void;
}

export interface EngineFigures {
  medianMs: number;
  runsMs: number[];
  peakMemoryBytes: number;
  /** The PDF(s) it wrote and their page counts. */
  pdfs: { file: string; pages: number }[];
}

export interface BenchResult {
  issue: string;
  issueHtml: string;
  iterations: number;
  warmups: number;
  machine: { cpus: number; node: string; chromium: string };
  engines: Record<Engine, EngineFigures>;
  ratios: { newsprintToPagedjsCli: number; newsprintToChromium: number };
  /** Median milliseconds per step of newsprint's build, from its report.json. */
  newsprintStagesMs: Record<string, number>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

interface Runner {
  run(): Promise<Measured>;
  pdfs(): string[];
}

function runners(issueDir: string, outputRoot: string, scratch: string, chromium: string): Record<Engine, Runner> {
  const outputDir = join(outputRoot, basename(issueDir));
  const issueHtml = join(outputDir, "issue.html");
  const pagedjsPdf = join(scratch, "pagedjs-cli.pdf");
  const chromiumPdf = join(scratch, "chromium.pdf");
  return {
    newsprint: {
      // The command a desk runs, minus npm's own start-up: node, tsx, the build.
      run: () => measure(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "cli.ts"), "build", issueDir, "--out", outputRoot, "--quiet"], { cwd: PROJECT_ROOT }),
      pdfs: () => [join(outputDir, "print.pdf"), join(outputDir, "epaper.pdf")],
    },
    pagedjsCli: {
      run: () =>
        measure(process.execPath, [join(NODE_MODULES, "pagedjs-cli", "src", "cli.js"), issueHtml, "-o", pagedjsPdf, "--browserArgs", "--no-sandbox"], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium },
        }),
      pdfs: () => [pagedjsPdf],
    },
    chromium: {
      run: () => measure(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", `--print-to-pdf=${chromiumPdf}`, pathToFileURL(issueHtml).href]),
      pdfs: () => [chromiumPdf],
    },
  };
}

function chromiumVersion(chromium: string): string {
  try {
    return execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const issueDir = resolve(options.issueDir);
  const outputRoot = resolve(options.outputRoot ?? OUTPUT_ROOT);
  const iterations = options.iterations ?? 5;
  const warmups = options.warmups ?? 1;
  const chromium = resolveBrowserPath();
  const scratch = mkdtempSync(join(tmpdir(), "newsprint-bench-"));
  try {
    const engines = runners(issueDir, outputRoot, scratch, chromium);
    const runs: Record<Engine, Measured[]> = { newsprint: [], pagedjsCli: [], chromium: [] };
    const stageRuns: Record<string, number>[] = [];
    const runOnce = async (engine: Engine): Promise<Measured> => {
      const measured = await engines[engine].run();
      if (measured.exitCode !== 0) throw new Error(`bench: ${engine} exited with ${measured.exitCode}:\n${measured.stderr.slice(-2000)}`);
      return measured;
    };
    // newsprint goes first in every round: the others print the issue.html it writes.
    for (let round = 0; round < warmups + iterations; round++) {
      const timed = round >= warmups;
      for (const engine of ENGINES) {
        const measured = await runOnce(engine);
        if (!timed) continue;
        runs[engine].push(measured);
        if (engine === "newsprint") stageRuns.push(JSON.parse(readFileSync(join(outputRoot, basename(issueDir), "report.json"), "utf8")).timingsMs);
        log(`${timed ? `run ${round - warmups + 1}/${iterations}` : "warm-up"}  ${engine.padEnd(10)} ${(measured.wallMs / 1000).toFixed(2)} s`);
      }
      if (!timed) log(`warm-up round ${round + 1} done`);
    }
    const figures = {} as Record<Engine, EngineFigures>;
    for (const engine of ENGINES) {
      const kept = join(outputRoot, basename(issueDir), `bench-${engine}.pdf`);
      const pdfs = await Promise.all(
        engines[engine].pdfs().map(async (file) => {
          // The other engines' PDFs are kept beside ours, so they can be compared.
          const where = engine === "newsprint" ? file : kept;
          if (where !== file) writeFileSync(where, readFileSync(file));
          return { file: where, pages: await pageCount(where) };
        }),
      );
      figures[engine] = {
        medianMs: median(runs[engine].map((run) => run.wallMs)),
        runsMs: runs[engine].map((run) => Math.round(run.wallMs)),
        peakMemoryBytes: Math.max(...runs[engine].map((run) => run.peakMemoryBytes)),
        pdfs,
      };
    }
    const stages = [...new Set(stageRuns.flatMap((run) => Object.keys(run)))];
    const result: BenchResult = {
      issue: basename(issueDir),
      issueHtml: join(outputRoot, basename(issueDir), "issue.html"),
      iterations,
      warmups,
      machine: { cpus: cpus().length, node: process.version, chromium: chromiumVersion(chromium) },
      engines: figures,
      ratios: {
        newsprintToPagedjsCli: figures.newsprint.medianMs / figures.pagedjsCli.medianMs,
        newsprintToChromium: figures.newsprint.medianMs / figures.chromium.medianMs,
      },
      newsprintStagesMs: Object.fromEntries(stages.map((stage) => [stage, Math.round(median(stageRuns.map((run) => run[stage] ?? 0)))])),
    };
    writeFileSync(join(outputRoot, basename(issueDir), "bench.json"), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The figures as a few lines for a terminal. */
export function benchSummary(result: BenchResult): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const lines = [
    `issue ${result.issue}: ${result.iterations} runs each after ${result.warmups} warm-up round(s), ${result.machine.cpus} cores, ${result.machine.chromium}`,
    `engine        median     peak memory   PDF pages`,
    ...ENGINES.map((engine) => {
      const figures = result.engines[engine];
      return `${engine.padEnd(12)} ${(figures.medianMs / 1000).toFixed(2).padStart(6)} s  ${mb(figures.peakMemoryBytes).padStart(10)}   ${figures.pdfs.map((pdf) => pdf.pages).join(" + ")}`;
    }),
    `newsprint / pagedjs-cli = ${result.ratios.newsprintToPagedjsCli.toFixed(2)}   newsprint / Chromium = ${result.ratios.newsprintToChromium.toFixed(2)}`,
    `newsprint's split (median ms): ${Object.entries(result.newsprintStagesMs)
      .map(([stage, ms]) => `${stage} ${ms}`)
      .join(", ")}`,
  ];
  return lines.join("\n");
}
