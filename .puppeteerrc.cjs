// Puppeteer's install step must not try to download a browser: many build
// machines have no route to it. scripts/print/browser.ts resolves one instead.
module.exports = { skipDownload: true };
