// No paragraph ends on a line with a single character (孤字): the last two
// characters (a Latin word counts as one), the punctuation between them and
// the punctuation after them are glued, so the last line holds both.
import { isCjk, isSpace } from "./chars.js";
import { InlineText, OBJECT } from "./inline-text.js";
import type { TextRule } from "./rule.js";

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isUnitChar(ch: string): boolean {
  return WORD_CHAR.test(ch) || ch === OBJECT;
}

/** Start of the unit that ends at `end`: one CJK character, or a whole Latin word. */
function unitStart(text: InlineText, end: number): number {
  const last = text.charBefore(end);
  if (isCjk(last) || last === OBJECT) return text.startBefore(end);
  let start = end;
  for (;;) {
    const ch = text.charBefore(start);
    if (ch === "" || ch === "\n" || ch === OBJECT || isSpace(ch) || isCjk(ch)) return start;
    start -= ch.length;
  }
}

export function glueLastCharacters(text: InlineText): void {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charBefore(end))) end = text.startBefore(end);
  // Trailing punctuation: everything after the last letter, digit or Han character.
  const lastEnd = skipPunctuation(text, end);
  if (lastEnd === 0) return;
  const lastStart = unitStart(text, lastEnd);
  // The unit before it, past any punctuation or spaces between the two ("国》”说").
  const previousEnd = skipPunctuation(text, lastStart, true);
  const from = previousEnd > 0 ? previousEnd : lastStart;
  for (let pos = from; pos < end; pos += text.charAt(pos).length) {
    if (pos > lastStart && pos < lastEnd) continue; // inside a Latin word: no break there anyway
    if (pos === from && previousEnd === 0) continue; // nothing before the last unit
    text.glue(pos);
  }
}

/** Moves back from `end` over punctuation (and spaces, when asked) to the end of a unit. */
function skipPunctuation(text: InlineText, end: number, spaces = false): number {
  let pos = end;
  for (;;) {
    const ch = text.charBefore(pos);
    if (ch === "" || ch === "\n" || isUnitChar(ch) || (/\s/.test(ch) && !(spaces && isSpace(ch)))) return pos;
    pos -= ch.length;
  }
}

export const lastLine: TextRule = {
  name: "last_line",
  run(children) {
    glueLastCharacters(new InlineText(children));
  },
};
