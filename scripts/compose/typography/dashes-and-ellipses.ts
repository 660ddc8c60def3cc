// 破折号 (——) and 省略号 (……) take two character widths and are one mark:
// they never split, and never start a line. Chromium 156 with
// `line-break: strict` breaks before —— (measured: —— started a line in 4 of
// 23 positions; …… it keeps), so each is glued to the character before it
// and within itself; the emit rule wraps such a run in
// <span class="np-nobreak">. (Between Han characters the pinned Noto fonts
// draw U+2014 and U+2026 full-width, 12 px each at 12 px: nothing to fix.)
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

export const dashesAndEllipses: TextRule = {
  name: "dashes_and_ellipses",
  run(children) {
    const text = new InlineText(children);
    for (const match of text.text.matchAll(/—{2,}|…{2,}/g)) {
      for (let pos = match.index; pos < match.index + match[0].length; pos++) text.glue(pos);
    }
  },
};
