// The @page rules that depend on the format: trim size, margins that
// centre the type area, bleed and crop marks. Paged.js reads the page size
// only from one unnamed @page rule, so this is the single place that sets it.
import { spanWidthPx, trimWidthPx } from "../content/formats.js";
import type { PaperFormat } from "../types.js";

/** Room outside the bleed for crop marks, so the marks never touch the bleed. */
export const SLUG_MM = 10;

export function pageRules(format: PaperFormat): string {
  const sideMarginPx = (trimWidthPx(format) - spanWidthPx(format, format.columns)) / 2;
  const px = (value: number) => `${value.toFixed(3)}px`;
  return `@page {
  size: ${format.trimWidthMm}mm ${format.trimHeightMm}mm;
  margin: ${px(format.marginTopPx)} ${px(sideMarginPx)} ${px(format.marginBottomPx)} ${px(sideMarginPx)};
  bleed: ${format.bleedMm + SLUG_MM}mm;
  marks: crop;
}
:root:root {
  --pagedjs-crop-offset: ${format.bleedMm}mm;
}`;
}
