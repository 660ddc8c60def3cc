// The module model: which shapes an article may take, from what was measured.
import { describe, expect, it } from "vitest";
import type { ComposedArticle } from "../../scripts/compose/compose.js";
import { FORMATS, spanWidthPx } from "../../scripts/content/formats.js";
import { HEAD_AIR_LINES, modelArticle, modelBox, spanRange, type ArticleMeasure } from "../../scripts/layout/model.js";

const broadsheet = FORMATS.broadsheet!;

function story(overrides: Partial<ComposedArticle> = {}): ComposedArticle {
  return { id: "p02-01", relFile: "pages/02/01.md", pageNo: 2, order: 1, rank: "lead", bodyChars: 2000, hints: {}, ...overrides };
}

function measured(bodyLines: number): ArticleMeasure {
  const byStep = [5, 4];
  return {
    articleId: "p02-01",
    headLines: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [i + 1, byStep])),
    captionLines: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [i + 1, 2])),
    bodyLines,
    bodyText: bodyLines * 13,
  };
}

describe("spanRange", () => {
  it("gives leads wide modules and briefs narrow ones, scaled to the format's columns", () => {
    expect(spanRange("lead", broadsheet)).toEqual([4, 5, 6, 7, 8]);
    expect(spanRange("brief", broadsheet)).toEqual([1, 2, 3]);
    expect(Math.max(...spanRange("lead", FORMATS.tabloid!))).toBe(6);
    expect(spanRange("minor", broadsheet, 4)).toEqual([4]);
  });
});

describe("modelArticle", () => {
  it("sets legs as the body lines shared over the columns, plus head and the spacer line", () => {
    const module = modelArticle(story(), measured(120), broadsheet);
    const option = module.solver.options.find((candidate, i) => candidate.span === 6 && module.shapes[i]!.headStep === 0)!;
    expect(option.minRows).toBe(5 + Math.ceil(120 / 6) + 1);
    expect(option.maxRows - option.minRows).toBe(HEAD_AIR_LINES);
  });

  it("lets a photo stretch and crop, and narrower photos put the caption beside", () => {
    const module = modelArticle(story({ photoAspect: 1.5 }), measured(120), broadsheet);
    const full = module.shapes.find((shape) => shape.span === 6 && shape.photoSpan === 6)!;
    const natural = spanWidthPx(broadsheet, 6) / 1.5 / broadsheet.lineHeightPx;
    expect(full.photoRowsMin).toBeLessThan(natural);
    expect(full.photoRowsMax).toBeGreaterThan(natural);
    expect(full.captionLines).toBe(2);
    const beside = module.shapes.find((shape) => shape.span === 6 && shape.photoSpan === 4)!;
    expect(beside.captionLines).toBe(0);
    expect(module.shapes.some((shape) => shape.span === 4 && shape.photoSpan === 2)).toBe(false);
  });

  it("crops a tall picture no further than 5:4 landscape", () => {
    const module = modelArticle(story({ photoAspect: 2 / 3 }), measured(120), broadsheet);
    const shape = module.shapes.find((candidate) => candidate.span === 4 && candidate.photoSpan === 4)!;
    const width = spanWidthPx(broadsheet, 4) / broadsheet.lineHeightPx;
    expect(shape.photoRowsMin).toBe(Math.round(width * 0.8));
  });

  it("follows photo_span and columns hints", () => {
    const module = modelArticle(story({ photoAspect: 1.5, hints: { columns: 5, photoSpan: 3 } }), measured(80), broadsheet);
    expect(new Set(module.shapes.map((shape) => `${shape.span}/${shape.photoSpan}`))).toEqual(new Set(["5/3"]));
  });

  it("costs a headline one size down more than the default", () => {
    const module = modelArticle(story(), measured(60), broadsheet);
    const [step0, step1] = module.solver.options.filter((option) => option.span === 6);
    expect(step1!.cost).toBeGreaterThan(step0!.cost);
  });
});

describe("modelBox", () => {
  it("makes an elastic box at each measured width", () => {
    const box = modelBox("np-guide", { 2: 30, 3: 22 });
    expect(box.solver.options.map((option) => [option.span, option.minRows, option.elastic])).toEqual([
      [2, 31, true],
      [3, 23, true],
    ]);
  });
});
