// Check: the finished PDF's own read-back refuses what a press would refuse.
import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkPdf, listFonts } from "../../scripts/check/check.js";
import { loadIssue } from "../../scripts/content/load.js";
import { BuildError } from "../../scripts/messages.js";
import { makeIssue, validFiles } from "../content/fixture.js";

async function pdfWithFont(subtype: string, pages: number, embedded: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 300]);
  const descriptor = doc.context.obj({ Type: "FontDescriptor", FontName: "Test" });
  if (embedded) descriptor.set(PDFName.of("FontFile2"), doc.context.register(doc.context.flateStream(new Uint8Array([0, 1, 0, 0]))));
  doc.context.register(doc.context.obj({ Type: "Font", Subtype: subtype, BaseFont: "AAAAAA+Test", FontDescriptor: doc.context.register(descriptor) }));
  return doc.save();
}

describe("checkPdf", async () => {
  const issue = await loadIssue(await makeIssue(validFiles(1)));

  it("lists fonts with their subtype and whether they are embedded", async () => {
    const fonts = listFonts(await PDFDocument.load(await pdfWithFont("TrueType", 1, true)));
    expect(fonts).toEqual([{ name: "AAAAAA+Test", subtype: "TrueType", embedded: true }]);
  });

  it("accepts an embedded TrueType font and the right page count", async () => {
    await expect(checkPdf(await pdfWithFont("TrueType", 1, true), issue, "print")).resolves.toBeUndefined();
  });

  it("refuses a Type 3 font", async () => {
    await expect(checkPdf(await pdfWithFont("Type3", 1, false), issue, "print")).rejects.toThrow(/Type 3/);
  });

  it("refuses a font that is not embedded", async () => {
    await expect(checkPdf(await pdfWithFont("TrueType", 1, false), issue, "epaper")).rejects.toThrow(/not embedded/);
  });

  it("refuses a page count that differs from issue.yaml", async () => {
    await expect(checkPdf(await pdfWithFont("TrueType", 2, true), issue, "print")).rejects.toBeInstanceOf(BuildError);
  });
});
