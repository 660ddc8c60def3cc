import { describe, expect, it } from "vitest";
import {
  SOLVER_DEFAULTS,
  solvePage,
  type ModuleOption,
  type SolveInput,
  type SolvedPlacement,
  type SolverModule,
} from "../../scripts/layout/solve.js";
import { mulberry32 } from "../../scripts/seeded-random.js";

// ------------------------------------------------------------------ helpers

const randInt = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** Number of placements covering each cell; throws on a placement outside the area. */
function coverage(placements: SolvedPlacement[], columns: number, rows: number): number[][] {
  const grid = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (const p of placements) {
    if (p.column < 0 || p.row < 0 || p.span < 1 || p.rows < 1 || p.column + p.span > columns || p.row + p.rows > rows) {
      throw new Error(`placement ${p.id} outside ${columns}x${rows}: ${JSON.stringify(p)}`);
    }
    for (let r = p.row; r < p.row + p.rows; r++) for (let c = p.column; c < p.column + p.span; c++) grid[r]![c]!++;
  }
  return grid;
}
function expectExactTiling(placements: SolvedPlacement[], columns: number, rows: number): void {
  const grid = coverage(placements, columns, rows);
  const bad = grid.flatMap((line, r) => line.flatMap((count, c) => (count === 1 ? [] : [`(${c},${r})=${count}`])));
  expect(bad).toEqual([]);
}

interface Cuts {
  vertical: number;
  narrowSides: number;
}
/**
 * Checks that placements[i..j] form a story-ordered guillotine layout of the region:
 * some module k splits them into i..k above / left of k+1..j by a straight cut right
 * across the region (a vertical cut thus has equal bottoms on both sides).
 * Returns the vertical cuts and 1-column sides they make; throws if not guillotine.
 */
function guillotine(ps: SolvedPlacement[], i: number, j: number, x: number, y: number, w: number, h: number): Cuts {
  if (i === j) {
    const p = ps[i]!;
    if (p.column !== x || p.row !== y || p.span !== w || p.rows !== h) {
      throw new Error(`module ${p.id} does not fill its region ${x},${y} ${w}x${h}`);
    }
    return { vertical: 0, narrowSides: 0 };
  }
  const box = (a: number, b: number) => {
    const part = ps.slice(a, b + 1);
    const x0 = Math.min(...part.map((p) => p.column));
    const y0 = Math.min(...part.map((p) => p.row));
    const x1 = Math.max(...part.map((p) => p.column + p.span));
    const y1 = Math.max(...part.map((p) => p.row + p.rows));
    return { x0, y0, x1, y1 };
  };
  for (let k = i; k < j; k++) {
    const first = box(i, k);
    const second = box(k + 1, j);
    const t = first.y1 - y;
    if (first.x0 === x && first.x1 === x + w && first.y0 === y && second.x0 === x && second.x1 === x + w && second.y0 === y + t && second.y1 === y + h) {
      const a = guillotine(ps, i, k, x, y, w, t);
      const b = guillotine(ps, k + 1, j, x, y + t, w, h - t);
      return { vertical: a.vertical + b.vertical, narrowSides: a.narrowSides + b.narrowSides };
    }
  }
  for (let k = i; k < j; k++) {
    const first = box(i, k);
    const second = box(k + 1, j);
    const c = first.x1 - x;
    if (first.x0 === x && first.y0 === y && first.y1 === y + h && second.x0 === x + c && second.x1 === x + w && second.y0 === y && second.y1 === y + h) {
      const a = guillotine(ps, i, k, x, y, c, h);
      const b = guillotine(ps, k + 1, j, x + c, y, w - c, h);
      const narrow = (c === 1 ? 1 : 0) + (w - c === 1 ? 1 : 0);
      return { vertical: a.vertical + b.vertical + 1, narrowSides: a.narrowSides + b.narrowSides + narrow };
    }
  }
  throw new Error(`modules ${i}..${j} are not a story-ordered guillotine layout of ${x},${y} ${w}x${h}`);
}

