// Full-width punctuation carries its own space: typed spaces next to it are
// removed ("中国 ， 美国" → "中国，美国"). Next to the marks shared with Latin
// (“ ” ‘ ’ —— ……) a space goes only when Chinese is on its other side, so
// 'said “hello”' keeps its space. Left in, such a space is also where
// Chromium 156 breaks a line before ” (measured: "好 ”" lets ” start a line).
import { isCjk, isCjkPunctuation, isSharedMark, isSpace } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

function removable(before: string, after: string): boolean {
  if (isCjkPunctuation(before) || isCjkPunctuation(after)) return true;
  return (isSharedMark(before) && (isCjk(after) || isSharedMark(after))) || (isSharedMark(after) && isCjk(before));
}

export const punctuationSpaces: TextRule = {
  name: "punctuation_spaces",
  run(children) {
    const text = new InlineText(children);
    for (const match of text.text.matchAll(/[ \t]+/g)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!removable(text.charBefore(start), text.charAt(end))) continue;
      for (let pos = start; pos < end; pos++) if (isSpace(text.text[pos])) text.remove(pos);
    }
    text.commit();
  },
};
