// Page-layout solver: places a page's modules (articles, in story order) on the
// type-area grid so that they tile it exactly, at least cost. Pure: no DOM, no I/O.
//
// Method (see /work/shared/design/layout.md; after Gange, Marriott & Stuckey,
// "Optimal guillotine layout", DocEng 2012): dynamic programming over guillotine
// (slicing) layouts whose leaves keep story order. A region w columns wide holds
// a contiguous range i..j of modules and is either one module (i = j, an option
// with span w) or is cut in two after a module k (i <= k < j):
//   - horizontal cut: i..k on top of k+1..j, both w wide, heights add;
//   - vertical cut on a column line c: i..k left (c wide), k+1..j right (w - c
//     wide), both exactly as tall as the region, so no holes and no ragged
//     bottoms. It costs headlineClashCost (the top modules either side of the line
//     start on the region's top row: 碰题) plus narrowCutCost per side that is
//     only 1 column wide.
// Module i is always in the first part, so the lead lands at row 0, column 0,
// and reading order (top before bottom, left before right) is story order.
//
// Heights are whole body lines, so rather than a capped Pareto set of height
// intervals the solver keeps, per state (i, j, w), the exact best cost at EVERY
// height from the state's minimum up to the most it can be on this page: a dense
// cost curve (non-convex in general, as it is a minimum over many layouts). A
// vertical cut adds two curves pointwise; a horizontal cut is a (min,+)
// convolution of two curves. Nothing is pruned heuristically, so the result is
// the optimum over all story-ordered guillotine layouts. Work is cut three ways,
// all exact:
//   1. heights below a state's minimum (a min-height DP run first) are skipped;
//   2. heights above its maximum are skipped: the page is R rows, a side of a
//      vertical cut can be as tall as its region, a part of a stack as tall as its
//      region less the other part's minimum (computed top-down, maxHeights);
//   3. past its `tail` a curve grows by a constant per row (all modules at their
//      maxRows, blank rows or an elastic box take the rest), so in a convolution
//      only splits with one part short of its tail can win, and from the height
//      where both tails start the winning splits stop changing.
// Measured (test/layout/solve.test.ts), 10 modules x 8 spans x 2 options, 105
// rows: about 1 ms a page once V8 has compiled the code (0.1 ms when it
// overflows), 5-30 ms for the first pages of a process; a page of tiny modules,
// where every height is reachable in every state, 2-5 ms.
//
// A module at height h costs option.cost + stretchCost * (rows stretched above
// minRows, up to maxRows) + blankCellCost * span * (rows beyond maxRows, left
// blank at its bottom). An elastic option (a box such as 导读) stretches without
// limit. So every layout can be made taller and the page is always tiled; blank
// space goes where it costs least, and on equal cost to the lower part of a stack
// (the top part is kept as short as possible), so it is not spread around.
//
// Not modelled: two stacks either side of a vertical cut whose inner cuts happen
// to fall on the same row also put headlines side by side; only the clash at the
// top of each vertical cut (which every vertical cut makes) is charged.
//
// If even the shortest layout is taller than `rows`, the page overflows: the DP
// runs to that minimum height H instead, the cheapest layout H rows high is
// returned with overflowRows = H - rows, and the module named is the last one in
// story order (it always touches the bottom of the layout: it sticks out, and
// moving its text to another page is what the caller does).
//
// Ties (within a relative 1e-9) go to the first candidate in a fixed order: lower
// option index; horizontal cuts before vertical cuts; earlier split module k;
// shorter top part; wider left part.

export interface ModuleOption {
  /** Width in columns. */
  span: number;
  /** The module's natural height at this width (head + photo + body legs + spacer). */
  minRows: number;
  /** The most rows it can take by stretching (photo crop, spacing) without blank space; >= minRows. */
  maxRows: number;
  /** The option's own cost (headline one size down, photo crop away from natural, rank-to-width misfit). */
  cost: number;
  /** Cost per row stretched above minRows (up to maxRows). */
  stretchCost: number;
  /** A box (e.g. the 导读 box) that may take any height >= minRows at stretchCost per row; maxRows is ignored. */
  elastic?: boolean;
}

