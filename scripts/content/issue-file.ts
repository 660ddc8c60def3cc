// issue.yaml: the paper, the date, the number and the list of pages.
import { join } from "node:path";
import { stat } from "node:fs/promises";
import { z } from "zod";
import type { PaperFormat, PaperInfo } from "../types.js";
import { DEFAULT_FORMAT, FORMATS } from "./formats.js";
import { describeValue, type Problems } from "./problems.js";
import { optionalText, requiredText, wholeNumber } from "./schema-fields.js";
import { reportSchemaIssues } from "./schema-problems.js";
import { readTextFile } from "./text-file.js";
import { parseYaml, type ParsedYaml } from "./yaml-lines.js";

export const ISSUE_FILE = "issue.yaml";
/** Page folders are two digits, so page numbers stop at 99. */
export const MAX_PAGE = 99;

export interface ListedPage {
  no: number;
  section?: string;
  editor?: string;
  designer?: string;
  /** Line of the entry in issue.yaml, and of its `no:`. */
  line?: number;
  noLine?: number;
}

export interface IssueFile {
  paper: PaperInfo;
  date: string;
  number: number;
  format: PaperFormat;
  pages: Array<{ no: number; section: string; editor?: string; designer?: string }>;
}

export interface IssueListing {
  /** The whole file, present only when it has no problems. */
  valid?: IssueFile;
  /** The format to check articles against: the named one, else the default. */
  format: PaperFormat;
  /**
   * The pages issue.yaml lists, as far as they can be read even from a file
   * with problems, so page folders and articles can still be checked; undefined
   * when there is no usable `pages:` list at all.
   */
  listed?: ListedPage[];
  /** Line of the `pages:` key. */
  pagesLine?: number;
}

const knownFormats = Object.keys(FORMATS).join(", ");

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateSchema = z.preprocess(
  // A `%YAML 1.1` file turns dates into Date objects; take them back to text.
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? "date is missing (write it as YYYY-MM-DD)" : `date must be written YYYY-MM-DD, not ${describeValue(issue.input)}`,
    })
    .trim()
    .refine(isRealDate, { error: (issue) => `date ${describeValue(issue.input)} is not a real date in the form YYYY-MM-DD` }),
);

const formatSchema = z
  .preprocess(
    (value) => (value === null ? undefined : value),
    z
      .string({ error: (issue) => `format must be one of ${knownFormats}, not ${describeValue(issue.input)}` })
      .trim()
      .refine((name) => Object.hasOwn(FORMATS, name), {
        error: (issue) => `format ${describeValue(issue.input)} is unknown; known formats: ${knownFormats}`,
      })
      .optional(),
  )
  .optional();

const pageEntrySchema = z.object(
  {
    no: wholeNumber("no", 1, MAX_PAGE, "no (the page number)"),
    section: requiredText("section", "section (版名) is missing"),
    editor: optionalText("editor"),
    designer: optionalText("designer"),
  },
  { error: (issue) => `must be a mapping with no and section, not ${describeValue(issue.input)}` },
);

const issueSchema = z.object({
  paper: z.object(
    {
      name: requiredText("paper.name", "paper.name (the masthead title) is missing"),
      cn: optionalText("paper.cn", true),
      postal_code: optionalText("paper.postal_code", true),
      publisher: optionalText("paper.publisher"),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? "paper is missing (it holds the masthead name)"
          : `paper must be a mapping with name, cn, postal_code and publisher, not ${describeValue(issue.input)}`,
    },
  ),
  date: dateSchema,
  number: wholeNumber("number (总第N期)", 1, Infinity),
  format: formatSchema,
  pages: z.preprocess(
    (value) => (value === null ? [] : value),
    z
      .array(pageEntrySchema, {
        error: (issue) =>
          issue.input === undefined
            ? "pages is missing: list one entry (no, section) per page"
            : `pages must be a list of page entries, not ${describeValue(issue.input)}`,
      })
      .min(1, { error: "pages is empty: list one entry (no, section) per page" }),
  ),
});

function pagesPrefix(path: readonly PropertyKey[]): string {
  return path[0] === "pages" && typeof path[1] === "number" ? `pages entry ${path[1] + 1}: ` : "";
}

