// Read-back helpers for finished PDFs, shared by the finish tests and the
// end-to-end tests on real issues. Two independent readers on purpose:
// pdf-lib reads the raw objects (refs, counts, link structure), poppler
// (pdfinfo, pdftotext, pdftohtml) shows what a real PDF consumer makes of them.
// Every function takes the PDF as bytes or as a file path.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from "pdf-lib";

export type PdfSource = Uint8Array | string;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageBoxes {
  mediaBox: Box;
  /** undefined when the page (and its ancestors, for CropBox) has no such entry. */
  cropBox?: Box;
  bleedBox?: Box;
  trimBox?: Box;
}

export interface Destination {
  /** 0-based; -1 if the destination names no page of this document. */
  pageIndex: number;
  /** "XYZ", "Fit", "FitH", … */
  kind: string;
  left: number | null;
  top: number | null;
}

export interface OutlineNode {
  title: string;
  pageIndex: number;
  left: number | null;
  top: number | null;
  /** /Count as written: positive open, negative closed, undefined without children. */
  count?: number;
  children: OutlineNode[];
}

export interface OutlineTree {
  /** The /Outlines dict's /Count; undefined when there is no outline. */
  count?: number;
  items: OutlineNode[];
}

export interface LinkAnnotation {
  pageIndex: number;
  rect: [number, number, number, number];
  /** Internal links. */
  destination?: Destination;
  /** External links. */
  uri?: string;
}

export interface DocumentInfo {
  /** Info dict entries as decoded text (dates stay raw: "D:20231107000000+08'00'"). */
  info: Record<string, string>;
  lang?: string;
  pageMode?: string;
  displayDocTitle?: boolean;
  /** The catalog's XMP packet, UTF-8 decoded. */
  xmp?: string;
  /** Trailer /ID halves, hex. */
  trailerId?: string[];
}

// ---------------------------------------------------------------- pdf-lib

async function load(source: PdfSource): Promise<PDFDocument> {
  const bytes = typeof source === "string" ? readFileSync(source) : source;
  return PDFDocument.load(bytes, { updateMetadata: false });
}

function text(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  if (object instanceof PDFName) return object.decodeText();
  return undefined;
}

function num(object: PDFObject | undefined): number | null {
  return object instanceof PDFNumber ? object.asNumber() : null;
}

function toBox(array: PDFArray | undefined, doc: PDFDocument): Box | undefined {
  if (!array) return undefined;
  const [x1, y1, x2, y2] = [0, 1, 2, 3].map((i) => num(doc.context.lookup(array.get(i))) ?? NaN) as [number, number, number, number];
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}

/** Boxes per page as written in the page dicts (no defaults filled in, unlike pdf-lib's getTrimBox). */
export async function readBoxes(source: PdfSource): Promise<PageBoxes[]> {
  const doc = await load(source);
  return doc.getPages().map((page) => ({
    mediaBox: toBox(page.node.MediaBox(), doc)!,
    cropBox: toBox(page.node.CropBox(), doc),
    bleedBox: toBox(page.node.BleedBox(), doc),
    trimBox: toBox(page.node.TrimBox(), doc),
  }));
}

function pageIndexOf(doc: PDFDocument, ref: PDFObject | undefined): number {
  if (!(ref instanceof PDFRef)) return -1;
  return doc.getPages().findIndex((page) => page.ref === ref || page.ref.toString() === ref.toString());
}

/** Looks a named destination up in the catalog's /Dests dict or /Names /Dests name tree. */
function namedDestination(doc: PDFDocument, name: string): PDFObject | undefined {
  const catalog = doc.catalog;
  const dests = catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const direct = dests?.lookup(PDFName.of(name));
  if (direct) return direct;
  const names = catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const search = (node: PDFDict | undefined): PDFObject | undefined => {
    if (!node) return undefined;
    const pairs = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      if (text(pairs.lookup(i)) === name) return pairs.lookup(i + 1);
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const found = search(kids.lookupMaybe(i, PDFDict));
      if (found) return found;
    }
    return undefined;
  };
  return search(names);
}

