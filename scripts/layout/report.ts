// The copyfit report: per page and article, the lines a module offers and the
// lines its copy uses, written to report.json and printed as a table.
import type { Issue } from "../types.js";
import type { LaidOutIssue } from "./layout.js";

export interface CopyfitReport {
  issue: string;
  date: string;
  layoutMs: number;
  resolves: number;
  timingsMs: Record<string, number>;
  pages: {
    page: number;
    section: string;
    fillRatio: number;
    emptyCells: number;
    articles: { file: string; span: number; linesAvailable: number; linesUsed: number; spareLines: number; characters: number; spareCharacters: number }[];
  }[];
  warnings: string[];
}

export function renderReport(issue: Issue, layout: LaidOutIssue, timings: Record<string, number | undefined>): CopyfitReport {
  return {
    issue: issue.id,
    date: issue.date,
    layoutMs: Math.round(layout.layoutMs),
    resolves: layout.resolves,
    timingsMs: Object.fromEntries(Object.entries(timings).map(([stage, ms]) => [stage, Math.round(ms ?? 0)])),
    pages: layout.pages.map((page) => ({
      page: page.pageNo,
      section: page.section,
      fillRatio: Number(page.fillRatio.toFixed(4)),
      emptyCells: page.emptyCells,
      articles: page.articles.map((article) => ({
        file: article.file,
        span: article.span,
        linesAvailable: article.linesAvailable,
        linesUsed: article.linesUsed,
        spareLines: article.linesAvailable - article.linesUsed,
        characters: article.characters,
        spareCharacters: article.spareCharacters,
      })),
    })),
    warnings: layout.warnings.map((warning) => warning.reason),
  };
}

/** The report as a table for the terminal. */
export function reportTable(report: CopyfitReport): string {
  const rows = ["page  article            cols  avail   used  spare  chars  fill"];
  for (const page of report.pages) {
    for (const [i, article] of page.articles.entries()) {
      rows.push(
        [
          i === 0 ? String(page.page).padStart(4) : "    ",
          article.file.padEnd(18),
          String(article.span).padStart(5),
          String(article.linesAvailable).padStart(6),
          String(article.linesUsed).padStart(6),
          String(article.spareLines).padStart(6),
          String(article.characters).padStart(6),
          i === 0 ? `${(page.fillRatio * 100).toFixed(1).padStart(5)}%` : "",
        ].join(" "),
      );
    }
  }
  return rows.join("\n");
}
