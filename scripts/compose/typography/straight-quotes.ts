// Straight quotes typed in Chinese text become Chinese quotation marks:
// "…" → “…” and '…' → ‘…’, paired in order within one paragraph. A pair is
// converted when it quotes Chinese or stands next to Chinese; quotes in Latin
// text, and apostrophes (don't, it's), stay as typed.
import { isCjk, isCjkPunctuation, isClosingMark, isHan, isLatinAlnum, isSpace } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

/** The first character before `pos` (step -1) or from `pos` (step 1) that is not a space. */
function nearest(text: InlineText, pos: number, step: 1 | -1): string {
  let at = pos;
  for (;;) {
    const ch = step === 1 ? text.charAt(at) : text.charBefore(at);
    if (!isSpace(ch)) return ch;
    at += step;
  }
}

function quotesChinese(text: InlineText, open: number, close: number): boolean {
  return [...text.text.slice(open + 1, close)].some(isHan);
}

function convert(text: InlineText, positions: number[], marks: [string, string], needsBothSides: boolean): void {
  let i = 0;
  for (; i + 1 < positions.length; i += 2) {
    const open = positions[i]!;
    const close = positions[i + 1]!;
    const before = isCjk(nearest(text, open, -1));
    const after = isCjk(nearest(text, close + 1, 1));
    const chinese = quotesChinese(text, open, close) || (needsBothSides ? before && after : before || after);
    if (!chinese) continue;
    text.replace(open, marks[0]);
    text.replace(close, marks[1]);
  }
  // An unpaired quote next to Chinese: closing before the end, a space or a
  // mark (好"。), opening before text (说"好).
  const single = positions[i];
  if (single === undefined || needsBothSides) return;
  if (!isCjk(nearest(text, single, -1)) && !isCjk(nearest(text, single + 1, 1))) return;
  const next = text.charAt(single + 1);
  const closes = next === "" || next === "\n" || isSpace(next) || isCjkPunctuation(next) || isClosingMark(next);
  text.replace(single, closes ? marks[1] : marks[0]);
}

export const straightQuotes: TextRule = {
  name: "straight_quotes",
  run(children) {
    const text = new InlineText(children);
    convert(text, text.positionsOf(/"/), ["“", "”"], false);
    const singles = text
      .positionsOf(/'/)
      .filter((pos) => !(isLatinAlnum(text.charBefore(pos)) && isLatinAlnum(text.charAt(pos + 1))));
    convert(text, singles, ["‘", "’"], true);
  },
};
