// npm run watch [-- <issue-dir>] [--out DIR] [--timeout S]: see watch.ts.
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../paths.js";
import { watch } from "./watch.js";

const args = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const outputRoot = valueOf("--out");
const timeout = valueOf("--timeout");
const issueDir = resolve(args[0] ?? resolve(PROJECT_ROOT, "content", "2023-11-07"));
const watching = await watch({
  issueDir,
  outputRoot: outputRoot && resolve(outputRoot),
  timeoutMs: timeout ? Number(timeout) * 1000 : undefined,
  log: (line) => process.stdout.write(`newsprint ${line}\n`),
});
const stop = () => {
  void watching.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
