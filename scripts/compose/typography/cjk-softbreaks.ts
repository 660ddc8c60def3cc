// A line break inside a Markdown paragraph (softbreak) is rendered as "\n",
// and Chromium 156 draws it as a space even between two Han characters
// (measured: "中\n文" 27.1 px wide at 12 px, "中文" 24.0 px). Chinese has no
// spaces between words: a softbreak next to Chinese text is removed, and
// `text-autospace` adds the CJK–Latin gap where one is due.
import type { Token } from "markdown-it";
import { isCjk, isSharedMark } from "./chars.js";
import type { TextRule } from "./rule.js";

/** The character next to children[index] in direction `step`, across markup ("" if none). */
function neighbour(children: Token[], index: number, step: 1 | -1): string {
  for (let i = index + step; i >= 0 && i < children.length; i += step) {
    const token = children[i]!;
    if (token.type === "text") {
      if (token.content === "") continue;
      return step === 1 ? String.fromCodePoint(token.content.codePointAt(0)!) : [...token.content].at(-1)!;
    }
    if (token.nesting === 0) return ""; // a code span, image or another break
  }
  return "";
}

function isChineseSide(ch: string): boolean {
  return isCjk(ch) || isSharedMark(ch);
}

export const cjkSoftbreaks: TextRule = {
  name: "cjk_softbreaks",
  run(children) {
    for (let i = children.length - 1; i >= 0; i--) {
      if (children[i]!.type !== "softbreak") continue;
      if (!isChineseSide(neighbour(children, i, -1)) && !isChineseSide(neighbour(children, i, 1))) continue;
      children.splice(i, 1);
      const before = children[i - 1];
      const after = children[i];
      if (before?.type === "text" && after?.type === "text") {
        before.content += after.content;
        children.splice(i, 1);
      }
    }
  },
};