export interface SolverModule {
  id: string;
  options: ModuleOption[];
}

export interface SolveInput {
  columns: number;
  rows: number;
  modules: SolverModule[];
  /** Cost per empty grid cell (blank space). Default SOLVER_DEFAULTS.blankCellCost. */
  blankCellCost?: number;
  /** Cost for two headlines side by side at the same top row (one per vertical cut). Default SOLVER_DEFAULTS.headlineClashCost. */
  headlineClashCost?: number;
  /** Cost per side of a vertical cut that is only 1 column wide. Default SOLVER_DEFAULTS.narrowCutCost. */
  narrowCutCost?: number;
}

export interface SolvedPlacement {
  id: string;
  optionIndex: number;
  column: number;
  span: number;
  row: number;
  rows: number;
  /** Rows above maxRows left blank at the module's bottom. */
  blankRows: number;
}

export type SolveResult =
  | { kind: "fit"; placements: SolvedPlacement[]; cost: number; emptyCells: number }
  | {
      kind: "overflow";
      /** Rows the best layout needs beyond `rows`. */
      overflowRows: number;
      /** The module that sticks out (the last in story order): the caller names it or moves its text. */
      moduleId: string;
      /** The cheapest layout of the smallest possible height, rows + overflowRows; it tiles columns x that height. */
      placements: SolvedPlacement[];
    };

export const SOLVER_DEFAULTS = {
  blankCellCost: 1,
  headlineClashCost: 2,
  narrowCutCost: 0.5,
} as const;

/** a is cheaper than b by more than rounding noise (relative 1e-9); otherwise a tie, which the earlier candidate keeps. */
function cheaper(a: number, b: number): boolean {
  if (b === Infinity) return a < Infinity;
  return a < b - 1e-9 * Math.max(1, Math.abs(b));
}
const KIND_LEAF = 1;
const KIND_HORIZONTAL = 2;
const KIND_VERTICAL = 3;

/** The best cost of each height of one state, with the choice that achieves it. */
interface Curve {
  /** Smallest height with a finite cost. */
  min: number;
  /** From this height on the cost grows linearly (constant cost per row) up to the curve's end. */
  tail: number;
  cost: Float64Array;
  kind: Uint8Array;
  /** Leaf: option index; cut: the split module k. */
  split: Int16Array;
  /** Vertical: width of the left part (unused otherwise). */
  part: Int16Array;
}

/**
 * The height from which cost[] grows by the same amount each row up to hi (within
 * a relative 1e-12, rounding noise). Where it is not truly linear the error this
 * admits is of that size, far below any cost difference that matters.
 */
function linearFrom(cost: Float64Array, min: number, hi: number): number {
  if (hi - min < 2) return min;
  const slope = cost[hi]! - cost[hi - 1]!;
  const tolerance = 1e-12 * Math.max(1, Math.abs(cost[hi]!));
  let h = hi - 1;
  while (h > min && Math.abs(cost[h]! - cost[h - 1]! - slope) <= tolerance) h--;
  return h;
}

/**
 * The height of the top part in the cheapest stack of `top` over `bottom` at height h,
 * the shortest on ties: extra rows go to the bottom part, not spread over both.
 */
function topHeight(top: Curve, bottom: Curve, h: number): number {
  let best = Infinity;
  let height = -1;
  for (let a = top.min; a <= h - bottom.min; a++) {
    const c = top.cost[a]! + bottom.cost[h - a]!;
    if (cheaper(c, best)) {
      best = c;
      height = a;
    }
  }
  return height;
}

/** A module's cost at height h with option o, and the blank rows at its bottom. */
export function optionCostAt(o: ModuleOption, h: number, blankCellCost: number): { cost: number; blankRows: number } | null {
  if (h < o.minRows) return null;
  const extra = h - o.minRows;
  const cap = o.elastic ? Infinity : o.maxRows - o.minRows;
  const stretched = Math.min(extra, cap);
  const blankRows = extra - stretched;
  return { cost: o.cost + o.stretchCost * stretched + blankCellCost * o.span * blankRows, blankRows };
}

