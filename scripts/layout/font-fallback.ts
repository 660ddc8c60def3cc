// Fallback fonts: a character the pinned fonts lack is drawn by whatever the
// machine has (DejaVu Sans, Droid Sans Fallback) or as an empty box, so the
// paper differs from machine to machine. This check names the article and
// the characters, one warning per article file, after layout.
//
// How, measured on the demo issue (95 articles and boxes, 102 000
// characters, 4 000 text nodes, 490 @font-face rules):
//  - Asking CDP CSS.getPlatformFontsForNode about every node costs about
//    0.9 s (CSS.enable alone 0.2 s; the call reads text only two element
//    levels deep, so some 1 500 calls). Too slow for every build.
//  - The faces' unicode-range is no shortcut: the @fontsource slices claim
//    more than their files hold (subset 97 of Noto Serif SC claims
//    U+0530–0540, Armenian, and has none of it; Chromium falls back).
//  - Adding a probe font to the document (to test glyphs on a canvas) makes
//    Chromium lay the whole issue out again: 0.6 s each way.
// So the page is only read: one page.evaluate returns the document's
// @font-face rules of the pinned families and, per element font (its pinned
// families, weight and style), the distinct characters the articles set in
// it. Node reads the cmap of each face file that a character's unicode-range
// points to (only the first kilobytes: cmap comes early in the WOFF2
// stream; once per process) and keeps the characters no face has. A clean
// issue ends there: 60–160 ms on the demo, 2 cores under load. Only when
// characters are missing: a second evaluate finds their articles and text
// nodes, CDP names the platform fonts that drew those nodes, and a canvas in
// a blank tab, with a probe font that has every character as an empty
// glyph, tells which of those fonts really has each character; with none,
// the character prints as an empty box.
import { closeSync, openSync, readSync, fstatSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, constants as zlibConstants, inflateSync } from "node:zlib";
import type { Page } from "puppeteer";
import type { IssueMessage } from "../messages.js";

/** Characters listed per article; the rest are counted. */
const MAX_LISTED = 12;
/** Where the text nodes with missing characters wait for CDP. */
const NODES_KEY = "__newsprintFallbackNodes";
const PROBE_FAMILIES = ["newsprint probe 0em", "newsprint probe 1em"];

/** Whether a platform font (as CDP names it) is one of `families`: the name, or the name and a suffix such as "ExtraLight". */
export function isPinnedPlatformFont(familyName: string, isCustomFont: boolean, families: readonly string[]): boolean {
  return isCustomFont && families.some((family) => familyName === family || familyName.startsWith(`${family} `));
}

// ------------------------------------------------------------------ the page

interface FaceRule {
  family: string;
  weight: string;
  style: string;
  /** Index of its unicode-range in PageText.ranges (the Noto cuts share their slicing). */
  range: number;
  /** The first src URL, resolved; "" when there is none. */
  url: string;
}

interface TextFont {
  /** Pinned families of the element's font-family, in order. */
  families: string[];
  weight: number;
  style: string;
}

interface PageText {
  faces: FaceRule[];
  ranges: string[];
  fonts: TextFont[];
  /** The distinct characters set in each font, in all articles. */
  chars: string[];
}

/**
 * Runs in the page: the @font-face rules of the pinned families, and the
 * distinct characters of the articles set in each font. Reads only. No
 * named inner functions: tsx wraps those in __name(), which the page lacks.
 */
