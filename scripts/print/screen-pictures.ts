// The e-paper's pictures: each photo scaled to 150 dpi at the size it is
// shown and re-encoded as JPEG, on a canvas in a tab of its own. A second tab
// is a second renderer process, so on 2 cores this runs beside pagination
// instead of after it.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "puppeteer";
import { PROJECT_ROOT } from "../paths.js";
import type { JpegPicture } from "./pdf-pictures.js";
import type { StandIn } from "./stand-ins.js";

export interface ScreenOptions {
  dpi: number;
  /** JPEG quality, 0..1. */
  quality: number;
  /** Copies made before, by photo content and size (watch mode keeps one across rebuilds). */
  cache?: Map<string, JpegPicture>;
}

/** Enough to keep the tab's decoder and encoder busy, few enough to keep its memory down. */
const PICTURES_IN_FLIGHT = 4;

type ScreenApi = { newsprintScreen: { scaleAll(jobs: { width: number; height: number; src: string }[], quality: number, inFlight: number): Promise<string[]> } };
const TAB_PAGE = pathToFileURL(join(PROJECT_ROOT, "scripts", "print", "in-page", "screen-copies.html"));

interface Job {
  key: string;
  index: number;
  width: number;
  height: number;
}

/** Screen copies by stand-in index; a photo already small enough is used as it is. */
export async function screenPictures(context: BrowserContext, standIns: Map<number, StandIn>, options: ScreenOptions): Promise<Map<number, JpegPicture>> {
  const copies = new Map<number, JpegPicture>();
  const jobs: Job[] = [];
  for (const [index, standIn] of standIns) {
    const width = Math.round((standIn.boxWidthPx * options.dpi) / 96);
    if (width <= 0 || standIn.width <= width) {
      copies.set(index, standIn);
      continue;
    }
    const height = Math.max(1, Math.round((width * standIn.height) / standIn.width));
    const key = `${createHash("sha1").update(standIn.jpeg).digest("hex")}:${width}x${height}:${options.quality}`;
    const cached = options.cache?.get(key);
    if (cached) copies.set(index, cached);
    else jobs.push({ key, index, width, height });
  }
  if (jobs.length === 0) return copies;

  const tab = await context.newPage();
  try {
    // The tab reads its own page and script and these photos, nothing else.
    const allowed = new Set([TAB_PAGE.href, new URL("screen-copies.js", TAB_PAGE).href, ...jobs.map((job) => standIns.get(job.index)!.url)]);
    await tab.setRequestInterception(true);
    tab.on("request", (request) => void (allowed.has(request.url()) ? request.continue() : request.abort("accessdenied")));
    await tab.goto(TAB_PAGE.href, { waitUntil: "load" });
    const encoded = await tab.evaluate(
      (work, quality, inFlight) => (window as unknown as ScreenApi).newsprintScreen.scaleAll(work, quality, inFlight),
      jobs.map((job) => ({ width: job.width, height: job.height, src: standIns.get(job.index)!.url })),
      options.quality,
      PICTURES_IN_FLIGHT,
    );
    jobs.forEach((job, i) => {
      const copy = { jpeg: Buffer.from(encoded[i]!, "base64"), width: job.width, height: job.height };
      options.cache?.set(job.key, copy);
      copies.set(job.index, copy);
    });
    return copies;
  } finally {
    await tab.close().catch(() => {});
  }
}
