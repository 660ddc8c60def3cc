// Compose: the loaded issue becomes one HTML document. TypeScript builds a
// plain view object (every decision made here); Handlebars only presents it.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { articleRank } from "../layout/headline.js";
import { STYLES_DIR, TEMPLATES_DIR, relativeUrl } from "../paths.js";
import type { Article, ArticleRank, Issue, PageEntry, PaperFormat } from "../types.js";
import { issueDate } from "./calendar.js";
import { createMarkdown, type BodyEnv } from "./markdown.js";
import { pageRules } from "./page-rules.js";
import { typesetPlain, typographyPlugins } from "./typography/index.js";
import { columnWidthPx, spanWidthPx } from "../content/formats.js";
import { pageFolderName } from "../content/page-folders.js";

/** What later stages need to know of an article besides its HTML. */
export interface ComposedArticle {
  id: string;
  relFile: string;
  pageNo: number;
  order: number;
  rank: ArticleRank;
  bodyChars: number;
  /** Photo width / height, when the article has one. */
  photoAspect?: number;
  hints: Article["hints"];
}

export interface ComposedIssue {
  issue: Issue;
  /** The folder the document is written to; every URL in it is relative to this. */
  documentDir: string;
  html: string;
  /** The paged-media rules (page size, bleed, marks) that Paged.js must read. */
  pageRules: string;
  articles: ComposedArticle[];
  /** Grid rows that the masthead takes on page 1. */
  mastheadRows: number;
}

export interface ComposeOptions {
  documentDir: string;
}

/** The stylesheets of the document, in cascade order. */
export const STYLESHEETS = ["fonts.css", "paper.css", "typography.css", "running-heads.css"];
const MASTHEAD_ROWS = 16;
const MASTHEAD_NAME_MAX_PX = 170;
/** Advance of one brush character, letter-spacing included, in em. */
const MASTHEAD_NAME_ADVANCE = 1.08;
export const GUIDE_ID = "np-guide";

function loadTemplates(): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  const partialsDir = join(TEMPLATES_DIR, "partials");
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith(".hbs"))) {
    handlebars.registerPartial(basename(file, ".hbs"), readFileSync(join(partialsDir, file), "utf8"));
  }
  return handlebars.compile(readFileSync(join(TEMPLATES_DIR, "issue.hbs"), "utf8"), { strict: false });
}

/** Headlines and captions get the body's typography rules; the result is markup, not text. */
function typeset(text: string): Handlebars.SafeString {
  return new Handlebars.SafeString(typesetPlain(text));
}

function plainTextLength(html: string): number {
  const text = html.replace(/<[^>]+>/g, "").replace(/&[a-z#0-9]+;/gi, "x");
  return [...text.replace(/\s+/g, "")].length;
}

/** The id of a page's <section> in the composed document. */
export function pageSectionId(no: number): string {
  return `page-${pageFolderName(no)}`;
}

export function pageLabel(no: number): string {
  return `第${pageFolderName(no)}版`;
}

function editorsLine(page: PageEntry): string {
  return [page.editor && `责任编辑：${page.editor}`, page.designer && `美术编辑：${page.designer}`].filter(Boolean).join("　");
}

export function composeIssue(issue: Issue, options: ComposeOptions): ComposedIssue {
  const md = createMarkdown(typographyPlugins);
  const date = issueDate(issue.date);
  const { documentDir } = options;
  const articles: ComposedArticle[] = [];

  const pages = issue.pages.map((page) => {
    const articleViews = page.articles.map((article) => {
      const env: BodyEnv = { articleFile: article.file, documentDir };
      const bodyHtml = md.render(article.body, { ...env });
      const bodyChars = plainTextLength(bodyHtml);
      const rank = articleRank(article, bodyChars);
      const photoAspect = article.image ? article.image.widthPx / article.image.heightPx : undefined;
      articles.push({ id: article.id, relFile: article.relFile, pageNo: page.no, order: article.order, rank, bodyChars, photoAspect, hints: article.hints });
      return {
        id: article.id,
        relFile: article.relFile,
        rank,
        kicker: article.kicker && typeset(article.kicker),
        title: typeset(article.title),
        subtitle: article.subtitle && typeset(article.subtitle),
        byline: article.byline,
        source: article.source && typeset(article.source),
        bodyHtml,
        photo: article.image && {
          src: relativeUrl(documentDir, article.image.path),
          aspect: photoAspect!.toFixed(4),
          caption: article.caption && typeset(article.caption),
        },
      };
    });
    const front = page.no === 1;
    return {
      id: pageSectionId(page.no),
      no: page.no,
      front,
      // Each margin box shows one whole string: Chromium drops a content value
      // that mixes Paged.js's string() with other text.
      running: {
        folio: `${pageLabel(page.no)}　${page.section}`,
        title: `${issue.paper.name}　${date.long}　${date.weekday}`,
        editors: editorsLine(page),
      },
      articles: articleViews,
      masthead: front && {
        rows: MASTHEAD_ROWS,
        name: issue.paper.name,
        nameSizePx: mastheadNameSize(issue),
        publisher: issue.paper.publisher,
        date: date.long,
        weekday: date.weekday,
        lunar: date.lunar,
        number: issue.number,
        pageCount: issue.pages.length,
        cn: issue.paper.cn,
        postalCode: issue.paper.postalCode,
      },
      guide: front && guideView(issue),
    };
  });

  const rules = pageRules(issue.format);
  const view = {
    title: `${issue.paper.name} ${issue.date} 总第${issue.number}期`,
    formatName: issue.format.name,
    stylesheets: [
      ...STYLESHEETS.map((name) => relativeUrl(documentDir, join(STYLES_DIR, name))),
    ],
    pageRules: rules,
    grid: gridView(issue.format),
    pages,
  };
  const html = loadTemplates()(view);
  return { issue, documentDir, html, pageRules: rules, articles, mastheadRows: MASTHEAD_ROWS };
}

/** The paper's name fills the masthead's title block (5 of 8 columns) on one line. */
function mastheadNameSize(issue: Issue): number {
  const blockWidth = (spanWidthPx(issue.format, issue.format.columns) * 5) / 8;
  const characters = [...issue.paper.name].length;
  return Math.min(MASTHEAD_NAME_MAX_PX, Math.floor(blockWidth / (characters * MASTHEAD_NAME_ADVANCE)));
}

function gridView(format: PaperFormat) {
  return {
    columns: format.columns,
    columnWidthPx: columnWidthPx(format),
    gutterPx: format.gutterPx,
    lineHeightPx: format.lineHeightPx,
    bodySizePx: format.bodySizePx,
    rows: format.typeAreaLines,
  };
}

/** 导读: the lead story of every inner page, linked to the article. */
function guideView(issue: Issue) {
  return {
    id: GUIDE_ID,
    entries: issue.pages
      .filter((page) => page.no !== 1 && page.articles.length > 0)
      .map((page) => ({ pageLabel: `${page.no}版`, title: page.articles[0]!.title, target: page.articles[0]!.id })),
  };
}