function readPageText(families: string[]): PageText {
  const unquote = /^\s*["']?|["']?\s*$/g;
  const pinned = new Set(families.map((family) => family.toLowerCase()));
  const faces: FaceRule[] = [];
  const ranges: string[] = [];
  const rangeIndex = new Map<string, number>();
  const sheets = [...document.styleSheets];
  for (let i = 0; i < sheets.length; i++) {
    let rules: CSSRuleList;
    try {
      rules = sheets[i]!.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (rule instanceof CSSImportRule && rule.styleSheet) sheets.push(rule.styleSheet);
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue("font-family").replace(unquote, "");
      if (!pinned.has(family.toLowerCase())) continue;
      const src = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue("src"));
      const unicodeRange = rule.style.getPropertyValue("unicode-range") || "U+0-10FFFF";
      let range = rangeIndex.get(unicodeRange);
      if (range === undefined) rangeIndex.set(unicodeRange, (range = ranges.push(unicodeRange) - 1));
      faces.push({
        family,
        weight: rule.style.getPropertyValue("font-weight") || "400",
        style: rule.style.getPropertyValue("font-style") || "normal",
        range,
        url: src ? new URL(src[1]!, sheets[i]!.href ?? document.baseURI).href : "",
      });
    }
  }
  const fonts: TextFont[] = [];
  const sets: Set<string>[] = [];
  const fontIndex = new Map<string, number>();
  const fontOf = new Map<Element, number>();
  for (const article of document.querySelectorAll<HTMLElement>("[data-article]")) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent) continue;
      let index = fontOf.get(parent);
      if (index === undefined) {
        const css = getComputedStyle(parent);
        const font: TextFont = {
          families: css.fontFamily.split(",").map((name) => name.replace(unquote, "")).filter((name) => pinned.has(name.toLowerCase())),
          weight: Number(css.fontWeight) || 400,
          style: css.fontStyle,
        };
        const key = JSON.stringify(font);
        index = fontIndex.get(key);
        if (index === undefined) {
          index = fonts.push(font) - 1;
          sets.push(new Set());
          fontIndex.set(key, index);
        }
        fontOf.set(parent, index);
      }
      const set = sets[index]!;
      for (const c of node.data) set.add(c);
    }
  }
  return { faces, ranges, fonts, chars: sets.map((set) => [...set].join("")) };
}

interface Located {
  articles: { id: string; file: string; page: number | null; chars: string }[];
  /** For each text node kept for CDP (under `key` in the page): its article's index. */
  owners: number[];
}

/**
 * Runs in the page: per article, the missing characters (`lacking[font]`)
 * in the order they come; the text nodes that hold them are kept under
 * `key` for CDP. Fonts are told apart as readPageText does.
 */
function locateMissing(args: { families: string[]; fonts: TextFont[]; lacking: string[]; key: string }): Located {
  const unquote = /^\s*["']?|["']?\s*$/g;
  const pinned = new Set(args.families.map((family) => family.toLowerCase()));
  const fontIndex = new Map(args.fonts.map((font, i) => [JSON.stringify(font), i]));
  const lacking = args.lacking.map((chars) => new Set(chars));
  const nodes: Text[] = [];
  const owners: number[] = [];
  const articles = [...document.querySelectorAll<HTMLElement>("[data-article]")].map((article, index) => {
    const found = new Set<string>();
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent) continue;
      const css = getComputedStyle(parent);
      const font: TextFont = {
        families: css.fontFamily.split(",").map((name) => name.replace(unquote, "")).filter((name) => pinned.has(name.toLowerCase())),
        weight: Number(css.fontWeight) || 400,
        style: css.fontStyle,
      };
      const missing = lacking[fontIndex.get(JSON.stringify(font)) ?? -1];
      if (!missing || missing.size === 0) continue;
      const here = [...node.data].filter((c) => missing.has(c));
      if (here.length === 0) continue;
      for (const c of here) found.add(c);
      nodes.push(node);
      owners.push(index);
    }
    const page = article.closest<HTMLElement>("[data-page]")?.dataset.page;
    return { id: article.dataset.article || article.id, file: article.dataset.file ?? "", page: page ? Number(page) : null, chars: [...found].join("") };
  });
  (window as unknown as Record<string, Text[]>)[args.key] = nodes;
  return { articles, owners };
}

/** Runs in a blank tab: for each [character, family], whether the (platform) family has the character. */
async function familiesHave(args: { probes: string[]; probeFamilies: string[]; questions: [string, string][] }): Promise<boolean[]> {
  const faces = args.probes.map((base64, i) => new FontFace(args.probeFamilies[i]!, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), { weight: "1 1000" }));
  await Promise.all(faces.map((face) => face.load()));
  for (const face of faces) document.fonts.add(face);
  const context = document.createElement("canvas").getContext("2d")!;
  return args.questions.map(([c, family]) => {
    // Chromium falls back glyph by glyph: a character the family lacks takes the probe's 0 or 1 em.
    const widths = args.probeFamilies.map((probe) => {
      context.font = `100px "${family.replace(/"/g, "")}", "${probe}"`;
      return context.measureText(c).width;
    });
    return widths[1]! - widths[0]! < 50;
  });
}

// ------------------------------------------------------------------ font files

type Ranges = [number, number][];

const parsedRanges = new Map<string, Ranges>();

