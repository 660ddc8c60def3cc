// Lay out and measure: in the loaded document, measure every article once,
// solve each page's modular layout, apply it, and prove that every module's
// content fits. A page whose proof fails is re-measured and re-solved (at most
// twice); what still does not fit fails the build, naming page, file and amount.
import type { Page } from "puppeteer";
import { GUIDE_ID, pageSectionId, type ComposedArticle, type ComposedIssue } from "../compose/compose.js";
import { ExitCode, type IssueMessage, BuildError, fail } from "../messages.js";
import type { PageEntry, PaperFormat } from "../types.js";
import { HEAD_AIR_LINES, headSizes, headSizesBySpan, modelArticle, modelBox, type ArticleMeasure, type HeadSizes, type ModelledModule } from "./model.js";
import { solvePage, type SolvedPlacement } from "./solve.js";
import { PINNED_FAMILIES } from "../compose/fonts.js";
import { pageFolderName } from "../content/page-folders.js";
import { findFallbackFonts } from "./font-fallback.js";

export interface ModulePlacement {
  id: string;
  column: number;
  span: number;
  row: number;
  rows: number;
  headLines: number;
  photoRows: number;
  /** Photo width in columns; narrower than the module puts the caption beside the photo. */
  photoSpan: number;
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
  jumps: Jump[];
  /** Measuring, solving and proving, in milliseconds. */
  layoutMs: number;
  resolves: number;
}

const MAX_RESOLVES_PER_PAGE = 2;
/** A 转版 moves at least this many lines: a continuation of a line or two reads as a mistake. */
const MIN_JUMP_LINES = 8;
/** A page emptier than this gets a warning (a failure under --strict). */
const UNDERFILL_SHARE = 0.05;

interface PageModel {
  entry: PageEntry;
  firstRow: number;
  rows: number;
  modules: ModelledModule[];
}

type LayoutApi = {
  newsprintLayout: {
    measure(plan: unknown): Promise<MeasureResult>;
    apply(placements: unknown): void;
    verify(): { id: string; overflowLines: number }[];
    split(request: unknown): boolean;
  };
};

interface MeasureResult {
  articles: ArticleMeasure[];
  boxes: { id: string; lines: Record<number, number> }[];
  brokenImages: string[];
}

/** A story cut at its page's foot and continued on another page (转版). */
export interface Jump {
  articleId: string;
  continuationId: string;
  fromPage: number;
  toPage: number;
  /** Body lines (in one column) kept on the first page. */
  keptLines: number;
  movedLines: number;
  /** Lines the browser set beyond the measure, kept on the first page's share. */
  extraLines: number;
}

