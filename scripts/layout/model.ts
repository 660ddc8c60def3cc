// The module model: from what the browser measured of an article, the shapes
// (width, height range, cost) it may take on the page grid. The solver only
// sees these options; every typographic judgement lives here.
import { spanWidthPx } from "../content/formats.js";
import type { ComposedArticle } from "../compose/compose.js";
import type { ArticleRank, PaperFormat } from "../types.js";
import { HEAD_STEPS, titleSizePx } from "./headline.js";
import type { ModuleOption, SolverModule } from "./solve.js";

export interface HeadSizes {
  title: number;
  kicker: number;
  subtitle: number;
}

export interface ArticleMeasure {
  articleId: string;
  /** Head lines by span, then by headline step. */
  headLines: Record<number, number[]>;
  captionLines?: Record<number, number>;
  /** Body lines when set in one column. */
  bodyLines: number;
  bodyText: number;
}

/** How an option is realised on the page, kept beside the solver's view of it. */
export interface OptionShape {
  span: number;
  headStep: number;
  headLines: number;
  captionLines: number;
  /** Photo width in columns (0 without a photo); narrower than the module puts the caption beside it. */
  photoSpan: number;
  /** Photo rows at minRows; stretching grows the photo first. */
  photoRowsMin: number;
  photoRowsMax: number;
  bodyLegLines: number;
}

export interface ModelledModule {
  solver: SolverModule;
  shapes: OptionShape[];
}

/** Widths a story of each rank may take, as a share of the page's columns. */
const RANK_SPANS: Record<ArticleRank, [number, number, number]> = {
  // [narrowest, preferred, widest] on 8 columns
  lead: [4, 6, 8],
  major: [3, 4, 6],
  minor: [2, 3, 5],
  brief: [1, 2, 3],
};

const COST = {
  perColumnOffPreferred: 6,
  headlineStepDown: 10,
  stretchPerRow: 0.6,
  shallowLegs: 8,
  deepLegs: 3,
  narrowPhoto: 4,
};
/** Modules this wide may also set their photo two columns narrower, caption beside it. */
const NARROW_PHOTO_FROM = 5;
const SHALLOWEST_LEG = 6;
const DEEPEST_LEG = 70;
const PHOTO_CROP = { tighter: 0.8, looser: 1.25 };
/** Extra lines of space a headline may take when a page has room to spare. */
export const HEAD_AIR_LINES = 2;
/** The module's last line is the space (and rule) before the module below. */
const SPACER_LINES = 1;

export function spanRange(rank: ArticleRank, format: PaperFormat, fixed?: number): number[] {
  if (fixed) return [Math.min(fixed, format.columns)];
  const scale = format.columns / 8;
  const [low, , high] = RANK_SPANS[rank].map((value) => Math.max(1, Math.min(format.columns, Math.round(value * scale))));
  return Array.from({ length: high! - low! + 1 }, (_, i) => low! + i);
}

function preferredSpan(rank: ArticleRank, format: PaperFormat): number {
  return Math.max(1, Math.round(RANK_SPANS[rank][1] * (format.columns / 8)));
}

export function headSizes(rank: ArticleRank, span: number, step: number): HeadSizes {
  const title = titleSizePx(rank, span, step);
  return { title, kicker: Math.max(14, Math.round(title * 0.42)), subtitle: Math.max(14, Math.round(title * 0.5)) };
}

export function headSizesBySpan(article: ComposedArticle, format: PaperFormat): Record<number, HeadSizes[]> {
  const spans = spanRange(article.rank, format, article.hints.columns);
  return Object.fromEntries(spans.map((span) => [span, HEAD_STEPS.map((step) => headSizes(article.rank, span, step))]));
}

/** Photo widths worth trying in a module `span` columns wide: the full width, or narrower with the caption beside it. */
function photoSpans(span: number, hint: number | undefined): number[] {
  if (hint) return [Math.min(hint, span)];
  return span >= NARROW_PHOTO_FROM ? [span, span - 2] : [span];
}

export function modelArticle(article: ComposedArticle, measure: ArticleMeasure, format: PaperFormat): ModelledModule {
  const options: ModuleOption[] = [];
  const shapes: OptionShape[] = [];
  const preferred = article.hints.columns ?? preferredSpan(article.rank, format);
  for (const span of spanRange(article.rank, format, article.hints.columns)) {
    const bodyLegLines = Math.ceil(measure.bodyLines / span);
    for (const photoSpan of article.photoAspect ? photoSpans(span, article.hints.photoSpan) : [0]) {
      for (const headStep of HEAD_STEPS) {
        const headLines = measure.headLines[span]![headStep]!;
        const beside = photoSpan > 0 && photoSpan < span;
        // A caption goes under a full-width photo, or beside a narrower one within the photo's rows.
        const captionLines = photoSpan === span ? (measure.captionLines?.[span] ?? 0) : 0;
        let photoRowsMin = 0;
        let photoRowsMax = 0;
        if (article.photoAspect) {
          const width = spanWidthPx(format, photoSpan) / format.lineHeightPx;
          const natural = width / article.photoAspect;
          // Any picture may lose a fifth of its height; a tall one may be cropped down to 5:4 landscape.
          photoRowsMin = Math.max(4, Math.round(Math.min(natural, width) * PHOTO_CROP.tighter));
          photoRowsMax = Math.max(photoRowsMin, Math.round(natural * PHOTO_CROP.looser));
          if (beside) {
            const captionBeside = measure.captionLines?.[span - photoSpan] ?? 0;
            photoRowsMin = Math.max(photoRowsMin, captionBeside);
            photoRowsMax = Math.max(photoRowsMax, photoRowsMin);
          }
        }
        const minRows = headLines + photoRowsMin + captionLines + bodyLegLines + SPACER_LINES;
        let cost = Math.abs(span - preferred) * COST.perColumnOffPreferred + headStep * COST.headlineStepDown;
        if (beside && !article.hints.photoSpan) cost += COST.narrowPhoto;
        if (bodyLegLines < SHALLOWEST_LEG && measure.bodyLines > SHALLOWEST_LEG) cost += (SHALLOWEST_LEG - bodyLegLines) * COST.shallowLegs;
        if (bodyLegLines > DEEPEST_LEG) cost += (bodyLegLines - DEEPEST_LEG) * COST.deepLegs;
        // Stretch goes to the photo first, then to air around the headline.
        const maxRows = minRows + (photoRowsMax - photoRowsMin) + HEAD_AIR_LINES;
        options.push({ span, minRows, maxRows, cost, stretchCost: COST.stretchPerRow });
        shapes.push({ span, headStep, headLines, captionLines, photoSpan, photoRowsMin, photoRowsMax, bodyLegLines });
      }
    }
  }
  return { solver: { id: article.id, options }, shapes };
}

/** A box such as the 导读: any height from its content down, at its measured widths. */
export function modelBox(id: string, linesBySpan: Record<number, number>): ModelledModule {
  const spans = Object.keys(linesBySpan).map(Number);
  return {
    solver: {
      id,
      options: spans.map((span) => {
        const minRows = linesBySpan[span]! + SPACER_LINES;
        return { span, minRows, maxRows: minRows, cost: 0, stretchCost: 0.05, elastic: true };
      }),
    },
    shapes: spans.map((span) => ({ span, headStep: 0, headLines: 0, captionLines: 0, photoSpan: 0, photoRowsMin: 0, photoRowsMax: 0, bodyLegLines: 0 })),
  };
}
