// Checks that a picture file is complete and well-formed, without a full
// decode: every JPEG segment is walked up to the end-of-image marker, every
// PNG chunk's CRC is checked and its image data is inflated to the size the
// header promises, every WebP chunk must fit the RIFF container. This catches
// truncated downloads, garbage and half-written files, which image-size alone
// (it reads only the header) lets through.
import { createInflate, crc32 } from "node:zlib";

/** A short phrase completing "image X …", or undefined when the file is sound. */
export type IntegrityProblem = string | undefined;

// ---------------------------------------------------------------- JPEG

const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isRestart = (marker: number): boolean => marker >= 0xd0 && marker <= 0xd7;

export function jpegProblem(buf: Buffer): IntegrityProblem {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return "is not a JPEG file (no start-of-image marker)";
  const truncated = "is truncated: the file ends before the JPEG end-of-image marker";
  let pos = 2;
  let sawFrame = false;
  let sawScan = false;
  while (pos < buf.length) {
    if (buf[pos] !== 0xff) return `cannot be decoded: expected a JPEG marker at byte ${pos}`;
    while (pos < buf.length && buf[pos] === 0xff) pos++; // fill bytes
    if (pos >= buf.length) return truncated;
    const marker = buf[pos++]!;
    if (marker === 0xd9) return sawScan ? undefined : "cannot be decoded: it has no image data";
    if (marker === 0x01 || isRestart(marker)) continue; // markers without a length
    if (marker === 0x00 || marker === 0xd8) return `cannot be decoded: unexpected marker at byte ${pos - 2}`;
    if (pos + 2 > buf.length) return truncated;
    const length = buf.readUInt16BE(pos);
    if (length < 2) return `cannot be decoded: bad segment length at byte ${pos}`;
    const end = pos + length;
    if (end > buf.length) return truncated;
    if (isStartOfFrame(marker)) {
      if (length < 8) return "cannot be decoded: the frame header is too short";
      if (buf.readUInt16BE(pos + 5) === 0 || buf.readUInt16BE(pos + 3) === 0) return "cannot be decoded: the frame header gives a zero size";
      sawFrame = true;
    }
    pos = end;
    if (marker === 0xda) {
      if (!sawFrame) return "cannot be decoded: image data comes before the frame header";
      sawScan = true;
      const next = endOfEntropyData(buf, pos);
      if (next < 0) return truncated;
      pos = next;
    }
  }
  return truncated;
}

/**
 * Entropy-coded data runs until the first marker that is neither a stuffed
 * 0xFF00 nor a restart marker; returns its offset, or -1 at end of file.
 */
function endOfEntropyData(buf: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    pos = buf.indexOf(0xff, pos);
    if (pos < 0 || pos + 1 >= buf.length) return -1;
    const next = buf[pos + 1]!;
    if (next === 0x00 || isRestart(next)) pos += 2;
    else if (next === 0xff) pos += 1;
    else return pos;
  }
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by colour type; absent = invalid colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface PngHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
  colorType: number;
}

export async function pngProblem(buf: Buffer): Promise<IntegrityProblem> {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return "is not a PNG file (bad signature)";
  let pos = 8;
  let header: PngHeader | undefined;
  let sawPalette = false;
  let sawEnd = false;
  const data: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const dataEnd = pos + 8 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return `cannot be decoded: bad PNG chunk at byte ${pos}`;
    if (dataEnd + 4 > buf.length) return `is truncated: the file ends inside the ${type} chunk`;
    if ((crc32(buf.subarray(pos + 4, dataEnd)) >>> 0) !== buf.readUInt32BE(dataEnd)) return `is corrupt: the ${type} chunk at byte ${pos} fails its CRC check`;
    if (!header && type !== "IHDR") return "cannot be decoded: the PNG does not start with an IHDR chunk";
    const body = buf.subarray(pos + 8, dataEnd);
    if (type === "IHDR") {
      const parsed = readPngHeader(body);
      if (typeof parsed === "string") return parsed;
      header = parsed;
    } else if (type === "PLTE") sawPalette = true;
    else if (type === "IDAT") data.push(body);
    else if (type === "IEND") {
      sawEnd = true;
      break;
    }
    pos = dataEnd + 4;
  }
  if (!sawEnd || !header) return "is truncated: the file ends before the PNG IEND chunk";
  if (data.length === 0) return "cannot be decoded: the PNG has no image data (IDAT)";
  if (header.colorType === 3 && !sawPalette) return "cannot be decoded: a palette PNG without its palette (PLTE)";
  return inflatedDataProblem(data, header);
}

