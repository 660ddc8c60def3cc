// Checks picture files: they exist inside the issue folder, are JPEG, PNG or
// WebP, are complete, and reports their size in pixels as the browser will
// show them (EXIF rotation applied). Results are cached per file, as one
// picture may be used by several articles.
import { readFile, realpath, stat } from "node:fs/promises";
import { relative } from "node:path";
import { imageSize } from "image-size";
import type { ImageRef } from "../types.js";
import { jpegProblem, pngProblem, webpProblem } from "./image-integrity.js";
import { isInside } from "./image-refs.js";

export type ImageCheck = { ok: true; image: ImageRef } | { ok: false; ruleId: string; reason: string };

type Kind = "jpeg" | "png" | "webp";

export class ImageFiles {
  private readonly checked = new Map<string, Promise<ImageCheck>>();

  constructor(private readonly issueDir: string) {}

  check(abs: string): Promise<ImageCheck> {
    let result = this.checked.get(abs);
    if (!result) {
      result = this.checkFile(abs);
      this.checked.set(abs, result);
    }
    return result;
  }

  private async checkFile(abs: string): Promise<ImageCheck> {
    const rel = relative(this.issueDir, abs).split("\\").join("/");
    const info = await stat(abs).catch(() => undefined);
    if (!info) return { ok: false, ruleId: "image-missing", reason: `not found: ${rel} does not exist` };
    if (!info.isFile()) return { ok: false, ruleId: "image-missing", reason: `${rel} is a folder, not a picture` };
    // A symlink could lead out of the issue folder even when the path does not.
    const [realFile, realDir] = await Promise.all([realpath(abs), realpath(this.issueDir)]);
    if (!isInside(realDir, realFile)) return { ok: false, ruleId: "image-path", reason: `${rel} is a link to a file outside the issue folder` };

    const bytes = await readFile(abs);
    if (bytes.length === 0) return { ok: false, ruleId: "image-decode", reason: `${rel} is empty (0 bytes)` };
    const kind = sniff(bytes);
    if (typeof kind !== "string") {
      const what = kind ? `is ${kind.other}` : "is not a picture file";
      return { ok: false, ruleId: "image-format", reason: `${rel} cannot be decoded: it ${what}; pictures must be JPEG, PNG or WebP` };
    }
    const problem = kind === "jpeg" ? jpegProblem(bytes) : kind === "png" ? await pngProblem(bytes) : webpProblem(bytes);
    if (problem) return { ok: false, ruleId: "image-decode", reason: `${rel} ${problem}` };

    let size: ReturnType<typeof imageSize>;
    try {
      size = imageSize(bytes);
    } catch (error) {
      return { ok: false, ruleId: "image-decode", reason: `${rel} cannot be decoded: ${(error as Error).message}` };
    }
    if (!size.width || !size.height) return { ok: false, ruleId: "image-decode", reason: `${rel} cannot be decoded: it has no size` };
    // EXIF orientations 5-8 turn the picture by 90°; browsers apply them.
    const turned = size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8;
    return { ok: true, image: { path: abs, widthPx: turned ? size.height : size.width, heightPx: turned ? size.width : size.height } };
  }
}

/** The picture format from the file's first bytes (the extension may lie). */
function sniff(bytes: Buffer): Kind | { other: string } | undefined {
  const ascii = (from: number, to: number): string => bytes.toString("latin1", from, to);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47) return "png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 4) === "GIF8") return { other: "a GIF" };
  if (ascii(0, 2) === "BM") return { other: "a BMP" };
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return { other: "a TIFF" };
  if (ascii(4, 8) === "ftyp") return { other: /avi[fs]/.test(ascii(8, 12)) ? "an AVIF" : "a HEIC/HEIF (iPhone) picture" };
  if (ascii(0, 4) === "%PDF") return { other: "a PDF" };
  if (/<svg[\s>]/i.test(bytes.toString("utf8", 0, Math.min(bytes.length, 1024)))) return { other: "an SVG" };
  return undefined;
}