/** The cost of a finished layout, recomputed from its geometry. */
function layoutCost(input: SolveInput, placements: SolvedPlacement[], height: number): number {
  const blank = input.blankCellCost ?? SOLVER_DEFAULTS.blankCellCost;
  const clash = input.headlineClashCost ?? SOLVER_DEFAULTS.headlineClashCost;
  const narrow = input.narrowCutCost ?? SOLVER_DEFAULTS.narrowCutCost;
  let cost = 0;
  placements.forEach((p, index) => {
    const o = input.modules[index]!.options[p.optionIndex]!;
    const content = p.rows - p.blankRows;
    cost += o.cost + o.stretchCost * (content - o.minRows) + blank * p.span * p.blankRows;
  });
  const cuts = guillotine(placements, 0, placements.length - 1, 0, 0, input.columns, height);
  return cost + clash * cuts.vertical + narrow * cuts.narrowSides;
}

/** Every check that holds for any result: tiling, story order, option limits, cost. */
function checkResult(input: SolveInput): ReturnType<typeof solvePage> {
  const result = solvePage(input);
  const height = result.kind === "fit" ? input.rows : input.rows + result.overflowRows;
  const ps = result.placements;
  expect(ps.map((p) => p.id)).toEqual(input.modules.map((m) => m.id));
  expectExactTiling(ps, input.columns, height);
  expect(ps[0]).toMatchObject({ row: 0, column: 0 });
  guillotine(ps, 0, ps.length - 1, 0, 0, input.columns, height);
  ps.forEach((p, index) => {
    const o = input.modules[index]!.options[p.optionIndex]!;
    expect(p.span).toBe(o.span);
    expect(p.blankRows).toBeGreaterThanOrEqual(0);
    const content = p.rows - p.blankRows;
    expect(content).toBeGreaterThanOrEqual(o.minRows);
    if (o.elastic) expect(p.blankRows).toBe(0);
    else {
      expect(content).toBeLessThanOrEqual(o.maxRows);
      if (p.blankRows > 0) expect(content).toBe(o.maxRows); // blank only once fully stretched
    }
  });
  if (result.kind === "fit") {
    expect(result.cost).toBeCloseTo(layoutCost(input, ps, height), 6);
    expect(result.emptyCells).toBe(ps.reduce((s, p) => s + p.blankRows * p.span, 0));
  } else {
    expect(result.overflowRows).toBeGreaterThan(0);
    expect(result.moduleId).toBe(input.modules.at(-1)!.id);
    const last = ps.at(-1)!;
    expect(last.row + last.rows).toBe(height); // the named module sticks out
  }
  return result;
}

