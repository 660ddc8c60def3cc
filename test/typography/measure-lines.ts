// Line measurement shared by the typography tests in Chromium: every block's
// characters are read from Range rects and grouped into lines, by leg (the
// fragment of a multi-column body the character sits in: the column's x,
// then the top), and the clreq rules are checked on those lines. Each check
// returns the offending lines as readable strings (empty: all good), so a
// test can assert on them and say which text broke which rule.
import type { Page } from "puppeteer";
import { isPinnedPlatformFont } from "../../scripts/layout/font-fallback.js";

export const NO_LINE_START = "、，。；：！？”’）》」』—…";
export const NO_LINE_END = "“‘（《「『";
export const CLOSING = "、，。：；！？”’）》」』】";
export const OPENING = "“‘（《「『【";

export interface CharBox {
  c: string;
  left: number;
  right: number;
  top: number;
  /** The character is in np-half (its right half may hang past a line end). */
  half: boolean;
}

export interface Line {
  text: string;
  chars: CharBox[];
  /** Which leg (fragment of the block, in flow order) the line is in. */
  leg: number;
  /** The leg's edges: the column the line is set in. */
  left: number;
  right: number;
}

export interface Block {
  tag: string;
  className: string;
  /** Where the block stands: in a list item, in a block quote. */
  inList: boolean;
  inQuote: boolean;
  /** The article it belongs to: its id and source file ("" outside one). */
  article: string;
  file: string;
  fontPx: number;
  /** letter-spacing in px (titles have some): part of every advance. */
  letterSpacingPx: number;
  /** The first leg's edges. */
  left: number;
  right: number;
  /** How many legs (column fragments) the block is set in. */
  legs: number;
  lines: Line[];
}

/**
 * Runs in the page: every block matching `selector`, its characters grouped
 * into lines by leg and top. Self-contained (it is serialised into the page).
 */
export function measureBlocks(selector: string): Block[] {
  const blocks: Block[] = [];
  const BLOCKS = "p, li, h1, h2, h3, h4, ul, ol, blockquote, figcaption";
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    // One rect per fragment: a paragraph that runs on into the next column has two.
    const legs = [...element.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (legs.length === 0) continue;
    const chars: (CharBox & { leg: number })[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement!;
      if (parent.closest(BLOCKS) !== element) continue; // a nested block is measured on its own
      const half = parent.classList.contains("np-half");
      for (let i = 0; i < node.data.length; ) {
        const c = String.fromCodePoint(node.data.codePointAt(i)!);
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + c.length);
        i += c.length;
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect || c === "\u2060") continue;
        const x = (rect.left + rect.right) / 2;
        const y = (rect.top + rect.bottom) / 2;
        let leg = legs.findIndex((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
        if (leg < 0) {
          // Nearest leg (no named helpers in here: tsx would wrap them in __name, unknown to the page).
          const distances = legs.map((r) => Math.max(r.left - x, 0, x - r.right) + Math.max(r.top - y, 0, y - r.bottom));
          leg = distances.indexOf(Math.min(...distances));
        }
        chars.push({ c, left: rect.left, right: rect.right, top: rect.top, half, leg });
      }
    }
    const lines: Line[] = [];
    for (const ch of chars) {
      let line = lines.find((l) => l.leg === ch.leg && Math.abs(l.chars[0]!.top - ch.top) < 8);
      if (!line) lines.push((line = { text: "", chars: [], leg: ch.leg, left: legs[ch.leg]!.left, right: legs[ch.leg]!.right }));
      line.chars.push({ c: ch.c, left: ch.left, right: ch.right, top: ch.top, half: ch.half });
    }
    // Lines in flow order; characters stay in text order (two marks that overlap show as such).
    lines.sort((a, b) => a.leg - b.leg || a.chars[0]!.top - b.chars[0]!.top);
    for (const line of lines) line.text = line.chars.map((ch) => ch.c).join("");
    const article = element.closest<HTMLElement>("[data-article]");
    blocks.push({
      tag: element.tagName.toLowerCase(),
      className: element.className,
      inList: !!element.closest("li"),
      inQuote: !!element.closest("blockquote"),
      article: article?.dataset.article ?? "",
      file: article?.dataset.file ?? "",
      fontPx: parseFloat(getComputedStyle(element).fontSize),
      letterSpacingPx: parseFloat(getComputedStyle(element).letterSpacing) || 0,
      left: legs[0]!.left,
      right: legs[0]!.right,
      legs: legs.length,
      lines,
    });
  }
  return blocks;
}

