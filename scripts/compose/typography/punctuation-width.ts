// Two full-width marks side by side take 1.5 em, not 2 (clreq 3.1.5). Chromium
// 156 does this natively only where both marks come from the same subset
// file of the pinned fonts (measured at 12 px: 。” 18 px but ，“ and ）。 24 px),
// so typography.css turns it off (`text-spacing-trim: space-all`) and this
// rule marks every pair: a closing mark followed by any mark loses its right
// half (np-half), an opening mark after an opening mark its left half
// (np-half-start). The glyphs of the pinned fonts fit: closing marks have
// their ink within 0–0.47 em, opening marks within 0.52–0.97 em. (LXGW
// WenKai's own “”‘’ are 0.35 em wide, and a half em taken from them made the
// next mark overlap: typography.css sets them in 楷 text from Noto Serif SC.)
import { isClosingMark, isOpeningMark } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

export const punctuationWidth: TextRule = {
  name: "punctuation_width",
  run(children) {
    const text = new InlineText(children);
    for (let pos = 0; pos < text.length; pos++) {
      const ch = text.text[pos]!;
      const next = text.text[pos + 1];
      if (isClosingMark(ch) && (isClosingMark(next) || isOpeningMark(next))) text.half(pos, "end");
      if (isOpeningMark(ch) && isOpeningMark(next)) text.half(pos + 1, "start");
    }
  },
};
