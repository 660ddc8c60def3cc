// Page labels (ISO 32000 12.4.2) make a reader's page box say "第05版"
// instead of "5". One label range per page, each only a prefix (/P) and no
// numbering style (/S), so the label is the prefix alone.
import { PDFHexString, PDFName, PDFNumber, type PDFDocument } from "pdf-lib";
import { replaceEntry } from "./replace-object.js";

/** Keys an old number tree owns: its kids and its label dicts. */
const NUMBER_TREE_KEYS = ["Kids", "Nums"];

export function writePageLabels(doc: PDFDocument, labels: string[]): void {
  const pageCount = doc.getPageCount();
  if (labels.length !== pageCount) {
    throw new Error(`finish: ${labels.length} page labels for a PDF of ${pageCount} pages`);
  }
  const { context } = doc;
  const nums = context.obj([]);
  labels.forEach((label, pageIndex) => {
    const range = context.obj({});
    range.set(PDFName.of("P"), PDFHexString.fromText(label));
    nums.push(PDFNumber.of(pageIndex));
    nums.push(range);
  });
  const tree = context.obj({});
  tree.set(PDFName.of("Nums"), nums);
  replaceEntry(context, doc.catalog, "PageLabels", context.register(tree), NUMBER_TREE_KEYS);
}