export async function readIssueFile(issueDir: string, problems: Problems): Promise<IssueListing> {
  const fallback: IssueListing = { format: FORMATS[DEFAULT_FORMAT]! };
  const source = await readIssueYaml(join(issueDir, ISSUE_FILE), problems);
  if (!source) return fallback;
  const { raw, yaml } = source;

  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) reportSchemaIssues(problems, parsed.error.issues, { file: ISSUE_FILE, yaml, ruleId: "issue-schema" }, pagesPrefix);

  const record = raw;
  const formatName = typeof record.format === "string" ? record.format.trim() : DEFAULT_FORMAT;
  const format = Object.hasOwn(FORMATS, formatName) ? FORMATS[formatName]! : fallback.format;
  // An empty or unusable list leaves nothing to compare folders against;
  // "pages is empty" already says what is wrong.
  const readable = Array.isArray(record.pages) ? readListedPages(record.pages, yaml) : [];
  const listed = readable.length > 0 ? readable : undefined;
  const pagesLine = yaml.lineOf(["pages"]);
  if (listed) checkPageNumbering(listed, problems);

  const numberingOk = listed !== undefined && listed.length === (record.pages as unknown[]).length && listed.every((page, index) => page.no === index + 1);
  if (!parsed.success || !numberingOk) return { format, listed, pagesLine };

  const data = parsed.data;
  const paper: PaperInfo = { name: data.paper.name };
  if (data.paper.cn) paper.cn = data.paper.cn;
  if (data.paper.postal_code) paper.postalCode = data.paper.postal_code;
  if (data.paper.publisher) paper.publisher = data.paper.publisher;
  const pages = data.pages.map(({ no, section, editor, designer }) => ({
    no,
    section,
    ...(editor ? { editor } : {}),
    ...(designer ? { designer } : {}),
  }));
  const valid: IssueFile = { paper, date: data.date, number: data.number, format, pages };
  return { valid, format, listed, pagesLine };
}

/** The parsed file as a mapping, or undefined after reporting why it is unusable. */
async function readIssueYaml(absFile: string, problems: Problems): Promise<{ raw: Record<string, unknown>; yaml: ParsedYaml } | undefined> {
  const info = await stat(absFile).catch(() => undefined);
  if (!info?.isFile()) {
    problems.add({
      file: ISSUE_FILE,
      ruleId: "issue-yaml-missing",
      reason: info ? "issue.yaml is not a file" : "issue.yaml is missing: every issue folder needs one (paper, date, number, pages)",
    });
    return undefined;
  }
  const source = await readTextFile(absFile);
  if (!source.ok) {
    problems.add({ file: ISSUE_FILE, line: source.line, ruleId: "encoding", reason: "issue.yaml is not UTF-8 text (saved as GBK?); save it as UTF-8" });
    return undefined;
  }
  const yaml = parseYaml(source.text);
  for (const error of yaml.errors) {
    problems.add({ file: ISSUE_FILE, line: error.line, ruleId: "yaml-syntax", reason: `YAML syntax error: ${error.message}` });
  }
  if (yaml.errors.length > 0) return undefined;
  const raw = yaml.value;
  if (raw === null || raw === undefined) {
    problems.add({ file: ISSUE_FILE, ruleId: "issue-schema", reason: "issue.yaml is empty: it needs paper, date, number and pages" });
    return undefined;
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.add({ file: ISSUE_FILE, line: 1, ruleId: "issue-schema", reason: `issue.yaml must be a mapping with paper, date, number and pages, not ${describeValue(raw)}` });
    return undefined;
  }
  return { raw: raw as Record<string, unknown>, yaml };
}

/** The entries with a usable page number, even if other keys are wrong. */
function readListedPages(entries: unknown[], yaml: ParsedYaml): ListedPage[] {
  const pages: ListedPage[] = [];
  entries.forEach((entry, index) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return;
    const { no, section, editor, designer } = entry as Record<string, unknown>;
    if (typeof no !== "number" || !Number.isInteger(no) || no < 1 || no > MAX_PAGE) return;
    const page: ListedPage = { no };
    const line = yaml.lineOf(["pages", index]);
    if (line !== undefined) page.line = line;
    const noLine = yaml.lineOf(["pages", index, "no"]);
    if (noLine !== undefined) page.noLine = noLine;
    if (typeof section === "string" && section.trim()) page.section = section.trim();
    if (typeof editor === "string" && editor.trim()) page.editor = editor.trim();
    if (typeof designer === "string" && designer.trim()) page.designer = designer.trim();
    pages.push(page);
  });
  return pages;
}

/**
 * Pages must be numbered 1 … N in list order. Each entry is compared with the
 * one before it, so one gap yields one message rather than one per later page.
 */
function checkPageNumbering(listed: ListedPage[], problems: Problems): void {
  const firstEntry = new Map<number, number>();
  let previous = 0;
  for (const page of listed) {
    const line = page.noLine ?? page.line;
    const seenAt = firstEntry.get(page.no);
    if (seenAt !== undefined) {
      problems.add({
        file: ISSUE_FILE,
        line,
        page: page.no,
        ruleId: "page-numbering",
        reason: `page no: ${page.no} is listed twice (first on line ${seenAt}); pages must be numbered 1 … N in order`,
      });
      continue;
    }
    firstEntry.set(page.no, line ?? 0);
    if (page.no !== previous + 1) {
      const reason =
        page.no > previous + 1
          ? `page no: ${page.no} follows no: ${previous}; ${previous + 1 === page.no - 1 ? `page ${previous + 1} is` : `pages ${previous + 1} … ${page.no - 1} are`} missing (pages must be numbered 1 … N in order)`
          : `page no: ${page.no} comes after no: ${previous}; pages must be listed in order 1 … N`;
      problems.add({ file: ISSUE_FILE, line, page: page.no, ruleId: "page-numbering", reason });
    }
    previous = Math.max(previous, page.no);
  }
}
