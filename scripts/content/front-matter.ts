// Splits an article into its YAML front matter and its Markdown body. The
// front matter must open on the file's first line with `---` and close with
// `---` (or `...`); line numbers are kept so messages point into the file.

export type FrontMatterSplit =
  | { kind: "none" }
  | { kind: "unclosed" }
  | {
      kind: "ok";
      yaml: string;
      /** File line of the first YAML line (the one after the opening ---). */
      yamlLine: number;
      body: string;
      bodyLine: number;
    };

const isFence = (line: string | undefined): boolean => line !== undefined && line.trimEnd() === "---";

export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split("\n");
  if (!isFence(lines[0])) return { kind: "none" };
  const close = lines.findIndex((line, index) => index > 0 && (isFence(line) || line.trimEnd() === "..."));
  if (close < 0) return { kind: "unclosed" };
  return {
    kind: "ok",
    yaml: lines.slice(1, close).join("\n"),
    yamlLine: 2,
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2,
  };
}
