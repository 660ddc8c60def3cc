// 避头尾 at clreq's strict level. `line-break: strict` (typography.css) makes
// Chromium keep 、，。；：！？ and closing quotes and brackets off a line's start
// and opening ones off its end (measured over 776 paragraphs at six widths:
// none). What it still allows is glued here to the character before:
//  - the marks in CHROMIUM_LINE_START_GAPS (a single —, the 间隔号 ·, ～);
//  - a closing mark after a space ("ESG ”"), and the character after an
//    opening mark and a space ("“ ESG"): Chromium breaks at such a space.
import { CHROMIUM_LINE_START_GAPS, isClosingMark, isOneOf, isOpeningMark, isSpace } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

export const lineStart: TextRule = {
  name: "line_start",
  run(children) {
    const text = new InlineText(children);
    for (let pos = 0; pos < text.length; pos += text.charAt(pos).length || 1) {
      const ch = text.charAt(pos);
      if (isOneOf(CHROMIUM_LINE_START_GAPS, ch) || (isClosingMark(ch) && isSpace(text.charBefore(pos)))) text.glue(pos);
      if (isOpeningMark(ch) && isSpace(text.charAt(pos + ch.length))) {
        let next = pos + ch.length;
        while (isSpace(text.charAt(next))) next++;
        if (next < text.length) text.glue(next);
      }
    }
  },
};