/** Code point ranges of a unicode-range descriptor ("U+4E00-9FFF, U+30??"). */
function parseUnicodeRange(value: string): Ranges {
  const known = parsedRanges.get(value);
  if (known) return known;
  const ranges: Ranges = [];
  parsedRanges.set(value, ranges);
  for (const part of value.split(",")) {
    const match = /^\s*U\+([0-9A-F?]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) continue;
    const from = parseInt(match[1]!.replace(/\?/g, "0"), 16);
    const to = match[2] ? parseInt(match[2], 16) : parseInt(match[1]!.replace(/\?/g, "F"), 16);
    ranges.push([from, Math.min(to, 0x10ffff)]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The code points a cmap table maps to a glyph (formats 4, 12 and 13 of a Unicode subtable). */
function parseCmap(cmap: Buffer): Ranges {
  const count = cmap.readUInt16BE(2);
  const subtables: { rank: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    const offset = cmap.readUInt32BE(8 + 8 * i);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || format === 13)) subtables.push({ rank: 0, offset });
    else if (unicode && format === 4) subtables.push({ rank: 1, offset });
  }
  const best = subtables.sort((a, b) => a.rank - b.rank)[0];
  if (!best) return [];
  const at = best.offset;
  const ranges: Ranges = [];
  const format = cmap.readUInt16BE(at);
  if (format !== 4) {
    const groups = cmap.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(at + 16 + 12 * g);
      const end = cmap.readUInt32BE(at + 20 + 12 * g);
      const glyph = cmap.readUInt32BE(at + 24 + 12 * g);
      // Glyph 0 is .notdef: in format 12 only the group's first character maps to it, in 13 all.
      if (glyph === 0 && (format === 13 || start === end)) continue;
      ranges.push([glyph === 0 ? start + 1 : start, end]);
    }
    return ranges;
  }
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + 2 * s);
    const end = cmap.readUInt16BE(ends + 2 * s);
    const delta = cmap.readUInt16BE(deltas + 2 * s);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const index = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
        glyph = index + 2 <= cmap.length ? cmap.readUInt16BE(index) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph === 0) continue;
      const last = ranges.at(-1);
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
  }
  return ranges;
}

