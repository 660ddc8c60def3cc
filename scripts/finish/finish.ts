// The finish stage: takes the PDF Chromium printed and adds what a press and
// a PDF reader need but Chromium does not write: page boxes, outline, page
// labels, metadata. Pages are edited in place, never rebuilt, so Chromium's
// content streams and link annotations pass through untouched.
import { PDFDocument, type SaveOptions } from "pdf-lib";
import { documentIdOf } from "./document-id.js";
import type { FinishInput } from "./input.js";
import { writeDocumentId, writeMetadata } from "./metadata.js";
import { writeOutline } from "./outline.js";
import { writePageLabels } from "./page-labels.js";
import { assertPageSizes, setPageBoxes } from "./page-boxes.js";

export type { DocumentMetadata, FinishInput, OutlineHeadline, OutlinePage, PageGeometry } from "./input.js";
export { PAGE_SIZE_TOLERANCE_PT } from "./page-boxes.js";

/**
 * One fixed option set, so output depends on the input alone. No object
 * streams: older RIPs and PDF/X-1a (PDF 1.3) do not read them.
 */
const SAVE_OPTIONS: Readonly<Required<SaveOptions>> = {
  useObjectStreams: false,
  addDefaultPage: false,
  updateFieldAppearances: false,
  // pdf-lib otherwise yields to the event loop every 50 objects; nothing else runs meanwhile.
  objectsPerTick: Infinity,
};

export async function finishPdf(input: FinishInput): Promise<Uint8Array> {
  // updateMetadata: false keeps pdf-lib from stamping its own producer and "now".
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  if (doc.getPageCount() === 0) throw new Error("finish: the printed PDF has no pages");
  assertPageSizes(doc, input.kind, input.geometry);
  setPageBoxes(doc, input.geometry);
  writeOutline(doc, input.outline);
  writePageLabels(doc, input.pageLabels);
  writeMetadata(doc, input.metadata);
  // Saved twice: the first save, without IDs, is what the IDs are a hash of.
  const id = documentIdOf(await doc.save({ ...SAVE_OPTIONS }));
  writeDocumentId(doc, input.metadata, id);
  return doc.save({ ...SAVE_OPTIONS });
}