export interface Measured {
  /** The blocks as set. */
  blocks: Block[];
  /** The same unjustified: natural advances. */
  natural: Block[];
  /** Unjustified and without text-autospace (when asked for): advances without the CJK–Latin gap. */
  plain?: Block[];
}

/** Measures the page's blocks as set, then again unjustified (for natural advances), and without autospace if asked. */
export async function measurePage(page: Page, selector: string, options: { withoutAutospace?: boolean } = {}): Promise<Measured> {
  const blocks = await page.evaluate(measureBlocks, selector);
  // Justification widens characters unevenly (text-justify: auto skips Latin
  // and some marks), so widths of marks and gaps are read from the same lines
  // unjustified. Line breaks do not change.
  const unjustified = await page.addStyleTag({ content: `:is(${selector}) { text-align: left !important; }` });
  const natural = await page.evaluate(measureBlocks, selector);
  let plain: Block[] | undefined;
  if (options.withoutAutospace) {
    const noAutospace = await page.addStyleTag({ content: `:is(${selector}), :is(${selector}) * { text-autospace: no-autospace !important; }` });
    plain = await page.evaluate(measureBlocks, selector);
    await noAutospace.evaluate((element) => element.remove());
  }
  await unjustified.evaluate((element) => element.remove());
  return { blocks, natural, plain };
}

export const isHan = (c: string) => /\p{Script=Han}/u.test(c);
export const isLatin = (c: string) => /[A-Za-z0-9]/.test(c);

/** Advance of each character on a line: the next character's left minus its own (less letter-spacing, when given). */
export function advances(line: Line, letterSpacingPx = 0): number[] {
  return line.chars.map((ch, i) => (line.chars[i + 1]?.left ?? ch.right) - ch.left - letterSpacingPx);
}

/** Where a block comes from, for messages: "pages/05/02.md: " or "". */
export function where(block: Block): string {
  return block.file ? `${block.file}: ` : block.article ? `${block.article}: ` : "";
}

/** Paragraphs of copy (not 小标题, list items, quotes or 转版 continuations, jump lines or source lines). */
export function isIndentedParagraph(block: Block): boolean {
  return block.tag === "p" && !block.inList && !block.inQuote && !/\bnp-(continued|jump|source)\b/.test(block.className);
}

// ------------------------------------------------------------------ rules

/**
 * Lines that stick out of their leg, and justified lines not flush at both
 * edges (by the characters' boxes, as Chromium advances them). Allowed past
 * the edge: a space at the line end (it hangs, U+3000 too), the empty half
 * of a trimmed mark, and the CJK–Latin gap after a line's last Han character
 * when the next line starts with Latin (Chromium keeps it when the Latin run
 * is a no-break span: "轮值|4天。").
 */
export function overflowProblems(blocks: Block[], justified: (block: Block) => boolean = (block) => block.tag === "p"): string[] {
  const problems: string[] = [];
  for (const block of blocks) {
    block.lines.forEach((line, i) => {
      const drawn = line.chars.filter((ch, k) => !/\s/u.test(ch.c) || line.chars.slice(k).some((after) => !/\s/u.test(after.c)));
      const first = drawn[0];
      const last = drawn.at(-1);
      if (!first || !last) return;
      const next = block.lines[i + 1]?.chars[0];
      const overhang = last.half ? block.fontPx / 2 : 0;
      const gap = isHan(last.c) && next && isLatin(next.c) ? block.fontPx / 8 : 0;
      // Where the line's last box ends, the CJK–Latin gap kept or not.
      const ends = [last.right - overhang, last.right - overhang - gap];
      if (first.left < line.left - 0.5 || Math.min(...ends) > line.right + 0.5) problems.push(`${where(block)}overflow: ${line.text}`);
      if (justified(block) && i < block.lines.length - 1 && ends.every((end) => Math.abs(end - line.right) > 1)) problems.push(`${where(block)}ragged: ${line.text}`);
    });
  }
  return problems;
}

/**
 * Justified lines whose last Han character is drawn more than 1 px short of
 * the edge: Chromium 156 gave it justification space after it (a line-end
 * expansion it should suppress), seen on lines broken before a no-break span
 * or holding Latin or quotes. Reported, not a rule of the paper's own.
 */