export async function layoutIssue(page: Page, composed: ComposedIssue): Promise<LaidOutIssue> {
  const started = performance.now();
  const { format } = composed.issue;
  const articles = new Map(composed.articles.map((article) => [article.id, article]));
  /** Continuations added to a page by a jump, after its own stories. */
  const continuations = new Map<number, ComposedArticle[]>();
  const measures = new Map<string, ArticleMeasure>();
  const ALL_SPANS = Array.from({ length: format.columns }, (_, i) => i + 1);
  const guideSpans = [...new Set([2, 3].map((span) => Math.max(1, Math.round((span * format.columns) / 8))))];

  const measure = async (ids: string[], boxes: { id: string; spans: number[] }[] = []) => {
    const plan = {
      articles: ids.map((id) => {
        const sizes = headSizesBySpan(articles.get(id)!, format);
        return { id, spans: Object.keys(sizes).map(Number), captionSpans: ALL_SPANS, headSizes: sizes };
      }),
      boxes,
    };
    const result = await page.evaluate((request) => (window as unknown as LayoutApi).newsprintLayout.measure(request), plan);
    for (const found of result.articles) measures.set(found.articleId, found);
    return result;
  };

  const first = await measure(composed.articles.map((article) => article.id), [{ id: GUIDE_ID, spans: guideSpans }]);
  if (first.brokenImages.length > 0) {
    throw new BuildError(
      first.brokenImages.map((src) => ({ stage: "layout", ruleId: "image-decode", fatal: true, reason: `Chromium could not decode the image ${src}` })),
      ExitCode.BadInput,
    );
  }
  const guideLines = first.boxes.find((box) => box.id === GUIDE_ID)?.lines;

  const modelPage = (entry: PageEntry, override?: ArticleMeasure): PageModel => {
    const front = entry.no === 1;
    const firstRow = front ? composed.mastheadRows : 0;
    const stories = [...entry.articles.map((article) => articles.get(article.id)!), ...(continuations.get(entry.no) ?? [])];
    const modules = stories.map((article) => modelArticle(article, override?.articleId === article.id ? override : measures.get(article.id)!, format));
    if (front && guideLines) modules.push(modelBox(GUIDE_ID, guideLines));
    return { entry, firstRow, rows: format.typeAreaLines - firstRow, modules };
  };
  const solve = (model: PageModel) =>
    solvePage({ columns: format.columns, rows: model.rows + 1, modules: model.modules.map((module) => module.solver), blankCellCost: 4, headlineClashCost: 8 });

  /** Cuts a story that carries continue_on where the page's shortest layout fits, keeping as much as it can. */
  const planJump = async (entry: PageEntry): Promise<Jump | undefined> => {
    const jumper = entry.articles.map((article) => articles.get(article.id)!).find((article) => article.hints.continueOn);
    if (!jumper) return undefined;
    // The cut is made in the story's fresh lines in one column; lines the browser
    // needed beyond the measure (learned while proving) stay on top of them.
    const learned = measures.get(jumper.id)!.bodyLines;
    await measure([jumper.id]);
    const fresh = measures.get(jumper.id)!;
    const extra = Math.max(0, learned - fresh.bodyLines);
    measures.set(jumper.id, { ...fresh, bodyLines: fresh.bodyLines + extra });
    const least = Math.ceil(fresh.bodyLines / 3);
    for (let kept = fresh.bodyLines - MIN_JUMP_LINES; kept >= least; kept--) {
      // Room on the first page for the 下转 line, and a line of slack for where the cut falls.
      if (solve(modelPage(entry, { ...fresh, bodyLines: kept + 2 + extra })).kind === "fit") {
        return { articleId: jumper.id, continuationId: `${jumper.id}-cont`, fromPage: entry.no, toPage: jumper.hints.continueOn!, keptLines: kept, movedLines: fresh.bodyLines - kept, extraLines: extra };
      }
    }
    return undefined;
  };

  const jumps: Jump[] = [];
  const makeJump = async (jump: Jump) => {
    const story = articles.get(jump.articleId)!;
    const cut = await page.evaluate((request) => (window as unknown as LayoutApi).newsprintLayout.split(request), {
      ...jump,
      targetPageId: pageSectionId(jump.toPage),
      title: composed.issue.pages.find((entry) => entry.no === jump.fromPage)!.articles.find((article) => article.id === jump.articleId)!.title,
      fromLabel: `（上接第${jump.fromPage}版）`,
      toLabel: `（下转第${jump.toPage}版）`,
    });
    if (!cut) {
      fail({ stage: "layout", ruleId: "jump", file: story.relFile, page: jump.fromPage, reason: `could not cut the story after line ${jump.keptLines} to continue it on page ${jump.toPage}` }, ExitCode.Overflow);
    }
    const continuation: ComposedArticle = {
      id: jump.continuationId,
      relFile: story.relFile,
      pageNo: jump.toPage,
      order: Number.MAX_SAFE_INTEGER,
      rank: "minor",
      bodyChars: Math.round((story.bodyChars * jump.movedLines) / (jump.movedLines + jump.keptLines)),
      hints: {},
    };
    articles.set(continuation.id, continuation);
    continuations.set(jump.toPage, [...(continuations.get(jump.toPage) ?? []), continuation]);
    await measure([jump.articleId, continuation.id]);
    const cutStory = measures.get(jump.articleId)!;
    measures.set(jump.articleId, { ...cutStory, bodyLines: cutStory.bodyLines + jump.extraLines });
    jumps.push(jump);
  };

  const errors: IssueMessage[] = [];
  let resolves = 0;
  const fits = new Map<number, PageFit>();
  const queue = [...composed.issue.pages];

  /** A story continued onto a page already laid out sends that page round again. */
  const jumpFrom = async (entry: PageEntry): Promise<boolean> => {
    if (jumps.some((jump) => jump.fromPage === entry.no)) return false;
    const jump = await planJump(entry);
    if (!jump) return false;
    await makeJump(jump);
    const target = composed.issue.pages.find((candidate) => candidate.no === jump.toPage);
    if (target && fits.has(target.no)) queue.push(target);
    return true;
  };

  /** Solves, applies and proves one page; re-solves with what the browser set when the proof fails. */
  const layoutPage = async (entry: PageEntry): Promise<PageFit | IssueMessage[]> => {
    for (let attempt = 0; ; attempt++) {
      let model = modelPage(entry);
      let solved = solve(model);
      if (solved.kind === "overflow" && (await jumpFrom(entry))) {
        model = modelPage(entry);
        solved = solve(model);
      }
      if (solved.kind === "overflow") {
        // Blame the story with the most copy: cutting it is the editor's likeliest fix. The
        // amount is the rows over times its width in columns, as lines of one column.
        const stories = [...entry.articles.map((article) => article.id), ...(continuations.get(entry.no) ?? []).map((article) => article.id)];
        const longest = stories.reduce((best, id) => (measures.get(id)!.bodyLines >= measures.get(best)!.bodyLines ? id : best));
        const span = solved.placements.find((placement) => placement.id === longest)?.span ?? 1;
        return [overflowMessage(entry, articles.get(longest), solved.overflowRows * span, format)];
      }
      const placements = realise(model, solved.placements, articles);
      await page.evaluate((list) => (window as unknown as LayoutApi).newsprintLayout.apply(list), placements);
      const problems = (await page.evaluate(() => (window as unknown as LayoutApi).newsprintLayout.verify())).filter(
        (problem) => articles.get(problem.id)?.pageNo === entry.no,
      );
      if (problems.length === 0) return pageFit(model, placements, solved.emptyCells, articles, measures, format);
      if (attempt === MAX_RESOLVES_PER_PAGE) {
        return problems.map((problem) => overflowMessage(entry, articles.get(problem.id), problem.overflowLines, format));
      }
      // The browser set more lines than measured (balancing, keep-with-next): learn and re-solve.
      resolves++;
      for (const problem of problems) {
        const known = measures.get(problem.id)!;
        measures.set(problem.id, { ...known, bodyLines: known.bodyLines + problem.overflowLines });
      }
    }
  };

  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const result = await layoutPage(entry);
    if (Array.isArray(result)) errors.push(...result);
    else fits.set(entry.no, result);
  }
  if (errors.length > 0) throw new BuildError(errors, ExitCode.Overflow);

  const pages = composed.issue.pages.map((entry) => fits.get(entry.no)!);
  const warnings = pages.filter((fit) => 1 - fit.fillRatio > UNDERFILL_SHARE).map((fit): IssueMessage => ({
    stage: "layout",
    ruleId: "underfill",
    fatal: false,
    page: fit.pageNo,
    file: `pages/${pageFolderName(fit.pageNo)}`,
    reason: `page ${fit.pageNo} is ${((1 - fit.fillRatio) * 100).toFixed(1)}% empty (${fit.emptyCells} grid cells); add copy or a photo`,
  }));
  // A character no pinned face has would print in a system font, or as an empty box.
  warnings.push(...(await findFallbackFonts(page, PINNED_FAMILIES)));
  return { pages, warnings, jumps, layoutMs: performance.now() - started, resolves };
}

/** `lines` are lines of one column, so characters = lines x the column's characters. */
function overflowMessage(entry: PageEntry, article: ComposedArticle | undefined, lines: number, format: PaperFormat): IssueMessage {
  lines = Math.max(1, lines);
  const characters = lines * format.columnChars;
  return {
    stage: "layout",
    ruleId: "overflow",
    fatal: true,
    page: entry.no,
    file: article?.relFile ?? `pages/${pageFolderName(entry.no)}`,
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
      photoSpan: shape.photoSpan,
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
