// Lay out and measure: in the loaded document, measure every article once,
// solve each page's modular layout, apply it, and prove that every module's
// content fits. A page whose proof fails is re-measured and re-solved (at most
// twice); what still does not fit fails the build, naming page, file and amount.
import type { Page } from "puppeteer";
import { GUIDE_ID, type ComposedArticle, type ComposedIssue } from "../compose/compose.js";
import { ExitCode, type IssueMessage, BuildError } from "../messages.js";
import type { PageEntry, PaperFormat } from "../types.js";
import { HEAD_AIR_LINES, headSizes, headSizesBySpan, modelArticle, modelBox, type ArticleMeasure, type HeadSizes, type ModelledModule } from "./model.js";
import { solvePage, type SolvedPlacement } from "./solve.js";

export interface ModulePlacement {
  id: string;
  column: number;
  span: number;
  row: number;
  rows: number;
  headLines: number;
  photoRows: number;
  sizes?: HeadSizes;
  spaced: boolean;
  ruledLeft: boolean;
}

export interface ArticleFit {
  id: string;
  file: string;
  span: number;
  /** Lines the module offers its body (legs x leg depth) and lines the body uses. */
  linesAvailable: number;
  linesUsed: number;
  /** Characters the body holds, and an estimate of the room left (negative: over). */
  characters: number;
  spareCharacters: number;
}

export interface PageFit {
  pageNo: number;
  section: string;
  fillRatio: number;
  emptyCells: number;
  articles: ArticleFit[];
  placements: ModulePlacement[];
}

export interface LaidOutIssue {
  pages: PageFit[];
  warnings: IssueMessage[];
  /** Measuring, solving and proving, in milliseconds. */
  layoutMs: number;
  resolves: number;
}

const MAX_RESOLVES_PER_PAGE = 2;

interface PageModel {
  entry: PageEntry;
  firstRow: number;
  rows: number;
  modules: ModelledModule[];
}

export async function layoutIssue(page: Page, composed: ComposedIssue): Promise<LaidOutIssue> {
  const started = performance.now();
  const { format } = composed.issue;
  const articles = new Map(composed.articles.map((article) => [article.id, article]));
  const guideSpans = [2, 3].map((span) => Math.max(1, Math.round((span * format.columns) / 8)));
  const measured = (await page.evaluate(
    (plan) => (window as unknown as { newsprintLayout: { measure(plan: unknown): unknown } }).newsprintLayout.measure(plan),
    {
      articles: composed.articles.map((article) => ({ id: article.id, spans: Object.keys(headSizesBySpan(article, format)).map(Number), headSizes: headSizesBySpan(article, format) })),
      boxes: [{ id: GUIDE_ID, spans: [...new Set(guideSpans)] }],
    },
  )) as { articles: ArticleMeasure[]; boxes: { id: string; lines: Record<number, number> }[]; brokenImages: string[] };

  if (measured.brokenImages.length > 0) {
    throw new BuildError(
      measured.brokenImages.map((src) => ({ stage: "layout", ruleId: "image-decode", fatal: true, reason: `Chromium could not decode the image ${src}` })),
      ExitCode.BadInput,
    );
  }
  const measures = new Map(measured.articles.map((measure) => [measure.articleId, measure]));
  const guideLines = measured.boxes.find((box) => box.id === GUIDE_ID)?.lines;

  const modelPage = (entry: PageEntry): PageModel => {
    const front = entry.no === 1;
    const firstRow = front ? composed.mastheadRows : 0;
    const modules = entry.articles.map((article) => modelArticle(articles.get(article.id)!, measures.get(article.id)!, format));
    if (front && guideLines) modules.push(modelBox(GUIDE_ID, guideLines));
    return { entry, firstRow, rows: format.typeAreaLines - firstRow, modules };
  };

  const errors: IssueMessage[] = [];
  const warnings: IssueMessage[] = [];
  const pages: PageFit[] = [];
  let resolves = 0;
  for (const entry of composed.issue.pages) {
    let fit: PageFit | undefined;
    for (let attempt = 0; attempt <= MAX_RESOLVES_PER_PAGE; attempt++) {
      const model = modelPage(entry);
      const solved = solvePage({ columns: format.columns, rows: model.rows + 1, modules: model.modules.map((module) => module.solver), blankCellCost: 4, headlineClashCost: 8 });
      if (solved.kind === "overflow") {
        errors.push(overflowMessage(entry, articles.get(solved.moduleId), solved.overflowRows, format));
        break;
      }
      const placements = realise(model, solved.placements, articles);
      await page.evaluate((list) => (window as unknown as { newsprintLayout: { apply(p: unknown): void } }).newsprintLayout.apply(list), placements);
      const problems = (await page.evaluate(() => (window as unknown as { newsprintLayout: { verify(): unknown } }).newsprintLayout.verify())) as { id: string; overflowLines: number }[];
      const onThisPage = problems.filter((problem) => articles.get(problem.id)?.pageNo === entry.no);
      if (onThisPage.length === 0) {
        fit = pageFit(model, placements, solved.emptyCells, articles, measures, format);
        break;
      }
      if (attempt === MAX_RESOLVES_PER_PAGE) {
        for (const problem of onThisPage) errors.push(overflowMessage(entry, articles.get(problem.id), Math.ceil(problem.overflowLines / Math.max(1, spanOf(placements, problem.id))), format));
        break;
      }
      // The browser set more lines than measured (balancing, keep-with-next): learn and re-solve.
      resolves++;
      for (const problem of onThisPage) {
        const measure = measures.get(problem.id)!;
        measures.set(problem.id, { ...measure, bodyLines: measure.bodyLines + problem.overflowLines });
      }
    }
    if (!fit) continue;
    pages.push(fit);
    const emptyShare = 1 - fit.fillRatio;
    if (emptyShare > 0.05) {
      warnings.push({
        stage: "layout",
        ruleId: "underfill",
        fatal: false,
        page: entry.no,
        file: `pages/${String(entry.no).padStart(2, "0")}`,
        reason: `page ${entry.no} is ${(emptyShare * 100).toFixed(1)}% empty (${fit.emptyCells} grid cells); add copy or a photo`,
      });
    }
  }
  if (errors.length > 0) throw new BuildError(errors, ExitCode.Overflow);
  return { pages, warnings, layoutMs: performance.now() - started, resolves };
}

