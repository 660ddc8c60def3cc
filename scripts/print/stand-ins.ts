// Photos through Chromium's PDF step without the cost. Measured on the demo
// issue: page.pdf() takes ~7x longer with its 29 photos than without them,
// growing with their pixel count, although Chromium embeds a plain JPEG byte
// for byte. So the page prints with stand-ins (same intrinsic size, a 3-pixel
// wide raster inside, see in-page/pictures.js), and afterwards every stand-in
// image in the PDF gets the photo's own bytes (press) or a screen copy
// (e-paper). The drawing (position, scale, clip) is Chromium's own, untouched.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { plainJpeg } from "./jpeg-header.js";

/** A picture as the page shows it: its URL and the widest box it fills, in CSS px. */
export interface PagePicture {
  url: string;
  boxWidthPx: number;
  naturalWidth: number;
  naturalHeight: number;
}

export interface StandIn {
  url: string;
  /** The photo file, its bytes, and its size in pixels. */
  file: string;
  jpeg: Buffer;
  width: number;
  height: number;
  iccProfile?: Buffer;
  boxWidthPx: number;
  /** The tiny raster that marks this picture in the printed PDF. */
  rasterWidth: number;
  rasterHeight: number;
}

/**
 * Stand-in rasters are 3 px wide and 1000 + n px high: a size no photo has, so
 * each image in the PDF of that size is known to be stand-in n.
 */
export const STAND_IN_RASTER_WIDTH = 3;
const STAND_IN_FIRST_HEIGHT = 1000;

export function standInIndex(width: number, height: number): number | undefined {
  return width === STAND_IN_RASTER_WIDTH && height >= STAND_IN_FIRST_HEIGHT ? height - STAND_IN_FIRST_HEIGHT : undefined;
}

/**
 * The pictures that can print through a stand-in: local plain JPEGs (see
 * jpeg-header.ts). Others print as they are.
 */
export async function planStandIns(pictures: PagePicture[], firstIndex = 0): Promise<StandIn[]> {
  const candidates = await Promise.all(
    pictures.map(async (picture) => {
      if (!picture.url.startsWith("file:")) return undefined;
      const file = fileURLToPath(picture.url);
      const jpeg = await readFile(file).catch(() => undefined);
      const plain = jpeg && plainJpeg(jpeg);
      // The header must agree with what the browser decoded, or the stand-in would not be a twin.
      if (!jpeg || !plain || plain.width !== picture.naturalWidth || plain.height !== picture.naturalHeight) return undefined;
      return { url: picture.url, file, jpeg, width: plain.width, height: plain.height, iccProfile: plain.iccProfile, boxWidthPx: picture.boxWidthPx };
    }),
  );
  return candidates
    .filter((candidate) => candidate !== undefined)
    .map((candidate, index) => ({ ...candidate, rasterWidth: STAND_IN_RASTER_WIDTH, rasterHeight: STAND_IN_FIRST_HEIGHT + firstIndex + index }));
}
