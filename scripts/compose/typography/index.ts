import type { MarkdownPlugin } from "../markdown.js";

export const typographyPlugins: MarkdownPlugin[] = [];
