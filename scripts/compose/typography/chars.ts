// Character classes of Chinese typesetting (W3C clreq, GB/T 15834), as the
// typography rules need them. Everything here works on one code point.

const HAN = /^\p{Script=Han}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** A Han character (汉字), including 〇 and the extension blocks. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/**
 * Full-width Chinese punctuation that is never Latin: CJK Symbols and
 * Punctuation (U+3000–303F) and the full-width forms (U+FF01–FF60).
 * Curly quotes, —— and …… are shared with Latin text and are not in here.
 */
export function isCjkPunctuation(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff60);
}

/** Kana, Bopomofo and Hangul count as CJK text too, should copy hold some. */
function isOtherCjkScript(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3100 && cp <= 0x312f) || (cp >= 0xac00 && cp <= 0xd7af);
}

/** Chinese text: a Han character, other CJK script, or full-width punctuation. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || isCjkPunctuation(ch) || isOtherCjkScript(ch));
}

/** A letter or digit of a non-CJK script (Latin, Greek, Cyrillic, ...). */
export function isLatinAlnum(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch) && !isCjk(ch);
}

/** ASCII space or tab, as typed between words (never a line break). */
export function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

/**
 * Closing full-width marks whose glyph sits in the left half of its em box in
 * Simplified Chinese fonts (measured in Noto Serif SC and Noto Sans SC: ink
 * within 0–0.47 em), so the right half can be trimmed next to another mark.
 */
export const CLOSING_MARKS = "、，。．：；！？”’）》」』】〉〕〗〙〛］｝";

/** Opening marks: ink in the right half (0.52–0.97 em), the left half can go. */
export const OPENING_MARKS = "“‘（《「『【〈〔〖〘〚［｛";

/** Whether `ch` is one character of `set` ("".includes("") would say yes). */
export function isOneOf(set: string, ch: string | undefined): boolean {
  return !!ch && [...ch].length === 1 && set.includes(ch);
}

export function isClosingMark(ch: string | undefined): boolean {
  return isOneOf(CLOSING_MARKS, ch);
}

export function isOpeningMark(ch: string | undefined): boolean {
  return isOneOf(OPENING_MARKS, ch);
}

/**
 * Marks that Chinese shares with Latin text (curly quotes, the dash and the
 * ellipsis of 破折号 and 省略号): they take the language of their neighbours.
 */
export const SHARED_MARKS = "“”‘’—…";

export function isSharedMark(ch: string | undefined): boolean {
  return isOneOf(SHARED_MARKS, ch);
}

/** 破折号 (——) and 省略号 (……) are made of these, two to a mark. */
export const DASH = "—";
export const ELLIPSIS = "…";

/**
 * Marks that clreq (strict) keeps from starting a line but that Chromium 156
 * with `line-break: strict` still puts at a line start (measured: —, ·, ～;
 * the rest of the same family is listed for safety). All the closing marks
 * above Chromium keeps from line starts itself.
 */
export const CHROMIUM_LINE_START_GAPS = "—―·・‧～〜‥";
