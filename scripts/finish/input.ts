// What the finish stage takes: the PDF Chromium printed plus everything the
// earlier stages know about it (page geometry, headlines, labels, metadata).

/** Page geometry in PDF points (1 pt = 1/72 in), origin bottom-left. */
export interface PageGeometry {
  trimWidthPt: number;
  trimHeightPt: number;
  /** 0 for the e-paper. */
  bleedPt: number;
  /** Distance from the MediaBox edge to the BleedBox edge (crop-mark slug), 0 if the media is bleed-sized. */
  slugPt: number;
}

export interface OutlineHeadline {
  title: string;
  pageIndex: number;
  /** CSS px from the top of the PDF page (media box top). */
  topPx: number;
}

export interface OutlinePage {
  /** "第01版 头版" */
  title: string;
  pageIndex: number;
  headlines: OutlineHeadline[];
}

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag, "zh-CN". */
  language: string;
  /** ISO date, "2023-11-07". */
  date: string;
  producer: string;
  creator: string;
}

export interface FinishInput {
  /** What Chromium printed. */
  pdf: Uint8Array;
  kind: "print" | "epaper";
  geometry: PageGeometry;
  outline: OutlinePage[];
  /** One per page, e.g. "第01版". */
  pageLabels: string[];
  metadata: DocumentMetadata;
}
