// The page formats an issue.yaml may name. Sizes are chosen so that a column
// holds a whole number of body characters and the type area a whole number of
// lines: every module then snaps to one grid.
import type { PaperFormat } from "../types.js";

const PX_PER_MM = 96 / 25.4;
const BODY_PX = 12; // 9 pt
const LINE_PX = 18; // 13.5 pt leading
const GUTTER_PX = 18;
const HEADER_PX = 92; // room for the 眉头 above the type area

function format(name: string, trimWidthMm: number, trimHeightMm: number, columns: number, columnChars: number, typeAreaLines: number): PaperFormat {
  const trimHeightPx = trimHeightMm * PX_PER_MM;
  return {
    name,
    trimWidthMm,
    trimHeightMm,
    bleedMm: 3,
    columns,
    columnChars,
    bodySizePx: BODY_PX,
    lineHeightPx: LINE_PX,
    gutterPx: GUTTER_PX,
    typeAreaLines,
    marginTopPx: HEADER_PX,
    marginBottomPx: trimHeightPx - HEADER_PX - typeAreaLines * LINE_PX,
  };
}

export const FORMATS: Record<string, PaperFormat> = {
  /** 对开: 390 x 540 mm, 8 columns of 13 characters. */
  broadsheet: format("broadsheet", 390, 540, 8, 13, 105),
  /** 四开: 270 x 390 mm, 6 columns of 12 characters. */
  tabloid: format("tabloid", 270, 390, 6, 12, 73),
};

export const DEFAULT_FORMAT = "broadsheet";

export function columnWidthPx(format: PaperFormat): number {
  return format.columnChars * format.bodySizePx;
}

/** Width of a module spanning `span` columns, gutters inside it included. */
export function spanWidthPx(format: PaperFormat, span: number): number {
  return span * columnWidthPx(format) + (span - 1) * format.gutterPx;
}

export function trimWidthPx(format: PaperFormat): number {
  return format.trimWidthMm * PX_PER_MM;
}
