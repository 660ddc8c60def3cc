// One article: pages/NN/MM.md, YAML front matter then a Markdown body.
import { join } from "node:path";
import type { Article, ImageRef, PaperFormat } from "../types.js";
import { frontMatterSchema, type FrontMatter } from "./article-schema.js";
import { splitFrontMatter } from "./front-matter.js";
import { resolveImageRef } from "./image-refs.js";
import type { ImageFiles } from "./images.js";
import { findInlineImages } from "./inline-images.js";
import { checkHintRelations, toLayoutHints, type Report } from "./layout-hints.js";
import type { PageFolder } from "./page-folders.js";
import { describeValue, type Problems } from "./problems.js";
import { reportSchemaIssues } from "./schema-problems.js";
import { readTextFile } from "./text-file.js";
import { parseYaml, type ParsedYaml } from "./yaml-lines.js";

export interface ArticleContext {
  issueDir: string;
  format: PaperFormat;
  /** The issue's page numbers, when issue.yaml could be read. */
  pageNos?: ReadonlySet<number>;
  images: ImageFiles;
  problems: Problems;
}

export interface ArticleSlot {
  page: PageFolder;
  fileName: string;
  order: number;
  id: string;
}

/** The article, or undefined when it has problems (all of them reported). */
export async function readArticle(ctx: ArticleContext, slot: ArticleSlot): Promise<Article | undefined> {
  const { page, fileName } = slot;
  const file = join(page.dir, fileName);
  const relFile = `${page.rel}/${fileName}`;
  const problemsBefore = ctx.problems.count;
  const report: Report = (line, ruleId, reason) => ctx.problems.add({ file: relFile, line, page: page.no, ruleId, reason });

  const source = await readTextFile(file);
  if (!source.ok) {
    report(source.line, "encoding", "the file is not UTF-8 text (saved as GBK?); save it as UTF-8");
    return undefined;
  }
  const split = splitFrontMatter(source.text);
  if (split.kind === "none") {
    report(1, "title-missing", "title is missing: an article starts with front matter: a --- line, title: …, and another --- line");
    return undefined;
  }
  if (split.kind === "unclosed") {
    report(1, "front-matter-unclosed", "broken front matter: the --- on line 1 is never closed; add a --- line after the last key");
    return undefined;
  }

  const yaml = parseYaml(split.yaml, split.yamlLine);
  for (const error of yaml.errors) report(error.line, "front-matter-yaml", `broken front matter: YAML syntax error: ${error.message}`);
  const raw = yaml.errors.length === 0 ? frontMatterRecord(yaml.value, split.yamlLine, report) : undefined;

  let fields: FrontMatter | undefined;
  if (raw) {
    const parsed = frontMatterSchema(ctx.format).safeParse(raw);
    if (parsed.success) fields = parsed.data;
    else {
      reportSchemaIssues(
        ctx.problems,
        parsed.error.issues,
        { file: relFile, yaml, page: page.no, fallbackLine: 1, ruleId: (path) => (path[0] === "title" ? "title-missing" : "front-matter-type") },
      );
    }
    checkNeedsImage(raw, yaml, report);
    checkHintRelations(raw, yaml, page.no, ctx.pageNos, report);
  }

  const imageRef = typeof raw?.image === "string" && raw.image.trim() !== "" ? raw.image : undefined;
  const image = imageRef === undefined ? undefined : await checkImage(ctx, file, imageRef, yaml.lineOf(["image"]), "image", false, report);
  for (const inline of findInlineImages(split.body, split.bodyLine)) {
    await checkImage(ctx, file, inline.src, inline.line, "inline image", true, report);
  }

  if (ctx.problems.count > problemsBefore || !fields) return undefined;
  const article: Article = {
    id: slot.id,
    file,
    relFile,
    pageNo: page.no,
    order: slot.order,
    title: fields.title,
    hints: toLayoutHints(fields),
    body: split.body,
    bodyLine: split.bodyLine,
  };
  if (fields.kicker) article.kicker = fields.kicker;
  if (fields.subtitle) article.subtitle = fields.subtitle;
  if (fields.byline) article.byline = fields.byline;
  if (fields.source) article.source = fields.source;
  if (image) article.image = image;
  if (fields.caption) article.caption = fields.caption;
  return article;
}

function frontMatterRecord(value: unknown, yamlLine: number, report: Report): Record<string, unknown> | undefined {
  if (value === null || value === undefined) {
    report(1, "title-missing", "title is missing: the front matter is empty");
    return undefined;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    report(yamlLine, "front-matter-not-mapping", `broken front matter: it must be key: value lines (title: …), not ${describeValue(value)}`);
    return undefined;
  }
  return value as Record<string, unknown>;
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A caption or a photo width without a photo would be silently lost. */
function checkNeedsImage(raw: Record<string, unknown>, yaml: ParsedYaml, report: Report): void {
  if (!isBlank(raw.image)) return;
  if (!isBlank(raw.caption)) report(yaml.lineOf(["caption"]), "caption-needs-image", "caption needs image: add image: or remove the caption");
  if (!isBlank(raw.photo_span)) report(yaml.lineOf(["photo_span"]), "photo-span-needs-image", "photo_span needs image: add image: or remove photo_span");
}

async function checkImage(
  ctx: ArticleContext,
  articleFile: string,
  ref: string,
  line: number | undefined,
  label: string,
  decode: boolean,
  report: Report,
): Promise<ImageRef | undefined> {
  const resolved = resolveImageRef(ref, articleFile, ctx.issueDir, decode);
  if (!resolved.ok) {
    report(line, resolved.ruleId, `${label} "${ref.trim()}": ${resolved.reason}`);
    return undefined;
  }
  const checked = await ctx.images.check(resolved.abs);
  if (!checked.ok) {
    report(line, checked.ruleId, `${label} "${ref.trim()}": ${checked.reason}`);
    return undefined;
  }
  return checked.image;
}
