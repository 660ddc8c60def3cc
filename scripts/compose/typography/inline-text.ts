// One inline run (a paragraph, a 小标题, a list item) seen as a single string,
// so a rule can look across **strong** and other markup for its context.
// Only the characters of "text" tokens are ever changed or marked: code spans
// and images stand in as U+FFFC, line breaks as "\n", markup tags as nothing.
import type { Token } from "markdown-it";

/** What the markup rules ask of a text token; the emit rule turns it into spans. */
export interface TextMarks {
  /** UTF-16 offsets (at a code point) before which the line must not break. */
  glue: Set<number>;
  /** Offsets of marks that lose half their width: "end" the right half, "start" the left. */
  half: Map<number, "end" | "start">;
}

const META_KEY = "npTypography";

/** The marks of a text token, created empty on first use. */
export function marksOf(token: Token): TextMarks {
  token.meta ??= {};
  let marks = token.meta[META_KEY] as TextMarks | undefined;
  if (!marks) {
    marks = { glue: new Set(), half: new Map() };
    token.meta[META_KEY] = marks;
  }
  return marks;
}

export function hasMarks(token: Token): boolean {
  const marks = token.meta?.[META_KEY] as TextMarks | undefined;
  return !!marks && (marks.glue.size > 0 || marks.half.size > 0);
}

/** An object (code span, image) inside the text: neither CJK nor Latin, never changed. */
export const OBJECT = "\uFFFC";

interface Owner {
  token: Token;
  offset: number;
}

export class InlineText {
  /** The run's text: text tokens' content, U+FFFC for objects, "\n" for breaks. */
  private current: string;
  private readonly owners: (Owner | null)[] = [];
  private readonly deletions = new Set<number>();

  constructor(children: Token[]) {
    let text = "";
    for (const token of children) {
      if (token.type === "text") {
        for (let i = 0; i < token.content.length; i++) this.owners.push({ token, offset: i });
        text += token.content;
      } else if (token.type === "softbreak" || token.type === "hardbreak") {
        this.owners.push(null);
        text += "\n";
      } else if (token.type === "code_inline" || token.type === "image" || token.type === "html_inline") {
        this.owners.push(null);
        text += OBJECT;
      }
    }
    this.current = text;
  }

  /** The text as it is now: replacements show at once, removals after `commit()`. */
  get text(): string {
    return this.current;
  }

  get length(): number {
    return this.text.length;
  }

  /** The code point that starts at `pos` ("" past the end). */
  charAt(pos: number): string {
    if (pos < 0 || pos >= this.text.length) return "";
    return String.fromCodePoint(this.text.codePointAt(pos)!);
  }

  /** The code point that ends just before `pos` ("" at the start). */
  charBefore(pos: number): string {
    if (pos <= 0) return "";
    const low = this.text.charCodeAt(pos - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && pos >= 2 ? pos - 2 : pos - 1;
    return this.text.slice(start, pos);
  }

  /** Where the code point before `pos` starts. */
  startBefore(pos: number): number {
    return pos - this.charBefore(pos).length;
  }

  /** True when the character at `pos` belongs to a text token (can be changed or marked). */
  isText(pos: number): boolean {
    return !!this.owners[pos];
  }

  /** Every position where `pattern` matches that lies in a text token. */
  positionsOf(pattern: RegExp): number[] {
    const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
    const re = new RegExp(pattern.source, flags);
    const out: number[] = [];
    for (const match of this.text.matchAll(re)) if (this.isText(match.index)) out.push(match.index);
    return out;
  }

  /** Replaces one character by another of the same UTF-16 length. */
  replace(pos: number, ch: string): void {
    const owner = this.owners[pos];
    if (!owner || ch.length !== this.charAt(pos).length) throw new Error(`cannot replace at ${pos}`);
    const { token, offset } = owner;
    token.content = token.content.slice(0, offset) + ch + token.content.slice(offset + ch.length);
    this.current = this.current.slice(0, pos) + ch + this.current.slice(pos + ch.length);
  }

  /** Marks a character for removal; `commit()` removes them all at once. */
  remove(pos: number): void {
    if (this.owners[pos]) this.deletions.add(pos);
  }

  /**
   * Removes the characters marked with `remove` from their tokens (content
   * rules run before marking rules). The view is stale afterwards: a rule
   * commits last, and the next rule reads the tokens afresh.
   */
  commit(): void {
    const byToken = new Map<Token, number[]>();
    for (const pos of this.deletions) {
      const { token, offset } = this.owners[pos]!;
      byToken.set(token, [...(byToken.get(token) ?? []), offset]);
    }
    for (const [token, offsets] of byToken) {
      let content = token.content;
      for (const offset of offsets.sort((a, b) => b - a)) content = content.slice(0, offset) + content.slice(offset + 1);
      token.content = content;
    }
    this.deletions.clear();
  }

  /**
   * Forbids a line break between the character before `pos` and the one at
   * `pos`. Nothing to do at the start of the run or after a line break.
   */
  glue(pos: number): void {
    const owner = this.owners[pos];
    const before = this.charBefore(pos);
    if (!owner || before === "" || before === "\n") return;
    marksOf(owner.token).glue.add(owner.offset);
  }

  /** Trims half of the full-width mark at `pos`: its right ("end") or left ("start") half. */
  half(pos: number, side: "end" | "start"): void {
    const owner = this.owners[pos];
    if (owner) marksOf(owner.token).half.set(owner.offset, side);
  }
}
