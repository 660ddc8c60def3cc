// A typography rule works on the children of one inline token (a paragraph,
// a 小标题, a list item): markdown-it core rules, run after 'inline' has made
// those children. Code spans and code blocks are never text tokens, so no
// rule can touch code.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { MarkdownPlugin } from "../markdown.js";

/** markdown-it's Token class, as core rules get it from their state. */
export type TokenClass = StateCore["Token"];

export interface TextRule {
  /** The core rule's name, prefixed with "np_" when registered. */
  name: string;
  /** Changes or marks `children` in place; `Token` makes new tokens. */
  run(children: Token[], Token: TokenClass): void;
}

/** Registers the rule at the end of markdown-it's core chain (after 'inline' and 'text_join'). */
export function corePlugin(rule: TextRule): MarkdownPlugin {
  return (md: MarkdownIt) => {
    md.core.ruler.push(`np_${rule.name}`, (state) => {
      for (const token of state.tokens) {
        if (token.type === "inline" && token.children) rule.run(token.children, state.Token);
      }
    });
  };
}
