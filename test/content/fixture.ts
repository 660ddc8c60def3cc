// Builds small issue folders in a temp dir for the content-stage tests, and
// tiny valid and broken pictures, all made in code.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

/**
 * Writes `files` (path relative to the issue folder -> content) into a fresh
 * issue folder named 2024-05-01 and returns its absolute path. A key ending
 * in "/" makes an empty folder.
 */
export async function makeIssue(files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "newsprint-content-")), "2024-05-01");
  await mkdir(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    if (rel.endsWith("/")) {
      await mkdir(abs, { recursive: true });
      continue;
    }
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return dir;
}

/** issue.yaml for pages 1..pageCount; `extra` lines are appended verbatim. */
export function issueYaml(pageCount = 2, extra = ""): string {
  const pages = Array.from({ length: pageCount }, (_, index) => `  - no: ${index + 1}\n    section: 版${index + 1}\n`).join("");
  return `paper:\n  name: 测试日报\n  cn: CN 11-0001\n  postal_code: 1-23\ndate: 2024-05-01\nnumber: 12\n${extra}pages:\n${pages}`;
}

/** An article file: front matter from `fields` (written verbatim), then the body. */
export function article(fields: Record<string, string | number>, body = "正文第一段。\n"): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** A valid issue with one article per page; override or add files as needed. */
export function validFiles(pageCount = 2, overrides: Record<string, string | Buffer> = {}): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = { "issue.yaml": issueYaml(pageCount) };
  for (let no = 1; no <= pageCount; no++) {
    files[`pages/${String(no).padStart(2, "0")}/01.md`] = article({ title: `第${no}版头条` });
  }
  return { ...files, ...overrides };
}

// ---------------------------------------------------------------- pictures

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of the given size (a grey ramp). */
export function tinyPng(width = 4, height = 3): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, (y * 40) & 0xff);
    row[0] = 0; // filter: none
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** 8 x 6 baseline JPEG made with ImageMagick. */
export const tinyJpeg = (): Buffer =>
  Buffer.from(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAXEAEAAwAAAAAAAAAAAAAAAAAAAxVh/8QAFQEBAQAAAAAAAAAAAAAAAAAABQf/xAAZEQACAwEAAAAAAAAAAAAAAAAABQEWUwL/2gAMAwEAAhEDEQA/AIndy6AsNZVYcidhZ7Sf/9k=",
    "base64",
  );

/** 8 x 6 lossy WebP made with ImageMagick. */
export const tinyWebp = (): Buffer =>
  Buffer.from("UklGRlYAAABXRUJQVlA4IEoAAABwAwCdASoIAAYAAUAmJagCdLcAlgH8A/ADFAP0A9/8D0QCteAA/vp3sZmXDex/6tPiRL/5afEiX/5aF/y0L/5Kq4IhyttUEpHYAA==", "base64");

/** 4 x 4 GIF: a real picture in a format the pipeline does not take. */
export const tinyGif = (): Buffer => Buffer.from("R0lGODlhBAAEAPAAAP8AAAAAACH5BAAAAAAALAAAAAAEAAQAAAIEhI8JBQA7", "base64");

/** The JPEG with an EXIF block saying "rotate 90°" (orientation 6). */
export function jpegWithOrientation(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("II*\0", 0, "latin1");
  tiff.writeUInt32LE(8, 4); // first IFD offset
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // count
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  const jpeg = tinyJpeg();
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)]);
}

/** The first `fraction` of a file, as a broken download leaves it. */
export const truncated = (bytes: Buffer, fraction = 0.6): Buffer => bytes.subarray(0, Math.floor(bytes.length * fraction));

/** A PNG whose image data is damaged but whose length is intact. */
export function pngWithBadCrc(): Buffer {
  const png = Buffer.from(tinyPng());
  const idat = png.indexOf("IDAT", 0, "latin1");
  png[idat + 6] = png[idat + 6]! ^ 0xff;
  return png;
}
