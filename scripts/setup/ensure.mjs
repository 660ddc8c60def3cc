#!/usr/bin/env node
// Makes a fresh machine ready before `npm run build` / `npm test` start: the
// npm packages, a Chromium, and (for the tests) poppler-utils. Plain Node with
// no dependencies, because it runs before node_modules exists.
// Usage: node scripts/setup/ensure.mjs [--for-tests]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const forTests = process.argv.includes("--for-tests");
const quiet = process.argv.includes("--quiet");

function say(line) {
  if (!quiet) process.stderr.write(`newsprint setup: ${line}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status ?? result.signal}`);
  }
}

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
let aptUpdated = false;

/** Installs Debian packages when we may (root with apt-get); otherwise says what to install. */
function aptInstall(packages, why) {
  if (!isRoot || !hasCommand("apt-get")) {
    throw new Error(`${why}: install the Debian packages ${packages.join(" ")} (needs root and apt-get).`);
  }
  say(`installing ${packages.join(" ")} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    execFileSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
    aptUpdated = true;
  }
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
}

function ensureNodeModules() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && existsSync(join(root, "node_modules", "puppeteer"))) return;
  say("installing npm packages (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** The same order as scripts/print/browser.ts: an explicit path wins, then a system Chromium. */
function ensureBrowser() {
  const explicit = process.env.NEWSPRINT_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`NEWSPRINT_CHROMIUM points at ${explicit}, which does not exist.`);
    return;
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(candidate)) return;
  }
  if (isRoot && hasCommand("apt-get")) {
    aptInstall(["chromium"], "no Chromium found for printing");
    return;
  }
  say("no system Chromium and no root to install one; trying Puppeteer's own browser download");
  run("npx", ["--no-install", "puppeteer", "browsers", "install", "chrome-headless-shell"]);
}

function ensurePoppler() {
  if (hasCommand("pdffonts") && hasCommand("pdftoppm") && hasCommand("pdftotext")) return;
  aptInstall(["poppler-utils"], "the tests read PDFs back with pdfinfo, pdftotext, pdffonts and pdftoppm");
}

try {
  ensureNodeModules();
  ensureBrowser();
  if (forTests) ensurePoppler();
} catch (error) {
  process.stderr.write(`newsprint setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
