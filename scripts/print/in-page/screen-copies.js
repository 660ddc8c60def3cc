// @ts-check
// Runs in a tab of its own, beside pagination: scales photos to the size the
// e-paper shows them at and encodes them as JPEG again (returned as base64).

(() => {
  /**
   * @param {{ width: number, height: number, src: string }} job
   * @param {number} quality
   */
  async function scale(job, quality) {
    const img = new Image();
    img.src = job.src;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = job.width;
    canvas.height = job.height;
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.imageSmoothingQuality = "high";
    context.drawImage(img, 0, 0, job.width, job.height);
    /** @type {Blob} */
    const blob = await new Promise((resolve, reject) => canvas.toBlob((made) => (made ? resolve(made) : reject(new Error("canvas gave no JPEG"))), "image/jpeg", quality));
    /** @type {string} */
    const dataUrl = await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsDataURL(blob);
    });
    return dataUrl.slice(dataUrl.indexOf(",") + 1);
  }

  /**
   * A few at a time: each decoded photo holds megabytes until it is encoded again.
   * @param {{ width: number, height: number, src: string }[]} jobs
   * @param {number} quality
   * @param {number} inFlight
   */
  async function scaleAll(jobs, quality, inFlight) {
    /** @type {string[]} */
    const results = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await scale(jobs[index], quality);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return results;
  }

  // @ts-ignore: the page-side API the Node side calls
  window.newsprintScreen = { scaleAll };
})();