/** Resolves a /Dest value (array, name or string) or a GoTo action's /D. */
function readDestination(doc: PDFDocument, value: PDFObject | undefined): Destination | undefined {
  let resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  const name = text(resolved);
  if (name !== undefined) resolved = namedDestination(doc, name);
  // A named destination may be a dict with /D.
  if (resolved instanceof PDFDict) resolved = resolved.lookup(PDFName.of("D"));
  if (!(resolved instanceof PDFArray)) return undefined;
  const kind = text(resolved.lookup(1)) ?? "";
  const args = [2, 3, 4].map((i) => (i < resolved.size() ? num(resolved.lookup(i)) : null));
  // Only /XYZ carries left and top; /FitH and /FitBH carry top alone.
  const isTopOnly = kind === "FitH" || kind === "FitBH";
  return {
    pageIndex: pageIndexOf(doc, resolved.get(0)),
    kind,
    left: kind === "XYZ" ? args[0]! : null,
    top: kind === "XYZ" ? args[1]! : isTopOnly ? args[0]! : null,
  };
}

function destinationOf(doc: PDFDocument, item: PDFDict): Destination | undefined {
  const dest = item.get(PDFName.of("Dest"));
  if (dest) return readDestination(doc, dest);
  const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
  if (action && text(action.lookup(PDFName.of("S"))) === "GoTo") return readDestination(doc, action.get(PDFName.of("D")));
  return undefined;
}

/**
 * The outline as a tree. Throws when the links are inconsistent (/Prev not
 * mirroring /Next, /Parent or /Last wrong), since readers then show a
 * broken or partial outline.
 */
export async function readOutline(source: PdfSource): Promise<OutlineTree> {
  const doc = await load(source);
  const rootRef = doc.catalog.get(PDFName.of("Outlines"));
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  if (!root || !(rootRef instanceof PDFRef)) return { items: [] };

  const readChildren = (parent: PDFDict, parentRef: PDFRef, path: string): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    let ref = parent.get(PDFName.of("First"));
    let previous: PDFRef | undefined;
    const seen = new Set<string>();
    while (ref instanceof PDFRef) {
      if (seen.has(ref.toString())) throw new Error(`outline: loop under ${path}`);
      seen.add(ref.toString());
      const item = doc.context.lookup(ref, PDFDict);
      const title = text(item.lookup(PDFName.of("Title"))) ?? "";
      const where = `${path} > "${title}"`;
      if (item.get(PDFName.of("Parent"))?.toString() !== parentRef.toString()) throw new Error(`outline: wrong /Parent at ${where}`);
      if (item.get(PDFName.of("Prev"))?.toString() !== previous?.toString()) throw new Error(`outline: wrong /Prev at ${where}`);
      const destination = destinationOf(doc, item);
      const count = item.lookup(PDFName.of("Count"));
      nodes.push({
        title,
        pageIndex: destination?.pageIndex ?? -1,
        left: destination?.left ?? null,
        top: destination?.top ?? null,
        count: count instanceof PDFNumber ? count.asNumber() : undefined,
        children: readChildren(item, ref, where),
      });
      previous = ref;
      ref = item.get(PDFName.of("Next"));
    }
    if (parent.get(PDFName.of("Last"))?.toString() !== previous?.toString()) throw new Error(`outline: wrong /Last at ${path}`);
    return nodes;
  };

  const count = root.lookup(PDFName.of("Count"));
  return { count: count instanceof PDFNumber ? count.asNumber() : undefined, items: readChildren(root, rootRef, "Outlines") };
}

function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
    [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
  ];
  let result = "";
  for (const [amount, numeral] of numerals) {
    for (; value >= amount; value -= amount) result += numeral;
  }
  return result;
}

