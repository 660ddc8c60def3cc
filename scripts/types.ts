// The loaded issue that every stage reads. Each later stage defines its own
// output type beside its code (ComposedIssue, LaidOutIssue, PrintedIssue, …).

/** A page format: trim size and the grid every module snaps to. */
export interface PaperFormat {
  name: string;
  /** Trim size in millimetres. */
  trimWidthMm: number;
  trimHeightMm: number;
  bleedMm: number;
  /** Grid columns across the type area (8 on a broadsheet). */
  columns: number;
  /** Column width in body characters, so lines hold whole characters. */
  columnChars: number;
  /** Body size and leading in CSS px (1 pt = 4/3 px). */
  bodySizePx: number;
  lineHeightPx: number;
  /** Gutter between columns, CSS px. */
  gutterPx: number;
  /** Lines in the type area of an inner page (header space excluded). */
  typeAreaLines: number;
  /** Margins around the type area, CSS px. */
  marginTopPx: number;
  marginBottomPx: number;
}

// ---------------------------------------------------------------- content

export interface PaperInfo {
  name: string;
  cn?: string;
  postalCode?: string;
  publisher?: string;
}

export interface PageEntry {
  no: number;
  section: string;
  editor?: string;
  designer?: string;
  /** The page folder, e.g. "/abs/issue/pages/05". */
  dir: string;
  articles: Article[];
}

/** Optional front-matter hints that steer the layout (additions to the format). */
export interface LayoutHints {
  /** Module width in grid columns. */
  columns?: number;
  rank?: ArticleRank;
  /** Photo width in grid columns. */
  photoSpan?: number;
  /** Continue what does not fit on this page number (转版). */
  continueOn?: number;
}

export type ArticleRank = "lead" | "major" | "minor" | "brief";

export interface Article {
  /** Stable id, "p05-01" for pages/05/01.md. */
  id: string;
  /** Absolute path of the Markdown file. */
  file: string;
  /** Path relative to the issue folder, "pages/05/01.md", for messages. */
  relFile: string;
  pageNo: number;
  /** 1-based position in story order on its page. */
  order: number;
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  source?: string;
  image?: ImageRef;
  caption?: string;
  hints: LayoutHints;
  /** Markdown body, front matter removed. */
  body: string;
  /** Line in the file where the body starts (1-based), for messages. */
  bodyLine: number;
}

export interface ImageRef {
  /** Absolute path on disk, checked to exist and decode. */
  path: string;
  widthPx: number;
  heightPx: number;
}

export interface Issue {
  /** The issue folder's name; output goes to output/<id>/. */
  id: string;
  dir: string;
  paper: PaperInfo;
  /** ISO date, "2023-11-07". */
  date: string;
  number: number;
  format: PaperFormat;
  pages: PageEntry[];
}

// ---------------------------------------------------------------- messages

export type Stage = "content" | "compose" | "layout" | "print" | "finish" | "check";
