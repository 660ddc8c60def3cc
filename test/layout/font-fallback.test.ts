// The build-time fallback-font check in Chromium with the pinned fonts: a
// page whose article holds characters the pinned fonts lack (CJK Extension B
// 𠀋, Armenian Ա, which an @fontsource slice claims in its unicode-range but
// does not have, Thai ก) gets one warning naming that article's file and
// those characters; articles set from the demo issue's own copy get none.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { PINNED_FAMILIES } from "../../scripts/compose/fonts.js";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { typesetPlain, typographyPlugins } from "../../scripts/compose/typography/index.js";
import { findFallbackFonts, isPinnedPlatformFont } from "../../scripts/layout/font-fallback.js";
import { OUTPUT_ROOT } from "../../scripts/paths.js";
import { launchBrowser } from "../../scripts/print/browser.js";
import { DEMO_ISSUE } from "../e2e/build-once.js";

const DIR = join(OUTPUT_ROOT, "tmp-typography");

interface Story {
  file: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  caption?: string;
  body: string;
}

/** A demo article as composed: front matter lines through typesetPlain, the body through the typography rules (inline pictures left out). */
function demoStory(file: string): Story {
  const source = readFileSync(join(DEMO_ISSUE, file), "utf8");
  const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const meta = parseYaml(front) as Record<string, string | undefined>;
  const html = createMarkdown(typographyPlugins).render(body.replace(/^!\[.*$/gm, ""), { articleFile: join(DEMO_ISSUE, file), documentDir: DIR });
  const plain = (text?: string) => (text ? typesetPlain(text) : undefined);
  return { file, kicker: plain(meta.kicker), title: typesetPlain(meta.title ?? ""), subtitle: plain(meta.subtitle), caption: plain(meta.caption), body: html };
}

function articleHtml(story: Story, id: string): string {
  return `<article class="np-article np-module" id="${id}" data-article="${id}" data-rank="major" data-file="${story.file}">
  <div class="np-head">${story.kicker ? `<p class="np-kicker">${story.kicker}</p>` : ""}<h2 class="np-title">${story.title}</h2>${story.subtitle ? `<p class="np-subtitle">${story.subtitle}</p>` : ""}</div>
  ${story.caption ? `<figure class="np-photo"><figcaption class="np-caption">${story.caption}</figcaption></figure>` : ""}
  <div class="np-body" style="column-count: 2">${story.body}</div>
</article>`;
}

function pageHtml(sections: { no: number; articles: string[] }[], guide = ""): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>font fallback</title>
<link rel="stylesheet" href="../../styles/fonts.css">
<link rel="stylesheet" href="../../styles/paper.css">
<link rel="stylesheet" href="../../styles/typography.css">
<style>body { --body-size: 12px; --line: 18px; --column-width: 156px; --gutter: 12px; } .np-article { width: 336px; }</style>
</head><body><main class="np-issue">
${sections.map((section) => `<section class="np-page" id="page-${section.no}" data-page="${section.no}"><div class="np-grid">${section.articles.join("\n")}${section.no === 1 ? guide : ""}</div></section>`).join("\n")}
</main></body></html>
`;
}

describe("findFallbackFonts (scripts/layout/font-fallback.ts)", () => {
  let browser: Browser | undefined;
  let page: Page;
  const demoFiles = ["01/01.md", "01/02.md", "05/02.md", "11/03.md", "16/01.md"].map((name) => `pages/${name}`);

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    browser = await launchBrowser(60_000);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, html: string): Promise<void> {
    const file = join(DIR, name);
    writeFileSync(file, html);
    await page.goto(`file://${file}`, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
  }

  it("names the article's file and the characters the pinned fonts lack", async () => {
    const rare = demoStory("pages/05/02.md");
    // 𠀋 (CJK Ext. B), Ա (Armenian) and ก (Thai) in a body paragraph; 𠀋 again in the title.
    rare.body = rare.body.replace("</p>", "据𠀋氏族谱记载，Ա字与ก字均非汉字。</p>");
    rare.title = `${rare.title}𠀋`;
    const clean = demoStory("pages/05/03.md");
    await open("font-fallback-rare.html", pageHtml([{ no: 5, articles: [articleHtml(rare, "p05-02"), articleHtml(clean, "p05-03")] }]));

    const messages = await findFallbackFonts(page, PINNED_FAMILIES);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({ stage: "layout", ruleId: "font-fallback", fatal: false, file: "pages/05/02.md", page: 5 });
    expect(message!.reason).toMatch(/^characters /);
    for (const c of ["𠀋 (U+2000B)", "Ա (U+0531)", "ก (U+0E01)"]) expect(message!.reason).toContain(c);
    expect(message!.reason).toMatch(/(fall back to|are in no font here).*; the pinned fonts lack them$/);
    // Only those three: nothing of the demo's own copy around them.
    expect([...message!.reason.matchAll(/\(U\+[0-9A-F]+\)/g)]).toHaveLength(3);
  });

  it("says which font drew a character when the machine has one, and an empty box when none has it", async () => {
    const rare = demoStory("pages/05/02.md");
    rare.body = rare.body.replace("</p>", "𠀋Ա</p>");
    await open("font-fallback-which.html", pageHtml([{ no: 5, articles: [articleHtml(rare, "p05-02")] }]));
    const [message] = await findFallbackFonts(page, PINNED_FAMILIES);
    // What this machine has, as fontconfig (Chromium's font source on Linux) tells it.
    const familiesWith = (cp: number): string[] | undefined => {
      try {
        return execFileSync("fc-list", [`:charset=${cp.toString(16)}`, "family"], { encoding: "utf8" }).split("\n").filter(Boolean);
      } catch {
        return undefined;
      }
    };
    const forExtB = familiesWith(0x2000b);
    const forArmenian = familiesWith(0x531);
    if (forExtB?.length === 0) expect(message!.reason).toMatch(/𠀋 \(U\+2000B\)[^;]* are in no font here and print as empty boxes/);
    if (forArmenian && forArmenian.length > 0) expect(message!.reason).toMatch(/Ա \(U\+0531\)[^;]* fall back to \S/);
    expect(message!.reason).toMatch(/^characters .*; the pinned fonts lack them$/);
  });

  it("gives one message per article file, the 导读 by its id, and lists at most 12 characters", async () => {
    const story = demoStory("pages/01/02.md");
    const many = [..."ꀀꀁꀂꀃꀄꀅꀆꀇꀈꀉꀊꀋꀌꀍꀎ"].join("");
    story.body = story.body.replace("</p>", `${many}</p>`);
    const continuation = { ...demoStory("pages/01/02.md"), body: `<p class="np-continued">ꀀ彝文</p>` };
    const guide = `<nav class="np-guide np-module" id="np-guide" data-article="np-guide"><h2 class="np-guide__title">导读</h2><ol class="np-guide__list"><li class="np-guide__entry"><a href="#p01-02"><span class="np-guide__page">第2版</span><span class="np-guide__headline">ꀀ文化</span></a></li></ol></nav>`;
    await open(
      "font-fallback-many.html",
      pageHtml([{ no: 1, articles: [articleHtml(story, "p01-02")] }, { no: 2, articles: [articleHtml(continuation, "p01-02-cont")] }], guide),
    );
    const messages = await findFallbackFonts(page, PINNED_FAMILIES);
    expect(messages.map((m) => m.file ?? m.reason.split(":")[0])).toEqual(["pages/01/02.md", "np-guide"]);
    expect([...messages[0]!.reason.matchAll(/\(U\+[0-9A-F]+\)/g)]).toHaveLength(12);
    expect(messages[0]!.reason).toContain("(and 3 more)");
    expect(messages[1]!.reason).toMatch(/^np-guide: characters ꀀ \(U\+A000\)/);
  });

  it("finds nothing in the demo issue's own copy (bodies, heads, captions, the 导读)", async () => {
    const pages = new Map<number, string[]>();
    const files = readdirSync(join(DEMO_ISSUE, "pages")).flatMap((folder) =>
      readdirSync(join(DEMO_ISSUE, "pages", folder)).filter((name) => name.endsWith(".md")).map((name) => `pages/${folder}/${name}`),
    );
    expect(files.length).toBeGreaterThan(80);
    for (const [i, file] of files.entries()) {
      const no = Number(file.split("/")[1]);
      pages.set(no, [...(pages.get(no) ?? []), articleHtml(demoStory(file), `a${i}`)]);
    }
    const guide = `<nav class="np-guide np-module" id="np-guide" data-article="np-guide"><h2 class="np-guide__title">导读</h2><ol class="np-guide__list">${demoFiles
      .map((file) => `<li class="np-guide__entry"><a href="#x"><span class="np-guide__page">第${file.slice(6, 8)}版</span><span class="np-guide__headline">${demoStory(file).title}</span></a></li>`)
      .join("")}</ol></nav>`;
    await open("font-fallback-demo.html", pageHtml([...pages].map(([no, articles]) => ({ no, articles })), guide));
    const started = performance.now();
    const messages = await findFallbackFonts(page, PINNED_FAMILIES);
    const ms = performance.now() - started;
    expect(messages).toEqual([]);
    console.log(`findFallbackFonts on the demo copy (${files.length} articles): ${ms.toFixed(0)} ms`);

    // And CDP agrees: every body, head and caption node is drawn in the pinned families.
    const cdp = await page.createCDPSession();
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-article], [data-article] *" });
    const fonts = new Set<string>();
    for (const { fonts: used } of await Promise.all(nodeIds.map((nodeId) => cdp.send("CSS.getPlatformFontsForNode", { nodeId })))) {
      for (const font of used) if (!isPinnedPlatformFont(font.familyName, font.isCustomFont, PINNED_FAMILIES)) fonts.add(font.familyName);
    }
    await cdp.detach();
    expect([...fonts]).toEqual([]);
  });

  it("matches platform font names to the pinned families", () => {
    expect(isPinnedPlatformFont("Noto Serif SC ExtraLight", true, PINNED_FAMILIES)).toBe(true);
    expect(isPinnedPlatformFont("Noto Sans SC Thin", true, PINNED_FAMILIES)).toBe(true);
    expect(isPinnedPlatformFont("LXGW WenKai", true, PINNED_FAMILIES)).toBe(true);
    expect(isPinnedPlatformFont("Ma Shan Zheng", true, PINNED_FAMILIES)).toBe(true);
    expect(isPinnedPlatformFont("Noto Serif SC", false, PINNED_FAMILIES)).toBe(false); // a system font of that name is not ours
    expect(isPinnedPlatformFont("Noto Serif SCX", true, PINNED_FAMILIES)).toBe(false);
    expect(isPinnedPlatformFont("DejaVu Sans", false, PINNED_FAMILIES)).toBe(false);
  });
});
