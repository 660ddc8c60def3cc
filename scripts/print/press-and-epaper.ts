// Both PDFs from the one PDF Chromium printed. The press PDF gets the photos'
// own bytes; the e-paper is the very same pages cut to trim size (its media box
// is the press PDF's trim box, so bleed and crop marks fall outside the page)
// with screen copies of the photos. One pagination, one print: the two PDFs
// cannot differ in content.
import { PDFDocument } from "pdf-lib";
import { putPictures, type JpegPicture } from "./pdf-pictures.js";

export interface TwoPdfs {
  printPdf: Uint8Array;
  epaperPdf: Uint8Array;
}

/** Intermediate saves: the finish stage loads and writes the final files. */
const SAVE = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY } as const;

function pictureFrom(pictures: Map<number, JpegPicture>): (index: number) => JpegPicture | undefined {
  return (index) => pictures.get(index);
}

export async function pressAndEpaper(printed: Uint8Array, originals: Map<number, JpegPicture>, screen: Map<number, JpegPicture>, trimInsetPt: number): Promise<TwoPdfs> {
  const [press, epaper] = await Promise.all([PDFDocument.load(printed, { updateMetadata: false }), PDFDocument.load(printed, { updateMetadata: false })]);
  putPictures(press, pictureFrom(originals));
  putPictures(epaper, pictureFrom(screen));
  for (const page of epaper.getPages()) {
    const media = page.getMediaBox();
    page.setMediaBox(media.x + trimInsetPt, media.y + trimInsetPt, media.width - 2 * trimInsetPt, media.height - 2 * trimInsetPt);
  }
  const [printPdf, epaperPdf] = await Promise.all([press.save(SAVE), epaper.save(SAVE)]);
  return { printPdf, epaperPdf };
}
