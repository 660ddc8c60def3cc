// The baseline folder: what approving writes, and which images are trusted.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { approveBaselines, baselineImageState, MANIFEST_FILE, readManifest, sha256 } from "../../scripts/regress/baselines.js";
import { decodePng, encodePng, pixelHash } from "../../scripts/regress/compare.js";
import type { RasterizerSettings } from "../../scripts/regress/rasterize.js";
import { tempDir } from "./fixtures.js";

const rasterizer: RasterizerSettings = { tool: "pdftoppm", version: "22.12.0", dpi: 72, flags: ["-aa", "no", "-aaVector", "no"] };
const SHA = "a".repeat(64);

function pngFile(dir: string, name: string, shade: number): string {
  const file = join(dir, name);
  writeFileSync(file, encodePng({ width: 2, height: 2, data: new Uint8Array(16).fill(shade) }));
  return file;
}

function approvePages(dir: string, pageCount: number) {
  const scratch = tempDir("pngs");
  const pages = Array.from({ length: pageCount }, (_, i) => {
    const png = pngFile(scratch, `r-${i + 1}.png`, 40 * i);
    return { no: i + 1, section: `版${i + 1}`, png, pixelsSha256: pixelHash(decodePng(readFileSync(png))) };
  });
  return approveBaselines(dir, { issue: "2024-05-01", epaperSha256: SHA, rasterizer, pages });
}

describe("approveBaselines", () => {
  it("writes page-NN.png and a manifest with the PDF's hash, the rasterizer and each image's hash", () => {
    const dir = tempDir("baselines");
    approvePages(dir, 3);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, "page-01.png", "page-02.png", "page-03.png"]);
    const manifest = readManifest(dir)!;
    expect(manifest.epaperSha256).toBe(SHA);
    expect(manifest.rasterizer).toEqual(rasterizer);
    expect(manifest.pages.map((page) => page.section)).toEqual(["版1", "版2", "版3"]);
    const png = readFileSync(join(dir, "page-02.png"));
    expect(manifest.pages[1]!.sha256).toBe(sha256(png));
    expect(manifest.pages[1]!.pixelsSha256).toBe(pixelHash(decodePng(png)));
    expect(manifest.pages[1]!.pixelsSha256).not.toBe(manifest.pages[0]!.pixelsSha256);
  });

  it("removes the images of pages the issue no longer has", () => {
    const dir = tempDir("baselines");
    approvePages(dir, 3);
    approvePages(dir, 2);
    expect(existsSync(join(dir, "page-03.png"))).toBe(false);
    expect(readManifest(dir)!.pages).toHaveLength(2);
  });

  it("writes the same bytes when the same pages are approved again (no dates)", () => {
    const dir = tempDir("baselines");
    approvePages(dir, 2);
    const first = readFileSync(join(dir, MANIFEST_FILE));
    approvePages(dir, 2);
    expect(readFileSync(join(dir, MANIFEST_FILE)).equals(first)).toBe(true);
  });
});

describe("baselineImageState", () => {
  it("trusts an image only when it is the one approved", () => {
    const dir = tempDir("baselines");
    const manifest = approvePages(dir, 2);
    expect(baselineImageState(dir, manifest.pages[0])).toBe("ok");
    expect(baselineImageState(dir, undefined)).toBe("missing");
    pngFile(dir, "page-02.png", 99);
    expect(baselineImageState(dir, manifest.pages[1])).toBe("altered");
  });
});

describe("readManifest", () => {
  it("is undefined for a folder with nothing approved, and names a broken manifest", () => {
    const dir = tempDir("baselines");
    expect(readManifest(dir)).toBeUndefined();
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ issue: "x", epaperSha256: "nope" }));
    expect(() => readManifest(dir)).toThrow(/baseline\.json: epaperSha256/);
  });
});
