// CJK–Latin spacing is drawn by CSS: `text-autospace: normal` (typography.css)
// gives 1/8 em between a Han character and a Latin letter or digit, and none
// at a line's start or end (measured in Chromium 156: "中ESG文" is 3.0 px wider
// than its parts at 12 px, and lines stay flush). So spaces typed by hand
// between Han and Latin ("使用 ESG 标准") are removed, for one even gap.
// Spaces next to other symbols ("3.6% 以上") stay: autospace adds none there.
import { isHan, isLatinAlnum } from "./chars.js";
import { InlineText } from "./inline-text.js";
import type { TextRule } from "./rule.js";

export const cjkLatinSpaces: TextRule = {
  name: "cjk_latin_spaces",
  run(children) {
    const text = new InlineText(children);
    for (const match of text.text.matchAll(/[ \t]+/g)) {
      const before = text.charBefore(match.index);
      const after = text.charAt(match.index + match[0].length);
      if ((isHan(before) && isLatinAlnum(after)) || (isLatinAlnum(before) && isHan(after))) {
        for (let pos = match.index; pos < match.index + match[0].length; pos++) text.remove(pos);
      }
    }
    text.commit();
  },
};
