// The keys of an article's front matter. Unknown keys are allowed (editors'
// own notes, future keys), but known keys must have the right type.
import { z } from "zod";
import type { PaperFormat } from "../types.js";
import { MAX_PAGE } from "./issue-file.js";
import { describeValue } from "./problems.js";
import { optionalText, optionalWholeNumber, requiredText } from "./schema-fields.js";

export const RANKS = ["lead", "major", "minor", "brief"] as const;

/** Built per format: the column limits depend on the grid. */
export function frontMatterSchema(format: PaperFormat) {
  return z.looseObject({
    title: requiredText("title", "title is missing: every article needs a title"),
    kicker: optionalText("kicker"),
    subtitle: optionalText("subtitle"),
    byline: optionalText("byline"),
    source: optionalText("source"),
    image: optionalText("image"),
    caption: optionalText("caption"),
    // Layout hints, additions to the format.
    columns: optionalWholeNumber("columns", 1, format.columns, `columns (module width; the ${format.name} grid has ${format.columns})`),
    rank: z
      .preprocess(
        (value) => (value === null ? undefined : value),
        z.enum(RANKS, { error: (issue) => `rank must be one of ${RANKS.join(", ")}, not ${describeValue(issue.input)}` }).optional(),
      )
      .optional(),
    photo_span: optionalWholeNumber("photo_span", 1, format.columns, "photo_span (photo width in columns)"),
    continue_on: optionalWholeNumber("continue_on", 1, MAX_PAGE, "continue_on (the page the article continues on)"),
  });
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;