function readPngHeader(body: Buffer): PngHeader | string {
  if (body.length !== 13) return "cannot be decoded: bad PNG header (IHDR)";
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const [bitDepth, colorType, compression, filter, interlace] = [body[8]!, body[9]!, body[10]!, body[11]!, body[12]!];
  if (width === 0 || height === 0) return "cannot be decoded: the PNG header gives a zero size";
  const channels = CHANNELS[colorType];
  if (channels === undefined || !BIT_DEPTHS[colorType]!.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) {
    return "cannot be decoded: unsupported or invalid PNG header values";
  }
  return { width, height, bitsPerPixel: channels * bitDepth, interlaced: interlace === 1, colorType };
}

/** Bytes of filtered scanlines the header promises (one filter byte per row). */
function expectedDataBytes(header: PngHeader): number {
  const rowBytes = (width: number): number => Math.ceil((width * header.bitsPerPixel) / 8);
  if (!header.interlaced) return header.height * (1 + rowBytes(header.width));
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const width = header.width > x0 ? Math.ceil((header.width - x0) / dx) : 0;
    const height = header.height > y0 ? Math.ceil((header.height - y0) / dy) : 0;
    if (width > 0 && height > 0) total += height * (1 + rowBytes(width));
  }
  return total;
}

/**
 * Inflates the image data as a stream (nothing is kept, so big pictures cost
 * no memory), checks each row's filter byte and that every row is there.
 */
function inflatedDataProblem(data: Buffer[], header: PngHeader): Promise<IntegrityProblem> {
  const expected = expectedDataBytes(header);
  // Row starts are easy to find only without interlacing.
  const stride = header.interlaced ? 0 : 1 + Math.ceil((header.width * header.bitsPerPixel) / 8);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let total = 0;
    let badFilter = false;
    inflate.on("data", (chunk: Buffer) => {
      if (stride > 0 && !badFilter) {
        for (let at = Math.ceil(total / stride) * stride; at < total + chunk.length && at < expected; at += stride) {
          if (chunk[at - total]! > 4) badFilter = true;
        }
      }
      total += chunk.length;
    });
    inflate.on("error", (error: Error) => resolve(`cannot be decoded: its image data is damaged (${error.message})`));
    inflate.on("end", () => {
      if (badFilter) resolve("cannot be decoded: its image data is damaged (bad row filter)");
      else if (total < expected) resolve(`is truncated: its image data holds ${total} of ${expected} bytes`);
      else resolve(undefined);
    });
    for (const chunk of data) inflate.write(chunk);
    inflate.end();
  });
}

// ---------------------------------------------------------------- WebP

export function webpProblem(buf: Buffer): IntegrityProblem {
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "RIFF" || buf.toString("latin1", 8, 12) !== "WEBP") return "is not a WebP file";
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) return `is truncated: the file holds ${buf.length} of ${riffEnd} bytes`;
  let pos = 12;
  let sawImage = false;
  while (pos + 8 <= riffEnd) {
    const type = buf.toString("latin1", pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const dataEnd = pos + 8 + size;
    if (dataEnd > riffEnd) return `is truncated: the ${type.trim()} chunk runs past the end of the file`;
    if (pos === 12 && type !== "VP8 " && type !== "VP8L" && type !== "VP8X") return "cannot be decoded: the WebP does not start with an image chunk";
    const body = buf.subarray(pos + 8, dataEnd);
    const problem = type === "VP8 " ? vp8Problem(body) : type === "VP8L" ? vp8lProblem(body) : undefined;
    if (problem) return problem;
    if (type === "VP8 " || type === "VP8L" || type === "ANMF") sawImage = true;
    pos = dataEnd + (size & 1); // chunks are padded to an even size
  }
  return sawImage ? undefined : "cannot be decoded: the WebP has no image data";
}

function vp8Problem(body: Buffer): IntegrityProblem {
  if (body.length < 10) return "is truncated: the WebP image data is too short";
  const tag = body[0]! | (body[1]! << 8) | (body[2]! << 16);
  if ((tag & 1) !== 0 || body[3] !== 0x9d || body[4] !== 0x01 || body[5] !== 0x2a) return "cannot be decoded: bad WebP (VP8) frame header";
  if ((body.readUInt16LE(6) & 0x3fff) === 0 || (body.readUInt16LE(8) & 0x3fff) === 0) return "cannot be decoded: the WebP header gives a zero size";
  if (10 + (tag >>> 5) > body.length) return "is truncated: the WebP image data is incomplete";
  return undefined;
}

function vp8lProblem(body: Buffer): IntegrityProblem {
  if (body.length < 5 || body[0] !== 0x2f) return "cannot be decoded: bad WebP (VP8L) header";
  if (body.readUInt32LE(1) >>> 29 !== 0) return "cannot be decoded: unknown WebP (VP8L) version";
  return undefined;
}
