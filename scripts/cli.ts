// newsprint's command line: a thin shell over build(). Flags in, one catch,
// an exit code out (see README.md for the codes).
import { resolve } from "node:path";
import { build, DEFAULT_TIMEOUT_MS } from "./build.js";
import { reportTable, renderReport } from "./layout/report.js";
import { BuildError, ExitCode, formatMessage } from "./messages.js";
import { PROJECT_ROOT } from "./paths.js";

export const DEMO_ISSUE = resolve(PROJECT_ROOT, "content", "2023-11-07");

const USAGE = `usage: npm run build -- [issue-dir] [--strict] [--quiet] [--out DIR] [--timeout SECONDS]

  issue-dir        an issue folder (issue.yaml + pages/); default: the demo issue
  --strict         warnings (an underfilled page) fail the build, for the press run
  --quiet          no progress lines; errors still go to stderr
  --out DIR        write output/<issue-id>/ under DIR instead of ./output
  --timeout S      give up on a hung browser after S seconds (default ${DEFAULT_TIMEOUT_MS / 1000})`;

interface CliOptions {
  issueDir: string;
  strict: boolean;
  quiet: boolean;
  outputRoot?: string;
  timeoutMs: number;
}

function parseArgs(args: string[]): CliOptions {
  const options: CliOptions = { issueDir: DEMO_ISSUE, strict: false, quiet: false, timeoutMs: DEFAULT_TIMEOUT_MS };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--strict") options.strict = true;
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--out") options.outputRoot = args[++i];
    else if (arg === "--timeout") options.timeoutMs = Number(args[++i]) * 1000;
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new UsageError("give one issue folder");
  if (!(options.timeoutMs > 0)) throw new UsageError("--timeout takes a number of seconds");
  if (positional[0]) options.issueDir = resolve(positional[0]);
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
  const log = options.quiet ? () => {} : (line: string) => process.stdout.write(`newsprint ${line}\n`);
  const started = performance.now();
  try {
    const result = await build({ ...options, log });
    for (const warning of result.warnings) process.stderr.write(`warning: ${formatMessage(warning)}\n`);
    if (!options.quiet) {
      process.stdout.write(`${reportTable(renderReport(result.issue, result.layout, result.timings))}\n`);
      log(`wrote ${result.printPdf} and epaper.pdf in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof BuildError) {
      process.stderr.write(`newsprint: build failed, ${options.issueDir} (earlier output left in place)\n`);
      for (const message of error.messages) process.stderr.write(`error: ${formatMessage(message)}\n`);
      return error.exitCode;
    }
    process.stderr.write(`newsprint: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
