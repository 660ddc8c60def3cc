// Compares one rendered page with its approved image, pixel by pixel, with
// pixelmatch, and draws the difference for the report.
import { createHash } from "node:crypto";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface CompareSettings {
  /**
   * pixelmatch's colour-distance threshold (0-1, in YIQ space): 0.1, its
   * default. Builds are byte-identical and the rasterizer is pinned, so pixels
   * do not drift by themselves; the threshold only lets colour shifts too
   * small to see (a grey step under ~26/255) pass, while every changed glyph,
   * rule, photo or tint counts.
   */
  threshold: number;
  /**
   * true: count every differing pixel. Pages are rendered without
   * anti-aliasing, so there is no edge shading to excuse, and pixelmatch's
   * anti-aliasing detection would excuse exactly what must be caught: a rule
   * or a line of type moved by one pixel.
   */
  includeAA: boolean;
  /** A page with more changed pixels than this is reported; 0: any changed pixel. */
  maxChangedPixels: number;
}

export const COMPARE_SETTINGS: Readonly<CompareSettings> = { threshold: 0.1, includeAA: true, maxChangedPixels: 0 };

const DIFF_COLOR: [number, number, number] = [255, 0, 0];
/** Yellow: never a colour of the greyed background, so anti-aliased pixels can be counted from the diff. */
const AA_COLOR: [number, number, number] = [255, 255, 0];

export interface PageComparison {
  /** Pixels that count as changed (anti-aliasing excluded unless includeAA). */
  changedPixels: number;
  /** Differing pixels that pixelmatch judged to be anti-aliasing. */
  antialiasedPixels: number;
  /** Pixels compared: the larger of the two pages in each dimension. */
  totalPixels: number;
  /** changedPixels / totalPixels, 0-1. */
  changedShare: number;
  /** The two images are not the same size (the page or the dpi changed). */
  sizeChanged: boolean;
  changed: boolean;
  /** Red: changed, yellow: anti-aliasing only (when not counted), over a faded copy of the expected page; changed areas outlined in blue. */
  diff: Raster;
}

/** `image` on a white canvas of `width` × `height`, so pages of different sizes can still be compared. */
function padTo(image: Raster, width: number, height: number): Raster {
  if (image.width === width && image.height === height) return image;
  const data = new Uint8Array(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    data.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** Side of the squares that outline changed areas in the diff, px. */
const MARK_TILE = 32;
const MARK_COLOR: [number, number, number] = [0, 90, 255];

function isColor(data: Uint8Array, offset: number, [r, g, b]: [number, number, number]): boolean {
  return data[offset] === r && data[offset + 1] === g && data[offset + 2] === b;
}

/**
 * Outlines the changed areas of a diff in blue: a handful of changed
 * characters is a few dozen red pixels, too small to find on a page without it.
 * The outline follows the 32 px tiles that hold a change, drawn only where a
 * tile borders an unchanged one, so neighbouring tiles make one area.
 */
function outlineChanges(diff: Raster): void {
  const columns = Math.ceil(diff.width / MARK_TILE);
  const rows = Math.ceil(diff.height / MARK_TILE);
  const marked = new Uint8Array(columns * rows);
  for (let y = 0; y < diff.height; y++) {
    for (let x = 0; x < diff.width; x++) {
      if (isColor(diff.data, (y * diff.width + x) * 4, DIFF_COLOR)) marked[Math.floor(y / MARK_TILE) * columns + Math.floor(x / MARK_TILE)] = 1;
    }
  }
  const isMarked = (column: number, row: number) => column >= 0 && row >= 0 && column < columns && row < rows && marked[row * columns + column] === 1;
  const paint = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= diff.width || y >= diff.height) return;
    const offset = (y * diff.width + x) * 4;
    [diff.data[offset], diff.data[offset + 1], diff.data[offset + 2], diff.data[offset + 3]] = [...MARK_COLOR, 255];
  };
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (!isMarked(column, row)) continue;
      const left = column * MARK_TILE;
      const top = row * MARK_TILE;
      for (let i = 0; i < MARK_TILE; i++) {
        for (const t of [0, 1]) {
          if (!isMarked(column, row - 1)) paint(left + i, top + t);
          if (!isMarked(column, row + 1)) paint(left + i, top + MARK_TILE - 1 - t);
          if (!isMarked(column - 1, row)) paint(left + t, top + i);
          if (!isMarked(column + 1, row)) paint(left + MARK_TILE - 1 - t, top + i);
        }
      }
    }
  }
}

function countColor(image: Raster, color: [number, number, number]): number {
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (isColor(image.data, i, color)) count++;
  return count;
}

export function comparePixels(expected: Raster, actual: Raster, settings: CompareSettings = COMPARE_SETTINGS): PageComparison {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const sizeChanged = expected.width !== actual.width || expected.height !== actual.height;
  const diff: Raster = { width, height, data: new Uint8Array(width * height * 4) };
  const changedPixels = pixelmatch(padTo(expected, width, height).data, padTo(actual, width, height).data, diff.data, width, height, {
    threshold: settings.threshold,
    includeAA: settings.includeAA,
    diffColor: DIFF_COLOR,
    aaColor: AA_COLOR,
    alpha: 0.15,
  });
  const antialiasedPixels = settings.includeAA ? 0 : countColor(diff, AA_COLOR);
  if (changedPixels > 0) outlineChanges(diff);
  const totalPixels = width * height;
  return {
    changedPixels,
    antialiasedPixels,
    totalPixels,
    changedShare: changedPixels / totalPixels,
    sizeChanged,
    changed: sizeChanged || changedPixels > settings.maxChangedPixels,
    diff,
  };
}

/**
 * sha256 of the RGBA pixels: equal hashes mean equal pages, which spares
 * decoding the approved PNG and running pixelmatch for every unchanged page.
 */
export function pixelHash(image: Raster): string {
  return createHash("sha256").update(`${image.width}x${image.height}:`).update(image.data).digest("hex");
}

export function decodePng(bytes: Uint8Array, file = "image"): Raster {
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (error) {
    throw new Error(`${file} is not a readable PNG: ${(error as Error).message}`);
  }
}

/**
 * RGB PNG (alpha is always opaque here). Paeth filter with zlib's
 * Z_FILTERED strategy at level 6: ~0.1 s and ~0.33 MB for a demo page, within
 * 4% of libpng's size at a sixth of pdftoppm's time; pngjs's default (Z_RLE)
 * would make the baselines a third larger.
 */
export function encodePng(image: Raster): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType: 2, filterType: 4, deflateLevel: 6, deflateStrategy: 1 });
}
