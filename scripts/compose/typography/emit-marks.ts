// The last rule: turns what the others marked on text tokens into markup.
// - Glued characters in one token become <span class="np-nobreak"> (CSS
//   white-space: nowrap) around the whole glued run.
// - Glue across tokens (the character before is in **strong**, say) cannot
//   be a span without breaking the nesting: a U+2060 WORD JOINER goes in
//   there instead (zero width, no glyph drawn, no fallback font: measured).
// - Trimmed marks become <span class="np-half"> / <span class="np-half-start">.
// Spans are markdown-it tokens (span_open / span_close), rendered as tags by
// the default renderer; the text in between stays escaped as usual.
import type { Token } from "markdown-it";
import { hasMarks, marksOf } from "./inline-text.js";
import type { TextRule, TokenClass } from "./rule.js";

export const WORD_JOINER = "\u2060";

interface Range {
  start: number;
  end: number;
  className: string;
}

function codePointStarts(content: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < content.length; i += content.codePointAt(i)! > 0xffff ? 2 : 1) starts.push(i);
  return starts;
}

function rangesOf(token: Token): Range[] {
  const { glue, half } = marksOf(token);
  const starts = codePointStarts(token.content);
  const ranges: Range[] = [];
  for (let i = 1; i < starts.length; i++) {
    if (!glue.has(starts[i]!)) continue;
    const end = starts[i + 1] ?? token.content.length;
    const last = ranges.at(-1);
    if (last?.className === "np-nobreak" && last.end === starts[i]) last.end = end;
    else ranges.push({ start: starts[i - 1]!, end, className: "np-nobreak" });
  }
  for (const [offset, side] of half) {
    const end = offset + String.fromCodePoint(token.content.codePointAt(offset)!).length;
    ranges.push({ start: offset, end, className: side === "end" ? "np-half" : "np-half-start" });
  }
  // Outer ranges first: by start, then the longer one, then the no-break run
  // (a trimmed mark inside a run nests in it; one char never straddles two).
  const rank = (range: Range) => (range.className === "np-nobreak" ? 0 : 1);
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
}

/** The token as text and span tokens; ranges that would not nest are dropped. */
function expand(token: Token, Token: TokenClass): Token[] {
  const content = token.content;
  const out: Token[] = [];
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const piece = new Token("text", "", 0);
    piece.content = content.slice(from, to);
    out.push(piece);
  };
  const stack: Range[] = [];
  let at = 0;
  const closeUntil = (pos: number) => {
    while (stack.length && stack.at(-1)!.end <= pos) {
      const range = stack.pop()!;
      text(at, range.end);
      at = range.end;
      out.push(new Token("span_close", "span", -1));
    }
  };
  for (const range of rangesOf(token)) {
    closeUntil(range.start);
    const parent = stack.at(-1);
    if (parent && range.end > parent.end) continue;
    text(at, range.start);
    at = range.start;
    const open = new Token("span_open", "span", 1);
    open.attrSet("class", range.className);
    out.push(open);
    stack.push(range);
  }
  closeUntil(Infinity);
  text(at, content.length);
  if (marksOf(token).glue.has(0)) {
    const joiner = new Token("text", "", 0);
    joiner.content = WORD_JOINER;
    out.unshift(joiner);
  }
  return out;
}

export const emitMarks: TextRule = {
  name: "emit_marks",
  run(children, Token) {
    for (let i = children.length - 1; i >= 0; i--) {
      const token = children[i]!;
      if (token.type === "text" && hasMarks(token)) children.splice(i, 1, ...expand(token, Token));
    }
  },
};
