// Finishes both PDFs of an issue: the press PDF (bleed, slug with crop marks)
// and the e-paper (trim size), with the same outline, labels and metadata.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pageLabel } from "../compose/compose.js";
import { SLUG_MM } from "../compose/page-rules.js";
import { PROJECT_ROOT } from "../paths.js";
import type { PrintedIssue, SheetHeadlines } from "../print/print.js";
import type { Issue } from "../types.js";
import { finishPdf, type DocumentMetadata, type OutlinePage } from "./finish.js";

const PT_PER_MM = 72 / 25.4;

export interface FinishedIssue {
  print: Uint8Array;
  epaper: Uint8Array;
}

const version: string = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version;

function outline(issue: Issue, sheets: SheetHeadlines[]): OutlinePage[] {
  return issue.pages.map((page, pageIndex) => ({
    title: `${pageLabel(page.no)} ${page.section}`,
    pageIndex,
    headlines: (sheets[pageIndex]?.headlines ?? []).map((headline) => ({ title: headline.title, pageIndex, topPx: headline.topPx })),
  }));
}

export function issueMetadata(issue: Issue): DocumentMetadata {
  const sections = [...new Set(issue.pages.map((page) => page.section))];
  return {
    title: `${issue.paper.name} ${issue.date} 总第${issue.number}期`,
    author: issue.paper.publisher ?? issue.paper.name,
    subject: `${issue.paper.name}${issue.date}出版，共${issue.pages.length}版`,
    keywords: sections,
    language: "zh-CN",
    date: issue.date,
    producer: `newsprint ${version}`,
    creator: `newsprint ${version} (Paged.js, Chromium)`,
  };
}

export async function finishIssuePdfs(issue: Issue, printed: PrintedIssue): Promise<FinishedIssue> {
  const { format } = issue;
  const trim = { trimWidthPt: format.trimWidthMm * PT_PER_MM, trimHeightPt: format.trimHeightMm * PT_PER_MM };
  const metadata = issueMetadata(issue);
  const pageLabels = issue.pages.map((page) => pageLabel(page.no));
  const [print, epaper] = await Promise.all([
    finishPdf({
      pdf: printed.printPdf,
      kind: "print",
      geometry: { ...trim, bleedPt: format.bleedMm * PT_PER_MM, slugPt: SLUG_MM * PT_PER_MM },
      outline: outline(issue, printed.printHeadlines),
      pageLabels,
      metadata,
    }),
    finishPdf({
      pdf: printed.epaperPdf,
      kind: "epaper",
      geometry: { ...trim, bleedPt: 0, slugPt: 0 },
      outline: outline(issue, printed.epaperHeadlines),
      pageLabels,
      metadata,
    }),
  ]);
  return { print, epaper };
}