export function shortLines(blocks: Block[], justified: (block: Block) => boolean = (block) => block.tag === "p"): { line: string; shortPx: number }[] {
  const short: { line: string; shortPx: number }[] = [];
  for (const block of blocks.filter(justified)) {
    block.lines.slice(0, -1).forEach((line) => {
      const last = line.chars.at(-1)!;
      if (!isHan(last.c)) return;
      const shortPx = line.right - (last.left + block.fontPx);
      if (shortPx > 1) short.push({ line: `${where(block)}${line.text}`, shortPx });
    });
  }
  return short;
}

/** Lines (but a block's first) that start with 、，。；：！？”’）》」』 or a — / … . */
export function lineStartProblems(blocks: Block[]): string[] {
  return blocks.flatMap((b) => b.lines.slice(1).filter((l) => NO_LINE_START.includes(l.text[0]!)).map((l) => `${where(b)}${l.text}`));
}

/** Lines (but a block's last) that end with “‘（《「『. */
export function lineEndProblems(blocks: Block[]): string[] {
  return blocks.flatMap((b) => b.lines.slice(0, -1).filter((l) => NO_LINE_END.includes(l.text.at(-1)!)).map((l) => `${where(b)}${l.text}`));
}

/** Line breaks inside —— or ……. */
export function splitMarkProblems(blocks: Block[]): string[] {
  const bad: string[] = [];
  for (const block of blocks) {
    for (let i = 0; i + 1 < block.lines.length; i++) {
      const end = block.lines[i]!.text.at(-1)!;
      const start = block.lines[i + 1]!.text[0]!;
      if ("—…".includes(end) && end === start) bad.push(`${where(block)}${block.lines[i]!.text} | ${block.lines[i + 1]!.text}`);
    }
  }
  return bad;
}

/** First-line indents (px) of the blocks `indented` picks, and those that are not 2 em. */
export function indentProblems(blocks: Block[], indented: (block: Block) => boolean = isIndentedParagraph): { checked: number; bad: string[] } {
  const bad: string[] = [];
  let checked = 0;
  for (const block of blocks.filter(indented)) {
    const line = block.lines[0];
    if (!line) continue;
    checked++;
    const indent = line.chars[0]!.left - line.left;
    if (Math.abs(indent - 2 * block.fontPx) > 0.5) bad.push(`${where(block)}indent ${indent.toFixed(2)} px: ${line.text}`);
  }
  return { checked, bad };
}

/** Han→Latin boundaries inside a line, and those without the 1/8-em gap (read from natural advances). */
export function autospaceProblems(natural: Block[]): { gaps: number; missing: string[] } {
  let gaps = 0;
  const missing: string[] = [];
  for (const block of natural) {
    for (const line of block.lines) {
      const adv = advances(line, block.letterSpacingPx);
      line.chars.forEach((ch, i) => {
        const next = line.chars[i + 1];
        // Chromium adds the space to the advance of the character before the boundary.
        if (!next || !isHan(ch.c) || !isLatin(next.c)) return;
        const gap = adv[i]! - block.fontPx;
        gaps++;
        if (Math.abs(gap - block.fontPx / 8) > 0.25) missing.push(`${where(block)}${ch.c}${next.c} ${gap.toFixed(2)} in ${line.text}`);
      });
    }
  }
  return { gaps, missing };
}

/**
 * CJK–Latin boundaries inside a line, both ways (Han→Latin and Latin→Han),
 * and those without the 1/8-em gap: the advance of the character before the
 * boundary, unjustified, less its advance with text-autospace off (`plain`).
 * Characters are paired by text order; a pair counts where it shares a line
 * in both settings.
 */
export function cjkLatinGapProblems(natural: Block[], plain: Block[]): { hanLatin: number; latinHan: number; missing: string[] } {
  let hanLatin = 0;
  let latinHan = 0;
  const missing: string[] = [];
  const advancesInOrder = (block: Block) => block.lines.flatMap((line) => advances(line).map((advance, i) => ({ ch: line.chars[i]!, advance, last: i === line.chars.length - 1, line })));
  natural.forEach((block, b) => {
    const spaced = advancesInOrder(block);
    const tight = advancesInOrder(plain[b]!);
    if (spaced.length !== tight.length) throw new Error(`${where(block)}the block measured differently without autospace`);
    spaced.forEach((here, i) => {
      const next = spaced[i + 1];
      if (!next || here.last || tight[i]!.last) return;
      const hanToLatin = isHan(here.ch.c) && isLatin(next.ch.c);
      const latinToHan = isLatin(here.ch.c) && isHan(next.ch.c);
      if (!hanToLatin && !latinToHan) return;
      if (hanToLatin) hanLatin++;
      else latinHan++;
      const gap = here.advance - tight[i]!.advance;
      if (Math.abs(gap - block.fontPx / 8) > 0.25) missing.push(`${where(block)}${here.ch.c}${next.ch.c} ${gap.toFixed(2)} in ${here.line.text}`);
    });
  });
  return { hanLatin, latinHan, missing };
}

