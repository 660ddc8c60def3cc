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
    const copy = /** @type {HTMLElement} */ (node.cloneNode(true));
    // A copy is measured as the content alone: sizes an earlier layout applied do not come along.
    copy.removeAttribute("style");
    holder.appendChild(copy);
    box.appendChild(holder);
    return /** @type {HTMLElement} */ (holder.firstElementChild);
  }

  /**
   * @typedef {{ title: number, kicker: number, subtitle: number }} HeadSizes
   * @typedef {{ id: string, spans: number[], captionSpans: number[], headSizes: Record<string, HeadSizes[]> }} ArticlePlan
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
      const captions = caption ? article.captionSpans.map((span) => placeCopy(box, caption, spanWidth(span))) : undefined;
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
      captionLines: captions && Object.fromEntries(article.captionSpans.map((span, i) => [span, lines(captions[i])])),
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
   *   headLines: number, photoRows: number, photoSpan: number, sizes?: HeadSizes, spaced: boolean, ruledLeft: boolean }} ModulePlacement
   * @param {ModulePlacement[]} placements
   */
  function apply(placements) {
    const { line, spanWidth } = grid();
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
      const figure = /** @type {HTMLElement | null} */ (el.querySelector(".np-photo"));
      if (figure) {
        const beside = p.photoSpan > 0 && p.photoSpan < p.span;
        figure.classList.toggle("np-photo--beside", beside);
        figure.style.gridTemplateColumns = beside ? `${spanWidth(p.photoSpan)}px 1fr` : "";
      }
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
      if (overflowLines > 0) problems.push({ id: el.id, overflowLines });
    }
    return problems;
  }

  /**
   * Finds where line `lines` of a body set in one column starts: the node and
   * offset of its first character.
   * @param {HTMLElement} body
   * @param {number} lines
   */
  function lineStart(body, lines) {
    const { line } = grid();
    const top = body.getBoundingClientRect().top;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = /** @type {Text} */ (node);
      for (let offset = 0; offset < text.length; offset++) {
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        const rect = range.getClientRects()[0];
        if (rect && Math.floor((rect.top - top + 1) / line) >= lines) return { node: text, offset };
      }
    }
    return undefined;
  }

  /**
   * 转版: cuts a story after `keptLines` lines, ends it with a 下转 line, and
   * starts a continuation module on the target page with 上接 and the headline.
   * @param {{ articleId: string, continuationId: string, keptLines: number, targetPageId: string,
   *   title: string, fromLabel: string, toLabel: string }} request
   */
  function split(request) {
    const { spanWidth } = grid();
    const story = /** @type {HTMLElement} */ (document.getElementById(request.articleId));
    const body = /** @type {HTMLElement} */ (story.querySelector(".np-body"));
    const saved = body.getAttribute("style") ?? "";
    body.setAttribute("style", `width:${spanWidth(1)}px;column-count:1;overflow:visible;flex:none;height:auto;`);
    const start = lineStart(body, request.keptLines);
    body.setAttribute("style", saved);
    if (!start) return false;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(body, body.childNodes.length);
    const rest = range.extractContents();
    // The paragraph cut in two goes on without a first-line indent.
    const firstBlock = rest.firstElementChild;
    if (firstBlock && start.offset > 0) firstBlock.classList.add("np-continued");
    for (const empty of [...rest.children].filter((child) => child.textContent?.trim() === "" && !child.querySelector("img"))) empty.remove();

    const jumpLine = (/** @type {string} */ text, /** @type {string} */ target, /** @type {string} */ kind) => {
      const p = document.createElement("p");
      p.className = `np-jump np-jump--${kind}`;
      const link = document.createElement("a");
      link.href = `#${target}`;
      link.textContent = text;
      p.appendChild(link);
      return p;
    };
    body.appendChild(jumpLine(request.toLabel, request.continuationId, "to"));

    const continuation = document.createElement("article");
    continuation.className = "np-article np-module np-continuation";
    continuation.id = request.continuationId;
    continuation.dataset.article = request.continuationId;
    continuation.dataset.rank = "minor";
    continuation.dataset.file = story.dataset.file ?? "";
    const head = document.createElement("div");
    head.className = "np-head";
    const title = document.createElement("h2");
    title.className = "np-title";
    title.textContent = request.title;
    head.append(title, jumpLine(request.fromLabel, request.articleId, "from"));
    const restBody = document.createElement("div");
    restBody.className = "np-body";
    restBody.appendChild(rest);
    continuation.append(head, restBody);
    const pageGrid = /** @type {HTMLElement} */ (document.querySelector(`#${request.targetPageId} .np-grid`));
    pageGrid.insertBefore(continuation, pageGrid.querySelector(".np-guide"));
    return true;
  }

  // @ts-ignore: the page-side API the Node stages call
  window.newsprintLayout = { measure, apply, verify, split };
})();
