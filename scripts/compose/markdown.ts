// Article bodies: CommonMark through markdown-it with raw HTML switched off, so
// copy cannot inject markup or script. Rules added here only rename and
// re-point what markdown-it produced; typography rules plug in the same way.
import { dirname, resolve } from "node:path";
import markdownIt, { type MarkdownIt } from "markdown-it";
import { relativeUrl } from "../paths.js";

export interface BodyEnv {
  /** Absolute path of the article file; relative image paths resolve against it. */
  articleFile: string;
  /** Folder of the composed document; image URLs are written relative to it. */
  documentDir: string;
}

export type MarkdownPlugin = (md: MarkdownIt) => void;

/** Every heading inside a body is a 小标题; the page's own headings are the titles. */
const subheads: MarkdownPlugin = (md) => {
  md.renderer.rules.heading_open = (tokens, index) => {
    tokens[index]!.tag = "h3";
    return '<h3 class="np-subhead">';
  };
  md.renderer.rules.heading_close = () => "</h3>\n";
};

/** Inline images load from the issue folder by a URL relative to the document. */
const imageUrls: MarkdownPlugin = (md) => {
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const { articleFile, documentDir } = env as unknown as BodyEnv;
    const token = tokens[index]!;
    const source = String(token.attrGet("src") ?? "");
    const file = resolve(dirname(articleFile), decodeURI(source));
    token.attrSet("src", relativeUrl(documentDir, file));
    token.attrSet("class", "np-inline-image");
    return renderImage(tokens, index, options, env, self);
  };
};

/** Links cannot be followed from paper; keep their text and drop the target. */
const plainLinks: MarkdownPlugin = (md) => {
  md.renderer.rules.link_open = () => "";
  md.renderer.rules.link_close = () => "";
};

export function createMarkdown(plugins: MarkdownPlugin[] = []): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  for (const plugin of [subheads, imageUrls, plainLinks, ...plugins]) md.use(plugin);
  return md;
}
