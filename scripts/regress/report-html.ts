// The regression report page, output/<issue-id>/regress/index.html: changed
// pages first, each with expected / actual / diff side by side and a slider
// over the two, then the unchanged pages as thumbnails. Every decision is
// made here; templates/regress-report.hbs only presents the view.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { pageLabel } from "../compose/compose.js";
import { TEMPLATES_DIR, relativeUrl } from "../paths.js";
import type { PageResult, RegressSettings } from "./regress.js";

export const REPORT_FILE = "index.html";

export interface ReportInput {
  issue: string;
  /** Folder the report goes to; every image link is relative to it. */
  dir: string;
  pages: PageResult[];
  summary: string;
  failed: boolean;
  settings: RegressSettings;
  epaperSha256: string;
  baselineSha256?: string;
  baselineDir: string;
}

export function percent(share: number): string {
  // Two decimals; two significant digits below 0.01%, so a page that did change never shows "0.00%".
  const value = share * 100;
  return value > 0 && value < 0.01 ? `${value.toPrecision(2)}%` : `${value.toFixed(2)}%`;
}

export function statusText(page: PageResult): string {
  switch (page.status) {
    case "changed":
      return page.sizeChanged ? "page size changed" : `${percent(page.changedShare ?? 0)} of pixels changed`;
    case "missing":
      return "no approved image (missing baseline)";
    case "removed":
      return "approved, but not in this build";
    case "unchanged":
      return "unchanged";
  }
}

function changedView(page: PageResult, url: (file: string | undefined) => string | undefined) {
  const base = { no: page.no, section: page.section, label: pageLabel(page.no), status: page.status, statusText: statusText(page) };
  if (page.status === "changed") {
    return { ...base, trio: true, expected: url(page.expectedImage), actual: url(page.actualImage), diff: url(page.diffImage), antialiased: (page.antialiasedPixels ?? 0) > 0 };
  }
  const only =
    page.status === "missing"
      ? { kind: "actual", caption: "actual (this build); nothing approved to compare with", src: url(page.actualImage) }
      : { kind: "expected", caption: "expected (approved); this build has no such page", src: url(page.expectedImage) };
  return { ...base, trio: false, only };
}

let template: Handlebars.TemplateDelegate | undefined;

export function writeReportHtml(input: ReportInput): string {
  const url = (file: string | undefined) => (file ? relativeUrl(input.dir, file) : undefined);
  template ??= Handlebars.create().compile(readFileSync(join(TEMPLATES_DIR, "regress-report.hbs"), "utf8"), { strict: true });
  const { settings } = input;
  const html = template({
    title: `Visual regression: ${input.issue}`,
    summary: input.summary,
    failed: input.failed,
    changed: input.pages.filter((page) => page.status !== "unchanged").map((page) => changedView(page, url)),
    unchanged: input.pages
      .filter((page) => page.status === "unchanged")
      .map((page) => ({
        no: page.no,
        section: page.section,
        label: pageLabel(page.no),
        src: url(page.actualImage ?? page.expectedImage),
        note: (page.antialiasedPixels ?? 0) > 0 ? `${page.antialiasedPixels} px anti-aliasing` : "",
      })),
    settings: [
      { name: "e-paper sha256", value: input.epaperSha256 },
      { name: "approved sha256", value: input.baselineSha256 ?? "none" },
      { name: "baselines", value: input.baselineDir },
      { name: "rasterizer", value: `${settings.rasterizer.tool} ${settings.rasterizer.version}, ${settings.rasterizer.dpi} dpi, ${settings.rasterizer.flags.join(" ")}` },
      { name: "pixelmatch", value: `threshold ${settings.compare.threshold}, includeAA ${settings.compare.includeAA}, changed above ${settings.compare.maxChangedPixels} px` },
    ],
  });
  const file = join(input.dir, REPORT_FILE);
  writeFileSync(file, html);
  return file;
}