/** Reads `length` bytes from `offset` of an open file. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, read);
}

const WOFF2_TAGS = ["cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep"];

/** The cmap table of a TrueType/OpenType, WOFF or WOFF2 file, reading no more of it than needed. */
function readCmap(path: string): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    // The header and table directory: 48 + at most 9 bytes a table in WOFF2, 20 in WOFF, 16 in sfnt.
    const head = readAt(fd, 0, Math.min(size, 16 * 1024));
    const signature = head.toString("latin1", 0, 4);
    if (signature === "wOF2") {
      const tables = head.readUInt16BE(12);
      const compressed = head.readUInt32BE(20);
      let p = 48;
      let offset = 0;
      let cmap: { offset: number; length: number } | undefined;
      const base128 = () => {
        let value = 0;
        for (let i = 0; i < 5; i++) {
          const byte = head[p++]!;
          value = value * 128 + (byte & 0x7f);
          if (!(byte & 0x80)) break;
        }
        return value;
      };
      for (let t = 0; t < tables; t++) {
        const flags = head[p++]!;
        const index = flags & 0x3f;
        let tag = WOFF2_TAGS[index] ?? "";
        if (index === 0x3f) {
          tag = head.toString("latin1", p, p + 4);
          p += 4;
        }
        let length = base128();
        const version = flags >> 6;
        const glyfOrLoca = index === 10 || index === 11;
        if ((glyfOrLoca && version === 0) || (!glyfOrLoca && version !== 0)) length = base128();
        if (tag === "cmap") cmap = { offset, length };
        offset += length;
      }
      if (!cmap) return undefined;
      // cmap comes early in the stream: decompress a growing prefix until it is out.
      for (let prefix = 4096; ; prefix *= 4) {
        const input = prefix >= compressed ? readAt(fd, p, compressed) : readAt(fd, p, prefix);
        const output = brotliDecompressSync(input, { finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH });
        if (output.length >= cmap.offset + cmap.length) return output.subarray(cmap.offset, cmap.offset + cmap.length);
        if (prefix >= compressed) return undefined;
      }
    }
    if (signature === "wOFF") {
      const tables = head.readUInt16BE(12);
      for (let t = 0; t < tables; t++) {
        const entry = 44 + 20 * t;
        if (head.toString("latin1", entry, entry + 4) !== "cmap") continue;
        const offset = head.readUInt32BE(entry + 4);
        const compLength = head.readUInt32BE(entry + 8);
        const origLength = head.readUInt32BE(entry + 12);
        const data = readAt(fd, offset, compLength);
        return compLength < origLength ? inflateSync(data) : data;
      }
      return undefined;
    }
    const tables = head.readUInt16BE(4);
    for (let t = 0; t < tables; t++) {
      const entry = 12 + 16 * t;
      if (head.toString("latin1", entry, entry + 4) === "cmap") return readAt(fd, head.readUInt32BE(entry + 8), head.readUInt32BE(entry + 12));
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Code points each font file maps, read once per process. */
const fileCoverage = new Map<string, Ranges | null>();

/** What a face's file holds; null when it cannot be read (then its unicode-range is taken at its word). */
function coverageOf(url: string): Ranges | null {
  let ranges = fileCoverage.get(url);
  if (ranges === undefined) {
    try {
      const cmap = url.startsWith("file:") ? readCmap(fileURLToPath(url)) : undefined;
      ranges = cmap ? parseCmap(cmap) : null;
    } catch {
      ranges = null;
    }
    fileCoverage.set(url, ranges);
  }
  return ranges;
}

interface Face {
  rule: FaceRule;
  ranges: Ranges;
  weights: [number, number];
}

/** The faces CSS font matching picks in `family` for a weight and style (simplified: the style, then the nearest weight). */
function facesFor(faces: Face[], family: string, weight: number, style: string): Face[] {
  const ofFamily = faces.filter((face) => face.rule.family.toLowerCase() === family.toLowerCase());
  const sameStyle = ofFamily.filter((face) => (face.rule.style === "normal") === (style === "normal"));
  const candidates = sameStyle.length > 0 ? sameStyle : ofFamily;
  const distance = (face: Face) => (weight < face.weights[0] ? face.weights[0] - weight : weight > face.weights[1] ? weight - face.weights[1] : 0);
  const nearest = Math.min(...candidates.map(distance));
  return candidates.filter((face) => distance(face) === nearest);
}

/** The faces of one family by code point: their unicode-ranges sorted by start, with the furthest end so far (ranges may overlap). */
interface RangeIndex {
  starts: number[];
  ends: number[];
  reach: number[];
  faces: Face[];
}

function indexFaces(group: Face[]): RangeIndex {
  const entries = group.flatMap((face) => face.ranges.map(([from, to]) => ({ from, to, face }))).sort((a, b) => a.from - b.from);
  let reach = -1;
  return {
    starts: entries.map((entry) => entry.from),
    ends: entries.map((entry) => entry.to),
    reach: entries.map((entry) => (reach = Math.max(reach, entry.to))),
    faces: entries.map((entry) => entry.face),
  };
}

/** Whether a face whose unicode-range holds `cp` also has it in its file. */
function indexHas(index: RangeIndex, cp: number): boolean {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && index.reach[i]! >= cp; i--) {
    if (index.ends[i]! < cp) continue;
    const held = coverageOf(index.faces[i]!.rule.url);
    if (held === null || inRanges(held, cp)) return true;
  }
  return false;
}

/** The characters of `chars` that no face of the font has (unicode-range and cmap). */
function lackingCharacters(faces: Face[], font: TextFont, chars: Iterable<string>): Set<string> {
  const indexes = font.families.map((family) => indexFaces(facesFor(faces, family, font.weight, font.style)));
  const lacking = new Set<string>();
  for (const c of chars) {
    const cp = c.codePointAt(0)!;
    if (!indexes.some((index) => indexHas(index, cp)) && !/^[\s\p{Cc}\p{Default_Ignorable_Code_Point}]$/u.test(c)) lacking.add(c);
  }
  return lacking;
}

// ------------------------------------------------------------------ the check

/**
 * A TrueType font in which every code point (but surrogates) maps to one
 * empty glyph `advance` units wide, 1000 units to the em. Chromium's font
 * sanitiser accepts it; built here so that no file is involved.
 */
