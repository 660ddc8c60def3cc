// Parses YAML while keeping the source positions, so a problem found later
// (by the zod schema, or by a cross-check) can name the line of the node it is
// about. Lines are reported in the coordinates of the whole file, which
// matters for front matter: its YAML starts on line 2 of the .md file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export interface YamlSyntaxError {
  line: number;
  message: string;
}

export interface ParsedYaml {
  /** The plain JS value; undefined when there were syntax errors. */
  value: unknown;
  errors: YamlSyntaxError[];
  /**
   * The line of the node at `path` (a zod issue path). When the path does not
   * exist (a missing key), the line of its nearest existing ancestor; undefined
   * when only the document root exists, as a root line would point nowhere useful.
   */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** @param firstLine the file line on which `text` starts (1-based). */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  // prettyErrors off: its messages quote positions relative to `text`, which
  // are wrong for front matter; we add the file line ourselves.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => counter.linePos(offset).line + firstLine - 1;

  const errors: YamlSyntaxError[] = doc.errors.map((error) => ({ line: lineAt(error.pos[0]), message: error.message }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // toJS throws on alias bombs and similar resource problems.
      errors.push({ line: firstLine, message: (error as Error).message });
    }
  }
  return { value, errors, lineOf: (path) => lineOfPath(doc, path, lineAt) };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return line;
      // The key's line: for a block value (a nested map or list) the value
      // starts on the next line, but the editor looks for the key.
      const start = nodeStart(pair.key) ?? nodeStart(pair.value);
      if (start !== undefined) line = lineAt(start);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return line;
      const start = nodeStart(item);
      if (start !== undefined) line = lineAt(start);
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function nodeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}