function spanOf(placements: ModulePlacement[], id: string): number {
  return placements.find((placement) => placement.id === id)?.span ?? 1;
}

function overflowMessage(entry: PageEntry, article: ComposedArticle | undefined, overflowRows: number, format: PaperFormat): IssueMessage {
  const lines = Math.max(1, overflowRows);
  const characters = lines * format.columnChars;
  return {
    stage: "layout",
    ruleId: "overflow",
    fatal: true,
    page: entry.no,
    file: article?.relFile ?? `pages/${String(entry.no).padStart(2, "0")}`,
    reason: `${lines} lines (about ${characters} characters) do not fit on page ${entry.no}`,
  };
}

/** Turns solver rectangles into what the page applies: head, photo and leg sizes. */
function realise(model: PageModel, solved: SolvedPlacement[], articles: Map<string, ComposedArticle>): ModulePlacement[] {
  const bottom = model.rows + 1;
  return solved.map((placement) => {
    const module = model.modules.find((candidate) => candidate.solver.id === placement.id)!;
    const shape = module.shapes[placement.optionIndex]!;
    const option = module.solver.options[placement.optionIndex]!;
    const stretch = Math.max(0, placement.rows - placement.blankRows - option.minRows);
    const photoStretch = Math.min(stretch, shape.photoRowsMax - shape.photoRowsMin);
    const photoRows = shape.photoRowsMin + photoStretch;
    const headAir = Math.min(stretch - photoStretch, HEAD_AIR_LINES);
    const atFoot = placement.row + placement.rows === bottom;
    const article = articles.get(placement.id);
    return {
      id: placement.id,
      column: placement.column,
      span: placement.span,
      row: model.firstRow + placement.row,
      // The spacer line of a module at the foot of the page falls outside the type area.
      rows: atFoot ? placement.rows - 1 : placement.rows,
      headLines: shape.headLines + headAir,
      photoRows,
      sizes: article ? headSizes(article.rank, placement.span, shape.headStep) : undefined,
      spaced: !atFoot,
      ruledLeft: placement.column > 0,
    };
  });
}

function pageFit(
  model: PageModel,
  placements: ModulePlacement[],
  emptyCells: number,
  articles: Map<string, ComposedArticle>,
  measures: Map<string, ArticleMeasure>,
  format: PaperFormat,
): PageFit {
  const fits: ArticleFit[] = [];
  for (const placement of placements) {
    const article = articles.get(placement.id);
    const measure = measures.get(placement.id);
    if (!article || !measure) continue;
    const legDepth = placement.rows - (placement.spaced ? 1 : 0) - placement.headLines - placement.photoRows - (measure.captionLines?.[placement.span] ?? 0);
    const linesAvailable = legDepth * placement.span;
    fits.push({
      id: article.id,
      file: article.relFile,
      span: placement.span,
      linesAvailable,
      linesUsed: measure.bodyLines,
      characters: article.bodyChars,
      spareCharacters: (linesAvailable - measure.bodyLines) * format.columnChars,
    });
  }
  const cells = model.rows * format.columns;
  return {
    pageNo: model.entry.no,
    section: model.entry.section,
    fillRatio: 1 - emptyCells / cells,
    emptyCells,
    articles: fits,
    placements,
  };
}
