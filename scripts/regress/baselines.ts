// The approved look of an issue: one PNG per e-paper page (page-NN.png) and
// baseline.json with the sha256 of the e-paper PDF they were rendered from
// and the rasterizer settings. Kept in the repo under test/baselines/<issue-id>/.
// Only approveBaselines() writes here, and only `npm run regress -- --update`
// calls it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../paths.js";
import type { RasterizerSettings } from "./rasterize.js";

export const MANIFEST_FILE = "baseline.json";
const PAGE_IMAGE = /^page-(\d+)\.png$/;

export interface BaselinePage {
  no: number;
  section: string;
  /** File name inside the baseline folder, "page-03.png". */
  file: string;
  /** sha256 of the PNG, so an edited or swapped image is not trusted. */
  sha256: string;
  /** pixelHash() of its pixels, so an unchanged page is known without decoding the PNG. */
  pixelsSha256: string;
}

export interface BaselineManifest {
  issue: string;
  /** sha256 of the e-paper PDF the pages were rendered from. */
  epaperSha256: string;
  rasterizer: RasterizerSettings;
  pages: BaselinePage[];
}

const manifestSchema = z.object({
  issue: z.string(),
  epaperSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rasterizer: z.object({ tool: z.literal("pdftoppm"), version: z.string(), dpi: z.number().positive(), flags: z.array(z.string()) }),
  pages: z.array(z.object({ no: z.number().int().positive(), section: z.string(), file: z.string().regex(PAGE_IMAGE), sha256: z.string(), pixelsSha256: z.string() })),
});

export function defaultBaselineDir(issueId: string): string {
  return join(PROJECT_ROOT, "test", "baselines", issueId);
}

export function pageImageName(no: number): string {
  return `page-${String(no).padStart(2, "0")}.png`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/** A path for messages: relative to the project when inside it. */
export function shownPath(file: string): string {
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith("..") ? file : rel;
}

/** The manifest, or undefined when the folder has none (nothing approved yet). */
export function readManifest(dir: string): BaselineManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${shownPath(file)}: not valid JSON (${(error as Error).message}); approve again with npm run regress -- --update`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0]!;
    throw new Error(`${shownPath(file)}: ${problem.path.join(".") || "(root)"}: ${problem.message}; approve again with npm run regress -- --update`);
  }
  return parsed.data;
}

export type BaselineImageState = "ok" | "missing" | "altered";

/** Whether a page's approved image is there and is the one the manifest approved. */
export function baselineImageState(dir: string, page: BaselinePage | undefined): BaselineImageState {
  if (!page) return "missing";
  const file = join(dir, page.file);
  if (!existsSync(file)) return "missing";
  return sha256File(file) === page.sha256 ? "ok" : "altered";
}

export interface ApprovedPage {
  no: number;
  section: string;
  /** The PNG to keep. */
  png: string;
  /** pixelHash() of its pixels, known from the comparison. */
  pixelsSha256: string;
}

export interface Approval {
  issue: string;
  epaperSha256: string;
  rasterizer: RasterizerSettings;
  pages: ApprovedPage[];
}

/**
 * Makes `approval` the baseline: copies each page's PNG in, removes images of
 * pages the issue no longer has, writes the manifest. The manifest holds no
 * date, so approving an unchanged issue leaves the folder byte for byte as it was.
 */
export function approveBaselines(dir: string, approval: Approval): BaselineManifest {
  mkdirSync(dir, { recursive: true });
  const pages = approval.pages.map((page): BaselinePage => {
    const file = pageImageName(page.no);
    const png = readFileSync(page.png);
    writeFileSync(join(dir, file), png);
    return { no: page.no, section: page.section, file, sha256: sha256(png), pixelsSha256: page.pixelsSha256 };
  });
  const kept = new Set(pages.map((page) => page.file));
  for (const file of readdirSync(dir)) {
    if (PAGE_IMAGE.test(file) && !kept.has(file)) rmSync(join(dir, file));
  }
  const manifest: BaselineManifest = { issue: approval.issue, epaperSha256: approval.epaperSha256, rasterizer: approval.rasterizer, pages };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
