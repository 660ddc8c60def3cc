// The document outline (bookmarks): one item per page, its headlines below.
// pdf-lib has no outline API, so the /Outlines tree (ISO 32000 12.3.3) is
// built by hand from reserved refs, which lets each item name its neighbours.
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFContext, type PDFDict, type PDFDocument, type PDFRef } from "pdf-lib";
import type { OutlinePage } from "./input.js";
import { replaceEntry } from "./replace-object.js";

/** CSS px to PDF pt: 96 px = 72 pt. */
const PT_PER_CSS_PX = 0.75;

/** Keys an old outline item owns (its siblings, children and action), not its /Dest page. */
const OUTLINE_OWNED_KEYS = ["First", "Next", "A"];

interface Destination {
  pageIndex: number;
  /** PDF pt from the media box top. */
  fromTopPt: number;
}

interface ItemSpec {
  title: string;
  destination: Destination;
  children: ItemSpec[];
}

function toItemSpecs(outline: OutlinePage[]): ItemSpec[] {
  return outline.map((page) => ({
    title: page.title,
    destination: { pageIndex: page.pageIndex, fromTopPt: 0 },
    children: page.headlines.map((headline) => ({
      title: headline.title,
      destination: { pageIndex: headline.pageIndex, fromTopPt: headline.topPx * PT_PER_CSS_PX },
      children: [],
    })),
  }));
}

function checkDestination(doc: PDFDocument, title: string, destination: Destination): void {
  const pageCount = doc.getPageCount();
  if (!Number.isInteger(destination.pageIndex) || destination.pageIndex < 0 || destination.pageIndex >= pageCount) {
    throw new Error(`finish: outline item "${title}" points at page index ${destination.pageIndex}, but the PDF has ${pageCount} pages`);
  }
  const height = doc.getPage(destination.pageIndex).getMediaBox().height;
  if (!Number.isFinite(destination.fromTopPt) || destination.fromTopPt < 0 || destination.fromTopPt > height) {
    throw new Error(`finish: outline item "${title}" is ${destination.fromTopPt / PT_PER_CSS_PX}px from the top, outside its ${height}pt page`);
  }
}

/** `[pageRef /XYZ left top null]`: null zoom keeps the reader's zoom. */
function xyzDestination(doc: PDFDocument, destination: Destination) {
  const page = doc.getPage(destination.pageIndex);
  const media = page.getMediaBox();
  // PDF y runs bottom-up from the media box origin (0 for Chromium's pages).
  const top = media.y + media.height - destination.fromTopPt;
  return doc.context.obj([page.ref, PDFName.of("XYZ"), PDFNumber.of(media.x), PDFNumber.of(top), PDFNull]);
}

/** Open items count their visible descendants (ISO 32000 table 153); all items here are open. */
function visibleCount(items: ItemSpec[]): number {
  return items.reduce((sum, item) => sum + 1 + visibleCount(item.children), 0);
}

/** Writes `items` as the children of `parentRef`, sets the parent's /First /Last /Count. */
function writeItems(doc: PDFDocument, items: ItemSpec[], parentRef: PDFRef, parent: PDFDict): void {
  const context: PDFContext = doc.context;
  const refs = items.map(() => context.nextRef());
  items.forEach((item, index) => {
    const dict = context.obj({});
    dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title));
    dict.set(PDFName.of("Parent"), parentRef);
    if (index > 0) dict.set(PDFName.of("Prev"), refs[index - 1]!);
    if (index < items.length - 1) dict.set(PDFName.of("Next"), refs[index + 1]!);
    dict.set(PDFName.of("Dest"), xyzDestination(doc, item.destination));
    if (item.children.length > 0) writeItems(doc, item.children, refs[index]!, dict);
    context.assign(refs[index]!, dict);
  });
  parent.set(PDFName.of("First"), refs[0]!);
  parent.set(PDFName.of("Last"), refs[refs.length - 1]!);
  parent.set(PDFName.of("Count"), PDFNumber.of(visibleCount(items)));
}

/**
 * Replaces any outline Chromium wrote with ours and opens the outline panel
 * (/PageMode /UseOutlines). An empty outline removes the outline.
 */
export function writeOutline(doc: PDFDocument, outline: OutlinePage[]): void {
  const items = toItemSpecs(outline);
  for (const item of items) {
    checkDestination(doc, item.title, item.destination);
    for (const child of item.children) checkDestination(doc, child.title, child.destination);
  }
  const { catalog, context } = doc;
  if (items.length === 0) {
    replaceEntry(context, catalog, "Outlines", undefined, OUTLINE_OWNED_KEYS);
    return;
  }
  const rootRef = context.nextRef();
  const root = context.obj({ Type: "Outlines" });
  writeItems(doc, items, rootRef, root);
  context.assign(rootRef, root);
  replaceEntry(context, catalog, "Outlines", rootRef, OUTLINE_OWNED_KEYS);
  catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
