// The browser loads nothing from the network, copy cannot run script, and a
// hung render ends with a clear error.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../scripts/build.js";
import { createMarkdown } from "../../scripts/compose/markdown.js";
import { BuildError, ExitCode } from "../../scripts/messages.js";
import { sharedBrowser } from "../shared-browser.js";
import { openDocument } from "../../scripts/print/session.js";
import { article, makeIssue, validFiles } from "../content/fixture.js";

const browser = sharedBrowser();
const scratch = mkdtempSync(join(tmpdir(), "newsprint-guard-"));

describe("the render sandbox", () => {
  it("refuses a request to the network and names who asked", async () => {
    const documentFile = join(scratch, "network.html");
    writeFileSync(documentFile, `<!doctype html><img src="http://example.invalid/tracker.png"><link rel="stylesheet" href="https://fonts.example.invalid/x.css">`);
    const session = await openDocument({ browser: browser(), documentFile, allowedFolders: [scratch], timeoutMs: 20_000, whoAsked: (url) => (url.includes("tracker") ? "pages/03/02.md" : undefined) });
    await session.close();
    const reasons = session.blocked.map((message) => message.reason).join("\n");
    expect(reasons).toContain("http://example.invalid/tracker.png");
    expect(reasons).toContain("https://fonts.example.invalid/x.css");
    expect(session.blocked.find((message) => message.reason.includes("tracker"))?.file).toBe("pages/03/02.md");
  });

  it("refuses files outside the project and the issue folder", async () => {
    const documentFile = join(scratch, "files.html");
    writeFileSync(documentFile, `<!doctype html><img src="file:///etc/hostname">`);
    const session = await openDocument({ browser: browser(), documentFile, allowedFolders: [scratch], timeoutMs: 20_000 });
    await session.close();
    expect(session.blocked.map((message) => message.reason).join("\n")).toContain("file:///etc/hostname");
  });

  it("renders script, event handlers and javascript: links in copy as inert text", async () => {
    const md = createMarkdown();
    const html = md.render('<script>document.title="pwned"</script>\n\n<img src=x onerror="document.title=\'pwned\'">\n\n[点我](javascript:document.title="pwned")\n', {
      articleFile: join(scratch, "a.md"),
      documentDir: scratch,
    });
    expect(html).not.toMatch(/<script|<img src=x|href="javascript/);
    const documentFile = join(scratch, "script.html");
    writeFileSync(documentFile, `<!doctype html><title>safe</title><body>${html}</body>`);
    const session = await openDocument({ browser: browser(), documentFile, allowedFolders: [scratch], timeoutMs: 20_000 });
    expect(await session.page.title()).toBe("safe");
    await session.close();
  });

  it("ends a render that takes too long with a clear error", async () => {
    const issueDir = await makeIssue(validFiles(2, { "pages/01/01.md": article({ title: "超时测试" }, "正文。\n".repeat(50)) }));
    const attempt = build({ issueDir, outputRoot: join(scratch, "out"), browser: browser(), timeoutMs: 50 });
    await expect(attempt).rejects.toBeInstanceOf(BuildError);
    const error = (await attempt.catch((caught: unknown) => caught)) as BuildError;
    expect(error.exitCode).toBe(ExitCode.Render);
    expect(error.message).toMatch(/did not finish within|timed out|Timeout/i);
  });
});
