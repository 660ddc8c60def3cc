// pdf-lib writes every indirect object it holds, referenced or not. When the
// finish stage replaces something Chromium wrote (the Info dict, an outline,
// XMP, page labels), the old objects must go, or stale data such as
// Chromium's "now" timestamp or its own outline would still sit in the file.
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFContext, type PDFObject } from "pdf-lib";

/**
 * Deletes `root` (if indirect) and the indirect objects reachable from it
 * through the dict keys in `follow` and through arrays. A whitelist, not a
 * blacklist: an outline item's /Dest points at a page, which must survive.
 */
export function deleteObjectTree(context: PDFContext, root: PDFObject | undefined, follow: readonly string[]): void {
  const followKeys = new Set(follow);
  const seen = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (seen.has(key)) return;
      seen.add(key);
      const target = context.lookup(object);
      context.delete(object);
      visit(target);
    } else if (object instanceof PDFDict) {
      for (const [name, value] of object.entries()) {
        if (followKeys.has(name.decodeText())) visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i));
    }
  };
  visit(root);
}

/** Puts `value` under `key` in `dict`, first deleting the objects the old value owned. */
export function replaceEntry(context: PDFContext, dict: PDFDict, key: string, value: PDFObject | undefined, follow: readonly string[]): void {
  const name = PDFName.of(key);
  deleteObjectTree(context, dict.get(name), follow);
  if (value === undefined) dict.delete(name);
  else dict.set(name, value);
}
