// Puts pictures back into a PDF that Chromium printed with stand-ins: every
// image XObject whose size marks it as stand-in n gets picture n's JPEG bytes.
// The page content that draws it (matrix, clip) stays as Chromium wrote it: a
// PDF image always fills the unit square, whatever its pixel count.
import { PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFRef } from "pdf-lib";
import { standInIndex } from "./stand-ins.js";

export interface JpegPicture {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** The JPEG's own ICC profile; without one the stand-in's colour space (Chromium's sRGB) stays. */
  iccProfile?: Uint8Array;
}

/** Entries that describe the stand-in's raster encoding, not the picture. */
const RASTER_KEYS = ["Width", "Height", "BitsPerComponent", "Filter", "DecodeParms", "Length", "SMask", "Decode"];

function standIns(doc: PDFDocument): { ref: PDFRef; stream: PDFRawStream; index: number }[] {
  const found: { ref: PDFRef; stream: PDFRawStream; index: number }[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
    const width = object.dict.lookup(PDFName.of("Width"));
    const height = object.dict.lookup(PDFName.of("Height"));
    if (!(width instanceof PDFNumber) || !(height instanceof PDFNumber)) continue;
    const index = standInIndex(width.asNumber(), height.asNumber());
    if (index !== undefined) found.push({ ref, stream: object, index });
  }
  return found;
}

/** One ICCBased stream per distinct profile, as Chromium shares one between pictures. */
function iccStream(doc: PDFDocument, profile: Uint8Array, known: Map<string, PDFRef>): PDFRef {
  const key = Buffer.from(profile).toString("base64");
  let ref = known.get(key);
  if (!ref) {
    ref = doc.context.register(PDFRawStream.of(doc.context.obj({ N: 3, Length: profile.length }), profile));
    known.set(key, ref);
  }
  return ref;
}

/**
 * Replaces every stand-in image with its picture; returns how many it replaced.
 * A stand-in without a picture is a bug that would print a grey box: it throws.
 */
export function putPictures(doc: PDFDocument, pictureOf: (index: number) => JpegPicture | undefined): number {
  const found = standIns(doc);
  const profiles = new Map<string, PDFRef>();
  for (const { ref, stream, index } of found) {
    const picture = pictureOf(index);
    if (!picture) throw new Error(`print: the PDF holds stand-in picture ${index}, which has no photo to put back`);
    const dict = stream.dict.clone(doc.context);
    for (const key of RASTER_KEYS) dict.delete(PDFName.of(key));
    dict.set(PDFName.of("Width"), PDFNumber.of(picture.width));
    dict.set(PDFName.of("Height"), PDFNumber.of(picture.height));
    dict.set(PDFName.of("BitsPerComponent"), PDFNumber.of(8));
    dict.set(PDFName.of("Filter"), PDFName.of("DCTDecode"));
    // Written as Chromium writes the JPEGs it embeds itself; the ColorSpace (sRGB ICC) stays Chromium's.
    dict.set(PDFName.of("ColorTransform"), PDFNumber.of(0));
    dict.set(PDFName.of("Length"), PDFNumber.of(picture.jpeg.length));
    if (picture.iccProfile) dict.set(PDFName.of("ColorSpace"), doc.context.obj([PDFName.of("ICCBased"), iccStream(doc, picture.iccProfile, profiles)]));
    doc.context.assign(ref, PDFRawStream.of(dict, picture.jpeg));
  }
  return found.length;
}
