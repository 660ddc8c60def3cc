// Chinese typography for article bodies: markdown-it core rules that run, in
// this order, after markdown-it's own (after 'inline' and 'text_join'), on the
// text tokens of every paragraph, 小标题 and list item. Code is never touched.
//
//   1. cjk_softbreaks         a source line break in Chinese text draws nothing
//   2. straight_quotes        "…" '…' → “…” ‘…’ in Chinese text            (a)
//   3. full_width_punctuation , ; : ! ? ( ) → ，；：！？（） in Chinese text  (a)
//   4. punctuation_spaces     no typed spaces next to full-width marks      (a)
//   5. cjk_latin_spaces       no typed spaces between Han and Latin; the
//                             gap is CSS text-autospace                     (c)
//   6. dashes_and_ellipses    —— and …… glued to the character before       (b)
//   7. line_start             避头尾 where Chromium's line-break: strict
//                             falls short                                   (f)
//   8. punctuation_width      adjacent full-width marks take 1.5 em         (d)
//   9. last_line              no single character on a last line            (e)
//  10. emit_marks             the marks of 6–9 become spans / word joiners
//
// Rules 1–5 change text; rules 6–9 only mark it; rule 10 writes the markup.
// The classes (np-nobreak, np-half, np-half-start) are styled in
// styles/typography.css, which also sets line-break, text-autospace and
// text-spacing-trim.
import markdownIt from "markdown-it";
import type { MarkdownPlugin } from "../markdown.js";
import { cjkLatinSpaces } from "./cjk-latin-spaces.js";
import { cjkSoftbreaks } from "./cjk-softbreaks.js";
import { dashesAndEllipses } from "./dashes-and-ellipses.js";
import { emitMarks } from "./emit-marks.js";
import { fullWidthPunctuation } from "./full-width-punctuation.js";
import { lastLine } from "./last-line.js";
import { lineStart } from "./line-start.js";
import { punctuationSpaces } from "./punctuation-spaces.js";
import { punctuationWidth } from "./punctuation-width.js";
import { corePlugin, type TextRule } from "./rule.js";
import { straightQuotes } from "./straight-quotes.js";

export type { TextRule } from "./rule.js";

/** The rules in the order they run. */
export const TYPOGRAPHY_RULES: readonly TextRule[] = [
  cjkSoftbreaks,
  straightQuotes,
  fullWidthPunctuation,
  punctuationSpaces,
  cjkLatinSpaces,
  dashesAndEllipses,
  lineStart,
  punctuationWidth,
  lastLine,
  emitMarks,
];

export const typographyPlugins: MarkdownPlugin[] = TYPOGRAPHY_RULES.map(corePlugin);

// ------------------------------------------------------------ plain strings

const plain = markdownIt({ html: false });

function typesetWith(rules: readonly TextRule[], text: string): string {
  const token = new markdownIt.Token("text", "", 0);
  token.content = text;
  const children = [token];
  for (const rule of rules) rule.run(children, markdownIt.Token);
  return plain.renderer.renderInline(children, plain.options, {});
}

/**
 * A plain string (a headline) as HTML-escaped text whose last two characters
 * and the punctuation after them are bound in <span class="np-nobreak">, so
 * no line of it holds a single character. Markdown syntax is not read.
 */
export function bindLastCharacters(text: string): string {
  return typesetWith([lastLine, emitMarks], text);
}

/**
 * A plain string (引题, 主题, 副题, caption) through every rule that fits one
 * line of text: punctuation, quotes, spaces, ——/……, 避头尾, mark widths
 * and the last-line binding. HTML-escaped; Markdown syntax is not read.
 */
export function typesetPlain(text: string): string {
  return typesetWith(
    TYPOGRAPHY_RULES.filter((rule) => rule !== cjkSoftbreaks),
    text,
  );
}
