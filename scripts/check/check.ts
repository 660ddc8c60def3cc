// Check: the finished PDF is read back before it is written out. Wrong page
// counts and fonts a press would reject (Type 3, not embedded) stop the build.
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFArray } from "pdf-lib";
import { ExitCode, fail } from "../messages.js";
import type { Issue } from "../types.js";

export interface FontFinding {
  name: string;
  subtype: string;
  embedded: boolean;
}

/** Every font dictionary in the file, with its subtype and whether a font program is embedded. */
export function listFonts(doc: PDFDocument): FontFinding[] {
  const findings: FontFinding[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const subtype = object.lookup(PDFName.of("Subtype"))?.toString().replace("/", "") ?? "?";
    if (subtype === "Type0") continue; // a wrapper: its descendant is listed on its own
    const name = object.lookup(PDFName.of("BaseFont"))?.toString().replace("/", "") ?? "(unnamed)";
    const descriptor = object.lookup(PDFName.of("FontDescriptor"));
    const embedded =
      subtype === "Type3" ||
      (descriptor instanceof PDFDict && ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor.get(PDFName.of(key)) instanceof PDFRef));
    findings.push({ name, subtype, embedded });
  }
  return findings;
}

export async function checkPdf(bytes: Uint8Array, issue: Issue, kind: "print" | "epaper"): Promise<void> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const expected = issue.pages.length;
  if (doc.getPageCount() !== expected) {
    fail({ stage: "check", ruleId: "page-count", reason: `the ${kind} PDF has ${doc.getPageCount()} pages; issue.yaml lists ${expected}` }, ExitCode.Check);
  }
  const fonts = listFonts(doc);
  const type3 = fonts.filter((font) => font.subtype === "Type3");
  const notEmbedded = fonts.filter((font) => !font.embedded);
  if (type3.length > 0 || notEmbedded.length > 0) {
    fail(
      {
        stage: "check",
        ruleId: "fonts",
        reason: `the ${kind} PDF has ${type3.length} Type 3 font(s) and ${notEmbedded.length} font(s) not embedded (${[...type3, ...notEmbedded].map((font) => font.name).slice(0, 5).join(", ")}); presses reject both`,
      },
      ExitCode.Check,
    );
  }
  const links = doc.getPages().flatMap((page) => {
    const annots = page.node.lookup(PDFName.of("Annots"));
    return annots instanceof PDFArray ? annots.asArray() : [];
  });
  if (issue.pages.length > 1 && links.length === 0) {
    fail({ stage: "check", ruleId: "links", reason: `the ${kind} PDF has no links: the 导读 on page 1 must link to its pages` }, ExitCode.Check);
  }
}
