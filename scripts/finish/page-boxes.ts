// Sets the PDF page boxes a press workflow relies on. Chromium writes only a
// MediaBox; imposition software reads the TrimBox to place the page and the
// BleedBox to know how much overprint to keep.
import type { PDFDocument } from "pdf-lib";
import { ExitCode, fail } from "../messages.js";
import type { PageGeometry } from "./input.js";

/** Chromium rounds page sizes a little; anything beyond this is a wrong size, not rounding. */
export const PAGE_SIZE_TOLERANCE_PT = 0.5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rounded to 1/1000 pt (0.35 µm) so float noise such as 8.503937007874015 does not bloat every page dict. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function inset(box: Box, by: number): Box {
  // No inset (the e-paper): keep Chromium's numbers exactly, so TrimBox = MediaBox.
  if (by === 0) return box;
  return {
    x: round(box.x + by),
    y: round(box.y + by),
    width: round(box.width - 2 * by),
    height: round(box.height - 2 * by),
  };
}

function checkGeometry(kind: "print" | "epaper", geometry: PageGeometry): void {
  const { trimWidthPt, trimHeightPt, bleedPt, slugPt } = geometry;
  const sizes = { trimWidthPt, trimHeightPt, bleedPt, slugPt };
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`finish: geometry.${name} must be a finite number >= 0, got ${value}`);
  }
  if (trimWidthPt === 0 || trimHeightPt === 0) throw new Error("finish: the trim size must not be 0");
  // The e-paper is screen-only: a bleed or slug there would show as a white frame.
  if (kind === "epaper" && (bleedPt !== 0 || slugPt !== 0)) {
    throw new Error(`finish: the e-paper has no bleed or slug, got bleedPt=${bleedPt} slugPt=${slugPt}`);
  }
}

function format(value: number): string {
  return value.toFixed(2);
}

/**
 * Throws unless every page's MediaBox is trim + 2 × (bleed + slug): a PDF of the
 * wrong size must not reach the press (or the e-paper) unnoticed.
 */
export function assertPageSizes(doc: PDFDocument, kind: "print" | "epaper", geometry: PageGeometry): void {
  checkGeometry(kind, geometry);
  const margin = geometry.bleedPt + geometry.slugPt;
  const expectedWidth = geometry.trimWidthPt + 2 * margin;
  const expectedHeight = geometry.trimHeightPt + 2 * margin;
  const wrong: string[] = [];
  let firstWrongPage: number | undefined;
  doc.getPages().forEach((page, index) => {
    const media = page.getMediaBox();
    const widthOff = Math.abs(media.width - expectedWidth) > PAGE_SIZE_TOLERANCE_PT;
    const heightOff = Math.abs(media.height - expectedHeight) > PAGE_SIZE_TOLERANCE_PT;
    if (widthOff || heightOff) {
      firstWrongPage ??= index + 1;
      wrong.push(`page ${index + 1} is ${format(media.width)} × ${format(media.height)} pt`);
    }
  });
  if (wrong.length === 0) return;
  fail(
    {
      reason:
        `${kind} PDF has the wrong page size: ${wrong.join("; ")}; expected ${format(expectedWidth)} × ${format(expectedHeight)} pt ` +
        `(trim ${format(geometry.trimWidthPt)} × ${format(geometry.trimHeightPt)} + 2 × (bleed ${format(geometry.bleedPt)} + slug ${format(geometry.slugPt)}))`,
      page: firstWrongPage,
      ruleId: "page-size-mismatch",
      stage: "finish",
    },
    ExitCode.Check,
  );
}

/**
 * Print: CropBox = MediaBox (viewers show the marks), BleedBox = MediaBox inset
 * by the slug, TrimBox = inset by slug + bleed. E-paper: every box = MediaBox.
 * The MediaBox itself is left exactly as Chromium made it.
 */
export function setPageBoxes(doc: PDFDocument, geometry: PageGeometry): void {
  for (const page of doc.getPages()) {
    const media = page.getMediaBox();
    const bleed = inset(media, geometry.slugPt);
    const trim = inset(media, geometry.slugPt + geometry.bleedPt);
    page.setCropBox(media.x, media.y, media.width, media.height);
    page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
  }
}
