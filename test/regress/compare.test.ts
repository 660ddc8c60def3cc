// The pixel comparison on small images made in code: what counts as a change,
// how much, and what the diff shows.
import { describe, expect, it } from "vitest";
import { COMPARE_SETTINGS, comparePixels, decodePng, encodePng, type Raster } from "../../scripts/regress/compare.js";
import { percent } from "../../scripts/regress/report-html.js";

/** A white page with black text-like bars, `width` × `height`. */
function page(width = 120, height = 160): Raster {
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = 20; y < height - 20; y += 12) {
    for (let x = 10; x < width - 10; x++) {
      for (const row of [y, y + 1, y + 2]) data.set([0, 0, 0, 255], (row * width + x) * 4);
    }
  }
  return { width, height, data };
}

function withPixels(image: Raster, pixels: [x: number, y: number, rgb: [number, number, number]][]): Raster {
  const data = new Uint8Array(image.data);
  for (const [x, y, rgb] of pixels) data.set([...rgb, 255], (y * image.width + x) * 4);
  return { ...image, data };
}

describe("comparePixels", () => {
  it("finds nothing changed on identical pages", () => {
    const result = comparePixels(page(), page());
    expect(result).toMatchObject({ changedPixels: 0, changedShare: 0, changed: false, sizeChanged: false });
  });

  it("counts a single changed pixel as a change, with its share of the page", () => {
    const result = comparePixels(page(), withPixels(page(), [[60, 5, [0, 0, 0]]]));
    expect(result.changedPixels).toBe(1);
    expect(result.changed).toBe(true);
    expect(result.changedShare).toBeCloseTo(1 / (120 * 160), 10);
    // Red where the page changed.
    const at = (5 * 120 + 60) * 4;
    expect([...result.diff.data.subarray(at, at + 3)]).toEqual([255, 0, 0]);
  });

  it("counts a rule moved down by one pixel (no anti-aliasing excuse)", () => {
    const moved = page();
    const shifted = new Uint8Array(moved.data.length).fill(255);
    shifted.set(moved.data.subarray(0, moved.data.length - moved.width * 4), moved.width * 4);
    const result = comparePixels(page(), { ...moved, data: shifted });
    expect(COMPARE_SETTINGS.includeAA).toBe(true);
    // Each bar gains a row at the bottom and loses one at the top.
    expect(result.changedPixels).toBeGreaterThan(2 * 100 * 5);
    expect(result.changed).toBe(true);
  });

  it("lets a colour shift below the threshold pass and counts one above it", () => {
    const grey = (level: number) => withPixels(page(), [[60, 5, [level, level, level]]]);
    expect(comparePixels(page(), grey(245)).changedPixels).toBe(0);
    expect(comparePixels(page(), grey(180)).changedPixels).toBe(1);
  });

  it("reports a page of another size as changed, compared on the larger canvas", () => {
    const result = comparePixels(page(120, 160), page(120, 170));
    expect(result.sizeChanged).toBe(true);
    expect(result.changed).toBe(true);
    expect(result.diff.width).toBe(120);
    expect(result.diff.height).toBe(170);
  });

  it("outlines the changed area in blue, so a few changed pixels can be found", () => {
    const result = comparePixels(page(), withPixels(page(), [[70, 74, [0, 0, 0]]]));
    expect(result.changedPixels).toBe(1);
    // The tile x, y = 64..95 holds the change: its top edge is painted blue.
    const at = (64 * 120 + 80) * 4;
    expect([...result.diff.data.subarray(at, at + 3)]).toEqual([0, 90, 255]);
  });
});

describe("PNG round trip", () => {
  it("gives back the same pixels it was given", () => {
    const original = withPixels(page(), [[3, 4, [200, 10, 30]]]);
    const back = decodePng(encodePng(original));
    expect(back.width).toBe(original.width);
    expect(Buffer.from(back.data).equals(Buffer.from(original.data))).toBe(true);
  });

  it("names the file it cannot read", () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3]), "test/baselines/x/page-01.png")).toThrow(/page-01\.png/);
  });
});

describe("percent", () => {
  it("never shows a changed page as 0.00%", () => {
    expect(percent(0.0421)).toBe("4.21%");
    expect(percent(160 / (1106 * 1531))).toBe("0.0094%");
    expect(percent(0)).toBe("0.00%");
  });
});