function toLetters(value: number): string {
  // a..z, then aa..zz, … (ISO 32000 table 159).
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function numberInStyle(style: string | undefined, value: number): string {
  switch (style) {
    case "D": return String(value);
    case "R": return toRoman(value).toUpperCase();
    case "r": return toRoman(value);
    case "A": return toLetters(value).toUpperCase();
    case "a": return toLetters(value);
    default: return "";
  }
}

/** The label a reader shows for each page, from the /PageLabels number tree; page numbers ("1", "2") when absent. */
export async function readPageLabels(source: PdfSource): Promise<string[]> {
  const doc = await load(source);
  const pageCount = doc.getPageCount();
  const ranges: { start: number; range: PDFDict }[] = [];
  const collect = (node: PDFDict | undefined): void => {
    if (!node) return;
    const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      ranges.push({ start: num(nums.lookup(i)) ?? 0, range: nums.lookup(i + 1, PDFDict) });
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collect(kids.lookupMaybe(i, PDFDict));
  };
  collect(doc.catalog.lookupMaybe(PDFName.of("PageLabels"), PDFDict));
  if (ranges.length === 0) return Array.from({ length: pageCount }, (_, i) => String(i + 1));
  ranges.sort((a, b) => a.start - b.start);
  return Array.from({ length: pageCount }, (_, pageIndex) => {
    const current = [...ranges].reverse().find((r) => r.start <= pageIndex);
    if (!current) return String(pageIndex + 1);
    const prefix = text(current.range.lookup(PDFName.of("P"))) ?? "";
    const style = text(current.range.lookup(PDFName.of("S")));
    const first = num(current.range.lookup(PDFName.of("St"))) ?? 1;
    return prefix + numberInStyle(style, first + pageIndex - current.start);
  });
}

/** Link annotations of every page, in page then annotation order. */
export async function readLinks(source: PdfSource): Promise<LinkAnnotation[]> {
  const doc = await load(source);
  const links: LinkAnnotation[] = [];
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || text(annot.lookup(PDFName.of("Subtype"))) !== "Link") continue;
      const rectArray = annot.lookupMaybe(PDFName.of("Rect"), PDFArray);
      const rect = [0, 1, 2, 3].map((k) => num(rectArray?.lookup(k)) ?? NaN) as LinkAnnotation["rect"];
      const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action && text(action.lookup(PDFName.of("S"))) === "URI" ? text(action.lookup(PDFName.of("URI"))) : undefined;
      links.push({ pageIndex, rect, destination: destinationOf(doc, annot), uri });
    }
  });
  return links;
}

/** Info dict, /Lang, /PageMode, DisplayDocTitle, XMP and trailer /ID. */
export async function readDocumentInfo(source: PdfSource): Promise<DocumentInfo> {
  const doc = await load(source);
  const info: Record<string, string> = {};
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info);
  if (infoDict instanceof PDFDict) {
    for (const [key, value] of infoDict.entries()) {
      const decoded = text(doc.context.lookup(value));
      if (decoded !== undefined) info[key.decodeText()] = decoded;
    }
  }
  const catalog = doc.catalog;
  const metadata = catalog.lookup(PDFName.of("Metadata"));
  const viewerPreferences = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  const displayDocTitle = viewerPreferences?.lookup(PDFName.of("DisplayDocTitle"));
  const id = doc.context.lookup(doc.context.trailerInfo.ID);
  return {
    info,
    lang: text(catalog.lookup(PDFName.of("Lang"))),
    pageMode: text(catalog.lookup(PDFName.of("PageMode"))),
    displayDocTitle: displayDocTitle === undefined ? undefined : displayDocTitle.toString() === "true",
    // Streams we write are uncompressed; a Flate XMP stream is reported as absent rather than misread.
    xmp: metadata instanceof PDFRawStream && !metadata.dict.has(PDFName.of("Filter")) ? new TextDecoder().decode(metadata.contents) : undefined,
    trailerId: id instanceof PDFArray ? id.asArray().map((half) => (half instanceof PDFHexString ? half.asString() : String(half))) : undefined,
  };
}

