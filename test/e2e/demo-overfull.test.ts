// A deliberately overfull copy of the demo issue fails, naming the page, the
// article and how much does not fit; the page is never clipped.
import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { build } from "../../scripts/build.js";
import { BuildError, ExitCode, formatMessage } from "../../scripts/messages.js";
import { DEMO_ISSUE } from "./build-once.js";

it("names page 5, the overfull article and the lines over", async () => {
  const scratch = mkdtempSync(join(tmpdir(), "newsprint-overfull-"));
  const issueDir = join(scratch, "2023-11-07");
  cpSync(DEMO_ISSUE, issueDir, { recursive: true });
  const extra = "社区志愿者每周上门走访独居老人，记录他们的用药、饮食和取暖情况，发现问题及时报告社区。".repeat(6);
  appendFileSync(join(issueDir, "pages", "05", "03.md"), `\n${`${extra}\n\n`.repeat(12)}`);

  const error = await build({ issueDir, outputRoot: join(scratch, "out") }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BuildError);
  const failure = error as BuildError;
  expect(failure.exitCode).toBe(ExitCode.Overflow);
  const message = failure.messages.find((candidate) => candidate.page === 5);
  expect(message && formatMessage(message)).toMatch(/^pages\/05\/03\.md: \d+ lines \(about \d+ characters\) do not fit on page 5$/);
  // About 3,200 characters were added; the page absorbs some by cropping photos and
  // re-arranging, so what is named is less than that, but clearly more than a line or two.
  const lines = Number(/^(\d+) lines/.exec(message!.reason)![1]);
  expect(lines).toBeGreaterThan(20);
  expect(lines * 13).toBeLessThan(3300);
});
