// Layout hints in front matter (additions to the format): checks that need
// more than one key or the page list, and the mapping to LayoutHints.
import type { LayoutHints } from "../types.js";
import type { FrontMatter } from "./article-schema.js";
import type { ParsedYaml } from "./yaml-lines.js";

export type Report = (line: number | undefined, ruleId: string, reason: string) => void;

const isWhole = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

/**
 * @param raw the front matter as parsed, so these checks run even when
 *   another key has a type error.
 * @param pageNos the page numbers, when issue.yaml could be read.
 */
export function checkHintRelations(
  raw: Record<string, unknown>,
  yaml: ParsedYaml,
  pageNo: number,
  pageNos: ReadonlySet<number> | undefined,
  report: Report,
): void {
  const { columns, photo_span: photoSpan, continue_on: continueOn } = raw;
  if (isWhole(columns) && isWhole(photoSpan) && photoSpan > columns && columns >= 1) {
    report(yaml.lineOf(["photo_span"]), "layout-hint", `photo_span: ${photoSpan} is wider than the article (columns: ${columns})`);
  }
  if (isWhole(continueOn)) {
    if (continueOn === pageNo) {
      report(yaml.lineOf(["continue_on"]), "layout-hint", `continue_on: ${continueOn} is this article's own page; name the page the rest continues on`);
    } else if (pageNos && continueOn >= 1 && !pageNos.has(continueOn)) {
      report(yaml.lineOf(["continue_on"]), "layout-hint", `continue_on: ${continueOn} names a page the issue does not have (issue.yaml lists ${pageNos.size} pages)`);
    }
  }
}

export function toLayoutHints(fields: FrontMatter): LayoutHints {
  const hints: LayoutHints = {};
  if (fields.columns !== undefined) hints.columns = fields.columns;
  if (fields.rank !== undefined) hints.rank = fields.rank;
  if (fields.photo_span !== undefined) hints.photoSpan = fields.photo_span;
  if (fields.continue_on !== undefined) hints.continueOn = fields.continue_on;
  return hints;
}