export function probeFont(advance: number): Uint8Array {
  const u16 = (...values: number[]) => values.flatMap((v) => [(v >> 8) & 0xff, v & 0xff]);
  const u32 = (...values: number[]) => values.flatMap((v) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
  const name = [..."newsprint probe"].flatMap((c) => u16(c.charCodeAt(0)));
  const negative = (v: number) => 0x10000 + v;
  const tables: Record<string, number[]> = {
    // Format 13 (many-to-one): U+0000–D7FF and U+E000–10FFFF to glyph 1.
    cmap: [...u16(0, 1), ...u16(3, 10), ...u32(12), ...u16(13, 0), ...u32(16 + 2 * 12, 0, 2), ...u32(0, 0xd7ff, 1), ...u32(0xe000, 0x10ffff, 1)],
    glyf: [0, 0, 0, 0],
    head: [...u32(0x10000, 0x10000, 0, 0x5f0f3cf5), ...u16(0x000b, 1000), ...u32(0, 0, 0, 0), ...u16(0, 0, advance, 1000, 0, 8, 2, 0, 0)],
    hhea: [...u32(0x10000), ...u16(800, negative(-200), 0, advance, 0, 0, advance, 1, 0, 0, 0, 0, 0, 0, 0, 2)],
    hmtx: u16(advance, 0, advance, 0),
    loca: u16(0, 0, 0),
    maxp: [...u32(0x10000), ...u16(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)],
    name: [...u16(0, 2, 6 + 2 * 12), ...u16(3, 1, 0x409, 1, name.length, 0), ...u16(3, 1, 0x409, 4, name.length, 0), ...name],
    "OS/2": [
      ...u16(4, advance, 400, 5, 0, 650, 600, 0, 75, 650, 600, 0, 350, 50, 250, 0),
      ...Array<number>(10).fill(0),
      ...u32(0, 0, 0, 0),
      ...[..."NONE"].map((c) => c.charCodeAt(0)),
      ...u16(0x40, 0x20, 0xffff, 800, negative(-200), 0, 800, 200),
      ...u32(0, 0),
      ...u16(500, 700, 0, 0x20, 0),
    ],
    post: [...u32(0x30000, 0), ...u16(negative(-100), 50), ...u32(0, 0, 0, 0, 0)],
  };
  const padded = (bytes: number[]) => [...bytes, ...Array<number>((4 - (bytes.length % 4)) % 4).fill(0)];
  const checksum = (bytes: number[]) => {
    const words = padded(bytes);
    let sum = 0;
    for (let i = 0; i < words.length; i += 4) sum = (sum + ((words[i]! << 24) | (words[i + 1]! << 16) | (words[i + 2]! << 8) | words[i + 3]!)) >>> 0;
    return sum;
  };
  const tags = Object.keys(tables).sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const directory: number[] = [...u32(0x10000), ...u16(tags.length, 16 * power, Math.log2(power), 16 * (tags.length - power))];
  const data: number[] = [];
  let offset = 12 + 16 * tags.length;
  for (const tag of tags) {
    const bytes = tables[tag]!;
    directory.push(...[...tag].map((c) => c.charCodeAt(0)), ...u32(checksum(bytes), offset, bytes.length));
    data.push(...padded(bytes));
    offset += padded(bytes).length;
  }
  return Uint8Array.from([...directory, ...data]);
}

/** "U+2000B" */
function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Per article index: the platform fonts, not pinned, that drew its text nodes kept under NODES_KEY. */
async function fallbackFontsOf(page: Page, owners: number[], families: readonly string[]): Promise<Map<number, Set<string>>> {
  const drawnBy = new Map<number, Set<string>>();
  const cdp = await page.createCDPSession();
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    await cdp.send("DOM.getDocument", { depth: 0 });
    const { result } = await cdp.send("Runtime.evaluate", { expression: `window[${JSON.stringify(NODES_KEY)}]` });
    if (!result.objectId) return drawnBy;
    const { result: items } = await cdp.send("Runtime.getProperties", { objectId: result.objectId, ownProperties: true });
    const objectIds = items
      .filter((item) => /^\d+$/.test(item.name) && item.value?.objectId)
      .sort((a, b) => Number(a.name) - Number(b.name))
      .map((item) => item.value!.objectId!);
    const used = await Promise.all(
      objectIds.map(async (objectId) => {
        const { nodeId } = await cdp.send("DOM.requestNode", { objectId });
        return (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts;
      }),
    );
    used.forEach((fonts, i) => {
      const set = drawnBy.get(owners[i]!) ?? new Set<string>();
      for (const font of fonts) if (!isPinnedPlatformFont(font.familyName, font.isCustomFont, families)) set.add(font.familyName);
      drawnBy.set(owners[i]!, set);
    });
    return drawnBy;
  } finally {
    await cdp.send("Runtime.evaluate", { expression: `delete window[${JSON.stringify(NODES_KEY)}]` }).catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

/** Which [character, platform family] pairs hold: the family has the character. Asked in a blank tab, so the issue is not laid out again. */
async function familiesHaving(page: Page, questions: [string, string][]): Promise<Set<string>> {
  const has = new Set<string>();
  if (questions.length === 0) return has;
  const blank = await page.browser().newPage();
  try {
    const probes = [probeFont(0), probeFont(1000)].map((bytes) => Buffer.from(bytes).toString("base64"));
    const answers = await blank.evaluate(familiesHave, { probes, probeFamilies: PROBE_FAMILIES, questions });
    questions.forEach(([c, font], i) => answers[i] && has.add(`${c}\u0000${font}`));
    return has;
  } finally {
    await blank.close().catch(() => {});
  }
}

/**
 * Characters in the articles and the 导读 (elements with data-article) that
 * `families` (the pinned font families) do not have: one warning per article
 * file, naming the characters and the fonts that drew them instead.
 */
export async function findFallbackFonts(page: Page, families: readonly string[]): Promise<IssueMessage[]> {
  const text = await page.evaluate(readPageText, [...families]);
  const faces: Face[] = text.faces.map((rule) => {
    const weights = rule.weight.split(/\s+/).map((w) => (w === "bold" ? 700 : w === "normal" ? 400 : Number(w) || 400));
    return { rule, ranges: parseUnicodeRange(text.ranges[rule.range] ?? ""), weights: [weights[0]!, weights.at(-1)!] };
  });
  const lacking = text.fonts.map((font, i) => [...lackingCharacters(faces, font, text.chars[i] ?? "")].join(""));
  if (lacking.every((chars) => chars === "")) return [];

  const located = await page.evaluate(locateMissing, { families: [...families], fonts: text.fonts, lacking, key: NODES_KEY });
  const missing = located.articles.map((article) => [...article.chars]);
  // Naming the fonts is a courtesy: if the browser will not say, the characters are still reported.
  const drawnBy = await fallbackFontsOf(page, located.owners, families).catch(() => undefined);
  const questions: [string, string][] = missing.flatMap((chars, i) => chars.slice(0, MAX_LISTED).flatMap((c) => [...(drawnBy?.get(i) ?? [])].map((font): [string, string] => [c, font])));
  const has = await familiesHaving(page, questions).catch(() => undefined);

  // One message per article file (a 转版 continuation shares its story's file).
  const byFile = new Map<string, { id: string; file: string; page: number | null; fonts: Map<string, Set<string>>; beyond: Set<string> }>();
  located.articles.forEach((article, i) => {
    if (missing[i]!.length === 0) return;
    const key = article.file || article.id;
    let entry = byFile.get(key);
    if (!entry) byFile.set(key, (entry = { id: article.id, file: article.file, page: article.page, fonts: new Map(), beyond: new Set() }));
    for (const c of missing[i]!) {
      if (!entry.fonts.has(c) && entry.fonts.size >= MAX_LISTED) {
        entry.beyond.add(c);
        continue;
      }
      const fonts = entry.fonts.get(c) ?? new Set<string>();
      for (const font of drawnBy?.get(i) ?? []) if (!has || has.has(`${c}\u0000${font}`)) fonts.add(font);
      entry.fonts.set(c, fonts);
    }
  });
  return [...byFile.values()].map((entry): IssueMessage => {
    const groups = new Map<string, string[]>();
    for (const [c, fonts] of entry.fonts) {
      const names = [...fonts].sort().join(", ");
      groups.set(names, [...(groups.get(names) ?? []), `${c} (${codePoint(c)})`]);
    }
    const parts = [...groups].map(([fonts, chars]) =>
      fonts
        ? `${chars.join(", ")} fall back to ${fonts}`
        : drawnBy && has
          ? `${chars.join(", ")} are in no font here and print as empty boxes`
          : `${chars.join(", ")} fall back to another font`,
    );
    const more = entry.beyond.size > 0 ? ` (and ${entry.beyond.size} more)` : "";
    return {
      stage: "layout",
      ruleId: "font-fallback",
      fatal: false,
      file: entry.file || undefined,
      page: entry.page ?? undefined,
      reason: `${entry.file ? "" : `${entry.id}: `}characters ${parts.join("; ")}${more}; the pinned fonts lack them`,
    };
  });
}
