// Printing through stand-ins must give exactly the PDF that printing the
// photos would: same picture bytes, drawn in the same place, cropped alike.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sharedBrowser } from "../shared-browser.js";
import { plainJpeg } from "../../scripts/print/jpeg-header.js";
import { putPictures } from "../../scripts/print/pdf-pictures.js";
import { preparePictures } from "../../scripts/print/print.js";
import { openDocument } from "../../scripts/print/session.js";
import { jpegWithOrientation, tinyJpeg } from "../content/fixture.js";
import { canvasJpeg } from "./small-issue.js";

const browser = sharedBrowser();
const scratch = mkdtempSync(join(tmpdir(), "newsprint-stand-ins-"));

/** Every page of a PDF as raw RGB, rendered by poppler (PPM: a short header, then the pixels). */
function renders(pdf: Uint8Array, name: string): Buffer[] {
  const file = join(scratch, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "72", file, join(scratch, name)]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return Array.from({ length: pages }, (_, i) => readFileSync(join(scratch, `${name}-${i + 1}.ppm`)));
}

/** Share of pixels whose colour differs by more than 10% in some channel. */
function differingShare(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i += 3) {
    if (Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!)) > 25) differing++;
  }
  return differing / (a.length / 3);
}

describe("the JPEG header reader", () => {
  it("takes a plain baseline JPEG and refuses a rotated one", () => {
    expect(plainJpeg(tinyJpeg())).toEqual({ width: 8, height: 6 });
    expect(plainJpeg(jpegWithOrientation(6))).toBeUndefined();
    expect(plainJpeg(jpegWithOrientation(1))).toEqual({ width: 8, height: 6 });
  });
});

describe("printing with stand-ins", () => {
  // Chromium places a stand-in within 1/100 px of where it places the photo
  // (float rounding in the SVG's transform), so edges may resample a shade apart.
  it("gives the same pages as printing the photos, with the photos' own bytes", async () => {
    writeFileSync(join(scratch, "wide.jpg"), await canvasJpeg(browser(), 900, 400));
    writeFileSync(join(scratch, "tall.jpg"), await canvasJpeg(browser(), 300, 600));
    // Cropped (object-fit: cover) both ways, stretched, and shown twice.
    const frame = (src: string, style: string) => `<div style="overflow:hidden;${style}"><img src="${src}" style="display:block;width:100%;height:100%;object-fit:cover"></div>`;
    writeFileSync(
      join(scratch, "photos.html"),
      `<!doctype html><style>@page { size: 200mm 150mm; margin: 10mm }</style>
      ${frame("wide.jpg", "width:300px;height:300px")}${frame("tall.jpg", "width:400px;height:120px;margin-top:8px")}
      <img src="wide.jpg" style="width:200px;height:50px;display:block;margin-top:8px">
      <div style="break-before:page">${frame("wide.jpg", "width:250px;height:100px")}</div>`,
    );
    const print = async (standIns: boolean) => {
      const session = await openDocument({ browser: browser(), documentFile: join(scratch, "photos.html"), allowedFolders: [scratch], timeoutMs: 30_000 });
      try {
        await session.page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
        const pictures = standIns ? await preparePictures(session.page) : undefined;
        const pdf = await session.page.pdf({ preferCSSPageSize: true, printBackground: true });
        if (!pictures) return pdf;
        expect(pictures.standIns.size).toBe(2);
        const doc = await PDFDocument.load(pdf);
        expect(putPictures(doc, (index) => pictures.standIns.get(index))).toBe(2);
        const embedded = [...doc.context.enumerateIndirectObjects()].map(([, object]) => object).filter((object) => object instanceof PDFRawStream && object.dict.get(PDFName.of("Filter")) === PDFName.of("DCTDecode"));
        expect(embedded.map((stream) => Buffer.from((stream as PDFRawStream).contents).equals(readFileSync(join(scratch, "wide.jpg")))).filter(Boolean)).toHaveLength(1);
        // The e-paper's screen copies are made meanwhile: smaller, never wider than 150 dpi needs.
        const screen = await pictures.screen;
        expect(screen.get(0)!.width).toBeLessThan(900);
        return doc.save();
      } finally {
        await session.close();
      }
    };
    const direct = renders(await print(false), "direct");
    const throughStandIns = renders(await print(true), "stand-ins");
    expect(throughStandIns.length).toBe(direct.length);
    throughStandIns.forEach((pixels, i) => expect(differingShare(pixels, direct[i]!), `page ${i + 1}`).toBeLessThan(0.005));
  });
});
