// Finds the pictures an article body embeds (`![alt](path)`, reference-style
// included) with their line in the .md file. markdown-it parses the body the
// way the composer will, so code spans and code blocks are not mistaken for
// images.
import MarkdownIt from "markdown-it";

export interface InlineImage {
  /** The path as written (Markdown escapes resolved). */
  src: string;
  line: number;
}

const markdown = new MarkdownIt({ html: false });
// markdown-it silently turns images with file: or data: URLs into plain text;
// let every image through so such URLs are reported instead of dropped.
markdown.validateLink = () => true;
// Keep the path as written, for messages; image-refs decodes %XX itself.
markdown.normalizeLink = (url) => url;

/** @param bodyLine the file line on which the body starts. */
export function findInlineImages(body: string, bodyLine: number): InlineImage[] {
  const images: InlineImage[] = [];
  for (const block of markdown.parse(body, {})) {
    if (block.type !== "inline" || !block.children || !block.map) continue;
    // Inline tokens carry no line; count the line breaks before each image.
    let linesIn = 0;
    for (const token of block.children) {
      if (token.type === "softbreak" || token.type === "hardbreak") linesIn += 1;
      else if (token.type === "image") images.push({ src: String(token.attrGet("src") ?? ""), line: bodyLine + block.map[0] + linesIn });
    }
  }
  return images;
}
