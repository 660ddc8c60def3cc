// Puts freshly printed sheets into the PDF of the last build, in place of the
// old ones. Chromium writes the 导读 links as named destinations (/Dest
// /p05-01) that the catalog's /Dests resolves; the reprinted sheets bring
// their own entries (Chromium writes a target's destination even when only its
// sheet is printed), which replace the old ones. What only the old sheets used
// is dropped, so a night of edits does not pile up dead fonts and streams.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from "pdf-lib";

const FAST = { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY } as const;

/** `sheetIndexes[i]` (0-based, ascending) is replaced by page i of `reprinted`. */
export async function replaceSheets(base: Uint8Array, reprinted: Uint8Array, sheetIndexes: number[]): Promise<Uint8Array> {
  const [doc, fresh] = await Promise.all([PDFDocument.load(base, FAST), PDFDocument.load(reprinted, FAST)]);
  if (fresh.getPageCount() !== sheetIndexes.length) {
    throw new Error(`watch: asked Chromium for ${sheetIndexes.length} sheet(s), got ${fresh.getPageCount()}`);
  }
  const copied = await doc.copyPages(fresh, fresh.getPageIndices());
  sheetIndexes.forEach((sheet, i) => {
    doc.removePage(sheet);
    doc.insertPage(sheet, copied[i]!);
  });
  const freshPages = fresh.getPages().map((page) => page.ref);
  const freshDests = fresh.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (freshDests) {
    let dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
    if (!dests) {
      dests = doc.context.obj({});
      doc.catalog.set(PDFName.of("Dests"), doc.context.register(dests));
    }
    for (const [name, value] of freshDests.entries()) {
      const destination = fresh.context.lookup(value);
      if (!(destination instanceof PDFArray)) continue;
      const [pageRef, ...rest] = destination.asArray();
      const index = freshPages.findIndex((ref) => ref === pageRef);
      if (index < 0) continue;
      // [page /XYZ left top zoom]: only the page changes hands, the numbers are plain values.
      dests.set(name, doc.context.obj([copied[index]!.ref, ...rest]));
    }
  }
  dropUnreachable(doc);
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** Deletes every object the trailer no longer leads to. */
function dropUnreachable(doc: PDFDocument): void {
  const { context } = doc;
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info, context.trailerInfo.Encrypt, context.trailerInfo.ID].filter((object): object is PDFObject => object !== undefined);
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) {
      pending.push(...object.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFStream || object instanceof PDFRawStream) {
      pending.push(object.dict);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
}
