// Renders the demo issue's photographs: procedurally painted, photo-like
// pictures listed in the manifests docs/demo-photos/*.tsv.
//
// Usage:
//   npx tsx scripts/demo/make-photos.ts [extra.tsv ...] [--out DIR]
//        [--only NAME[,NAME...]] [--no-docs] [--list-scenes]
//
//   extra.tsv       more manifests to read after docs/demo-photos/*.tsv
//   --out DIR       where the JPEGs go (default content/2023-11-07/images)
//   --only NAMES    render only these file names (comma-separated)
//   --no-docs       skip docs/demo-photos/*.tsv (read only the given manifests)
//   --list-scenes   print the scene names and exit
//
// Manifest lines are tab-separated: file name, scene, orientation, description.
// Blank lines and lines starting with # are skipped. Orientation is one of
// landscape (3:2), wide (2:1), portrait (2:3), square (1:1). A few scenes pick
// a variant from words in the description (see scenes.ts). Each picture is
// 1800 px on the long side, JPEG quality 0.8 (lowered until under 450 KB), and
// its randomness is seeded from the file name, so re-running gives the same
// bytes for the same line.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import puppeteer from "puppeteer";
import { SCENE_NAMES } from "./scenes.js";
import type { PhotoApi } from "./browser.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const DOCS_DIR = join(root, "docs", "demo-photos");
const DEFAULT_OUT = join(root, "content", "2023-11-07", "images");
const LONG_SIDE = 1800;
const MAX_BYTES = 450_000;
const START_QUALITY = 0.8;

const ORIENTATIONS: Record<string, [number, number]> = {
  landscape: [LONG_SIDE, (LONG_SIDE * 2) / 3],
  wide: [LONG_SIDE, LONG_SIDE / 2],
  portrait: [(LONG_SIDE * 2) / 3, LONG_SIDE],
  square: [LONG_SIDE, LONG_SIDE],
};

interface Entry {
  file: string;
  scene: string;
  orientation: string;
  description: string;
  where: string;
}

interface Args {
  manifests: string[];
  out: string;
  only: Set<string> | null;
  docs: boolean;
  listScenes: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { manifests: [], out: DEFAULT_OUT, only: null, docs: true, listScenes: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--out") args.out = resolve(value());
    else if (a === "--only") args.only = new Set(value().split(",").map((s) => s.trim()).filter(Boolean));
    else if (a === "--no-docs") args.docs = false;
    else if (a === "--list-scenes") args.listScenes = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(readUsage());
      process.exit(0);
    } else if (a.startsWith("--")) throw new Error(`unknown option ${a} (try --help)`);
    else args.manifests.push(resolve(a));
  }
  return args;
}

function readUsage(): string {
  return `Usage: npx tsx scripts/demo/make-photos.ts [extra.tsv ...] [--out DIR] [--only NAME,...] [--no-docs] [--list-scenes]\n` +
    `Scenes: ${SCENE_NAMES.join(", ")}\nOrientations: ${Object.keys(ORIENTATIONS).join(", ")}\n`;
}

/** Reads manifests; returns the good entries and a list of complaints (file:line: problem). */
async function readManifests(paths: string[]): Promise<{ entries: Entry[]; problems: string[] }> {
  const entries = new Map<string, Entry>();
  const problems: string[] = [];
  for (const path of paths) {
    const text = await readFile(path, "utf8");
    text.split(/\r?\n/).forEach((raw, index) => {
      const where = `${path}:${index + 1}`;
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const cols = raw.split("\t").map((c) => c.trim());
      const [file = "", scene = "", orientation = "", ...rest] = cols;
      if (index === 0 && scene.toLowerCase() === "scene") return; // a header row
      if (cols.length < 3) {
        problems.push(`${where}: expected "file<TAB>scene<TAB>orientation<TAB>description", got ${JSON.stringify(raw)}`);
        return;
      }
      if (!/^[\w.-]+\.jpe?g$/i.test(file)) {
        problems.push(`${where}: file name ${JSON.stringify(file)} must be a plain name ending in .jpg`);
        return;
      }
      if (!SCENE_NAMES.includes(scene)) {
        problems.push(`${where}: unknown scene ${JSON.stringify(scene)} for ${file}; known scenes: ${SCENE_NAMES.join(", ")}`);
        return;
      }
      const orient = orientation.toLowerCase();
      if (!(orient in ORIENTATIONS)) {
        problems.push(`${where}: unknown orientation ${JSON.stringify(orientation)} for ${file}; use ${Object.keys(ORIENTATIONS).join(", ")}`);
        return;
      }
      const entry: Entry = { file, scene, orientation: orient, description: rest.join(" "), where };
      const seen = entries.get(file);
      if (seen && (seen.scene !== scene || seen.orientation !== orient)) {
        problems.push(`${where}: ${file} is already listed at ${seen.where} as ${seen.scene}/${seen.orientation}; keeping the first`);
        return;
      }
      if (!seen) entries.set(file, entry);
    });
  }
  return { entries: [...entries.values()], problems };
}

async function bundleBrowserCode(): Promise<string> {
  const result = await build({
    entryPoints: [join(here, "browser.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.listScenes) {
    process.stdout.write(SCENE_NAMES.join("\n") + "\n");
    return;
  }
  const docs = args.docs
    ? (await readdir(DOCS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith(".tsv")).sort().map((f) => join(DOCS_DIR, f))
    : [];
  const { entries, problems } = await readManifests([...docs, ...args.manifests]);
  for (const p of problems) process.stderr.write(`make-photos: ${p}\n`);
  const todo = args.only ? entries.filter((e) => args.only!.has(e.file)) : entries;
  if (args.only) for (const name of args.only) if (!entries.some((e) => e.file === name)) process.stderr.write(`make-photos: --only ${name}: not in any manifest\n`);
  process.stderr.write(`make-photos: ${todo.length} picture(s) from ${docs.length + args.manifests.length} manifest(s) -> ${args.out}\n`);
  if (todo.length === 0) {
    process.exitCode = problems.length ? 1 : 0;
    return;
  }
  await mkdir(args.out, { recursive: true });

  const script = await bundleBrowserCode();
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    protocolTimeout: 300_000,
  });
  try {
    const page = await browser.newPage();
    page.on("pageerror", (err) => process.stderr.write(`make-photos: page error: ${err}\n`));
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: script });
    for (const e of todo) {
      const [w, h] = ORIENTATIONS[e.orientation]!;
      const ms = await page.evaluate(
        (scene, seed, w, h, hint) => (globalThis as unknown as { photoDemo: PhotoApi }).photoDemo.render(scene, seed, w, h, hint),
        e.scene, e.file, w, h, e.description,
      );
      let quality = START_QUALITY;
      let bytes: Buffer;
      for (;;) {
        const url = await page.evaluate((q) => (globalThis as unknown as { photoDemo: PhotoApi }).photoDemo.encode(q), quality);
        bytes = Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
        if (bytes.length <= MAX_BYTES || quality <= 0.35) break;
        quality = Math.round((quality - 0.05) * 100) / 100;
      }
      const target = join(args.out, e.file);
      const tmp = join(args.out, `.${basename(e.file)}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, target);
      process.stderr.write(
        `  ${e.file.padEnd(36)} ${e.scene.padEnd(18)} ${w}x${h}  ${(bytes.length / 1024).toFixed(0).padStart(4)} KB  q=${quality.toFixed(2)}  ${(ms / 1000).toFixed(1)}s\n`,
      );
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    process.stderr.write(`make-photos: ${problems.length} manifest problem(s), see above\n`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`make-photos: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