/**
 * Adjacent full-width mark pairs inside a line, and those not set in 1.5 em.
 * A closing mark before any mark gives up its right half; an opening mark
 * before an opening mark lets the second give up its left half: either way
 * the first mark advances 0.5 em, and the pair takes 1.5 em, not 2.
 */
export function markPairProblems(natural: Block[]): { pairs: number; wrong: string[] } {
  let pairs = 0;
  const wrong: string[] = [];
  for (const block of natural) {
    for (const line of block.lines) {
      const adv = advances(line, block.letterSpacingPx);
      line.chars.forEach((ch, i) => {
        const next = line.chars[i + 1];
        if (!next || i + 2 >= line.chars.length) return;
        const pair = (CLOSING.includes(ch.c) && (CLOSING.includes(next.c) || OPENING.includes(next.c))) || (OPENING.includes(ch.c) && OPENING.includes(next.c));
        if (!pair) return;
        const em = block.fontPx;
        const pairWidth = OPENING.includes(next.c) && OPENING.includes(ch.c) ? adv[i]! + adv[i + 1]! : adv[i]! + em;
        pairs++;
        if (!(Math.abs(adv[i]! - em / 2) < 0.25 && pairWidth < 2 * em)) wrong.push(`${where(block)}${ch.c}${next.c} ${adv[i]!.toFixed(2)} in ${line.text}`);
      });
    }
  }
  return { pairs, wrong };
}

/** Widths of each 破折号 (—— inside one line). */
export function dashWidths(blocks: Block[]): number[] {
  const widths: number[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      line.chars.forEach((ch, i) => {
        if (ch.c === "—" && line.chars[i + 1]?.c === "—" && line.chars[i - 1]?.c !== "—") widths.push(line.chars[i + 1]!.right - ch.left);
      });
    }
  }
  return widths;
}

/** Blocks of more than one line whose last line holds a single character (a Latin word or number counts as one). */
export function lastLineProblems(blocks: Block[]): string[] {
  const bad: string[] = [];
  for (const block of blocks) {
    if (block.lines.length < 2) continue;
    const last = block.lines.at(-1)!.text;
    const units = last.match(/\p{Script=Han}|[A-Za-z0-9.%,]+/gu) ?? [];
    if (units.length < 2) bad.push(`${where(block)}${last}`);
  }
  return bad;
}

// ------------------------------------------------------------------ fonts

export interface FontUse {
  /** Platform family name, " (system)" appended for a font not loaded from @font-face. */
  name: string;
  glyphs: number;
  /** Which nodes used it: their selector group and article file. */
  where: string[];
}

/**
 * CSS.getPlatformFontsForNode on every element matching one of `groups`
 * (name → selector) and on all their descendants (the call reads text only
 * two element levels deep): platform fonts by name with their glyph counts.
 */
export async function platformFonts(page: Page, groups: Record<string, string>): Promise<{ nodes: number; fonts: Map<string, FontUse> }> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const fonts = new Map<string, FontUse>();
    let nodes = 0;
    for (const [group, selector] of Object.entries(groups)) {
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: `:is(${selector}), :is(${selector}) *` });
      nodes += nodeIds.length;
      const results = await Promise.all(nodeIds.map((nodeId) => cdp.send("CSS.getPlatformFontsForNode", { nodeId })));
      for (const { fonts: used } of results) {
        for (const font of used) {
          const name = `${font.familyName}${font.isCustomFont ? "" : " (system)"}`;
          const use = fonts.get(name) ?? { name, glyphs: 0, where: [] };
          use.glyphs += font.glyphCount;
          if (!use.where.includes(group)) use.where.push(group);
          fonts.set(name, use);
        }
      }
    }
    return { nodes, fonts };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Fonts of `platformFonts` that are not the pinned families (system fonts never are). */
export function foreignFonts(fonts: Map<string, FontUse>, families: readonly string[]): FontUse[] {
  return [...fonts.values()].filter((use) => use.name.endsWith(" (system)") || !isPinnedPlatformFont(use.name, true, families));
}
