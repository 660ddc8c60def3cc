// CI's regression check: the demo issue, built fresh, must look exactly like
// its approved pages in test/baselines/2023-11-07. Whoever changes the demo's
// look on purpose approves the new pages with `npm run regress -- --update`
// and commits them with the change.
import { expect, it } from "vitest";
import { shownPath } from "../../scripts/regress/baselines.js";
import { pageLine, regress } from "../../scripts/regress/regress.js";
import { DEMO_ISSUE } from "../e2e/build-once.js";
import { tempDir } from "./fixtures.js";

it("the demo issue matches its approved baselines page for page", async () => {
  const result = await regress({ issueDir: DEMO_ISSUE, outputRoot: tempDir("demo") });
  const differing = result.pages.filter((page) => page.status !== "unchanged").map((page) => pageLine(page, result.baselineDir));
  const advice = `${result.summary}; report: ${result.reportHtml}. If the change is intended, approve it: npm run regress -- --update, and commit ${shownPath(result.baselineDir)}`;
  expect(differing, advice).toEqual([]);
  expect(result.ok, advice).toBe(true);
  expect(result.pages).toHaveLength(16);
}, 240_000);
