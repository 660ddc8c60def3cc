// @ts-check
// Runs inside Chromium after layout: hands the laid-out document to Paged.js
// and reports where every page section and headline landed. (The e-paper is
// cut from the same printed pages afterwards: see press-and-epaper.ts.)

(() => {
  /**
   * @param {{ sheets: Record<string, string>[], pageCount: number }} options
   */
  async function paginate({ sheets, pageCount }) {
    // Chromium draws @page margin boxes itself; only Paged.js may read these rules.
    for (const node of document.querySelectorAll("[data-paged-media]")) node.remove();
    const main = /** @type {HTMLElement} */ (document.querySelector(".np-issue"));
    // Paged.js needs each page's box and its running-head strings, not the laid-out
    // grid: without it, it does not set every line of copy again (measured: most of
    // its time). The grids go back onto their sheets, unchanged, afterwards.
    // Where the headlines sit in their sections is read now, while the laid-out
    // document needs no new layout; pagination moves sections, not what is in them.
    const headsOfSection = new Map([...main.querySelectorAll(":scope > .np-page")].map((section) => [section.id, sectionHeadlines(section)]));
    /** @type {Map<string, Element>} */
    const grids = new Map();
    for (const grid of main.querySelectorAll(":scope > .np-page > .np-grid")) {
      // By id: Paged.js rewrites data-page on sections with a named page (page 1).
      grids.set(/** @type {HTMLElement} */ (grid.parentElement).id, grid);
      grid.remove();
    }
    const template = document.createElement("template");
    template.content.appendChild(main);
    // @ts-ignore: Paged is the global that paged.js defines
    const previewer = new window.Paged.Previewer();
    // Paged.js first loads every @font-face the document declares: with fonts
    // sliced by unicode-range, hundreds of files this issue never uses (measured:
    // most of pagination's time). The laid-out text has its faces loaded already;
    // what the running heads need loads as the sheets render, awaited below.
    previewer.chunker.loadFonts = () => Promise.resolve();
    // It also waits for an animation frame (1/60 s) before each sheet: nothing
    // here is animated or shown on a screen, so the next sheet may start at once.
    previewer.chunker.q.tick = (/** @type {() => void} */ next) => queueMicrotask(next);
    const flow = await previewer.preview(template.content, sheets, document.body);
    const pages = [...document.querySelectorAll(".pagedjs_page")];
    // Measured on the sheets while they are light; with the grids back, the
    // next layout is Chromium's own for printing, not one more before it.
    const placed = pages.map((page, pageIndex) => {
      const section = page.querySelector(".np-page");
      const offset = section ? section.getBoundingClientRect().top - page.getBoundingClientRect().top : 0;
      const heads = (section && headsOfSection.get(section.id)) ?? [];
      headsOfSection.delete(section?.id ?? "");
      return { pageIndex, headlines: heads.map(({ id, title, offsetPx }) => ({ id, title, topPx: offset + offsetPx })) };
    });
    for (const section of document.querySelectorAll(".pagedjs_page .np-page")) {
      const grid = grids.get(section.id);
      // A section that spilled appears twice; its grid goes on its first sheet.
      if (grid && !grid.isConnected) section.appendChild(grid);
    }
    await document.fonts.ready;
    /** @type {number[]} */
    const sectionOfSheet = pages.map((page) => Number(page.querySelector(".np-page")?.getAttribute("data-page") ?? 0));
    /** Sections that Paged.js carried onto a second sheet. */
    const spilled = sectionOfSheet.filter((no, i) => i > 0 && no === sectionOfSheet[i - 1]);
    return { sheets: flow.total, expected: pageCount, sectionOfSheet, spilled: [...new Set(spilled)], headlines: placed };
  }

  /**
   * A section's headlines in story order, from the section's top, in CSS px.
   * @param {Element} section
   */
  function sectionHeadlines(section) {
    const top = section.getBoundingClientRect().top;
    return [...section.querySelectorAll(".np-article:not(.np-continuation)")].map((article) => {
      const title = /** @type {HTMLElement} */ (article.querySelector(".np-title"));
      const head = /** @type {HTMLElement} */ (article.querySelector(".np-head"));
      return { id: article.id, title: title.innerText.replace(/\s+/g, ""), offsetPx: head.getBoundingClientRect().top - top };
    });
  }

  /** Where each page's headlines sit, in CSS px from the top of their sheet, measured on the sheets as they are now. */
  function headlines() {
    return [...document.querySelectorAll(".pagedjs_page")].map((page, pageIndex) => {
      const top = page.getBoundingClientRect().top;
      return {
        pageIndex,
        headlines: [...page.querySelectorAll(".np-article:not(.np-continuation)")].map((article) => {
          const title = /** @type {HTMLElement} */ (article.querySelector(".np-title"));
          const head = /** @type {HTMLElement} */ (article.querySelector(".np-head"));
          return { id: article.id, title: title.innerText.replace(/\s+/g, ""), topPx: head.getBoundingClientRect().top - top };
        }),
      };
    });
  }

  // @ts-ignore: the page-side API the Node stages call
  window.newsprintPrint = { paginate, headlines };
})();