function validate(input: SolveInput): void {
  const isCount = (v: number, least: number) => Number.isInteger(v) && v >= least;
  if (!isCount(input.columns, 1)) throw new RangeError(`solvePage: columns must be a whole number >= 1, got ${input.columns}`);
  if (!isCount(input.rows, 1)) throw new RangeError(`solvePage: rows must be a whole number >= 1, got ${input.rows}`);
  if (input.modules.length === 0) throw new RangeError("solvePage: a page needs at least one module");
  if (input.modules.length > 255) throw new RangeError("solvePage: too many modules on one page");
  if (input.columns > 255) throw new RangeError("solvePage: too many columns");
  for (const [name, v] of [
    ["blankCellCost", input.blankCellCost],
    ["headlineClashCost", input.headlineClashCost],
    ["narrowCutCost", input.narrowCutCost],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new RangeError(`solvePage: ${name} must be a finite number >= 0, got ${v}`);
  }
  for (const m of input.modules) {
    if (m.options.length === 0) throw new RangeError(`solvePage: module "${m.id}" has no options`);
    m.options.forEach((o, index) => {
      const where = `module "${m.id}" option ${index}`;
      if (!isCount(o.span, 1)) throw new RangeError(`solvePage: ${where}: span must be a whole number >= 1`);
      if (!isCount(o.minRows, 1)) throw new RangeError(`solvePage: ${where}: minRows must be a whole number >= 1`);
      if (!o.elastic && !(Number.isInteger(o.maxRows) && o.maxRows >= o.minRows))
        throw new RangeError(`solvePage: ${where}: maxRows must be a whole number >= minRows`);
      if (!Number.isFinite(o.cost)) throw new RangeError(`solvePage: ${where}: cost must be finite`);
      if (!(Number.isFinite(o.stretchCost) && o.stretchCost >= 0)) throw new RangeError(`solvePage: ${where}: stretchCost must be finite and >= 0`);
    });
  }
}

/** Smallest height of each state (i, j, w); Infinity where the spans cannot fill w columns. */
function minHeights(modules: SolverModule[], columns: number): Float64Array {
  const n = modules.length;
  const W = columns + 1;
  const at = (i: number, j: number, w: number) => (i * n + j) * W + w;
  const minH = new Float64Array(n * n * W).fill(Infinity);
  for (let len = 1; len <= n; len++) {
    for (let i = 0; i + len - 1 < n; i++) {
      const j = i + len - 1;
      for (let w = 1; w <= columns; w++) {
        let best = Infinity;
        if (len === 1) {
          for (const o of modules[i]!.options) if (o.span === w && o.minRows < best) best = o.minRows;
        } else {
          for (let k = i; k < j; k++) {
            best = Math.min(best, minH[at(i, k, w)]! + minH[at(k + 1, j, w)]!);
            for (let c = 1; c < w; c++) best = Math.min(best, Math.max(minH[at(i, k, c)]!, minH[at(k + 1, j, w - c)]!));
          }
        }
        minH[at(i, j, w)] = best;
      }
    }
  }
  return minH;
}

/**
 * Largest height each state can take in some layout of a page R rows high: the page
 * itself R; the two sides of a vertical cut as much as their region; a part of a
 * stack its region's height less the other part's minimum. -1 marks unused states.
 * Heights above this are never read, so the DP leaves them out: exact pruning.
 */
function maxHeights(minH: Float64Array, n: number, columns: number, R: number): Int32Array {
  const W = columns + 1;
  const at = (i: number, j: number, w: number) => (i * n + j) * W + w;
  const maxH = new Int32Array(n * n * W).fill(-1);
  const raise = (state: number, h: number) => {
    if (h >= minH[state]! && h > maxH[state]!) maxH[state] = h;
  };
  maxH[at(0, n - 1, columns)] = R;
  for (let len = n; len >= 2; len--) {
    for (let i = 0; i + len - 1 < n; i++) {
      const j = i + len - 1;
      for (let w = 1; w <= columns; w++) {
        const hi = maxH[at(i, j, w)]!;
        if (hi < 0) continue;
        for (let k = i; k < j; k++) {
          const top = at(i, k, w);
          const bottom = at(k + 1, j, w);
          if (minH[top]! + minH[bottom]! <= hi) {
            raise(top, hi - minH[bottom]!);
            raise(bottom, hi - minH[top]!);
          }
          for (let c = 1; c < w; c++) {
            const left = at(i, k, c);
            const right = at(k + 1, j, w - c);
            if (Math.max(minH[left]!, minH[right]!) <= hi) {
              raise(left, hi);
              raise(right, hi);
            }
          }
        }
      }
    }
  }
  return maxH;
}

export function solvePage(input: SolveInput): SolveResult {
  validate(input);
  const { columns, rows, modules } = input;
  const blankCellCost = input.blankCellCost ?? SOLVER_DEFAULTS.blankCellCost;
  const clashCost = input.headlineClashCost ?? SOLVER_DEFAULTS.headlineClashCost;
  const narrowCost = input.narrowCutCost ?? SOLVER_DEFAULTS.narrowCutCost;
  const n = modules.length;
  const W = columns + 1;
  const at = (i: number, j: number, w: number) => (i * n + j) * W + w;

  const minH = minHeights(modules, columns);
  const rootMin = minH[at(0, n - 1, columns)]!;
  if (!Number.isFinite(rootMin)) {
    throw new RangeError(`solvePage: no arrangement of the offered spans fills ${columns} columns`);
  }
  // Heights 0..R are tracked; R is the page, or the shortest layout if that is taller.
  const R = Math.max(rows, rootMin);
  const maxH = maxHeights(minH, n, columns, R);
  const curves: (Curve | null)[] = new Array(n * n * W).fill(null);
  // All curves live in four shared arrays (a view each): one allocation per array
  // rather than four per state keeps allocation and GC out of the first, cold solves.
  let total = 0;
  for (let state = 0; state < maxH.length; state++) if (maxH[state]! >= minH[state]!) total += maxH[state]! + 1;
  const allCost = new Float64Array(total).fill(Infinity);
  const allKind = new Uint8Array(total);
  const allSplit = new Int16Array(total);
  const allPart = new Int16Array(total);
  let offset = 0;

  for (let len = 1; len <= n; len++) {
    for (let i = 0; i + len - 1 < n; i++) {
      const j = i + len - 1;
      for (let w = 1; w <= columns; w++) {
        const m = minH[at(i, j, w)]!;
        const hi = maxH[at(i, j, w)]!;
        if (hi < m) continue; // infeasible width, or in no layout of the page
        const end = offset + hi + 1;
        const cost = allCost.subarray(offset, end);
        const kind = allKind.subarray(offset, end);
        const split = allSplit.subarray(offset, end);
        const part = allPart.subarray(offset, end);
        offset = end;
        const curve: Curve = { min: m, tail: hi, cost, kind, split, part };

        if (len === 1) {
          modules[i]!.options.forEach((o, index) => {
            if (o.span !== w) return;
            for (let h = o.minRows; h <= hi; h++) {
              const c = optionCostAt(o, h, blankCellCost)!.cost;
              if (cheaper(c, cost[h]!)) {
                cost[h] = c;
                kind[h] = KIND_LEAF;
                split[h] = index;
              }
            }
          });
        } else {
          // Horizontal cuts: (min,+) convolution of the two parts' curves (the hot
          // loop). Only the best cost and k are stored; the top part's height is
          // recovered for the cuts the final layout uses (topHeight). The parts'
          // curves reach far enough by construction of maxHeights.
          for (let k = i; k < j; k++) {
            const top = curves[at(i, k, w)];
            const bottom = curves[at(k + 1, j, w)];
            if (!top || !bottom) continue;
            const tc = top.cost;
            const bc = bottom.cost;
            const bMin = bottom.min;
            const hMin = top.min + bMin;
            if (hMin > hi) continue;
            // Past its `tail` a curve is linear (only blank rows or one elastic box
            // still grow), and the sum of two linear pieces is linear in the split, so
            // between a = top.tail and a = h - bottom.tail only the two ends can win:
            // each height scans a over [top.min, top.tail] and [h - bottom.tail, h - bottom.min].
            // From h0 = top.tail + bottom.tail on, both scans only add a constant per row
            // (the other part is in its linear tail), so their winners a1 and b2 stay.
            const tTail = top.tail;
            const bTail = bottom.tail;
            const tMin = top.min;
            const h0 = tTail + bTail;
            let a1 = tMin;
            let b2 = bMin;
            for (let h = hMin; h <= hi; h++) {
              let best: number;
              if (h > h0) {
                const first = tc[a1]! + bc[h - a1]!;
                const second = tc[h - b2]! + bc[b2]!;
                best = first < second ? first : second;
              } else {
                best = Infinity;
                const last = h - bMin;
                const firstEnd = tTail < last ? tTail : last;
                for (let a = tMin; a <= firstEnd; a++) {
                  const c = tc[a]! + bc[h - a]!;
                  if (c < best) {
                    best = c;
                    a1 = a;
                  }
                }
                const from = h - bTail > firstEnd + 1 ? h - bTail : firstEnd + 1;
                let second = Infinity;
                for (let a = from; a <= last; a++) {
                  const c = tc[a]! + bc[h - a]!;
                  if (c < second) second = c;
                }
                if (h === h0) {
                  // Above h0 the second scan covers b = h - a in [bottom.min, bottom.tail].
                  let least = Infinity;
                  for (let b = bMin; b <= bTail; b++) {
                    const c = tc[h0 - b]! + bc[b]!;
                    if (c < least) {
                      least = c;
                      b2 = b;
                    }
                  }
                }
                if (second < best) best = second;
              }
              if (cheaper(best, cost[h]!)) {
                cost[h] = best;
                kind[h] = KIND_HORIZONTAL;
                split[h] = k;
              }
            }
          }
          // Vertical cuts: both sides at the region's height.
          for (let k = i; k < j; k++) {
            for (let c = w - 1; c >= 1; c--) {
              const left = curves[at(i, k, c)];
              const right = curves[at(k + 1, j, w - c)];
              if (!left || !right) continue;
              const cut = clashCost + narrowCost * ((c === 1 ? 1 : 0) + (w - c === 1 ? 1 : 0));
              const lc = left.cost;
              const rc = right.cost;
              for (let h = Math.max(left.min, right.min); h <= hi; h++) {
                const v = lc[h]! + rc[h]! + cut;
                if (cheaper(v, cost[h]!)) {
                  cost[h] = v;
                  kind[h] = KIND_VERTICAL;
                  split[h] = k;
                  part[h] = c;
                }
              }
            }
          }
        }
        curve.tail = linearFrom(cost, m, hi);
        curves[at(i, j, w)] = curve;
      }
    }
  }

  const height = R;
  const root = curves[at(0, n - 1, columns)]!;
  const placements: SolvedPlacement[] = new Array(n);
  const place = (i: number, j: number, w: number, h: number, column: number, row: number): void => {
    const curve = curves[at(i, j, w)]!;
    const k = curve.split[h]!;
    switch (curve.kind[h]) {
      case KIND_LEAF: {
        const option = modules[i]!.options[k]!;
        const { blankRows } = optionCostAt(option, h, blankCellCost)!;
        placements[i] = { id: modules[i]!.id, optionIndex: k, column, span: w, row, rows: h, blankRows };
        return;
      }
      case KIND_HORIZONTAL: {
        const a = topHeight(curves[at(i, k, w)]!, curves[at(k + 1, j, w)]!, h);
        place(i, k, w, a, column, row);
        place(k + 1, j, w, h - a, column, row + a);
        return;
      }
      case KIND_VERTICAL: {
        const c = curve.part[h]!;
        place(i, k, c, h, column, row);
        place(k + 1, j, w - c, h, column + c, row);
        return;
      }
      default:
        throw new Error(`solvePage: internal error, no layout for modules ${i}..${j} at width ${w}, height ${h}`);
    }
  };
  place(0, n - 1, columns, height, 0, 0);

  if (height > rows) {
    return { kind: "overflow", overflowRows: height - rows, moduleId: modules[n - 1]!.id, placements };
  }
  const emptyCells = placements.reduce((sum, p) => sum + p.blankRows * p.span, 0);
  return { kind: "fit", placements, cost: root.cost[height]!, emptyCells };
}
