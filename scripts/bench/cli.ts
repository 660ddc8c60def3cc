// npm run bench [-- <issue-dir>] [--runs N] [--warmups N]: see bench.ts.
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../paths.js";
import { benchSummary, runBench } from "./bench.js";

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  args.splice(at, 2);
  return value;
}

const args = process.argv.slice(2);
try {
  const iterations = option(args, "--runs", 5);
  const warmups = option(args, "--warmups", 1);
  const issueDir = resolve(args[0] ?? resolve(PROJECT_ROOT, "content", "2023-11-07"));
  const result = await runBench({ issueDir, iterations, warmups, log: (line) => process.stdout.write(`bench ${line}\n`) });
  process.stdout.write(`${benchSummary(result)}\nwrote ${resolve(result.issueHtml, "..", "bench.json")}\n`);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
