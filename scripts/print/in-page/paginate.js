// @ts-check
// Runs inside Chromium after layout: hands the laid-out document to Paged.js,
// reports where every page section and headline landed, and turns the press
// pages into e-paper pages (trim size, no marks, screen-resolution images).

(() => {
  /**
   * @param {{ sheets: Record<string, string>[], pageCount: number }} options
   */
  async function paginate({ sheets, pageCount }) {
    // Chromium draws @page margin boxes itself; only Paged.js may read these rules.
    for (const node of document.querySelectorAll("[data-paged-media]")) node.remove();
    const main = /** @type {HTMLElement} */ (document.querySelector(".np-issue"));
    const template = document.createElement("template");
    template.content.appendChild(main);
    // @ts-ignore: Paged is the global that paged.js defines
    const previewer = new window.Paged.Previewer();
    const flow = await previewer.preview(template.content, sheets, document.body);
    const pages = [...document.querySelectorAll(".pagedjs_page")];
    /** @type {number[]} */
    const sectionOfSheet = pages.map((page) => Number(page.querySelector(".np-page")?.getAttribute("data-page") ?? 0));
    /** Sections that Paged.js carried onto a second sheet. */
    const spilled = sectionOfSheet.filter((no, i) => i > 0 && no === sectionOfSheet[i - 1]);
    return { sheets: flow.total, expected: pageCount, sectionOfSheet, spilled: [...new Set(spilled)] };
  }

  /** Where each page's headlines sit, in CSS px from the top of their sheet. */
  function headlines() {
    return [...document.querySelectorAll(".pagedjs_page")].map((page, pageIndex) => {
      const top = page.getBoundingClientRect().top;
      return {
        pageIndex,
        headlines: [...page.querySelectorAll(".np-article")].map((article) => {
          const title = /** @type {HTMLElement} */ (article.querySelector(".np-title"));
          const head = /** @type {HTMLElement} */ (article.querySelector(".np-head"));
          return { id: article.id, title: title.innerText.replace(/\s+/g, ""), topPx: head.getBoundingClientRect().top - top };
        }),
      };
    });
  }

  /**
   * @param {{ widthMm: number, heightMm: number, imageDpi: number, quality: number }} options
   */
  async function toEpaper({ widthMm, heightMm, imageDpi, quality }) {
    const style = document.createElement("style");
    const zero = ["top", "right", "bottom", "left", "right-top", "right-right", "right-bottom", "right-left", "left-top", "left-right", "left-bottom", "left-left"]
      .map((side) => `--pagedjs-bleed-${side}: 0mm;`)
      .join(" ");
    const size = ["", "-left", "-right"].map((side) => `--pagedjs-width${side}: ${widthMm}mm; --pagedjs-height${side}: ${heightMm}mm;`).join(" ");
    style.textContent = `:root:root { ${zero} ${size} --pagedjs-mark-crop-display: none; }
      .pagedjs_marks-crop, .pagedjs_marks-middle { display: none !important; }
      @page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }`;
    document.head.appendChild(style);
    const scale = imageDpi / 96;
    await Promise.all(
      [...document.querySelectorAll(".pagedjs_pages img")].map(async (node) => {
        const img = /** @type {HTMLImageElement} */ (node);
        const box = img.getBoundingClientRect();
        const width = Math.round(box.width * scale);
        if (width <= 0 || img.naturalWidth <= width) return;
        // Keep the picture's own proportions; object-fit still crops it to the frame.
        const height = Math.round((width * img.naturalHeight) / img.naturalWidth);
        const canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
        const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
        context.imageSmoothingQuality = "high";
        context.drawImage(img, 0, 0, width, height);
        img.src = canvas.toDataURL("image/jpeg", quality);
        await img.decode();
      }),
    );
  }

  // @ts-ignore: the page-side API the Node stages call
  window.newsprintPrint = { paginate, headlines, toEpaper };
})();
