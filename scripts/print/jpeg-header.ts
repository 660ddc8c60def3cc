// Reads what a JPEG's header says about how Chromium will put it into a PDF.
// Chromium (Skia) embeds a plain 8-bit YCbCr JPEG byte for byte, as a
// DCTDecode image in its colour space (sRGB, or the ICC profile it carries);
// anything else (an EXIF rotation, CMYK, grey, Adobe transforms) it may decode
// and re-encode. Only the plain kind may be printed through a stand-in and put
// back afterwards (see stand-ins.ts): only for it do we know what Chromium writes.

export interface PlainJpeg {
  width: number;
  height: number;
  /** The embedded ICC profile (canvas and camera JPEGs carry one), else sRGB is meant. */
  iccProfile?: Buffer;
}

const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** SOF0 baseline, SOF1 extended, SOF2 progressive: the Huffman kinds every PDF reader decodes. */
const DCT_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const START_OF_SCAN = 0xda;

/** The EXIF orientation in an APP1 segment, or undefined when it has none. */
function exifOrientation(segment: Buffer): number | undefined {
  if (segment.toString("latin1", 0, 6) !== "Exif\0\0") return undefined;
  const tiff = segment.subarray(6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  try {
    const ifd = u32(4);
    const entries = u16(ifd);
    for (let i = 0; i < entries; i++) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) return u16(entry + 8);
    }
  } catch {
    return 0; // A broken EXIF block: not plain.
  }
  return undefined;
}

/** The picture's size when Chromium will embed it unchanged, otherwise undefined. */
export function plainJpeg(bytes: Buffer): PlainJpeg | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let pos = 2;
  let frame: PlainJpeg | undefined;
  /** ICC_PROFILE chunks by sequence number: a profile may span several APP2 segments. */
  const icc: Buffer[] = [];
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1]!;
    const length = bytes.readUInt16BE(pos + 2);
    const segment = bytes.subarray(pos + 4, pos + 2 + length);
    if (marker === START_OF_SCAN) return frame && (icc.length > 0 ? { ...frame, iccProfile: Buffer.concat(icc.filter(Boolean)) } : frame);
    if (marker === APP2 && segment.toString("latin1", 0, 12) === "ICC_PROFILE\0") icc[segment[12]!] = segment.subarray(14);
    if (marker === APP14 && segment.toString("latin1", 0, 5) === "Adobe") return undefined;
    if (marker === APP1) {
      const orientation = exifOrientation(segment);
      if (orientation !== undefined && orientation !== 1) return undefined;
    }
    if (isStartOfFrame(marker)) {
      const precision = segment[0];
      const components = segment[5];
      if (!DCT_FRAMES.has(marker) || precision !== 8 || components !== 3) return undefined;
      frame = { height: segment.readUInt16BE(1), width: segment.readUInt16BE(3) };
    }
    pos += 2 + length;
  }
  return undefined;
}
