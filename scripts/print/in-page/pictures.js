// @ts-check
// Runs inside Chromium before pagination. Lists the document's pictures, and
// swaps plain JPEGs for stand-ins: an SVG of the picture's own pixel size that
// holds a tiny raster stretched over all of it. The page lays out and paints
// exactly as with the photo (object-fit sees the same intrinsic size), but
// Chromium's PDF step does not have to process megapixels; the Node side puts
// the photo's own bytes back in place of the tiny raster (see stand-ins.ts).

(() => {
  /** Every picture in the document, with the widest box it is shown in. */
  function list() {
    /** @type {Map<string, { url: string, boxWidthPx: number, naturalWidth: number, naturalHeight: number }>} */
    const byUrl = new Map();
    for (const img of document.images) {
      const url = img.currentSrc || img.src;
      const boxWidthPx = img.getBoundingClientRect().width;
      const known = byUrl.get(url);
      if (known) known.boxWidthPx = Math.max(known.boxWidthPx, boxWidthPx);
      else byUrl.set(url, { url, boxWidthPx, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight });
    }
    return [...byUrl.values()];
  }

  /**
   * @param {number} width
   * @param {number} height
   */
  function tinyRaster(width, height) {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.fillStyle = "#808080";
    context.fillRect(0, 0, width, height);
    return canvas.toDataURL("image/png");
  }

  /**
   * @param {{ url: string, width: number, height: number, rasterWidth: number, rasterHeight: number }[]} standIns
   */
  async function useStandIns(standIns) {
    const byUrl = new Map(standIns.map((standIn) => [standIn.url, standIn]));
    const swapped = [];
    for (const img of document.images) {
      const standIn = byUrl.get(img.currentSrc || img.src);
      if (!standIn) continue;
      const { width, height } = standIn;
      const raster = tinyRaster(standIn.rasterWidth, standIn.rasterHeight);
      const svg =
        // preserveAspectRatio="none" on both: an SVG keeps its proportions unless told, a photo stretches.
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">` +
        `<image width="${width}" height="${height}" preserveAspectRatio="none" href="${raster}"/></svg>`;
      img.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      swapped.push(img.decode());
    }
    await Promise.all(swapped);
    return swapped.length;
  }

  // @ts-ignore: the page-side API the Node stages call
  window.newsprintPictures = { list, useStandIns };
})();
