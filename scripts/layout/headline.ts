// Headline sizes follow the story's rank and the module's width: the lead gets
// the biggest type, and no headline is wider in feel than its module. Step 1 is
// "one size down", the first thing the layout tries when a page is tight.
import type { Article, ArticleRank } from "../types.js";

/** 主题 size in CSS px at full width, per rank. */
const RANK_TITLE_PX: Record<ArticleRank, number> = { lead: 56, major: 40, minor: 28, brief: 20 };
/** The most a module `span` columns wide can carry, so narrow modules keep short lines. */
const PX_PER_SPAN = 10;
const NARROWEST_PX = 10;
const STEP_FACTOR = 0.85;
export const HEAD_STEPS = [0, 1] as const;

export function titleSizePx(rank: ArticleRank, span: number, step: number): number {
  const size = Math.min(RANK_TITLE_PX[rank], span * PX_PER_SPAN + NARROWEST_PX + 6);
  return Math.round(size * STEP_FACTOR ** step);
}

/** Below this many body characters a story is a brief (简讯). */
const BRIEF_CHARS = 420;

export function articleRank(article: Article, bodyChars: number): ArticleRank {
  if (article.hints.rank) return article.hints.rank;
  if (article.order === 1) return "lead";
  if (bodyChars < BRIEF_CHARS) return "brief";
  if (article.order === 2) return "major";
  return "minor";
}
