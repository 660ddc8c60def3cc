// Document metadata: the Info dict, /Lang and the window title first, then,
// once the rest of the document is final, the XMP stream and trailer /ID that
// carry an ID derived from it. Chromium writes its own Info dict with "now"
// as the date; all of it is replaced so the file carries only the issue's data.
import { PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from "pdf-lib";
import type { DocumentId } from "./document-id.js";
import type { DocumentMetadata } from "./input.js";
import { pdfIssueDate } from "./pdf-date.js";
import { replaceEntry } from "./replace-object.js";
import { xmpPacket } from "./xmp.js";

/** Comma-separated, the form Acrobat and poppler show and split on. */
export const KEYWORD_SEPARATOR = ", ";

/** BCP 47 shape, enough to refuse "Chinese" or an empty string. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function writeInfoDict(doc: PDFDocument, metadata: DocumentMetadata): void {
  const { context } = doc;
  const date = PDFString.of(pdfIssueDate(metadata.date));
  const info = context.obj({});
  // Hex UTF-16 text strings, since the titles are Chinese.
  info.set(PDFName.of("Title"), PDFHexString.fromText(metadata.title));
  info.set(PDFName.of("Author"), PDFHexString.fromText(metadata.author));
  info.set(PDFName.of("Subject"), PDFHexString.fromText(metadata.subject));
  info.set(PDFName.of("Keywords"), PDFHexString.fromText(metadata.keywords.join(KEYWORD_SEPARATOR)));
  info.set(PDFName.of("Creator"), PDFHexString.fromText(metadata.creator));
  info.set(PDFName.of("Producer"), PDFHexString.fromText(metadata.producer));
  info.set(PDFName.of("CreationDate"), date);
  info.set(PDFName.of("ModDate"), date);
  // Reuse Chromium's Info object number so its old dict (with "now") is overwritten, not orphaned.
  const existing = context.trailerInfo.Info;
  if (existing instanceof PDFRef) context.assign(existing, info);
  else context.trailerInfo.Info = context.register(info);
}

function writeXmp(doc: PDFDocument, metadata: DocumentMetadata, documentId: string): void {
  const { context } = doc;
  const packet = xmpPacket({ ...metadata, documentId, keywordsText: metadata.keywords.join(KEYWORD_SEPARATOR) });
  // Uncompressed UTF-8 (pdf-lib would write a JS string as Latin-1), so tools can scan for the packet.
  const stream = context.stream(new TextEncoder().encode(packet), { Type: "Metadata", Subtype: "XML" });
  replaceEntry(context, doc.catalog, "Metadata", context.register(stream), []);
}

/**
 * Info dict, /Lang, DisplayDocTitle. Also drops any XMP and trailer /ID
 * Chromium wrote, so the document can be hashed for its ID without them.
 */
export function writeMetadata(doc: PDFDocument, metadata: DocumentMetadata): void {
  if (!LANGUAGE_TAG.test(metadata.language)) {
    throw new Error(`finish: metadata.language "${metadata.language}" is not a language tag such as "zh-CN"`);
  }
  writeInfoDict(doc, metadata);
  doc.catalog.set(PDFName.of("Lang"), PDFString.of(metadata.language));
  // Readers show the title ("新闻日报 2023年11月7日") instead of the file name.
  doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  replaceEntry(doc.context, doc.catalog, "Metadata", undefined, []);
  delete doc.context.trailerInfo.ID;
}

/** XMP packet and trailer /ID (both halves equal, as for a newly made file), carrying `id`. */
export function writeDocumentId(doc: PDFDocument, metadata: DocumentMetadata, id: DocumentId): void {
  writeXmp(doc, metadata, id.uuid);
  const half = PDFHexString.of(id.hex);
  doc.context.trailerInfo.ID = doc.context.obj([half, half]);
}
