// ASCII , ; : ! ? ( ) typed in Chinese text become the full-width marks
// ，；：！？（）. A mark is Chinese when Chinese text touches it: the character
// right before or after it is Chinese (“你好”, counts as Chinese through the
// quote); a pair of brackets goes together when either bracket is touched,
// inside or out. Latin runs between Chinese text stay as typed, with their
// spaces: "ESG (environmental)", "3.6%", "1:1", "1,000", "http://".
import { isCjk, isSharedMark } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

const FULL_WIDTH: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）" };

/**
 * Whether the text right next to `pos` on one side is Chinese, looking
 * through quotes, dashes and ellipses (but not through spaces).
 */
function chineseSide(text: InlineText, pos: number, step: 1 | -1): boolean {
  let at = pos;
  for (;;) {
    const ch = step === 1 ? text.charAt(at) : text.charBefore(at);
    if (ch === "") return false;
    if (isCjk(ch)) return true;
    if (!isSharedMark(ch)) return false;
    at += step * ch.length;
  }
}

/** Pairs of ( ) by nesting; unmatched ones are paired with -1. */
function bracketPairs(text: InlineText): [number, number][] {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (const pos of text.positionsOf(/[()]/)) {
    if (text.text[pos] === "(") open.push(pos);
    else pairs.push([open.pop() ?? -1, pos]);
  }
  for (const pos of open) pairs.push([pos, -1]);
  return pairs;
}

export const fullWidthPunctuation: TextRule = {
  name: "full_width_punctuation",
  run(children) {
    const text = new InlineText(children);
    for (const pos of text.positionsOf(/[,;:!?]/)) {
      if (chineseSide(text, pos, -1) || chineseSide(text, pos + 1, 1)) text.replace(pos, FULL_WIDTH[text.text[pos]!]!);
    }
    for (const [open, close] of bracketPairs(text)) {
      const chinese =
        (open >= 0 && (chineseSide(text, open, -1) || chineseSide(text, open + 1, 1))) ||
        (close >= 0 && (chineseSide(text, close, -1) || chineseSide(text, close + 1, 1)));
      if (!chinese) continue;
      if (open >= 0) text.replace(open, "（");
      if (close >= 0) text.replace(close, "）");
    }
  },
};
