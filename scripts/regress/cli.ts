// `npm run regress -- [issue-dir] [--update] …`: a thin shell over regress().
// Exit 0 when every page matches its approved image (or after --update),
// 1 when a page changed, lacks a baseline or disappeared; a failed build
// exits with the build's own code (README.md, "Exit codes").
import { resolve } from "node:path";
import { DEFAULT_TIMEOUT_MS } from "../build.js";
import { BuildError, ExitCode, formatMessage } from "../messages.js";
import { PROJECT_ROOT } from "../paths.js";
import { shownPath } from "./baselines.js";
import { pageLine, regress, type RegressOptions } from "./regress.js";

const DEMO_ISSUE = resolve(PROJECT_ROOT, "content", "2023-11-07");

/** Some page differs from, or has no, approved image. */
const EXIT_REGRESSED = 1;
/** Something other than the build failed: the rasterizer missing, an unreadable baseline. */
const EXIT_FAILED = 70;

const USAGE = `usage: npm run regress -- [issue-dir] [--update] [--rebuild] [--baselines DIR] [--out DIR] [--quiet]

  issue-dir        an issue folder; default: the demo issue
  --update         approve this build's pages as the new baselines
  --rebuild        build even if output/<issue-id>/ is newer than every input
  --baselines DIR  approved pages; default test/baselines/<issue-id>
  --out DIR        build into and read from DIR/<issue-id>/ instead of output/
  --timeout S      give up on a hung browser after S seconds (default ${DEFAULT_TIMEOUT_MS / 1000})
  --quiet          print only changed pages and errors`;

class UsageError extends Error {}

interface CliOptions extends RegressOptions {
  quiet: boolean;
}

function parseArgs(args: string[]): CliOptions {
  const options: CliOptions = { issueDir: DEMO_ISSUE, quiet: false };
  const positional: string[] = [];
  const value = (i: number, flag: string) => {
    const next = args[i];
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--update") options.update = true;
    else if (arg === "--rebuild") options.rebuild = true;
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--baselines") options.baselineDir = resolve(value(++i, arg));
    else if (arg === "--out") options.outputRoot = resolve(value(++i, arg));
    else if (arg === "--timeout") options.timeoutMs = Number(value(++i, arg)) * 1000;
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new UsageError("give one issue folder");
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) throw new UsageError("--timeout takes a number of seconds");
  if (positional[0]) options.issueDir = resolve(positional[0]);
  return options;
}

/** The command that approves what this run compared, for the hint after a failure. */
function approveCommand(options: CliOptions): string {
  const args = [
    options.issueDir === DEMO_ISSUE ? "" : shownPath(options.issueDir),
    options.baselineDir ? `--baselines ${shownPath(options.baselineDir)}` : "",
    options.outputRoot ? `--out ${shownPath(options.outputRoot)}` : "",
    "--update",
  ];
  return `npm run regress -- ${args.filter(Boolean).join(" ")}`;
}

async function main(args: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(args);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `newsprint regress: ${message}\n` : ""}${USAGE}\n`);
    return message ? ExitCode.Usage : ExitCode.Ok;
  }
  const out = (line: string) => process.stdout.write(`regress  ${line}\n`);
  const log = options.quiet ? () => {} : out;
  try {
    const result = await regress({ ...options, log });
    for (const warning of result.buildWarnings) process.stderr.write(`warning: ${formatMessage(warning)}\n`);
    for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
    for (const page of result.pages.filter((page) => page.status !== "unchanged")) process.stdout.write(`${pageLine(page, result.baselineDir)}\n`);
    log(result.summary);
    log(`report: ${shownPath(result.reportHtml)}`);
    if (options.update) {
      out(result.approved ? `approved ${result.pages.filter((page) => page.status !== "removed").length} pages of ${shownPath(result.epaperPdf)} into ${shownPath(result.baselineDir)}` : `nothing to approve: ${shownPath(result.baselineDir)} already holds this build`);
      return ExitCode.Ok;
    }
    if (!result.ok) out(`not approved. If every change is intended: ${approveCommand(options)}`);
    return result.ok ? ExitCode.Ok : EXIT_REGRESSED;
  } catch (error) {
    if (error instanceof BuildError) {
      process.stderr.write(`newsprint regress: the build of ${options.issueDir} failed\n`);
      for (const message of error.messages) process.stderr.write(`error: ${formatMessage(message)}\n`);
      return error.exitCode;
    }
    process.stderr.write(`newsprint regress: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
