// The finish stage on a small broadsheet-sized PDF made here with pdf-lib to
// look like Chromium's output (its Info dict with "now", a link annotation,
// an outline of its own), read back with pdf-lib and with poppler.
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDict, PDFDocument, PDFName, PDFNull, PDFString, StandardFonts } from "pdf-lib";
import { finishPdf, type FinishInput, type PageGeometry } from "../../scripts/finish/finish.js";
import { BuildError, ExitCode } from "../../scripts/messages.js";
import {
  popplerBoxes,
  popplerInfo,
  popplerOutline,
  popplerText,
  popplerXmp,
  readBoxes,
  readDocumentInfo,
  readLinks,
  readOutline,
  readPageLabels,
  type Box,
} from "./read-pdf.js";

const PT_PER_MM = 72 / 25.4;

/** 对开 broadsheet, 3 mm bleed, 10 mm slug for the crop marks. */
const PRINT_GEOMETRY: PageGeometry = {
  trimWidthPt: 390 * PT_PER_MM,
  trimHeightPt: 540 * PT_PER_MM,
  bleedPt: 3 * PT_PER_MM,
  slugPt: 10 * PT_PER_MM,
};
const EPAPER_GEOMETRY: PageGeometry = { ...PRINT_GEOMETRY, bleedPt: 0, slugPt: 0 };

function mediaSize(geometry: PageGeometry): [number, number] {
  const margin = 2 * (geometry.bleedPt + geometry.slugPt);
  return [geometry.trimWidthPt + margin, geometry.trimHeightPt + margin];
}

const CHROMIUM_DATE = new Date("2026-11-29T10:11:12Z");
const PAGE_COUNT = 4;

/** A stand-in for what Chromium prints: pages of a size, text, links, Chromium's metadata and outline. */
async function chromiumLikePdf([width, height]: [number, number], printedAt = CHROMIUM_DATE): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreator("Chromium");
  doc.setProducer("Skia/PDF m156");
  doc.setCreationDate(printedAt);
  doc.setModificationDate(printedAt);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= PAGE_COUNT; i++) {
    const page = doc.addPage([width, height]);
    page.drawText(`Page ${i} headline`, { x: 100, y: height - 200, size: 36, font });
    page.drawText(`Body text of page ${i}.`, { x: 100, y: height - 260, size: 12, font });
  }
  const [page1, , page3] = doc.getPages();
  const { context } = doc;
  // 下转第3版: an internal link from page 1 to a spot on page 3, and an external one.
  const internal = context.register(
    context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [100, 100, 300, 130],
      Border: [0, 0, 0],
      Dest: [page3!.ref, "XYZ", 0, height - 300, PDFNull],
    }),
  );
  const external = context.register(
    context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [100, 50, 300, 80],
      A: { S: "URI", URI: PDFString.of("https://example.com/") },
    }),
  );
  page1!.node.set(PDFName.of("Annots"), context.obj([internal, external]));
  // Chromium's own outline (page.pdf({ outline: true })), which finish must replace.
  const outlinesRef = context.nextRef();
  const itemRef = context.nextRef();
  context.assign(
    itemRef,
    context.obj({ Title: PDFString.of("Chromium outline"), Parent: outlinesRef, Dest: [page1!.ref, "Fit"] }),
  );
  context.assign(outlinesRef, context.obj({ Type: "Outlines", First: itemRef, Last: itemRef, Count: 1 }));
  doc.catalog.set(PDFName.of("Outlines"), outlinesRef);
  return doc.save({ useObjectStreams: false });
}

const OUTLINE: FinishInput["outline"] = [
  {
    title: "第01版 头版",
    pageIndex: 0,
    headlines: [
      { title: "全国秋粮收获过九成", pageIndex: 0, topPx: 120 },
      { title: "“一带一路”十周年", pageIndex: 0, topPx: 640.5 },
      { title: "本报评论员：稳中求进", pageIndex: 0, topPx: 1500 },
    ],
  },
  {
    title: "第02版 要闻",
    pageIndex: 1,
    headlines: [
      { title: "冬季用能保障有序推进", pageIndex: 1, topPx: 80 },
      { title: "A&B <测试> 标题", pageIndex: 1, topPx: 900 },
    ],
  },
  { title: "第03版 国际", pageIndex: 2, headlines: [] },
  { title: "第04版 副刊", pageIndex: 3, headlines: [{ title: "秋天的怀念", pageIndex: 3, topPx: 300 }] },
];
const HEADLINE_COUNT = OUTLINE.reduce((sum, page) => sum + page.headlines.length, 0);

