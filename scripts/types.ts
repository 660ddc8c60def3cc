// The data that flows between stages, in stage order. Each stage takes the
// previous stage's output and returns its own; nothing flows backwards.

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

// ---------------------------------------------------------------- layout

/** What the browser measured of one article, in body lines. */
export interface ArticleMeasure {
  articleId: string;
  /** Body lines when set in one column (subheads, lists, source line included). */
  bodyLines: number;
  /** Characters in the body, to turn lines into an estimate of characters. */
  bodyChars: number;
  /** Head block (kicker, title, subtitle, byline) lines, by module width in columns. */
  headLines: Record<number, number>;
  /** Caption lines, by photo width in columns (absent without a photo). */
  captionLines?: Record<number, number>;
  /** Photo width / height (absent without a photo). */
  photoAspect?: number;
}

/** One module on the page grid; rows and columns are 0-based grid lines. */
export interface Placement {
  articleId: string;
  column: number;
  span: number;
  row: number;
  rows: number;
  /** Photo rows inside the module (0 without a photo). */
  photoRows: number;
  /** Headline size step chosen (0 = the rank's default, 1 = one size down). */
  headStep: number;
}

export interface PageLayout {
  pageNo: number;
  placements: Placement[];
  /** Rows the page offers to articles and how many stay empty. */
  rowsAvailable: number;
  emptyCells: number;
  fillRatio: number;
}

// ---------------------------------------------------------------- messages

export type Stage = "content" | "compose" | "layout" | "print" | "finish" | "check";