// ---------------------------------------------------------------- poppler

/** Runs `tool ...args <pdf> ...after`, writing bytes to a temporary file first. */
function runPoppler(tool: string, args: string[], source: PdfSource, after: string[] = []): string {
  const run = (file: string) => execFileSync(tool, [...args, file, ...after], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (typeof source === "string") return run(source);
  const dir = mkdtempSync(join(tmpdir(), "newsprint-read-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, source);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo -isodates` as a record: Title, Producer, CreationDate ("2023-11-07T00:00:00+08"), Pages, … */
export function popplerInfo(source: PdfSource): Record<string, string> {
  const record: Record<string, string> = {};
  for (const line of runPoppler("pdfinfo", ["-isodates"], source).split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) record[match[1]!] = match[2]!;
  }
  return record;
}

/** `pdfinfo -meta`: the XMP packet as poppler finds it. */
export function popplerXmp(source: PdfSource): string {
  return runPoppler("pdfinfo", ["-meta"], source);
}

/**
 * Boxes per page from `pdfinfo -box`. Poppler fills in missing boxes
 * (BleedBox/TrimBox default to the CropBox) and clips them to the CropBox,
 * so this shows what a consumer uses, not what is written.
 */
export function popplerBoxes(source: PdfSource): Required<PageBoxes>[] {
  const pages = Number(popplerInfo(source)["Pages"]);
  const output = runPoppler("pdfinfo", ["-box", "-f", "1", "-l", String(pages)], source);
  const result: Required<PageBoxes>[] = [];
  const keys = { MediaBox: "mediaBox", CropBox: "cropBox", BleedBox: "bleedBox", TrimBox: "trimBox" } as const;
  for (const match of output.matchAll(/^Page\s+(\d+)\s+(MediaBox|CropBox|BleedBox|TrimBox):\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/gm)) {
    const [x1, y1, x2, y2] = match.slice(3, 7).map(Number) as [number, number, number, number];
    const page = (result[Number(match[1]) - 1] ??= {} as Required<PageBoxes>);
    page[keys[match[2] as keyof typeof keys]] = { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  }
  return result;
}

/** `pdftotext -layout` of one page (1-based) or of the whole document. */
export function popplerText(source: PdfSource, pageNo?: number): string {
  const range = pageNo === undefined ? [] : ["-f", String(pageNo), "-l", String(pageNo)];
  return runPoppler("pdftotext", ["-layout", "-enc", "UTF-8", ...range], source, ["-"]);
}

export interface PopplerOutlineItem {
  title: string;
  /** 1-based, as poppler resolves the destination. */
  pageNo: number;
  children: PopplerOutlineItem[];
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** The outline as poppler resolves it (`pdftohtml -xml`), titles and target pages. */
export function popplerOutline(source: PdfSource): PopplerOutlineItem[] {
  const xml = runPoppler("pdftohtml", ["-xml", "-stdout", "-i", "-q"], source);
  const start = xml.indexOf("<outline>");
  if (start < 0) return [];
  const root: PopplerOutlineItem[] = [];
  // The list each open <outline> appends to; poppler puts a child <outline> right after its parent's <item>.
  const open: PopplerOutlineItem[][] = [];
  for (const match of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(-?\d+)">([^<]*)<\/item>/g)) {
    const current = open[open.length - 1];
    if (match[0] === "<outline>") {
      if (!current) open.push(root);
      else {
        const parent = current[current.length - 1];
        if (!parent) throw new Error("popplerOutline: nested <outline> without a parent <item>");
        open.push(parent.children);
      }
    } else if (match[0] === "</outline>") {
      open.pop();
      if (open.length === 0) break;
    } else if (current) {
      current.push({ title: decodeXml(match[2]!), pageNo: Number(match[1]), children: [] });
    }
  }
  return root;
}
