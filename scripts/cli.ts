// newsprint's command line: a thin shell over build() and, for several issue
// folders, buildBatch(). Flags in, one catch per issue, an exit code out (see
// README.md for the codes; with several issues, the highest of theirs).
import { basename, resolve } from "node:path";
import { batchExitCode, buildBatch, type IssueOutcome } from "./batch.js";
import { DEFAULT_TIMEOUT_MS } from "./build.js";
import { reportTable, renderReport } from "./layout/report.js";
import { BuildError, ExitCode, formatMessage } from "./messages.js";
import { PROJECT_ROOT } from "./paths.js";

export const DEMO_ISSUE = resolve(PROJECT_ROOT, "content", "2023-11-07");

/** Two issues at once keep both cores of a build machine busy. */
const DEFAULT_CONCURRENCY = 2;

const USAGE = `usage: npm run build -- [issue-dir ...] [--strict] [--quiet] [--out DIR] [--timeout SECONDS] [--concurrency N]

  issue-dir        an issue folder (issue.yaml + pages/); default: the demo issue.
                   Several folders are built in one run with one browser; each
                   is reported on its own, and the exit code is the highest of theirs
  --strict         warnings (an underfilled page) fail the build, for the press run
  --quiet          no progress lines; errors still go to stderr
  --out DIR        write output/<issue-id>/ under DIR instead of ./output
  --timeout S      give up on a hung browser after S seconds (default ${DEFAULT_TIMEOUT_MS / 1000})
  --concurrency N  with several issue folders, build N at once (default ${DEFAULT_CONCURRENCY})`;

interface CliOptions {
  issueDirs: string[];
  concurrency: number;
  strict: boolean;
  quiet: boolean;
  outputRoot?: string;
  timeoutMs: number;
}

function parseArgs(args: string[]): CliOptions {
  const options: CliOptions = { issueDirs: [DEMO_ISSUE], concurrency: DEFAULT_CONCURRENCY, strict: false, quiet: false, timeoutMs: DEFAULT_TIMEOUT_MS };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--strict") options.strict = true;
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--out") options.outputRoot = args[++i];
    else if (arg === "--timeout") options.timeoutMs = Number(args[++i]) * 1000;
    else if (arg === "--concurrency") options.concurrency = Number(args[++i]);
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (!(options.timeoutMs > 0)) throw new UsageError("--timeout takes a number of seconds");
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new UsageError("--concurrency takes a whole number, 1 or more");
  if (positional.length > 0) options.issueDirs = positional.map((dir) => resolve(dir));
  // The issue id is the folder's name, and it names the output folder.
  const ids = options.issueDirs.map((dir) => basename(dir));
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new UsageError(`two issue folders are named ${twice}; both would write ${twice}/`);
  return options;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== "build") {
    process.stderr.write(`${USAGE}\n`);
    return ExitCode.Usage;
  }
  let options: CliOptions;
  try {
    options = parseArgs(args);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `newsprint: ${message}\n` : ""}${USAGE}\n`);
    return message ? ExitCode.Usage : ExitCode.Ok;
  }
  const several = options.issueDirs.length > 1;
  const log = (issueId: string, line: string) => {
    if (!options.quiet) process.stdout.write(`newsprint ${several ? `[${issueId}] ` : ""}${line}\n`);
  };
  const started = performance.now();
  const outcomes = await buildBatch({ ...options, log });
  for (const outcome of outcomes) report(outcome, options.quiet, started, several);
  if (several && !options.quiet) {
    const built = outcomes.filter((outcome) => outcome.ok).length;
    process.stdout.write(`newsprint built ${built} of ${outcomes.length} issues in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return batchExitCode(outcomes);
}

/** One issue's result: warnings and the copyfit table, or its errors and exit code. */
function report(outcome: IssueOutcome, quiet: boolean, started: number, several: boolean): void {
  const name = several ? `[${basename(outcome.issueDir)}] ` : "";
  if (outcome.ok) {
    const { result } = outcome;
    for (const warning of result.warnings) process.stderr.write(`${name}warning: ${formatMessage(warning)}\n`);
    if (!quiet) {
      process.stdout.write(`${reportTable(renderReport(result.issue, result.layout, result.timings))}\n`);
      process.stdout.write(`newsprint ${name}wrote ${result.printPdf} and epaper.pdf in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    return;
  }
  const { error } = outcome;
  if (error instanceof BuildError) {
    process.stderr.write(`newsprint: build failed, ${outcome.issueDir} (earlier output left in place)${several ? `, exit code ${outcome.exitCode}` : ""}\n`);
    for (const message of error.messages) process.stderr.write(`${name}error: ${formatMessage(message)}\n`);
    return;
  }
  process.stderr.write(`newsprint: unexpected failure, ${outcome.issueDir}: ${(error as Error).stack ?? String(error)}\n`);
}

process.exitCode = await main(process.argv.slice(2));