/** The smallest height of any story-ordered guillotine layout (independent recursion). */
function minimumHeight(modules: SolverModule[], columns: number): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number, w: number): number => {
    const key = `${i},${j},${w}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let best = Infinity;
    if (i === j) for (const o of modules[i]!.options) if (o.span === w) best = Math.min(best, o.minRows);
    for (let k = i; k < j; k++) {
      best = Math.min(best, go(i, k, w) + go(k + 1, j, w));
      for (let c = 1; c < w; c++) best = Math.min(best, Math.max(go(i, k, c), go(k + 1, j, w - c)));
    }
    memo.set(key, best);
    return best;
  };
  return go(0, modules.length - 1, columns);
}

/** Every story-ordered guillotine layout of modules i..j in a w x h region, listed explicitly. */
function* allLayouts(modules: SolverModule[], i: number, j: number, x: number, y: number, w: number, h: number): Generator<SolvedPlacement[]> {
  if (i === j) {
    const m = modules[i]!;
    for (const [optionIndex, o] of m.options.entries()) {
      if (o.span !== w || h < o.minRows) continue;
      const blankRows = o.elastic ? 0 : Math.max(0, h - o.maxRows);
      yield [{ id: m.id, optionIndex, column: x, span: w, row: y, rows: h, blankRows }];
    }
    return;
  }
  for (let k = i; k < j; k++) {
    for (let t = 1; t < h; t++)
      for (const top of allLayouts(modules, i, k, x, y, w, t))
        for (const bottom of allLayouts(modules, k + 1, j, x, y + t, w, h - t)) yield [...top, ...bottom];
    for (let c = 1; c < w; c++)
      for (const left of allLayouts(modules, i, k, x, y, c, h))
        for (const right of allLayouts(modules, k + 1, j, x + c, y, w - c, h)) yield [...left, ...right];
  }
}

/** The optimal cost by the plain recurrence over every (range, width, height): a slow reference. */
function referenceCost(input: SolveInput, height: number): number {
  const { modules, columns } = input;
  const blank = input.blankCellCost ?? SOLVER_DEFAULTS.blankCellCost;
  const clash = input.headlineClashCost ?? SOLVER_DEFAULTS.headlineClashCost;
  const narrow = input.narrowCutCost ?? SOLVER_DEFAULTS.narrowCutCost;
  const memo = new Map<number, number>();
  const go = (i: number, j: number, w: number, h: number): number => {
    const key = ((i * 16 + j) * 16 + w) * 4096 + h;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let best = Infinity;
    if (i === j) {
      for (const o of modules[i]!.options) {
        if (o.span !== w || h < o.minRows) continue;
        const content = o.elastic ? h : Math.min(h, o.maxRows);
        best = Math.min(best, o.cost + o.stretchCost * (content - o.minRows) + blank * w * (h - content));
      }
    }
    for (let k = i; k < j; k++) {
      for (let t = 1; t < h; t++) best = Math.min(best, go(i, k, w, t) + go(k + 1, j, w, h - t));
      for (let c = 1; c < w; c++) {
        const cut = clash + narrow * ((c === 1 ? 1 : 0) + (w - c === 1 ? 1 : 0));
        best = Math.min(best, go(i, k, c, h) + go(k + 1, j, w - c, h) + cut);
      }
    }
    memo.set(key, best);
    return best;
  };
  return go(0, modules.length - 1, columns, height);
}

function option(span: number, minRows: number, maxRows = minRows, cost = 0, stretchCost = 0, elastic = false): ModuleOption {
  return elastic ? { span, minRows, maxRows, cost, stretchCost, elastic } : { span, minRows, maxRows, cost, stretchCost };
}

/** A plausible broadsheet page: body lines set over `span` legs plus a head, per span. */
function randomPage(rand: () => number, n: number, columns: number, rows: number, optionsPerSpan: number): SolveInput {
  const modules: SolverModule[] = [];
  const share = (columns * rows) / n;
  for (let m = 0; m < n; m++) {
    const lines = Math.max(4, Math.round(share * (0.3 + rand() * 1.2)));
    const options: ModuleOption[] = [];
    const spans = Array.from({ length: columns }, (_, s) => s + 1).filter(() => rand() < 0.7);
    if (spans.length === 0) spans.push(randInt(rand, 1, columns));
    for (const span of spans) {
      for (let v = 0; v < optionsPerSpan; v++) {
        const head = randInt(rand, 2, 6) + v; // a second option: a different head/photo
        const minRows = head + Math.ceil(lines / span);
        const elastic = m > 0 && rand() < 0.05;
        options.push({
          span,
          minRows,
          maxRows: minRows + randInt(rand, 0, 10),
          cost: Math.round(rand() * 40) / 10 + v,
          stretchCost: Math.round(rand() * 5) / 10,
          ...(elastic ? { elastic } : {}),
        });
      }
    }
    modules.push({ id: `a${m}`, options });
  }
  return { columns, rows, modules };
}

// ------------------------------------------------------------------ tests

describe("solvePage: hand-computed cases", () => {
  // Columns 4, rows 10. Lead A: 4 wide x 4 rows, or 2 wide x 10 rows.
  // B and C: 2 wide x 6 rows (cost 0) or 4 wide x 3 rows (cost 1).
  // Layouts that fit exactly (no blank, no stretch):
  //   A over (B | C): 4 + 6 = 10, one vertical cut -> cost = clash;
  //   A over B over C: 4 + 3 + 3 = 10 -> cost = 1 + 1 = 2.
  // A 2-wide (10 rows) needs B and C stacked 2 wide = 12 rows, or B/C 4 wide, which cannot
  // sit beside a 2-wide A; every other arrangement leaves blank cells at cost 1 each.
  const modules: SolverModule[] = [
    { id: "A", options: [option(4, 4), option(2, 10)] },
    { id: "B", options: [option(2, 6), option(4, 3, 3, 1)] },
    { id: "C", options: [option(2, 6), option(4, 3, 3, 1)] },
  ];

  it("puts B and C side by side when the clash costs less than two option changes", () => {
    const input: SolveInput = { columns: 4, rows: 10, modules, headlineClashCost: 1.5, narrowCutCost: 0 };
    const result = checkResult(input);
    expect(result.kind).toBe("fit");
    if (result.kind !== "fit") return;
    expect(result.cost).toBeCloseTo(1.5, 9);
    expect(result.emptyCells).toBe(0);
    expect(result.placements).toEqual([
      { id: "A", optionIndex: 0, column: 0, span: 4, row: 0, rows: 4, blankRows: 0 },
      { id: "B", optionIndex: 0, column: 0, span: 2, row: 4, rows: 6, blankRows: 0 },
      { id: "C", optionIndex: 0, column: 2, span: 2, row: 4, rows: 6, blankRows: 0 },
    ]);
  });

  it("stacks all three when the clash costs more", () => {
    const input: SolveInput = { columns: 4, rows: 10, modules, headlineClashCost: 3 };
    const result = checkResult(input);
    expect(result.kind).toBe("fit");
    if (result.kind !== "fit") return;
    expect(result.cost).toBeCloseTo(2, 9);
    expect(result.placements).toEqual([
      { id: "A", optionIndex: 0, column: 0, span: 4, row: 0, rows: 4, blankRows: 0 },
      { id: "B", optionIndex: 1, column: 0, span: 4, row: 4, rows: 3, blankRows: 0 },
      { id: "C", optionIndex: 1, column: 0, span: 4, row: 7, rows: 3, blankRows: 0 },
    ]);
  });

  it("stretches the cheapest module rather than leaving blank rows", () => {
    // 8 x 20. A: 8 wide, 6..9 rows at 1/row. B: 8 wide, 8..14 rows at 0.2/row.
    // 20 = a + b with a in 6..9, b in 8..14: stretching B first is cheapest: a = 6, b = 14,
    // cost 6 * 0.2 = 1.2. No blank cell (8 per row) can beat that.
    const input: SolveInput = {
      columns: 8,
      rows: 20,
      modules: [
        { id: "A", options: [option(8, 6, 9, 0, 1)] },
        { id: "B", options: [option(8, 8, 14, 0, 0.2)] },
      ],
    };
    const result = checkResult(input);
    expect(result).toMatchObject({ kind: "fit", emptyCells: 0 });
    if (result.kind !== "fit") return;
    expect(result.cost).toBeCloseTo(1.2, 9);
    expect(result.placements.map((p) => [p.row, p.rows, p.blankRows])).toEqual([
      [0, 6, 0],
      [6, 14, 0],
    ]);
  });

  it("leaves blank rows only when no stretch can fill the page, at the cheapest bottom", () => {
    // 8 x 20 again, but A stretches to 9 and B to 10 at most: 19 rows, one row short.
    // The blank row goes to a module bottom; B (a wide module of equal cost) takes it.
    const input: SolveInput = {
      columns: 8,
      rows: 20,
      modules: [
        { id: "A", options: [option(8, 6, 9, 0, 0.1)] },
        { id: "B", options: [option(8, 8, 10, 0, 0.1)] },
      ],
    };
    const result = checkResult(input);
    expect(result).toMatchObject({ kind: "fit", emptyCells: 8 });
    if (result.kind !== "fit") return;
    expect(result.cost).toBeCloseTo(3 * 0.1 + 2 * 0.1 + 8, 9);
    expect(result.placements.map((p) => [p.rows, p.blankRows])).toEqual([
      [9, 0],
      [11, 1],
    ]);
  });

  it("lets an elastic box absorb the slack instead of blank rows", () => {
    // 8 x 30: the lead (8 x 10) on top; below it the 2-wide box beside the 6-wide story,
    // which is 20 rows exactly. The box, elastic from 5 rows at 0.3/row, stretches to 20:
    // 15 * 0.3 = 4.5. Were it not elastic (max 5 rows), 15 blank rows x 2 cells would cost 30.
    const modules: SolverModule[] = [
      { id: "lead", options: [option(8, 10)] },
      { id: "box", options: [option(2, 5, 5, 0, 0.3, true)] },
      { id: "story", options: [option(6, 20, 20)] },
    ];
    const result = checkResult({ columns: 8, rows: 30, modules, headlineClashCost: 0 });
    expect(result).toMatchObject({ kind: "fit", emptyCells: 0 });
    if (result.kind !== "fit") return;
    expect(result.cost).toBeCloseTo(4.5, 9);
    expect(result.placements.map((p) => [p.column, p.row, p.span, p.rows, p.blankRows])).toEqual([
      [0, 0, 8, 10, 0],
      [0, 10, 2, 20, 0],
      [2, 10, 6, 20, 0],
    ]);
    const rigid = modules.map((m) => (m.id === "box" ? { id: "box", options: [option(2, 5, 5, 0, 0.3)] } : m));
    const blank = checkResult({ columns: 8, rows: 30, modules: rigid, headlineClashCost: 0 });
    expect(blank).toMatchObject({ kind: "fit", emptyCells: 30, cost: 30 });
  });
});

describe("solvePage: overflow", () => {
  it("reports the smallest overflow and names the last module", () => {
    // 2 columns x 10 rows. A: 2 wide x 6 rows or 1 wide x 12 rows; B: 2 wide x 7 or 1 wide x 9.
    // Stacked: 6 + 7 = 13. Side by side: max(12, 9) = 12. Nothing else tiles 2 columns.
    // So the best layout needs 12 rows: 2 over; B sticks out (and is last in story order).
    const input: SolveInput = {
      columns: 2,
      rows: 10,
      modules: [
        { id: "A", options: [option(2, 6), option(1, 12)] },
        { id: "B", options: [option(2, 7), option(1, 9)] },
      ],
    };
    const result = checkResult(input);
    expect(result.kind).toBe("overflow");
    if (result.kind !== "overflow") return;
    expect(result.overflowRows).toBe(2);
    expect(result.moduleId).toBe("B");
    expect(result.placements).toEqual([
      { id: "A", optionIndex: 1, column: 0, span: 1, row: 0, rows: 12, blankRows: 0 },
      { id: "B", optionIndex: 1, column: 1, span: 1, row: 0, rows: 12, blankRows: 3 },
    ]);
  });

  it("fits exactly at the boundary and overflows by one row above it", () => {
    const modules: SolverModule[] = [
      { id: "A", options: [option(3, 7)] },
      { id: "B", options: [option(3, 5)] },
    ];
    expect(solvePage({ columns: 3, rows: 12, modules })).toMatchObject({ kind: "fit", emptyCells: 0 });
    expect(solvePage({ columns: 3, rows: 11, modules })).toMatchObject({ kind: "overflow", overflowRows: 1, moduleId: "B" });
  });

  it("throws when no arrangement of the spans fills the width", () => {
    expect(() => solvePage({ columns: 8, rows: 10, modules: [{ id: "A", options: [option(3, 4)] }] })).toThrow(RangeError);
    expect(() => solvePage({ columns: 8, rows: 10, modules: [] })).toThrow(RangeError);
    expect(() => solvePage({ columns: 8, rows: 10, modules: [{ id: "A", options: [option(8, 6, 4)] }] })).toThrow(/maxRows/);
  });
});

describe("solvePage: random pages (fixed seed)", () => {
  it("tiles exactly, keeps story order and limits, and reports its cost, on 300 broadsheet pages", () => {
    const rand = mulberry32(20231107);
    let fits = 0;
    let overflows = 0;
    for (let t = 0; t < 300; t++) {
      const n = randInt(rand, 1, 10);
      const input = randomPage(rand, n, 8, randInt(rand, 90, 110), randInt(rand, 1, 2));
      input.headlineClashCost = Math.round(rand() * 50) / 10;
      input.blankCellCost = 0.5 + Math.round(rand() * 20) / 10;
      const least = minimumHeight(input.modules, input.columns);
      if (least === Infinity) {
        // The random spans cannot fill 8 columns at any height: the solver says so.
        expect(() => solvePage(input)).toThrow(/no arrangement/);
        continue;
      }
      const result = checkResult(input);
      if (result.kind === "fit") {
        fits++;
        expect(least).toBeLessThanOrEqual(input.rows);
      } else {
        overflows++;
        expect(result.overflowRows).toBe(least - input.rows);
      }
    }
    expect(fits).toBeGreaterThan(50);
    expect(overflows).toBeGreaterThan(5);
  });

  it("matches exhaustive enumeration of all layouts on small pages", () => {
    const rand = mulberry32(7);
    for (let t = 0; t < 150; t++) {
      const n = randInt(rand, 1, 3);
      const columns = randInt(rand, 1, 3);
      const rows = randInt(rand, 3, 9);
      const modules: SolverModule[] = [];
      for (let m = 0; m < n; m++) {
        const options: ModuleOption[] = [];
        for (let o = randInt(rand, 1, 3); o > 0; o--) {
          const minRows = randInt(rand, 1, 5);
          options.push(option(randInt(rand, 1, columns), minRows, minRows + randInt(rand, 0, 3), randInt(rand, 0, 3), randInt(rand, 0, 2) / 2, rand() < 0.1));
        }
        modules.push({ id: `m${m}`, options });
      }
      const input: SolveInput = { columns, rows, modules, headlineClashCost: randInt(rand, 0, 3), blankCellCost: 1 + randInt(rand, 0, 2), narrowCutCost: randInt(rand, 0, 2) / 2 };
      let best = Infinity;
      let leastBlank = Infinity;
      for (const layout of allLayouts(modules, 0, n - 1, 0, 0, columns, rows)) {
        best = Math.min(best, layoutCost(input, layout, rows));
        leastBlank = Math.min(leastBlank, layout.reduce((s, p) => s + p.blankRows * p.span, 0));
      }
      let result: ReturnType<typeof solvePage>;
      try {
        result = checkResult(input);
      } catch {
        // Only legitimate when the spans cannot fill the width at any height.
        expect(minimumHeight(modules, columns)).toBe(Infinity);
        expect(best).toBe(Infinity);
        continue;
      }
      if (result.kind === "fit") {
        expect(result.cost).toBeCloseTo(best, 9);
      } else {
        expect(best).toBe(Infinity); // no layout of `rows` rows at all
        expect(result.overflowRows).toBe(minimumHeight(modules, columns) - rows);
      }
      // With blank cells priced far above everything else, blank appears only when every layout has it.
      const strict = solvePage({ ...input, blankCellCost: 1e6 });
      if (strict.kind === "fit") expect(strict.emptyCells).toBe(leastBlank);
    }
  });

  it("matches the plain recurrence on mid-size pages, blank-heavy ones included", () => {
    const rand = mulberry32(314);
    let fits = 0;
    for (let t = 0; t < 120; t++) {
      const n = randInt(rand, 2, 6);
      const columns = randInt(rand, 2, 5);
      const rows = randInt(rand, 10, 40);
      const small = rand() < 0.5; // small modules: most of the page must be blank or stretched
      const modules: SolverModule[] = [];
      for (let m = 0; m < n; m++) {
        const options: ModuleOption[] = [];
        for (let span = 1; span <= columns; span++) {
          if (rand() < 0.3 && span !== columns) continue;
          const minRows = small ? randInt(rand, 1, 4) : randInt(rand, 3, Math.ceil((rows * columns) / n / span) + 3);
          options.push(option(span, minRows, minRows + randInt(rand, 0, 6), randInt(rand, 0, 30) / 10, randInt(rand, 0, 10) / 10, rand() < 0.08));
        }
        modules.push({ id: `m${m}`, options });
      }
      const input: SolveInput = { columns, rows, modules, headlineClashCost: randInt(rand, 0, 30) / 10, blankCellCost: randInt(rand, 5, 20) / 10, narrowCutCost: randInt(rand, 0, 10) / 10 };
      const result = checkResult(input);
      if (result.kind === "fit") {
        fits++;
        expect(result.cost).toBeCloseTo(referenceCost(input, rows), 6);
      } else expect(referenceCost(input, rows)).toBe(Infinity);
    }
    expect(fits).toBeGreaterThan(60);
  });

  it("is deterministic", () => {
    const input = randomPage(mulberry32(99), 7, 8, 105, 2);
    expect(solvePage(input)).toEqual(solvePage(input));
  });
});

describe("solvePage: runtime", () => {
  it("solves 10 modules x 8 spans x 2 options well within bounds", () => {
    const rand = mulberry32(42);
    const page = (least: number, most: number): SolveInput => {
      const modules: SolverModule[] = [];
      for (let m = 0; m < 10; m++) {
        const lines = randInt(rand, least, most);
        const options: ModuleOption[] = [];
        for (let span = 1; span <= 8; span++) {
          for (let v = 0; v < 2; v++) {
            const minRows = 3 + v * 2 + Math.ceil(lines / span);
            options.push(option(span, minRows, minRows + 6, v, 0.2));
          }
        }
        modules.push({ id: `a${m}`, options });
      }
      return { columns: 8, rows: 105, modules };
    };
    // Pages that fit, pages that overflow, and a worst case for the convolutions: tiny
    // modules (1-2 rows), so every height up to the page is reachable in every state.
    const pages = [
      ...Array.from({ length: 10 }, () => page(25, 100)),
      ...Array.from({ length: 10 }, () => page(60, 160)),
      {
        columns: 8,
        rows: 105,
        modules: Array.from({ length: 10 }, (_, m) => ({
          id: `t${m}`,
          options: Array.from({ length: 16 }, (_, o) => option((o >> 1) + 1, 1 + (o & 1), 2 + (o & 1), o & 1, 0.1)),
        })),
      },
    ];
    const time = (input: SolveInput) => {
      const start = performance.now();
      const result = solvePage(input);
      const ms = performance.now() - start;
      expect(["fit", "overflow"]).toContain(result.kind);
      return { ms, kind: result.kind };
    };
    // The first pass runs while V8 still interprets and compiles the solver (what the first
    // pages of a build see); the second is the steady state. The bound is a sanity check.
    const cold = pages.map(time);
    const warm = pages.map(time);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const fits = warm.slice(0, 20).filter((t) => t.kind === "fit").map((t) => t.ms);
    const overflows = warm.slice(0, 20).filter((t) => t.kind === "overflow").map((t) => t.ms);
    const coldTotal = cold.reduce((sum, t) => sum + t.ms, 0);
    const warmWorst = Math.max(...warm.map((t) => t.ms));
    console.log(
      `solvePage, 10 modules x 8 spans x 2 options, 105 rows: first pass ${cold.map((t) => t.ms.toFixed(1)).join(" ")} ms ` +
        `(total ${coldTotal.toFixed(0)} ms); warm median ${median(fits).toFixed(2)} ms (${fits.length} fit), ` +
        `${median(overflows).toFixed(2)} ms (${overflows.length} overflow), tiny modules ${warm.at(-1)!.ms.toFixed(1)} ms, worst ${warmWorst.toFixed(1)} ms`,
    );
    expect(fits.length).toBeGreaterThan(3);
    expect(overflows.length).toBeGreaterThan(3);
    expect(warmWorst).toBeLessThan(200);
    expect(coldTotal).toBeLessThan(21 * 200);
  });
});
