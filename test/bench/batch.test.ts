// Several issues in one command: each is built or fails on its own, under its
// own name, and the exit code is the worst of theirs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../scripts/messages.js";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { tinyJpeg } from "../content/fixture.js";
import { writeSmallIssue } from "./small-issue.js";

const parent = mkdtempSync(join(tmpdir(), "newsprint-batch-"));
const outputRoot = join(parent, "output");
let run: { code: number | null; stdout: string; stderr: string };

beforeAll(() => {
  writeSmallIssue(tinyJpeg(), { id: "2024-05-01", parent });
  const broken = writeSmallIssue(tinyJpeg(), { id: "2024-05-02", parent });
  rmSync(join(broken, "images", "photo.jpg"));
  const cli = spawnSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT_ROOT, "scripts", "cli.ts"), "build", join(parent, "2024-05-01"), broken, "--out", outputRoot, "--concurrency", "2"],
    { encoding: "utf8", cwd: PROJECT_ROOT },
  );
  run = { code: cli.status, stdout: cli.stdout, stderr: cli.stderr };
}, 240_000);

describe("npm run build -- <dir1> <dir2>", () => {
  it("builds the good issue and writes its PDFs", () => {
    expect(run.stdout).toMatch(/\[2024-05-01\] layout/);
    expect(existsSync(join(outputRoot, "2024-05-01", "print.pdf"))).toBe(true);
    expect(existsSync(join(outputRoot, "2024-05-01", "epaper.pdf"))).toBe(true);
  });

  it("reports the broken issue on its own, by name, and writes nothing for it", () => {
    expect(run.stderr).toMatch(/build failed, .*2024-05-02.*exit code 2/);
    expect(run.stderr).toMatch(/\[2024-05-02\] error: pages\/01\/01\.md:\d+.*photo\.jpg/);
    expect(run.stderr).not.toMatch(/\[2024-05-01\] error/);
    expect(existsSync(join(outputRoot, "2024-05-02"))).toBe(false);
    expect(run.stdout).toMatch(/built 1 of 2 issues/);
  });

  it("exits with the broken issue's code", () => {
    expect(run.code).toBe(ExitCode.BadInput);
  });
});
