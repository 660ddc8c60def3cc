// The composed document cut into what watch mode compares between builds:
// each page's section, and everything else (the "shell": head, stylesheets,
// page rules). A page whose section is unchanged needs no new layout.
import type { Page } from "puppeteer";

export interface Sections {
  shell: string;
  /** Section id ("page-05") -> the section's HTML. */
  pages: Map<string, string>;
  /** Section id -> its running-head strings, which only Paged.js sets (on the sheet). */
  running: Map<string, string>;
  /** Section id -> page number. */
  pageNo: Map<string, number>;
}

/** Splits a document with the browser's own HTML parser, in the given tab. */
export async function splitSections(page: Page, html: string): Promise<Sections> {
  const split = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const pages: [string, string][] = [];
    const running: [string, string][] = [];
    const pageNo: [string, number][] = [];
    for (const section of doc.querySelectorAll(".np-issue > section.np-page")) {
      pages.push([section.id, section.outerHTML]);
      pageNo.push([section.id, Number(section.getAttribute("data-page"))]);
      running.push([section.id, section.querySelector(".np-running")?.textContent ?? ""]);
      section.remove();
    }
    return { shell: doc.documentElement.outerHTML, pages, running, pageNo };
  }, html);
  return { shell: split.shell, pages: new Map(split.pages), running: new Map(split.running), pageNo: new Map(split.pageNo) };
}

/** The ids of the sections that differ, or undefined when the change is beyond single pages. */
export function changedSections(before: Sections, after: Sections): string[] | undefined {
  if (before.shell !== after.shell) return undefined;
  const ids = [...after.pages.keys()];
  if (ids.length !== before.pages.size || ids.some((id) => !before.pages.has(id))) return undefined;
  // A new running head would need Paged.js again: that is a full rebuild.
  if (ids.some((id) => before.running.get(id) !== after.running.get(id))) return undefined;
  return ids.filter((id) => before.pages.get(id) !== after.pages.get(id));
}