const METADATA: FinishInput["metadata"] = {
  title: "新闻日报 2023年11月7日",
  author: "新闻日报社",
  subject: "第12345期 要闻 & 评论",
  keywords: ["秋收", "一带一路", "副刊"],
  language: "zh-CN",
  date: "2023-11-07",
  producer: "newsprint 0.1.0",
  creator: "newsprint (Chromium + Paged.js)",
};

const PAGE_LABELS = ["第01版", "第02版", "第03版", "第04版"];

let printPdf: Uint8Array;
let epaperPdf: Uint8Array;

function printInput(overrides: Partial<FinishInput> = {}): FinishInput {
  return {
    pdf: printPdf,
    kind: "print",
    geometry: PRINT_GEOMETRY,
    outline: OUTLINE,
    pageLabels: PAGE_LABELS,
    metadata: METADATA,
    ...overrides,
  };
}

function epaperInput(overrides: Partial<FinishInput> = {}): FinishInput {
  return printInput({ pdf: epaperPdf, kind: "epaper", geometry: EPAPER_GEOMETRY, ...overrides });
}

function insetBox(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

function expectBoxClose(actual: Box | undefined, expected: Box, digits = 2): void {
  expect(actual).toBeDefined();
  expect(actual!.x).toBeCloseTo(expected.x, digits);
  expect(actual!.y).toBeCloseTo(expected.y, digits);
  expect(actual!.width).toBeCloseTo(expected.width, digits);
  expect(actual!.height).toBeCloseTo(expected.height, digits);
}

beforeAll(async () => {
  printPdf = await chromiumLikePdf(mediaSize(PRINT_GEOMETRY));
  epaperPdf = await chromiumLikePdf(mediaSize(EPAPER_GEOMETRY));
});

describe("finishPdf, print", () => {
  let finished: Uint8Array;
  let mediaHeight: number;
  beforeAll(async () => {
    finished = await finishPdf(printInput());
    mediaHeight = mediaSize(PRINT_GEOMETRY)[1];
  });

  it("keeps the MediaBox and sets CropBox, BleedBox and TrimBox on every page", async () => {
    const before = await readBoxes(printPdf);
    const after = await readBoxes(finished);
    expect(after).toHaveLength(PAGE_COUNT);
    after.forEach((boxes, index) => {
      expect(boxes.mediaBox).toEqual(before[index]!.mediaBox);
      expect(boxes.cropBox).toEqual(boxes.mediaBox);
      expectBoxClose(boxes.bleedBox, insetBox(boxes.mediaBox, PRINT_GEOMETRY.slugPt));
      expectBoxClose(boxes.trimBox, insetBox(boxes.mediaBox, PRINT_GEOMETRY.slugPt + PRINT_GEOMETRY.bleedPt));
      expect(boxes.trimBox!.width).toBeCloseTo(PRINT_GEOMETRY.trimWidthPt, 2);
      expect(boxes.trimBox!.height).toBeCloseTo(PRINT_GEOMETRY.trimHeightPt, 2);
    });
  });

  it("shows poppler the same boxes", () => {
    const [width, height] = mediaSize(PRINT_GEOMETRY);
    const media = { x: 0, y: 0, width, height };
    const pages = popplerBoxes(finished);
    expect(pages).toHaveLength(PAGE_COUNT);
    for (const boxes of pages) {
      expectBoxClose(boxes.mediaBox, media, 1);
      expectBoxClose(boxes.cropBox, media, 1);
      expectBoxClose(boxes.bleedBox, insetBox(media, PRINT_GEOMETRY.slugPt), 1);
      expectBoxClose(boxes.trimBox, insetBox(media, PRINT_GEOMETRY.slugPt + PRINT_GEOMETRY.bleedPt), 1);
    }
  });

  it("writes one open outline item per page with its headlines as children", async () => {
    const outline = await readOutline(finished);
    expect(outline.count).toBe(OUTLINE.length + HEADLINE_COUNT);
    expect(outline.items.map((item) => item.title)).toEqual(OUTLINE.map((page) => page.title));
    outline.items.forEach((item, index) => {
      const page = OUTLINE[index]!;
      expect(item.pageIndex).toBe(page.pageIndex);
      expect(item.left).toBe(0);
      expect(item.top).toBeCloseTo(mediaHeight, 3);
      expect(item.count).toBe(page.headlines.length === 0 ? undefined : page.headlines.length);
      expect(item.children.map((child) => child.title)).toEqual(page.headlines.map((h) => h.title));
      item.children.forEach((child, childIndex) => {
        const headline = page.headlines[childIndex]!;
        expect(child.pageIndex).toBe(headline.pageIndex);
        expect(child.left).toBe(0);
        expect(child.top).toBeCloseTo(mediaHeight - headline.topPx * 0.75, 3);
        expect(child.count).toBeUndefined();
        expect(child.children).toEqual([]);
      });
    });
  });

  it("replaces Chromium's outline and leaves none of it in the file", async () => {
    const latin1 = Buffer.from(finished).toString("latin1");
    expect(latin1).not.toContain("Chromium outline");
    const titles = (await readOutline(finished)).items.flatMap((item) => [item.title, ...item.children.map((c) => c.title)]);
    expect(titles).not.toContain("Chromium outline");
  });

  it("shows poppler the same outline tree and target pages", () => {
    const outline = popplerOutline(finished);
    expect(outline).toEqual(
      OUTLINE.map((page) => ({
        title: page.title,
        pageNo: page.pageIndex + 1,
        children: page.headlines.map((h) => ({ title: h.title, pageNo: h.pageIndex + 1, children: [] })),
      })),
    );
  });

  it("labels every page with its 版 number", async () => {
    expect(await readPageLabels(finished)).toEqual(PAGE_LABELS);
  });

  it("writes the Info dict with the issue date, never Chromium's now", async () => {
    const info = popplerInfo(finished);
    expect(info["Title"]).toBe(METADATA.title);
    expect(info["Author"]).toBe(METADATA.author);
    expect(info["Subject"]).toBe(METADATA.subject);
    expect(info["Keywords"]).toBe("秋收, 一带一路, 副刊");
    expect(info["Creator"]).toBe(METADATA.creator);
    expect(info["Producer"]).toBe(METADATA.producer);
    expect(info["CreationDate"]).toBe("2023-11-07T00:00:00+08");
    expect(info["ModDate"]).toBe("2023-11-07T00:00:00+08");
    expect(info["Pages"]).toBe(String(PAGE_COUNT));

    const raw = await readDocumentInfo(finished);
    expect(raw.info["CreationDate"]).toBe("D:20231107000000+08'00'");
    expect(raw.info["ModDate"]).toBe("D:20231107000000+08'00'");
    const latin1 = Buffer.from(finished).toString("latin1");
    expect(latin1).not.toContain("D:20261129");
    expect(latin1).not.toContain("Skia/PDF");
  });

  it("sets /Lang, /PageMode, DisplayDocTitle and a trailer /ID", async () => {
    const raw = await readDocumentInfo(finished);
    expect(raw.lang).toBe("zh-CN");
    expect(raw.pageMode).toBe("UseOutlines");
    expect(raw.displayDocTitle).toBe(true);
    expect(raw.trailerId).toHaveLength(2);
    expect(raw.trailerId![0]).toMatch(/^[0-9a-f]{32}$/);
    expect(raw.trailerId![1]).toBe(raw.trailerId![0]);
  });

  it("writes an XMP packet that matches the Info dict", async () => {
    const xmp = popplerXmp(finished);
    expect((await readDocumentInfo(finished)).xmp).toBe(xmp.replace(/\n$/, ""));
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${METADATA.title}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${METADATA.author}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>");
    expect(xmp).toContain("<xmp:CreateDate>2023-11-07T00:00:00+08:00</xmp:CreateDate>");
    expect(xmp).toContain(`<pdf:Producer>${METADATA.producer}</pdf:Producer>`);
    expect(xmp).toContain("第12345期 要闻 &amp; 评论");
    const documentId = /<xmpMM:DocumentID>uuid:([0-9a-f-]{36})<\/xmpMM:DocumentID>/.exec(xmp);
    expect(documentId).not.toBeNull();
    // The ID comes from the input, so it agrees with the trailer /ID.
    expect(documentId![1]!.replace(/-/g, "")).toBe((await readDocumentInfo(finished)).trailerId![0]);
  });

  it("keeps Chromium's link annotations untouched", async () => {
    const before = await readLinks(printPdf);
    const after = await readLinks(finished);
    expect(before).toHaveLength(2);
    expect(after).toEqual(before);
    expect(after[0]!.destination).toEqual({ pageIndex: 2, kind: "XYZ", left: 0, top: mediaHeight - 300 });
    expect(after[1]!.uri).toBe("https://example.com/");
  });

  it("keeps the page content", () => {
    for (let pageNo = 1; pageNo <= PAGE_COUNT; pageNo++) {
      expect(popplerText(finished, pageNo)).toContain(`Page ${pageNo} headline`);
    }
  });

  it("gives identical bytes for identical input", async () => {
    const again = await finishPdf(printInput());
    expect(Buffer.from(again).equals(Buffer.from(finished))).toBe(true);
    // A copy of the input, not the same objects, to rule out caching.
    const copy = await finishPdf(structuredClone(printInput()));
    expect(Buffer.from(copy).equals(Buffer.from(finished))).toBe(true);
  });

  it("gives identical bytes when Chromium printed the same pages at another time", async () => {
    // Chromium's output differs between runs only in its Info dates, which must not leak into the IDs.
    const laterPrint = await chromiumLikePdf(mediaSize(PRINT_GEOMETRY), new Date("2027-01-02T03:04:05Z"));
    expect(Buffer.from(laterPrint).equals(Buffer.from(printPdf))).toBe(false);
    const again = await finishPdf(printInput({ pdf: laterPrint }));
    expect(Buffer.from(again).equals(Buffer.from(finished))).toBe(true);
  });

  it("gives different bytes for a different issue date", async () => {
    const other = await finishPdf(printInput({ metadata: { ...METADATA, date: "2023-11-08" } }));
    expect(Buffer.from(other).equals(Buffer.from(finished))).toBe(false);
    expect(popplerInfo(other)["CreationDate"]).toBe("2023-11-08T00:00:00+08");
  });
});

describe("finishPdf, e-paper", () => {
  it("makes every box equal to the MediaBox", async () => {
    const finished = await finishPdf(epaperInput());
    const [width, height] = mediaSize(EPAPER_GEOMETRY);
    for (const boxes of await readBoxes(finished)) {
      expect(boxes.mediaBox.width).toBeCloseTo(width, 3);
      expect(boxes.mediaBox.height).toBeCloseTo(height, 3);
      expect(boxes.cropBox).toEqual(boxes.mediaBox);
      expect(boxes.bleedBox).toEqual(boxes.mediaBox);
      expect(boxes.trimBox).toEqual(boxes.mediaBox);
    }
    expect((await readOutline(finished)).items).toHaveLength(OUTLINE.length);
    expect(await readPageLabels(finished)).toEqual(PAGE_LABELS);
  });

  it("refuses a bleed or slug", async () => {
    await expect(finishPdf(epaperInput({ geometry: { ...EPAPER_GEOMETRY, bleedPt: 3 } }))).rejects.toThrow(/e-paper has no bleed/);
  });
});

describe("finishPdf, wrong input", () => {
  it("refuses a PDF whose page size is not trim + 2 × (bleed + slug)", async () => {
    const wrongGeometry = { ...PRINT_GEOMETRY, bleedPt: PRINT_GEOMETRY.bleedPt + 1 };
    const error = await finishPdf(printInput({ geometry: wrongGeometry })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    const buildError = error as BuildError;
    expect(buildError.exitCode).toBe(ExitCode.Check);
    expect(buildError.messages[0]).toMatchObject({ ruleId: "page-size-mismatch", stage: "finish", page: 1, fatal: true });
    const [width, height] = mediaSize(PRINT_GEOMETRY).map((pt) => pt.toFixed(2));
    const [expectedWidth, expectedHeight] = mediaSize(wrongGeometry).map((pt) => pt.toFixed(2));
    expect(buildError.message).toContain(`print PDF has the wrong page size: page 1 is ${width} × ${height} pt; page 2`);
    expect(buildError.message).toContain(`expected ${expectedWidth} × ${expectedHeight} pt`);
  });

  it("refuses the print PDF as an e-paper (size includes bleed and slug)", async () => {
    await expect(finishPdf(epaperInput({ pdf: printPdf }))).rejects.toThrow(/epaper PDF has the wrong page size/);
  });

  it("accepts a size within the 0.5 pt tolerance", async () => {
    const geometry = { ...PRINT_GEOMETRY, trimWidthPt: PRINT_GEOMETRY.trimWidthPt + 0.4 };
    await expect(finishPdf(printInput({ geometry }))).resolves.toBeInstanceOf(Uint8Array);
  });

  it("refuses page labels that do not match the page count", async () => {
    await expect(finishPdf(printInput({ pageLabels: PAGE_LABELS.slice(1) }))).rejects.toThrow(/3 page labels for a PDF of 4 pages/);
  });

  it("refuses an outline item on a page that does not exist", async () => {
    const outline = [...OUTLINE, { title: "第05版 体育", pageIndex: 4, headlines: [] }];
    await expect(finishPdf(printInput({ outline }))).rejects.toThrow(/"第05版 体育" points at page index 4/);
  });

  it("refuses a headline below the bottom of its page", async () => {
    const outline = [{ title: "第01版 头版", pageIndex: 0, headlines: [{ title: "太低", pageIndex: 0, topPx: 99999 }] }];
    await expect(finishPdf(printInput({ outline }))).rejects.toThrow(/"太低" is 99999px from the top/);
  });

  it("refuses an issue date that is not an ISO date", async () => {
    await expect(finishPdf(printInput({ metadata: { ...METADATA, date: "2023-02-30" } }))).rejects.toThrow(/not a valid ISO date/);
    await expect(finishPdf(printInput({ metadata: { ...METADATA, date: "7.11.2023" } }))).rejects.toThrow(/not a valid ISO date/);
  });

  it("refuses a language that is not a language tag", async () => {
    await expect(finishPdf(printInput({ metadata: { ...METADATA, language: "Chinese (China)" } }))).rejects.toThrow(/not a language tag/);
  });
});

// The read-back helpers are reused on real issues, so they get checks of their own.
describe("read-pdf helpers", () => {
  it("readOutline refuses an outline whose /Prev does not mirror /Next", async () => {
    const doc = await PDFDocument.load(await finishPdf(printInput()), { updateMetadata: false });
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    const first = outlines.lookup(PDFName.of("First"), PDFDict);
    const second = first.lookup(PDFName.of("Next"), PDFDict);
    second.delete(PDFName.of("Prev"));
    await expect(readOutline(await doc.save())).rejects.toThrow(/wrong \/Prev at Outlines > "第02版 要闻"/);
  });

  it("readPageLabels applies numbering styles, start values and prefixes", async () => {
    const doc = await PDFDocument.load(printPdf, { updateMetadata: false });
    doc.catalog.set(
      PDFName.of("PageLabels"),
      doc.context.obj({ Nums: [0, { S: "r" }, 2, { S: "D", St: 5, P: PDFString.of("A-") }] }),
    );
    expect(await readPageLabels(await doc.save())).toEqual(["i", "ii", "A-5", "A-6"]);
    expect(await readPageLabels(epaperPdf)).toEqual(["1", "2", "3", "4"]);
  });
});
