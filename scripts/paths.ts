// Where the project's own files live, and how the composed document links to
// files: always by relative URL, so output/<issue-id>/issue.html can be opened
// (or printed by another engine) where it lies.
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUTPUT_ROOT = join(PROJECT_ROOT, "output");
export const TEMPLATES_DIR = join(PROJECT_ROOT, "templates");
export const STYLES_DIR = join(PROJECT_ROOT, "styles");
export const NODE_MODULES = join(PROJECT_ROOT, "node_modules");

/** A relative URL from a document folder to a file, percent-encoded per segment. */
export function relativeUrl(fromDir: string, toFile: string): string {
  return relative(fromDir, toFile).split(sep).map(encodeURIComponent).join("/");
}
