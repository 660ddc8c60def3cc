// @ts-check
// Runs inside Chromium, on the composed document, after fonts and images have
// loaded. Plain JavaScript, loaded with addScriptTag, so that no build step
// sits between the file and the browser. The Node side (scripts/layout/) calls
// window.newsprintLayout.measure / apply / verify and does all the deciding.

(() => {
  /** @param {string} name */
  const cssNumber = (name) => parseFloat(getComputedStyle(document.body).getPropertyValue(name));

  function grid() {
    const columnWidth = cssNumber("--column-width");
    const gutter = cssNumber("--gutter");
    const line = cssNumber("--line");
    /** @param {number} span */
    const spanWidth = (span) => span * columnWidth + (span - 1) * gutter;
    return { columnWidth, gutter, line, spanWidth };
  }

  async function ready() {
    await document.fonts.ready;
    const images = [...document.images];
    await Promise.all(images.map((img) => (img.complete ? Promise.resolve() : new Promise((done) => { img.onload = img.onerror = done; }))));
    const broken = images.filter((img) => img.naturalWidth === 0).map((img) => img.getAttribute("src"));
    return { broken };
  }

  /** Inline images snap to whole body lines at the column width. */
  function snapInlineImages() {
    const { columnWidth, line } = grid();
    for (const img of /** @type {NodeListOf<HTMLImageElement>} */ (document.querySelectorAll("img.np-inline-image"))) {
      const natural = columnWidth * (img.naturalHeight / img.naturalWidth);
      img.style.height = `${Math.max(2, Math.round(natural / line)) * line}px`;
    }
  }

  /** A container off to the side where copies are set at a given width. */
  function measuringBox() {
    const box = document.createElement("div");
    box.className = "np-measuring";
    box.style.cssText = "position:absolute;left:0;top:0;visibility:hidden;contain:layout;";
    document.body.appendChild(box);
    return box;
  }

  /**
   * @param {HTMLElement} box
   * @param {Element} node
   * @param {number} width
   * @param {Record<string, string>} [vars]
   */
  function placeCopy(box, node, width, vars = {}) {
    const holder = document.createElement("div");
    holder.className = "np-article";
    holder.style.width = `${width}px`;
    for (const [name, value] of Object.entries(vars)) holder.style.setProperty(name, value);
    holder.appendChild(node.cloneNode(true));
    box.appendChild(holder);
    return /** @type {HTMLElement} */ (holder.firstElementChild);
  }

  /**
   * @typedef {{ title: number, kicker: number, subtitle: number }} HeadSizes
   * @typedef {{ id: string, spans: number[], headSizes: Record<string, HeadSizes[]> }} ArticlePlan
   * @typedef {{ id: string, spans: number[] }} BoxPlan
   * @param {{ articles: ArticlePlan[], boxes: BoxPlan[] }} plan
   */
  async function measure(plan) {
    const { broken } = await ready();
    snapInlineImages();
    const { line, spanWidth } = grid();
    const box = measuringBox();
    const lines = (/** @type {HTMLElement} */ el) => Math.ceil(el.getBoundingClientRect().height / line - 0.01);
    const pending = plan.articles.map((article) => {
      const el = /** @type {HTMLElement} */ (document.getElementById(article.id));
      const head = /** @type {Element} */ (el.querySelector(".np-head"));
      const caption = el.querySelector(".np-caption");
      const body = /** @type {Element} */ (el.querySelector(".np-body"));
      const heads = article.spans.map((span) =>
        article.headSizes[span].map((sizes) =>
          placeCopy(box, head, spanWidth(span), {
            "--title-size": `${sizes.title}px`,
            "--kicker-size": `${sizes.kicker}px`,
            "--subtitle-size": `${sizes.subtitle}px`,
          }),
        ),
      );
      const captions = caption ? article.spans.map((span) => placeCopy(box, caption, spanWidth(span))) : undefined;
      const bodyCopy = placeCopy(box, body, spanWidth(1));
      bodyCopy.style.overflow = "visible";
      return { article, heads, captions, bodyCopy };
    });
    const boxes = plan.boxes.map((boxPlan) => {
      const el = /** @type {HTMLElement} */ (document.getElementById(boxPlan.id));
      return { boxPlan, copies: boxPlan.spans.map((span) => placeCopy(box, el, spanWidth(span))) };
    });
    // One layout pass for all copies, then read.
    const articles = pending.map(({ article, heads, captions, bodyCopy }) => ({
      articleId: article.id,
      headLines: Object.fromEntries(article.spans.map((span, i) => [span, heads[i].map(lines)])),
      captionLines: captions && Object.fromEntries(article.spans.map((span, i) => [span, lines(captions[i])])),
      bodyLines: lines(bodyCopy),
      bodyText: (bodyCopy.textContent ?? "").replace(/\s+/g, "").length,
    }));
    const boxLines = boxes.map(({ boxPlan, copies }) => ({
      id: boxPlan.id,
      lines: Object.fromEntries(boxPlan.spans.map((span, i) => [span, lines(copies[i])])),
    }));
    box.remove();
    return { articles, boxes: boxLines, brokenImages: broken };
  }

  /**
   * @typedef {{ id: string, column: number, span: number, row: number, rows: number,
   *   headLines: number, photoRows: number, sizes?: HeadSizes, spaced: boolean, ruledLeft: boolean }} ModulePlacement
   * @param {ModulePlacement[]} placements
   */
  function apply(placements) {
    const { line } = grid();
    for (const p of placements) {
      const el = /** @type {HTMLElement} */ (document.getElementById(p.id));
      el.style.gridArea = `${p.row + 1} / ${p.column + 1} / span ${p.rows} / span ${p.span}`;
      el.classList.toggle("np-spaced", p.spaced);
      el.classList.toggle("np-ruled-left", p.ruledLeft);
      el.dataset.span = String(p.span);
      if (p.sizes) {
        el.style.setProperty("--title-size", `${p.sizes.title}px`);
        el.style.setProperty("--kicker-size", `${p.sizes.kicker}px`);
        el.style.setProperty("--subtitle-size", `${p.sizes.subtitle}px`);
      }
      const head = /** @type {HTMLElement | null} */ (el.querySelector(".np-head"));
      if (head) head.style.height = `${p.headLines * line}px`;
      const frame = /** @type {HTMLElement | null} */ (el.querySelector(".np-photo__frame"));
      if (frame) frame.style.height = `${p.photoRows * line}px`;
      const body = /** @type {HTMLElement | null} */ (el.querySelector(".np-body"));
      if (body) body.style.columnCount = String(p.span);
    }
  }

  /** Every module's content must fit its box: nothing may be clipped. */
  function verify() {
    const { line, columnWidth, gutter } = grid();
    /** @type {{ id: string, overflowLines: number }[]} */
    const problems = [];
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".np-article"))) {
      const body = /** @type {HTMLElement} */ (el.querySelector(".np-body"));
      const head = /** @type {HTMLElement} */ (el.querySelector(".np-head"));
      const legs = Number(el.dataset.span || 1);
      const extraLegs = Math.max(0, Math.round((body.scrollWidth - body.clientWidth) / (columnWidth + gutter)));
      const deeper = Math.max(0, Math.ceil((body.scrollHeight - body.clientHeight - 1) / line));
      const headOver = Math.max(0, Math.ceil((head.scrollHeight - head.clientHeight - 1) / line));
      const legLines = Math.floor(body.clientHeight / line);
      const overflowLines = extraLegs * legLines + deeper * legs + headOver * legs;
      if (overflowLines > 0 || body.clientHeight < 0) problems.push({ id: el.id, overflowLines });
    }
    return problems;
  }

  // @ts-ignore: the page-side API the Node stages call
  window.newsprintLayout = { measure, apply, verify };
})();
